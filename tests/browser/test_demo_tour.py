"""The demo site's first page is a tour of this package: our scenarios only, each with its learner
view, author view and Studio editor, a learner switch and a language switch (sv/en), a favicon."""
import re
import urllib.request

import pytest
from devsite import course_scenarios
from playwright.sync_api import expect

from xblocks.asylum_timeline.scenarios import scenarios as timeline_scenarios
from xblocks.self_assessment.scenarios import SCENARIOS as SELF_ASSESSMENT_SCENARIOS
from xblocks.video_lesson.scenarios import SCENARIOS as LESSON_SCENARIOS

from .conftest import axe_violations, screenshot
from .test_video_lesson_player import student, wait_text

EN = pytest.mark.browser_context_args(locale="en-US", viewport={"width": 1280, "height": 800})
SV = pytest.mark.browser_context_args(locale="sv-SE", viewport={"width": 1280, "height": 800})
VIEWS = ("learner", "author", "studio")


def expected_scenarios():
    """Every scenario of ours the site has: each block's workbench scenarios, then the course units."""
    return (["video_lesson.{}".format(i) for i in range(len(LESSON_SCENARIOS))]
            + ["asylum_timeline.{}".format(i) for i in range(len(timeline_scenarios()))]
            + ["self_assessment.{}".format(i) for i in range(len(SELF_ASSESSMENT_SCENARIOS))]
            + ["course_unit.{:02d}".format(i) for i in range(len(course_scenarios.units()))])


def listed(page):
    return page.locator("[data-tour-scenario]").evaluate_all("(rows) => rows.map(r => r.dataset.tourScenario)")


def choose_language(page, code):
    with page.expect_navigation():
        page.click("[data-tour-language] button[value='{}']".format(code))


@EN
def test_tour_lists_only_our_scenarios_each_with_three_working_links(page, workbench_url):
    who = student("tour")
    page.goto("{}/?student={}".format(workbench_url, who))
    assert listed(page) == expected_scenarios()
    units = page.locator("[data-tour-block='course_unit'] [data-tour-scenario] th span").all_inner_texts()
    assert units[0].startswith("1. ") and units[-1].startswith("11. ")  # course order
    assert [int(u.split(".")[0]) for u in units] == sorted(int(u.split(".")[0]) for u in units)
    text = page.inner_text("body")
    for sample in ("Hello World", "thumbs", "A little HTML", "All Scopes"):
        assert sample not in text
    links = page.locator("[data-tour-scenario] a").evaluate_all(
        "(links) => links.map(a => [a.closest('tr').dataset.tourScenario, a.dataset.view, a.getAttribute('href')])")
    assert len(links) == 3 * len(expected_scenarios())
    for name, view, href in links:
        suffix = {"learner": "", "author": "author_view/", "studio": "studio_view/"}[view]
        assert href == "/scenario/{}/{}?student={}".format(name, suffix, who)
        response = page.request.get(workbench_url + href)
        assert response.status == 200, href
        body = response.text()
        assert "xblock-v1-{}".format({"learner": "student_view", "author": "author_view",
                                      "studio": "studio_view"}[view]) in body, href
        assert "Traceback" not in body and "Error" not in page.title()
    assert axe_violations(page, "body") == []
    screenshot(page, "demo-tour-en")


@EN
def test_language_switch_changes_the_tour_and_the_blocks_language(page, workbench_url):
    page.goto(workbench_url + "/")
    assert page.get_attribute("html", "lang") == "en"  # the browser asks for English first
    expect(page.locator("h1")).to_have_text("Bättre bemötande: a tour of the blocks")
    choose_language(page, "sv")
    assert page.get_attribute("html", "lang") == "sv"
    expect(page.locator("h1")).to_have_text("Bättre bemötande: en rundtur bland blocken")
    assert page.get_attribute("[data-tour-language] button[value='sv']", "aria-current") == "true"
    assert page.get_attribute("[data-tour-language] button[value='en']", "aria-current") is None
    assert axe_violations(page, "body") == []
    screenshot(page, "demo-tour-sv")

    row = "[data-tour-scenario='video_lesson.0']"
    page.click(row + " a[data-view='studio']")
    expect(page.locator(".vle-title")).to_have_text("Redigera videolektionen")
    page.go_back()
    page.click("[data-tour-scenario='asylum_timeline.0'] a[data-view='learner']")
    expect(page.locator(".at-block")).to_contain_text("Filtrera tidslinjen")
    page.go_back()
    choose_language(page, "en")
    assert page.get_attribute("html", "lang") == "en"
    page.click(row + " a[data-view='studio']")
    expect(page.locator(".vle-title")).to_have_text("Edit the video lesson")


def refusal(page):
    """POST a draft for an unknown question from the block's page, as its script would; the reply."""
    page.wait_for_selector("[data-block-type='video_lesson']")
    return page.evaluate("""() => { const block = document.querySelector("[data-block-type='video_lesson']");
        const url = handlerBaseUrl + block.dataset.usage + '/save_draft/?student=' + studentId;
        const token = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1];
        return fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
                           body: JSON.stringify({reflection_id: 'no-such-point', text: 'x'})})
          .then(r => r.json().then(body => [r.status, body.error])); }""")


@SV
def test_language_switch_reaches_the_blocks_handlers(page, workbench_url):
    """The choice also reaches the handlers: a refused request answers in the chosen language."""
    page.goto(workbench_url + "/")
    assert page.get_attribute("html", "lang") == "sv"  # the browser asks for Swedish first
    page.click("[data-tour-scenario='video_lesson.0'] a[data-view='learner']")
    assert refusal(page) == [400, "Den reflektionsfrågan finns inte i den här lektionen."]
    page.problems.clear()  # Chromium logs the expected 400 as a console error
    page.go_back()
    choose_language(page, "en")
    page.click("[data-tour-scenario='video_lesson.0'] a[data-view='learner']")
    assert refusal(page) == [400, "There is no such reflection question in this lesson."]
    assert all("400 (Bad Request)" in p for p in page.problems)
    page.problems.clear()


@EN
def test_learner_switch_gives_another_learners_state(page, workbench_url):
    first, second = student("anna"), student("bo")
    page.goto(workbench_url + "/")
    page.fill("#tour-student", first)
    page.keyboard.press("Enter")  # the switch is a plain form: keyboard and no script needed
    page.wait_for_url(re.compile(r"\?student=" + first + "$"))
    expect(page.locator("[data-tour-current]")).to_contain_text(first)
    item = "[data-vl-point='stod']"
    page.click("[data-tour-scenario='video_lesson.0'] a[data-view='learner']")
    page.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
    page.click(item + " [data-vl-answer-here]")
    page.keyboard.type("Annas utkast")
    wait_text(page, item + " [data-vl-draft]", "Draft saved")

    page.goto(workbench_url + "/?student=" + first)
    assert first in page.locator("#tour-students option").evaluate_all("(o) => o.map(x => x.value)")
    page.fill("#tour-student", second)
    page.click("[data-tour-learner] button")
    page.wait_for_url(re.compile(r"\?student=" + second + "$"))
    page.click("[data-tour-scenario='video_lesson.0'] a[data-view='learner']")
    page.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
    page.click(item + " [data-vl-answer-here]")
    assert page.input_value(item + " textarea") == ""  # Bo starts afresh

    page.goto(workbench_url + "/?student=" + first)
    page.click("[data-tour-scenario='video_lesson.0'] a[data-view='learner']")
    page.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
    page.click(item + " [data-vl-answer-here]")
    assert page.input_value(item + " textarea") == "Annas utkast"


@pytest.mark.browser_context_args(locale="sv-SE", viewport={"width": 375, "height": 800})
def test_tour_fits_a_narrow_screen(page, workbench_url):
    page.goto(workbench_url + "/")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    link = page.locator("[data-tour-scenario='video_lesson.0'] a[data-view='studio']")
    assert link.bounding_box()["x"] + link.bounding_box()["width"] <= 375
    assert axe_violations(page, "body") == []
    screenshot(page, "demo-tour-narrow-sv")


@EN
def test_tour_works_by_keyboard(page, workbench_url):
    page.goto(workbench_url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("[data-tour-language] button[value='sv']")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Svenska
    assert page.get_attribute("html", "lang") == "sv"
    page.focus("[data-tour-scenario='asylum_timeline.1'] a[data-view='author']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/scenario/asylum_timeline.1/author_view/" in page.url


def test_favicon_is_served(workbench_url):
    with urllib.request.urlopen(workbench_url + "/favicon.ico") as response:  # noqa: S310
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/x-icon"
        data = response.read()
    assert data[:4] == b"\x00\x00\x01\x00" and b"PNG" in data[:40]


def test_a_bad_learner_id_falls_back_to_the_default(workbench_url):
    with urllib.request.urlopen(workbench_url + "/?student=%3Cscript%3E") as response:  # noqa: S310
        body = response.read().decode()
    assert "<script" not in body and "&lt;script" not in body
    assert "?student=student_1" in body
