"""Both Studio editors in the hosts that really run them: Studio's edit modal and the libraries v2
editor's iframe (scripts/devsite/hosts.py). Save, cancel and a refused save go through the host's
notify protocol; handler calls use the element the runtime handed over (a jQuery object in both)."""
import pytest
from playwright.sync_api import expect

from ..conftest import axe_violations
from .helpers import frame_of, host_url, notified, state, take_expected_400, who

pytestmark = [pytest.mark.browser_context_args(locale="sv-SE", viewport={"width": 1280, "height": 900})]
# block -> (scenario it edits, editor root, save button, cancel button)
EDITORS = {
    "video_lesson": ("host_lesson.0", ".vle", "[data-vle-save]", "[data-vle-cancel]"),
    "asylum_timeline": ("asylum_timeline.5", ".at-studio", ".ats-save", ".ats-cancel"),
    "self_assessment": ("self_assessment.4", ".sa-studio", "[data-sae-save]", "[data-sae-cancel]"),
}
HOSTS = ("studio", "library")


def open_editor(page, base, host, block):
    """The page (Studio) or frame (libraries v2) holding the editor, once its script has run."""
    scenario, root = EDITORS[block][:2]
    page.goto(host_url(base, host, scenario, who("author"), "studio_view" if host == "library" else None))
    where = page if host == "studio" else frame_of(page, "#host-xblock-iframe")
    where.wait_for_selector(root)
    if block == "video_lesson":
        where.wait_for_function("() => !!document.querySelector('.vle').vleEditor")
    elif block == "self_assessment":
        where.wait_for_function("() => !!document.querySelector('.sa-studio').saEditor")
    else:
        expect(where.locator(".ats-preview .at-block")).to_have_attribute("data-ready", "1")
    return where


def break_content(where, block):
    """Make the form invalid, so that the server refuses the save."""
    if block == "video_lesson":
        row = where.locator("[data-vle-rows='reflections'] > li").first
        toggle = row.locator("[data-vle-toggle]")  # rows that fold to a summary line open first
        if toggle.count() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        row.locator("[data-vle-field='time']").fill("abc")
    elif block == "self_assessment":
        where.locator(".sa-studio [data-text]").first.fill("")
    else:
        where.locator(".ats-step summary").first.click()
        where.locator("[data-key='step.0.0.primary']").select_option("")


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("block", sorted(EDITORS))
def test_editor_saves_through_the_host(page, workbench_url, host, block):
    where = open_editor(page, workbench_url, host, block)
    root, save = EDITORS[block][1], EDITORS[block][2]
    if host == "studio":  # our own Save/Cancel only: no modal action bar, no stray "Close"
        assert state(page)["customButtons"] is True and state(page)["closeShown"] is False
    else:  # the v2 runtime handed a jQuery object that carries the handler URL
        assert where.evaluate("() => window.hostPassedJquery") is True
    assert axe_violations(where, root) == []
    where.locator(save).click()
    page.wait_for_function("() => window.hostState.closedBy === 'saved'")
    starts = [n for n in notified(page, "save") if n.get("state") == "start"]
    assert starts and starts[0]["message"].startswith("Sparar")
    assert [n.get("state") for n in notified(page, "save")] == ["start", "end"]
    assert notified(page, "error") == []


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("block", sorted(EDITORS))
def test_refused_save_notifies_a_translated_error_and_stays_open(page, workbench_url, host, block):
    where = open_editor(page, workbench_url, host, block)
    break_content(where, block)
    where.locator(EDITORS[block][2]).click()
    page.wait_for_function("() => window.hostState.notifications.some(n => n.name === 'error')")
    error = notified(page, "error")[0]
    assert error["title"] == "Inte sparat"
    assert error["message"] and error["message"] != "400" and "Fix" not in error["message"]
    if host == "studio":  # Studio shows the alert only when there is a message
        expect(page.locator("[data-host-alert]")).to_contain_text(error["message"])
    assert state(page)["open"] is True and [n.get("state") for n in notified(page, "save")] == ["start"]
    take_expected_400(page, "studio_submit")
    assert axe_violations(where, EDITORS[block][1]) == []


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("block", sorted(EDITORS))
def test_cancel_closes_the_editor_through_the_host(page, workbench_url, host, block):
    where = open_editor(page, workbench_url, host, block)
    where.locator(EDITORS[block][3]).click()
    page.wait_for_function("() => window.hostState.closedBy === 'cancelled'")
    assert notified(page, "save") == [] and notified(page, "error") == []
