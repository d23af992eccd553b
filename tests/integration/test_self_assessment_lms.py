"""self_assessment with learner state kept as the LMS keeps it (``devsite.lms_store``): the
``measurements`` preference is one row per learner, block type and field, read once per request and
written when it ends. A ``before`` and an ``after`` block of one course compare through it; another
course does not see the answers; a write lost to an overlapping request is repaired by the next view."""
from django.utils import translation
from workbench.models import XBlockState
from xblock.fields import ScopeIds

from devsite.lms_store import PREFS_SCOPE
from xblocks.self_assessment.scenarios import START

from .runtime import BlockHarness

END = START.replace('role="before"', 'role="after"')
FIRST = {"asylprocessen": 1, "tolk": 2, "hanvisa": 4}
LAST = {"asylprocessen": 3, "tolk": 2, "hanvisa": 3}


class CourseUsage(str):
    """A workbench usage id that knows its course, as the platform's usage keys do (``context_key``;
    opaque-keys is not installed here, so the course key is its text)."""

    def __new__(cls, usage, course):
        value = super().__new__(cls, usage)
        value.context_key = course
        return value


def in_course(harness, block, course, user):
    """``block`` as one LMS request of ``user`` sees it, placed in ``course``."""
    runtime = harness.runtime(user)
    ids = block.scope_ids
    return runtime.construct_xblock(ids.block_type, ScopeIds(user, ids.block_type, ids.def_id,
                                                              CourseUsage(ids.usage_id, course)))


def test_before_and_after_in_one_course_compare_through_the_preference_rows():
    harness = BlockHarness(store="lms")
    user, course = harness.new_user(), "course-v1:Bemotande+BB101+2026"
    before, after = harness.load(START, user), harness.load(END, user)
    status, _ = harness.call(in_course(harness, before, course, user), "submit_assessment", {"answers": FIRST})
    assert status == 200
    rows = XBlockState.objects.filter(scope=PREFS_SCOPE, user_id=user)
    assert [(r.scope_id, r.tag) for r in rows] == [("self_assessment.measurements", "self_assessment")]
    assert "{}|kursen|before".format(course) in rows[0].state
    with translation.override("sv"):
        status, reply = harness.call(in_course(harness, after, course, user), "submit_assessment",
                                     {"answers": LAST})
    assert status == 200 and reply["earlier_found"] is True
    assert [(r["before"], r["now"], r["change_text"]) for r in reply["comparison"]] == [
        (1, 3, "+2 steg"), (2, 2, "oförändrad"), (4, 3, "\u22121 steg")]
    prefs = in_course(harness, after, course, user).measurements
    assert set(prefs) == {"{}|kursen|before".format(course), "{}|kursen|after".format(course)}


def test_another_course_does_not_see_the_answers():
    harness = BlockHarness(store="lms")
    user = harness.new_user()
    before, after = harness.load(START, user), harness.load(END, user)
    harness.call(in_course(harness, before, "course-v1:Bemotande+BB101+2026", user), "submit_assessment",
                 {"answers": FIRST})
    other = in_course(harness, after, "course-v1:Bemotande+BB101+2027", user)
    status, state = harness.call(other, "student_view_user_state", method="GET")
    assert status == 200 and state["earlier_found"] is False
    html = other.runtime.render(in_course(harness, after, "course-v1:Bemotande+BB101+2027", user),
                                "student_view").content
    assert "data-sa-earlier" not in html and "data-sa-no-earlier" in html
    same = in_course(harness, after, "course-v1:Bemotande+BB101+2026", user)
    assert harness.call(same, "student_view_user_state", method="GET")[1]["earlier_found"] is True


def test_a_preference_write_lost_to_an_overlapping_request_is_repaired_by_the_next_view():
    harness = BlockHarness(store="lms")
    user, course = harness.new_user(), "course-v1:Bemotande+BB101+2026"
    start = harness.load(START, user)
    module = harness.load(START.replace('series="kursen"', 'series="modul-3"'), user)
    one, two = in_course(harness, start, course, user), in_course(harness, module, course, user)
    assert one.measurements == {} and two.measurements == {}  # both requests have read the preference
    assert harness.call(one, "submit_assessment", {"answers": FIRST})[0] == 200
    assert harness.call(two, "submit_assessment", {"answers": LAST})[0] == 200
    key = "{}|kursen|before".format(course)
    assert key not in in_course(harness, start, course, user).measurements  # the last writer won
    viewer = in_course(harness, start, course, user)
    viewer.runtime.render(viewer, "student_view")
    healed = in_course(harness, start, course, user).measurements
    assert healed[key]["answers"] == FIRST and healed["{}|modul-3|before".format(course)]["answers"] == LAST
