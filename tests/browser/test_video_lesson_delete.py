"""Deleting what a learner wrote, in Chromium (issue 9 §6): from the recap, with an inline confirmation
(no native dialog: the page fixture fails on any), keyboard operable, axe-clean; nothing of the text is
left on the server or in this browser's storage."""
import json

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations
from .test_video_lesson_player import BLOCK, open_lesson, wait_text

pytestmark = [pytest.mark.browser_context_args(locale="sv-SE")]
SECRET = "Mitt HEMLIGA svar om min bror"


def server_state(page):
    return page.evaluate("""() => { const L = document.querySelector('.vl-block').vlLesson;
        const url = L.server.runtime.handlerUrl(L.server.element, 'student_view_user_state');
        return fetch(url).then(r => r.json()); }""")


def test_delete_an_answer_from_the_recap_by_keyboard(page, workbench_url):
    who = open_lesson(page, workbench_url, 0)
    item = "[data-vl-point='stod']"
    page.click(item + " [data-vl-answer-here]")
    page.fill(item + " textarea", SECRET)
    page.click(item + " [data-vl-submit]")
    wait_text(page, item + " [data-vl-status]", "Besvarad", exact=True)
    page.click("[data-vl-show-recap]")
    entry = page.locator("[data-vl-recap-point='stod']")
    expect(entry).to_contain_text(SECRET)
    ask = entry.get_by_role("button", name="Radera det jag skrev")
    ask.focus()
    page.keyboard.press("Enter")
    keep = entry.get_by_role("button", name="Nej, behåll det")
    expect(keep).to_be_focused()  # focus moves into the confirmation, onto the harmless choice
    group = entry.get_by_role("group")
    expect(group).to_contain_text("Radera ditt svar och ditt utkast")
    assert axe_violations(page, BLOCK) == []
    page.keyboard.press("Escape")  # keeps the text, focus back on the button
    expect(ask).to_be_focused()
    expect(group).to_be_hidden()
    page.keyboard.press("Enter")
    entry.get_by_role("button", name="Ja, radera").click()
    expect(page.locator("[data-vl-announce]")).to_contain_text("är raderat")
    expect(page.locator("[data-vl-recap-point='stod'] h4")).to_be_focused()
    expect(page.locator("[data-vl-recap-point='stod']")).not_to_contain_text(SECRET)
    wait_text(page, item + " [data-vl-status]", "Inte besvarad", exact=True)
    state = server_state(page)
    assert "stod" not in state["answers"] and SECRET not in json.dumps(state, ensure_ascii=False)
    stored = page.evaluate("() => JSON.stringify(Object.assign({}, window.localStorage))")
    assert SECRET not in stored
    assert axe_violations(page, BLOCK) == []
    open_lesson(page, workbench_url, 0, who)  # after a reload: gone
    assert SECRET not in page.inner_text(BLOCK)


def test_a_draft_alone_can_be_deleted(page, workbench_url):
    open_lesson(page, workbench_url, 0)
    item = "[data-vl-point='stod']"
    page.click(item + " [data-vl-answer-here]")
    page.fill(item + " textarea", "ett UTKAST bara")
    page.wait_for_function("() => document.querySelector(\"[data-vl-point='stod'] [data-vl-draft]\").textContent")
    page.click(item + " [data-vl-answer-here]")  # close the form
    page.click("[data-vl-show-recap]")
    entry = page.locator("[data-vl-recap-point='stod']")
    expect(entry).to_contain_text("Mitt utkast (inte inskickat)")
    entry.get_by_role("button", name="Radera det jag skrev").click()
    entry.get_by_role("button", name="Ja, radera").click()
    expect(page.locator("[data-vl-recap-point='stod']")).not_to_contain_text("ett UTKAST bara")
    assert "stod" not in server_state(page)["drafts"]
