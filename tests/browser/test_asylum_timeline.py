"""asylum_timeline in Chromium: keyboard-only exploring, perspectives, filters, quizzes, layouts,
accessibility (axe, sv and en) and the XSS payload corpus."""
import os
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, scenario_url, screenshot

# Test-only workbench scenarios (XSS corpus, 200 steps): read when the demo site starts.
os.environ["BEMOTANDE_TEST_SCENARIOS"] = "1"

BLOCK = ".xblock-v1[data-block-type='asylum_timeline']"
DEFAULT, SMALL, QUIZZES, XSS, BIG = ("asylum_timeline.{}".format(i) for i in range(5))
SV = pytest.mark.browser_context_args(locale="sv-SE")
EN = pytest.mark.browser_context_args(locale="en-US")
pytestmark = [SV]  # Swedish UI unless a test says otherwise
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}


def open_block(page, base, name, student, size=WIDE):
    page.set_viewport_size(size)
    page.goto(scenario_url(base, name, student))
    root = page.locator(BLOCK + " .at-block").first
    expect(root).to_have_attribute("data-ready", "1")
    return root


def user_state(page, base, student):
    """The learner's state as the server has it (the mobile app's GET handler)."""
    usage = page.locator(BLOCK).first.get_attribute("data-usage")
    url = "{}/handler/{}/student_view_user_state/?student={}".format(base, usage, student)
    return page.request.get(url).json()


def no_axe(page, where):
    assert axe_violations(page, BLOCK) == [], where


def test_explore_by_keyboard_only(page, workbench_url):
    root = open_block(page, workbench_url, SMALL, "kbd")
    buttons = root.locator(".at-step-btn")
    page.locator(BLOCK + " .at-phase-link").last.focus()  # after the phase navigation ...
    page.keyboard.press("Tab")  # ... the list is one tab stop (roving tabindex) ...
    expect(buttons.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")  # ... arrows move between steps
    expect(buttons.nth(1)).to_be_focused()
    page.keyboard.press("End")
    expect(buttons.nth(2)).to_be_focused()
    page.keyboard.press("Home")
    expect(buttons.nth(0)).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(buttons.nth(1)).to_have_attribute("aria-expanded", "true")
    details = root.locator("#" + buttons.nth(1).get_attribute("aria-controls"))
    expect(details).to_be_visible()
    expect(details).to_contain_text("Överförmyndaren utser en god man")
    expect(root.locator(".at-progress-text")).to_have_text("1 av 3 steg sedda")
    page.keyboard.press("Escape")
    expect(details).to_be_hidden()
    expect(buttons.nth(1)).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press(" ")
    expect(buttons.nth(0)).to_have_attribute("aria-expanded", "true")
    # Tab leaves the list for the open step's details (right under its card).
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("type", "radio")
    for step in range(3):
        buttons.nth(step).focus()
        page.keyboard.press("Enter")
    expect(root.locator(".at-progress-text")).to_have_text("3 av 3 steg sedda")
    expect(root.locator(".at-step.at-seen")).to_have_count(3)
    state = user_state(page, workbench_url, "kbd")
    assert state["viewed"] == ["godman", "ansokan", "placering"] and state["completed"] is False
    # Stored on the server: a reload shows the same progress.
    root = open_block(page, workbench_url, SMALL, "kbd")
    expect(root.locator(".at-progress-text")).to_have_text("3 av 3 steg sedda")
    expect(root.locator(".at-seen-mark:visible")).to_have_count(3)


def test_perspective_switch(page, workbench_url):
    root = open_block(page, workbench_url, SMALL, "persp", NARROW)
    root.locator(".at-step-btn").nth(0).click()
    details = root.locator(".at-details:visible")
    expect(details.locator(".at-view-authority")).to_contain_text("Migrationsverket tar emot ansökan")
    expect(details.locator(".at-view-seeker")).to_be_hidden()
    radio = details.get_by_label("Den asylsökande")
    details.get_by_label("Myndigheterna").focus()
    page.keyboard.press("ArrowDown")  # radios by keyboard
    expect(radio).to_be_checked()
    expect(details.locator(".at-view-seeker")).to_contain_text("Barnet får information")
    expect(details.locator(".at-view-authority")).to_be_hidden()
    # The choice holds for the next step too.
    root.locator(".at-step-btn").nth(1).click()
    next_details = root.locator(".at-details:visible")
    expect(next_details.get_by_label("Den asylsökande")).to_be_checked()
    expect(next_details.locator(".at-view-seeker")).to_contain_text("Barnet får en vuxen")
    screenshot(page, "asylum_timeline-seeker-perspective", BLOCK)


def test_actor_and_path_filter(page, workbench_url):
    root = open_block(page, workbench_url, DEFAULT, "filter")
    steps = root.locator(".at-step")
    total = steps.count()
    root.locator(".at-f-actor").select_option("god-man")
    matching = root.locator(".at-step.at-match")
    count = matching.count()
    assert 0 < count < total
    expect(root.locator(".at-status")).to_have_text("{} av {} steg matchar.".format(count, total))
    expect(root.locator(".at-step.at-dim")).to_have_count(total - count)
    for index in range(count):
        assert "god-man" in matching.nth(index).get_attribute("data-actors").split()
    root.locator(".at-f-only").check()
    expect(root.locator(".at-step:visible")).to_have_count(count)
    screenshot(page, "asylum_timeline-filter-god-man", BLOCK)
    # Keyboard moves only among the steps shown.
    root.locator(".at-step:visible .at-step-btn").first.focus()
    page.keyboard.press("End")
    expect(root.locator(".at-step:visible .at-step-btn").last).to_be_focused()
    root.locator(".at-f-path").select_option("avslag")
    both = root.locator(".at-step:visible")
    for index in range(both.count()):
        assert "avslag" in both.nth(index).get_attribute("data-paths").split()
    root.locator(".at-f-actor").select_option("")
    root.locator(".at-f-path").select_option("")
    expect(root.locator(".at-step:visible")).to_have_count(total)
    expect(root.locator(".at-status")).to_have_text("Alla steg visas.")


def test_order_quiz_solved_by_keyboard_only(page, workbench_url):
    root = open_block(page, workbench_url, QUIZZES, "order-kbd")
    quiz = root.locator(".at-quiz[data-kind='order']")
    wanted = ["grans", "ansokan", "beslut", "overklagande"]

    def order():
        return [quiz.locator(".at-item").nth(i).get_attribute("data-step") for i in range(4)]

    assert sorted(order()) == sorted(wanted) and order() != wanted
    for target, step in enumerate(wanted):  # selection sort with the Up buttons, by keyboard
        position = order().index(step)
        quiz.locator(".at-item[data-step='{}'] .at-up".format(step)).focus()
        for _ in range(position - target):
            page.keyboard.press("Enter")
        expect(quiz.locator(".at-item[data-step='{}'] .at-up".format(step))).to_be_focused()
    assert order() == wanted
    expect(quiz.locator(".at-q-status")).to_contain_text("är nu på plats")
    quiz.locator(".at-submit").focus()
    page.keyboard.press("Enter")
    expect(quiz.locator(".at-q-status")).to_have_text("4 av 4 steg är på rätt plats. Ditt bästa resultat: 100 %.")
    expect(quiz.locator(".at-item.at-ok")).to_have_count(4)
    state = user_state(page, workbench_url, "order-kbd")
    assert state["quizzes"]["order-1"]["best"] == 1.0 and state["score"]["earned"] == 1.0


def test_order_quiz_wrong_then_right_keeps_the_best(page, workbench_url):
    root = open_block(page, workbench_url, QUIZZES, "order-best")
    quiz = root.locator(".at-quiz[data-kind='order']")
    wanted = ["grans", "ansokan", "beslut", "overklagande"]
    quiz.locator(".at-submit").click()  # the starting order is never right
    expect(quiz.locator(".at-q-status")).to_contain_text("steg är på rätt plats")
    # Count-only feedback (the default) until the last attempt: which ones are right is not shown.
    expect(quiz.locator(".at-result:visible")).to_have_count(0)
    quiz.locator(".at-item").first.locator(".at-down").click()
    expect(quiz.locator(".at-result:visible")).to_have_count(0)
    for target, step in enumerate(wanted):
        order = [quiz.locator(".at-item").nth(i).get_attribute("data-step") for i in range(4)]
        for _ in range(order.index(step) - target):
            quiz.locator(".at-item[data-step='{}'] .at-up".format(step)).click()
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("4 av 4 steg är på rätt plats. Ditt bästa resultat: 100 %.")
    quiz.locator(".at-item[data-step='grans'] .at-down").click()
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("2 av 4 steg är på rätt plats. Ditt bästa resultat: 100 %.")
    state = user_state(page, workbench_url, "order-best")
    assert state["quizzes"]["order-1"]["best"] == 1.0 and state["quizzes"]["order-1"]["attempts"] == 3
    # A reload shows the last submitted order and its marks again.
    root = open_block(page, workbench_url, QUIZZES, "order-best")
    quiz = root.locator(".at-quiz[data-kind='order']")
    assert [quiz.locator(".at-item").nth(i).get_attribute("data-step") for i in range(4)] == \
        ["ansokan", "grans", "beslut", "overklagande"]
    expect(quiz.locator(".at-item.at-ok")).to_have_count(2)
    expect(quiz.locator(".at-pos").first).to_have_text("1")


def test_order_quiz_by_dragging(page, workbench_url):
    root = open_block(page, workbench_url, QUIZZES, "order-drag")
    quiz = root.locator(".at-quiz[data-kind='order']")
    items = quiz.locator(".at-item")
    last = items.nth(3).get_attribute("data-step")
    items.nth(3).drag_to(items.nth(0), target_position={"x": 20, "y": 5})
    expect(items.nth(0)).to_have_attribute("data-step", last)
    expect(quiz.locator(".at-pos").nth(0)).to_have_text("1")


def test_match_quiz_wrong_then_right_score_kept_at_best(page, workbench_url):
    root = open_block(page, workbench_url, QUIZZES, "match-best")
    quiz = root.locator(".at-quiz[data-kind='match']")
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("Välj först en aktör för varje steg.")
    expect(quiz.locator("select").first).to_be_focused()
    answers = {"grans": "migrationsverket", "ansokan": "migrationsverket", "overklagande": "polisen"}
    for step, actor in answers.items():
        quiz.locator(".at-item[data-step='{}'] select".format(step)).select_option(actor)
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("1 av 3 svar är rätt. Ditt bästa resultat: 33 %.")
    expect(quiz.locator(".at-item.at-bad")).to_have_count(0)  # count only until the last attempt
    right = {"grans": "polisen", "ansokan": "migrationsverket", "overklagande": "domstol"}
    for step, actor in right.items():
        quiz.locator(".at-item[data-step='{}'] select".format(step)).select_option(actor)
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("3 av 3 svar är rätt. Ditt bästa resultat: 100 %.")
    quiz.locator(".at-item[data-step='grans'] select").select_option("domstol")
    quiz.locator(".at-submit").click()
    expect(quiz.locator(".at-q-status")).to_have_text("2 av 3 svar är rätt. Ditt bästa resultat: 100 %.")
    state = user_state(page, workbench_url, "match-best")
    assert state["quizzes"]["match-1"]["best"] == 1.0 and state["quizzes"]["match-1"]["attempts"] == 3
    # After a reload the last answer and its marks are shown again.
    root = open_block(page, workbench_url, QUIZZES, "match-best")
    quiz = root.locator(".at-quiz[data-kind='match']")
    expect(quiz.locator(".at-item[data-step='grans'] select")).to_have_value("domstol")
    expect(quiz.locator(".at-q-status")).to_contain_text("Ditt bästa resultat: 100 %")


def test_narrow_viewport_shows_the_stepper_and_wide_the_map(page, workbench_url):
    root = open_block(page, workbench_url, DEFAULT, "layout", NARROW)
    expect(root).to_have_attribute("data-layout", "stepper")
    first, second = root.locator(".at-step").nth(0).bounding_box(), root.locator(".at-step").nth(1).bounding_box()
    assert second["y"] > first["y"] and abs(second["x"] - first["x"]) < 2  # one column, top to bottom
    screenshot(page, "asylum_timeline-stepper", BLOCK)
    page.set_viewport_size(WIDE)
    expect(root).to_have_attribute("data-layout", "map")
    first, second = root.locator(".at-step .at-card").nth(0).bounding_box(), \
        root.locator(".at-step .at-card").nth(1).bounding_box()
    assert second["x"] > first["x"] and abs(second["y"] - first["y"]) < 2  # a phase's steps side by side
    screenshot(page, "asylum_timeline-map", BLOCK)
    # An open step keeps its details right under it in both layouts.
    root.locator(".at-step-btn").nth(0).click()
    details = root.locator(".at-step").nth(0).locator(".at-details")
    expect(details).to_be_visible()
    assert details.bounding_box()["y"] > root.locator(".at-card").nth(0).bounding_box()["y"]
    page.set_viewport_size(NARROW)
    expect(details).to_be_visible()


def test_outcome_buttons_go_to_the_target_step(page, workbench_url):
    root = open_block(page, workbench_url, DEFAULT, "outcome")
    decision = root.locator(".at-step:has(.at-goto)").first
    decision.locator(".at-step-btn").click()
    goto = root.locator(".at-details:visible .at-goto").first
    target = goto.get_attribute("data-target")
    goto.click()
    expect(page.locator("#" + target)).to_be_focused()
    expect(page.locator("#" + target)).to_have_attribute("aria-expanded", "true")


LOCALES = [pytest.param("sv", marks=SV, id="sv"), pytest.param("en", marks=EN, id="en")]


@pytest.mark.parametrize("lang", LOCALES)
def test_no_axe_violations_in_any_view(page, workbench_url, lang):
    root = open_block(page, workbench_url, DEFAULT, "axe-" + lang)
    expect(root.locator(".at-hint").first).to_have_text(
        re.compile("piltangenterna" if lang == "sv" else "arrow keys"))
    no_axe(page, "map")
    root.locator(".at-step-btn").nth(1).click()
    root.locator(".at-details:visible input[value='seeker']").check()
    root.locator(".at-f-actor").select_option(index=2)
    no_axe(page, "map, open step, seeker perspective, filter")
    screenshot(page, "asylum_timeline-map-filter-" + lang, BLOCK)
    page.set_viewport_size(NARROW)
    expect(root).to_have_attribute("data-layout", "stepper")
    no_axe(page, "stepper with open details")
    screenshot(page, "asylum_timeline-stepper-filter-" + lang, BLOCK)
    root = open_block(page, workbench_url, QUIZZES, "axe-quiz-" + lang)
    no_axe(page, "quizzes")
    root.locator(".at-quiz[data-kind='order'] .at-submit").click()
    match = root.locator(".at-quiz[data-kind='match']")
    for step, actor in {"grans": "polisen", "ansokan": "migrationsverket", "overklagande": "domstol"}.items():
        match.locator(".at-item[data-step='{}'] select".format(step)).select_option(actor)
    match.locator(".at-submit").click()  # all right: the count says which, so the marks are shown
    expect(match.locator(".at-result:visible")).to_have_count(3)
    no_axe(page, "quizzes with results")
    screenshot(page, "asylum_timeline-quizzes-" + lang, BLOCK)


def test_xss_corpus_executes_nothing(page, workbench_url):
    root = open_block(page, workbench_url, XSS, "xss")
    for index in range(root.locator(".at-step-btn").count()):
        root.locator(".at-step-btn").nth(index).click()
        for view in ("seeker", "authority"):
            root.locator(".at-details:visible input[value='{}']".format(view)).check()
        for link in root.locator(".at-details:visible .at-sources a").all():
            link.hover()
    root.locator(".at-f-actor").select_option("a")
    root.locator(".at-quiz[data-kind='order'] .at-submit").click()
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(BLOCK + " .at-block script").count() == 0
    assert page.locator(BLOCK + " script:not(.xblock_json_init_args):not([type='application/json'])").count() == 0
    assert page.locator(BLOCK + " .at-block [onerror], " + BLOCK + " .at-block [onload], "
                        + BLOCK + " .at-block iframe, " + BLOCK + " .at-block svg").count() == 0
    assert root.locator("a[href^='javascript']").count() == 0
    expect(root.locator(".at-title")).to_contain_text("<script>")  # shown as text, harmlessly


def test_two_hundred_steps_stay_usable(page, workbench_url):
    root = open_block(page, workbench_url, BIG, "big")
    expect(root.locator(".at-step")).to_have_count(200)
    root.locator(".at-step-btn").first.focus()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    expect(root.locator(".at-step-btn").last).to_have_attribute("aria-expanded", "true")


def test_js_and_css_are_served_inline_without_a_cdn(workbench_url):
    with urllib.request.urlopen(scenario_url(workbench_url, SMALL, "cdn")) as response:  # noqa: S310
        html = response.read().decode("utf-8")
    assert "AsylumTimelineBlock" in html and "at-block" in html
    assert not re.search(r"<script[^>]+src=[\"']https?://", html)
