"""self_assessment in Chromium: a learner answers with the keyboard only, is told which statements are
unanswered, sees the guidance, deletes the answers; the after block shows the earlier answers and the
comparison table; the Studio form adds, moves and removes statements. axe (WCAG 2.1 AA) on the block."""
import itertools
import time

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, scenario_url, screenshot

pytestmark = [pytest.mark.browser_context_args(locale="sv-SE")]
_who = itertools.count()


def learner():
    return "sa-{}-{}".format(int(time.time() * 1000) % 10**8, next(_who))


def open_block(page, base, index, who=None):
    who = who or learner()
    page.goto(scenario_url(base, "self_assessment.{}".format(index), who))
    page.wait_for_function("() => { const all = document.querySelectorAll('.sa-block');"
                           " return all.length && [...all].every(b => b.hasAttribute('data-sa-ready')); }")
    return who


def sel(page, nth=0):
    return "#" + page.locator(".sa-block").nth(nth).get_attribute("id")


def choose(page, block, values):
    for number, value in enumerate(values, 1):
        page.locator("{} fieldset:nth-of-type({}) input[value='{}']".format(block, number, value)).check()


def test_keyboard_only_answer_guidance_change_and_delete(page, workbench_url):
    open_block(page, workbench_url, 0)
    block = sel(page)
    assert axe_violations(page, block) == []
    page.locator(block + " fieldset input").first.focus()
    for group in range(3):  # in each radio group: arrow keys choose, Tab goes on to the next group
        for _ in range(group + 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    expect(page.locator(block + " [data-sa-submit]")).to_be_focused()
    page.keyboard.press("Enter")
    title = page.locator(block + " [data-sa-results-title]")
    expect(title).to_be_focused()
    expect(title).to_have_text("Dina svar")
    results = page.locator(block + " [data-sa-results]")
    expect(results).to_contain_text("Ditt svar: 2 – Ganska osäker")
    expect(results).to_contain_text("Ditt svar: 4 – Mycket trygg")
    expect(results).to_contain_text("Modul 2 går igenom processen steg för steg.")
    expect(results).to_contain_text("Kursen ställer samma frågor igen i slutet")
    assert axe_violations(page, block) == []
    page.keyboard.press("Tab")  # from the heading: "Ändra svar"
    expect(page.get_by_role("button", name="Ändra svar")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(block + " fieldset:nth-of-type(2) input[value='3']")).to_be_checked()
    page.keyboard.press("ArrowLeft")  # the focused (checked) radio of group 1: level 2 -> 1
    page.locator(block + " [data-sa-submit]").click()
    expect(results).to_contain_text("Ditt svar: 1 – Mycket osäker")
    page.get_by_role("button", name="Radera mina svar").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Avbryt")).to_be_focused()
    assert axe_violations(page, block) == []
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Radera mina svar")).to_be_focused()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Ja, radera").click()
    expect(page.locator(block + " [data-sa-message]")).to_have_text("Dina svar är raderade.")
    expect(page.locator(block + " fieldset input:checked")).to_have_count(0)


def test_unanswered_statements_are_named_and_focus_moves_to_the_first(page, workbench_url):
    open_block(page, workbench_url, 0)
    block = sel(page)
    page.locator(block + " fieldset:nth-of-type(1) input[value='3']").check()
    page.locator(block + " [data-sa-submit]").click()
    message = page.locator(block + " [data-sa-message]")
    expect(message).to_contain_text("Svara på alla påståenden innan du skickar.")
    expect(message.locator("li")).to_have_text(["Att leda ett samtal med hjälp av tolk.",
                                                "Att veta vart jag hänvisar någon som behöver stöd, vård eller skydd."])
    expect(page.locator(block + " fieldset:nth-of-type(2) input").first).to_be_focused()
    assert axe_violations(page, block) == []


def test_the_after_block_shows_earlier_answers_and_the_comparison(page, workbench_url):
    who = open_block(page, workbench_url, 1)
    before, after = sel(page, 0), sel(page, 1)
    expect(page.locator(after + " [data-sa-no-earlier]")).to_be_visible()
    choose(page, before, [1, 2, 4])
    page.locator(before + " [data-sa-submit]").click()
    expect(page.locator(before + " [data-sa-results]")).to_be_visible()
    open_block(page, workbench_url, 1, who)
    earlier = page.locator(after + " [data-sa-earlier]")
    expect(earlier).to_have_text(["I början svarade du: 1 – Mycket osäker", "I början svarade du: 2 – Ganska osäker",
                                  "I början svarade du: 4 – Mycket trygg"])
    choose(page, after, [3, 2, 3])
    page.locator(after + " [data-sa-submit]").click()
    table = page.locator(after + " table")
    expect(table.locator("caption")).to_have_text("Dina svar i början och nu")
    expect(table.locator("thead th[scope=col]")).to_have_text(["Påstående", "I början", "Nu", "Förändring"])
    expect(table.locator("tbody th[scope=row]")).to_have_count(3)
    expect(table.locator("tbody td:nth-of-type(3)")).to_have_text(["+2 steg", "oförändrad", "\u22121 steg"])
    expect(page.locator(after + " .sa-summary")).to_have_text(
        "Av 3 påståenden: tryggare i 1, oförändrad i 1, mindre trygg i 1")
    assert axe_violations(page, after) == []
    assert axe_violations(page, before) == []
    screenshot(page, "self_assessment-comparison", after)


EDITOR = 4  # "editor test copy": edited here, restored afterwards


def open_editor(page, base):
    page.goto("{}/scenario/self_assessment.{}/studio_view/?student={}".format(base, EDITOR, learner()))
    page.wait_for_selector(".sa-studio [data-sae-statements] textarea")
    return page.evaluate("() => JSON.parse(document.querySelector('.sa-studio script[type=\"application/json\"]')"
                         ".textContent).form")


def texts(page):
    return page.locator(".sa-studio [data-text]").evaluate_all("(ts) => ts.map(t => t.value)")


def test_studio_form_add_move_remove_save_and_validation(page, workbench_url):
    original = open_editor(page, workbench_url)
    try:
        assert axe_violations(page, ".sa-studio") == []
        page.get_by_role("button", name="Lägg till påstående").click()
        new = page.locator(".sa-studio [data-text]").last
        expect(new).to_be_focused()
        new.fill("Att möta oro hos ett barn")
        page.get_by_role("button", name="Flytta upp: Påstående 4").click()
        expect(page.get_by_role("button", name="Flytta upp: Påstående 3")).to_be_focused()
        expect(page.locator(".sa-studio [data-sae-live]")).to_have_text("Påståendet har flyttats till plats 3.")
        page.get_by_role("button", name="Ta bort: Påstående 1").click()
        assert texts(page) == [original["statements"][1]["text"], "Att möta oro hos ett barn",
                               original["statements"][2]["text"]]
        assert axe_violations(page, ".sa-studio") == []
        screenshot(page, "self_assessment-studio", ".sa-studio")
        page.get_by_role("button", name="Spara").click()
        expect(page.locator(".sa-studio [data-sae-live]")).to_have_text("Sparat.")
        saved = open_editor(page, workbench_url)
        assert [s["text"] for s in saved["statements"]] == texts(page)
        assert saved["statements"][1]["key"] == "att-mota-oro-hos-ett-barn"
        assert saved["statements"][0]["key"] == original["statements"][1]["key"]  # kept with its row
        page.locator(".sa-studio [data-text]").nth(1).fill("")
        page.get_by_role("button", name="Spara").click()
        problems = page.locator(".sa-studio [data-sae-problems]")
        expect(problems).to_be_focused()
        expect(problems.locator("li")).to_have_text(["Påstående 2 saknar text."])
        expect(page.locator(".sa-studio [data-text]").nth(1)).to_have_attribute("aria-invalid", "true")
        assert axe_violations(page, ".sa-studio") == []
        refused = [p for p in page.problems if "400 (Bad Request)" in p and "/studio_submit/" in p]
        assert refused and len(refused) == len(page.problems), page.problems
        page.problems.clear()
    finally:
        page.evaluate("""(form) => { const ed = document.querySelector('.sa-studio').saEditor;
            return fetch(ed.runtime.handlerUrl(ed.element, 'studio_submit'), {method: 'POST',
                body: JSON.stringify(form),
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': window.BemotandeHttp.csrfToken()}}); }""",
                      original)


def test_in_the_learning_mfe_unit_iframe(page, workbench_url):
    from .hosts.helpers import frame_of, host_url, state, who  # noqa: PLC0415
    page.goto(host_url(workbench_url, "lms", "self_assessment.0", who("sa-mfe")))
    frame = frame_of(page, "#unit-iframe")
    page.wait_for_function("() => window.hostState.loaded")
    frame.wait_for_selector(".sa-block[data-sa-ready]", state="attached")
    first = "#" + frame.locator(".sa-block").first.get_attribute("id")
    for number, value in enumerate([2, 3, 1], 1):
        frame.locator("{} fieldset:nth-of-type({}) input[value='{}']".format(first, number, value)).check()
    frame.locator(first + " [data-sa-submit]").click()
    expect(frame.locator(first + " [data-sa-results]")).to_contain_text("Ditt svar: 3 – Ganska trygg")
    assert axe_violations(frame, first) == []
    assert state(page)["heights"]  # the unit iframe reports its height as the MFE's does
