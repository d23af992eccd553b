"""Browser tests: the workbench served for real, driven by Debian's Chromium through Playwright."""
import os

import pytest
from devsite import server

from tests.conftest import REPO

AXE = os.path.join(REPO, "build", "node", "node_modules", "axe-core", "axe.min.js")
SHOTS = os.path.join(REPO, "build", "screenshots")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def workbench_url():
    """The demo site (workbench + range media) on a free port with its own database."""
    process, url = server.start()
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, with the flags this sandboxed machine needs."""
    if not os.path.exists(server.CHROMIUM):
        pytest.fail("Chromium not found at {} (make test installs Debian's chromium)".format(server.CHROMIUM))
    return {**browser_type_launch_args, "executable_path": server.CHROMIUM, "args": server.CHROMIUM_ARGS}


@pytest.fixture
def page(page):
    """A page that fails the test on any uncaught error, JS dialog or console error."""
    problems = []
    page.on("pageerror", lambda exc: problems.append("pageerror: {}".format(exc)))

    def on_console(msg):
        if msg.type == "error":  # the demo site serves /favicon.ico, so no page logs a 404 for it
            problems.append("console: {} ({})".format(msg.text, msg.location.get("url")))
    page.on("console", on_console)

    def on_dialog(dialog):
        problems.append("dialog: {} {}".format(dialog.type, dialog.message))
        dialog.dismiss()
    page.on("dialog", on_dialog)
    page.problems = problems
    yield page
    assert not problems, problems


def axe_violations(page, selector):
    """Run axe-core (WCAG 2.1 A/AA) on the element ``selector`` of ``page`` (a Page or a Frame, e.g. a
    block inside a host's iframe); returns readable violations."""
    assert os.path.exists(AXE), "axe-core missing: make test installs it with npm"
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=AXE)
    result = page.evaluate(
        """([sel, tags]) => axe.run(document.querySelector(sel), {runOnly: {type: 'tag', values: tags}})""",
        [selector, WCAG_TAGS])
    return ["{}: {} ({})".format(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
            for v in result["violations"]]


def screenshot(page, name, selector=None):
    """Save a screenshot as a test artefact in build/screenshots/<name>.png."""
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    (page.locator(selector) if selector else page).screenshot(path=path)
    return path


def scenario_url(base, name, student):
    """URL of a workbench scenario for a given (fresh) learner."""
    return "{}/scenario/{}/?student={}".format(base, name, student)
