"""Both blocks in the Learning MFE's unit iframe (scripts/devsite/hosts.py): one auto-height iframe,
``<base target="_parent">``, a unit about 5600 px tall, the fragment's URLs rewritten as the LMS does.
The reflection dialog must open beside the player the learner is looking at, author links in a new tab."""
import pytest
from playwright.sync_api import expect

from xblocks.common.timeparse import format_clock

from ..conftest import axe_violations
from .helpers import frame_of, host_url, state, who

VIEWPORT = {"width": 1280, "height": 800}
pytestmark = [pytest.mark.browser_context_args(locale="sv-SE", viewport=VIEWPORT)]
LESSON = "host_lesson.0"


def open_unit(page, base, scenario, student=None):
    page.goto(host_url(base, "lms", scenario, student or who("mfe")))
    frame = frame_of(page, "#unit-iframe")
    page.wait_for_function("() => window.hostState.loaded")
    return frame


def open_lesson(page, base):
    frame = open_unit(page, base, LESSON)
    frame.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
    return frame


def in_page(page, frame, selector):
    """The element's box in the MFE window's viewport (iframe offset added)."""
    return page.evaluate("""([sel]) => { const f = document.getElementById('unit-iframe').getBoundingClientRect();
        const r = f.top, l = f.left, e = document.getElementById('unit-iframe').contentDocument.querySelector(sel)
          .getBoundingClientRect();
        return {top: r + e.top, bottom: r + e.bottom, left: l + e.left, height: e.height}; }""", [selector])


def play_to_first_point(page, frame):
    """Scroll the MFE window to the player, as a learner does, and play until the video pauses."""
    page.evaluate("""() => { const f = document.getElementById('unit-iframe');
        const p = f.contentDocument.querySelector('[data-vl-player]');
        window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + p.getBoundingClientRect().top - 40); }""")
    frame.click("[data-vl-play]")
    frame.wait_for_selector("[data-vl-dialog]", state="visible", timeout=30000)


def test_unit_iframe_is_tall_and_reports_its_height(page, workbench_url):
    open_lesson(page, workbench_url)
    heights = state(page)["heights"]
    assert heights and heights[-1] > 5000
    assert page.evaluate("() => document.getElementById('unit-iframe').getAttribute('height')") == str(heights[-1])


def test_dialog_opens_beside_the_player_in_view(page, workbench_url):
    frame = open_lesson(page, workbench_url)
    play_to_first_point(page, frame)
    dialog, player = in_page(page, frame, "[data-vl-dialog]"), in_page(page, frame, "[data-vl-player]")
    # Inside the MFE window's viewport, starting where the player starts (not at the iframe's middle).
    assert 0 <= dialog["top"] < VIEWPORT["height"] - 100, (dialog, player)
    assert abs(dialog["top"] - player["top"]) <= 24, (dialog, player)
    assert frame.evaluate("() => getComputedStyle(document.querySelector('[data-vl-backdrop]')).position") != "fixed"
    assert axe_violations(frame, ".vl-block") == []


def test_answer_later_shares_the_row_of_submit(page, workbench_url):
    frame = open_lesson(page, workbench_url)
    play_to_first_point(page, frame)
    submit = frame.locator("[data-vl-dialog] [data-vl-submit]").bounding_box()
    later = frame.locator("[data-vl-later]").bounding_box()
    assert frame.inner_text("[data-vl-later]") == "Svara senare"
    assert abs(submit["y"] - later["y"]) <= 2, (submit, later)
    gap = later["x"] - (submit["x"] + submit["width"])
    assert 0 < gap <= 16, (submit, later)


def test_dialog_time_matches_the_paused_video_by_one_rounding_rule(page, workbench_url):
    frame = open_lesson(page, workbench_url)
    play_to_first_point(page, frame)
    now = frame.evaluate("() => document.querySelector('.vl-video').currentTime")
    label = frame.inner_text("[data-vl-dialog-title]")
    assert now >= 3 and label == "Fråga vid " + format_clock(now)  # the browser's controls floor too
    values = [0, 0.9, 3, 59.99, 137.5, 221.999, 222, 3723.5]
    assert frame.evaluate("(v) => v.map(x => window.BemotandeVL.clock(x))", values) == [format_clock(v) for v in values]


def test_author_links_open_in_a_new_tab_and_static_urls_are_rewritten(page, workbench_url):
    frame = open_lesson(page, workbench_url)
    play_to_first_point(page, frame)
    link = frame.locator("[data-vl-dialog-prompt] a")
    assert link.get_attribute("href") == "/course-static/handouts/stod.pdf"  # the fragment's HTML, rewritten
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    frame.fill("[data-vl-dialog] [data-vl-text]", "Tid och tålamod")
    frame.click("[data-vl-dialog] [data-vl-submit]")
    guidance = frame.locator("[data-vl-dialog] [data-vl-guidance] a[href*='svar']")
    expect(guidance).to_have_attribute("href", "/course-static/handouts/svar.pdf")  # the handler's reply
    assert guidance.get_attribute("target") == "_blank"
    with page.context.expect_page() as opened:
        frame.locator("[data-vl-dialog] [data-vl-guidance] a[href^='https']").click()
    assert opened.value != page and page.url.startswith(workbench_url + "/hosts/lms/")
    # A link without a target of its own would replace the whole course page (<base target="_parent">).
    assert frame.evaluate("() => document.querySelector('base').target") == "_parent"


def test_progress_line_counts_only_required_questions(page, workbench_url):
    frame = open_lesson(page, workbench_url)
    line = frame.locator("[data-vl-answered]")
    expect(line).to_have_text("Obligatoriska frågor besvarade: 0 av 1 (frivilliga frågor räknas inte)")
    item = frame.locator("[data-vl-point='valfri']")
    item.locator("[data-vl-answer-here]").click()
    item.locator("[data-vl-text]").fill("Ett valfritt svar")
    item.locator("[data-vl-submit]").click()
    expect(item.locator("[data-vl-status]")).to_have_text("Besvarad")
    expect(line).to_have_text("Obligatoriska frågor besvarade: 0 av 1 (frivilliga frågor räknas inte)")


@pytest.mark.parametrize("locale", ["sv-SE", "en-GB"])
def test_player_toolbar_is_one_row_at_1280(browser, workbench_url, locale):
    context = browser.new_context(locale=locale, viewport=VIEWPORT)
    page = context.new_page()
    try:
        frame = open_lesson(page, workbench_url)
        rows = frame.evaluate("""() => { const items = [...document.querySelector('.vl-toolbar').children]
            .filter(c => c.offsetParent !== null).map(c => c.getBoundingClientRect());
          return items.filter(r => r.top >= items[0].bottom).length; }""")
        assert rows == 0
    finally:
        context.close()


def test_timeline_in_the_unit_iframe(page, workbench_url):
    student = who("mfe-at")
    frame = open_unit(page, workbench_url, "asylum_timeline.0", student)
    frame.wait_for_selector(".at-block[data-ready='1']")
    step = frame.locator(".at-step-btn").first
    step.click()
    frame.wait_for_function("() => !!document.querySelector('.at-step.at-seen')")  # view_step answered
    assert axe_violations(frame, ".at-block") == []
    assert frame.evaluate("() => [...document.querySelectorAll('.at-block a[href^=\"http\"]')]"
                          ".every(a => a.target === '_blank' && a.rel.includes('noopener'))")
    frame = open_unit(page, workbench_url, "asylum_timeline.0", student)  # the server kept it
    frame.wait_for_selector(".at-block[data-ready='1']")
    assert frame.locator(".at-step.at-seen").count() >= 1
