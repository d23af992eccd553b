"""Helpers for the host-page tests (scripts/devsite/hosts.py): the block inside Studio's modal, the
libraries v2 iframe and the Learning MFE's unit iframe."""
import itertools
import os
import time


_ids = itertools.count()
# The timeline's editing sandbox scenario (asylum_timeline.5) exists with this switch (see its Studio tests).
os.environ["BEMOTANDE_TEST_SCENARIOS"] = "1"


def who(prefix):
    """A learner or author id no other test uses."""
    return "{}-{}-{}".format(prefix, int(time.time() * 1000) % 10**8, next(_ids))


def host_url(base, kind, scenario, student, view=None):
    """URL of a host page: kind is "studio", "library" (with view) or "lms"."""
    middle = "{}/{}/{}/".format(kind, scenario, view) if view else "{}/{}/".format(kind, scenario)
    return "{}/hosts/{}?student={}".format(base, middle, student)


def frame_of(page, selector):
    """The Frame of the iframe ``selector`` once its document has loaded."""
    handle = page.wait_for_selector(selector)
    frame = handle.content_frame()
    frame.wait_for_load_state("load")
    return frame


def state(page):
    """What the host page recorded (notifications, whether the editor closed, reported heights)."""
    return page.evaluate("() => JSON.parse(JSON.stringify(window.hostState))")


def notified(page, name):
    return [n["data"] for n in state(page)["notifications"] if n["name"] == name]


def take_expected_400(page, handler):
    """A refused save answers HTTP 400, which Chromium logs as a console error: expected, once."""
    found = [p for p in page.problems if "status of 400" in p and "/{}/".format(handler) in p]
    assert len(found) == 1, page.problems
    page.problems.remove(found[0])
