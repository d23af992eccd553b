"""The Studio editor in Chromium (a form, never JSON), and hostile content that must execute nothing.

Tests that save content put the scenario back afterwards (other tests share the demo site)."""
import contextlib
import re

from .conftest import axe_violations, screenshot
from .test_video_lesson_player import BLOCK, FRAME, lesson, open_lesson, student, wait_dialog, wait_text

SCENARIO = 2  # "captions in two languages": edited here, restored afterwards
PAYLOADS = [
    "<script>window.xss=1;alert(1)</script>",
    "<img src=x onerror=\"window.xss=2;alert(2)\">",
    "\"><svg onload=\"window.xss=3;alert(3)\">",
    "'><iframe src=\"javascript:parent.xss=4\"></iframe>",
    "javascript:window.xss=5",
    "</script><script>window.xss=6</script>",
    "<a href=\"javascript:window.xss=7\" id=\"xss-link\">klick</a>",
    "{{7*7}} ${7*7} <!-- ]]> &lt;b&gt;",
    "\u2028\u2029</textarea><b onmouseover=\"window.xss=8\" id=\"xss-b\">x</b>",
]


def open_editor(page, base, index=SCENARIO):
    page.goto("{}/scenario/video_lesson.{}/studio_view/?student={}".format(base, index, student("author")))
    page.wait_for_function("() => { const r = document.querySelector('.vle'); return r && r.vleEditor; }")
    return page.evaluate("() => document.querySelector('.vle').vleEditor.initial")


def post_form(page, form):
    """Submit a form straight to studio_submit from the editor page (used to restore content)."""
    return page.evaluate("""(form) => { const ed = document.querySelector('.vle').vleEditor;
        const token = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1];
        return fetch(ed.runtime.handlerUrl(ed.element, 'studio_submit'), {method: 'POST',
            headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}, body: JSON.stringify(form)})
          .then(r => r.status); }""", form)


@contextlib.contextmanager
def edited_scenario(page, base):
    original = open_editor(page, base)
    try:
        yield original
    finally:
        open_editor(page, base)
        assert post_form(page, original) == 200


def rows(page, kind):
    return page.locator("[data-vle-rows='{}'] > li".format(kind))


def expand(row):
    """Open a reflection row (one summary line) to edit it."""
    if row.locator("[data-vle-toggle]").get_attribute("aria-expanded") != "true":
        row.locator("[data-vle-toggle]").click()


def test_author_adds_a_point_with_use_current_time_and_learners_get_it(page, workbench_url):
    with edited_scenario(page, workbench_url):
        page.evaluate("() => { document.querySelector('[data-vle-preview]').currentTime = 7.52; }")
        wait_text(page, "[data-vle-preview-time]", "0:07.52")
        page.click("[data-vle-add='reflections']")
        new = rows(page, "reflections").last
        assert new.locator("legend").inner_text() == "Reflection point 2"
        assert page.evaluate("() => document.activeElement.getAttribute('data-vle-field')") == "time"
        new.locator("[data-vle-use-time]").click()
        assert new.locator("[data-vle-field='time']").input_value() == "0:07.52"
        new.locator("[data-vle-field='prompt']").fill("Vad gör undertexter för dig?")
        new.locator("[data-vle-field='guidance']").fill("<p>De hjälper <em>många</em>.</p>")
        new.locator("[data-vle-field='required']").check()
        screenshot(page, "video_lesson-studio-new-point", BLOCK)
        page.click("[data-vle-save]")
        wait_text(page, "[data-vle-status]", "Saved.", exact=True)

        open_lesson(page, workbench_url, SCENARIO)
        point = page.locator("[data-vl-point='vad-gor-undertexter-for']")
        # Learners read whole seconds, as their player shows them (timeparse.format_clock); 7.52 s is 0:07.
        assert "0:07" in point.inner_text() and "Vad gör undertexter för dig?" in point.inner_text()
        page.select_option("[data-vl-speed]", "2")
        page.click("[data-vl-play]")
        wait_dialog(page, "Question at 0:07")
        assert abs(lesson(page, "L.pauses[0].error")) <= FRAME


def test_invalid_form_shows_row_messages_and_saves_nothing(page, workbench_url):
    with edited_scenario(page, workbench_url) as original:
        page.click("[data-vle-add='reflections']")  # a new row opens to edit
        rows(page, "reflections").last.locator("[data-vle-field='prompt']").fill("Utan tid")
        expand(rows(page, "reflections").first)
        rows(page, "reflections").first.locator("[data-vle-field='prompt']").fill("")
        for index in (0, 1):  # closed again: the errors must open them
            rows(page, "reflections").nth(index).locator("[data-vle-toggle]").click()
        assert rows(page, "reflections").locator("fieldset:visible").count() == 0
        rows(page, "sources").first.locator("[data-vle-field='src']").fill("javascript:alert(1)")
        page.fill("[data-vle-name='completion_percent']", "150")
        page.click("[data-vle-save]")
        page.wait_for_selector("[data-vle-errors]", state="visible")
        assert page.evaluate("() => document.activeElement === document.querySelector('[data-vle-errors]')")
        messages = page.locator("[data-vle-error-list] li").all_inner_texts()
        assert "Reflection point 2: give the time when the video stops." in messages
        assert "Reflection point 1: the question is empty." in messages
        assert "Video file 1: the address must start with https://, http:// or /." in messages
        assert any("0 to 100" in m for m in messages)
        toggles = rows(page, "reflections").locator("[data-vle-toggle]")
        assert toggles.evaluate_all("(ts) => ts.map(t => t.getAttribute('aria-expanded'))") == ["true", "true"]
        assert rows(page, "reflections").locator("fieldset:visible").count() == 2
        page.get_by_text("Reflection point 2: give the time when the video stops.").click()
        assert page.evaluate("() => document.activeElement.getAttribute('data-vle-field')") == "time"
        assert rows(page, "reflections").last.locator("[data-vle-field='time']").get_attribute("aria-invalid") == "true"
        assert axe_violations(page, BLOCK) == []
        screenshot(page, "video_lesson-studio-errors", BLOCK)
        expected_refusals(page, "studio_submit")
        assert open_editor(page, workbench_url) == original  # nothing was saved


def reflection_times(page):
    return rows(page, "reflections").locator("[data-vle-field='time']").evaluate_all(
        "(inputs) => inputs.map(i => i.value)")


def test_reflection_rows_are_summary_lines_in_time_order(page, workbench_url):
    """Points play in time order: the rows are sorted by time, one line each, no move up/down."""
    with edited_scenario(page, workbench_url) as original:
        unordered = dict(original, reflections=[
            dict(original["reflections"][0], time="0:30"),
            {"id": "", "time": "0:05", "prompt": "<p>Vilka <strong>ord</strong> har du saknat i arbetet, "
             "och hur löste du det då?</p>", "guidance": "", "required": False, "min_words": "0", "max_chars": "4000"}])
        assert post_form(page, unordered) == 200  # stored in this order, 0:30 before 0:05
        open_editor(page, workbench_url)
        assert reflection_times(page) == ["0:05", "0:30"]
        summaries = rows(page, "reflections").locator("[data-vle-toggle]").evaluate_all(
            "(ts) => ts.map(t => t.textContent)")  # what a screen reader says: the parts, comma-separated
        assert summaries == [
            "Reflection point 1, 0:05, Optional, Vilka ord har du saknat i arbetet, och hur löste du det då?",
            "Reflection point 2, 0:30, Required, Vilka språk möter du i ditt arbete?"]
        assert rows(page, "reflections").locator("[data-vle-up], [data-vle-down]").count() == 0
        heights = rows(page, "reflections").evaluate_all("(rs) => rs.map(r => r.getBoundingClientRect().height)")
        assert all(h <= 48 for h in heights), heights  # one line (was ~400 px a row)
        assert axe_violations(page, BLOCK) == []
        screenshot(page, "video_lesson-studio-rows", "[data-vle-rows='reflections']")

        toggle = rows(page, "reflections").first.locator("[data-vle-toggle]")
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        body = rows(page, "reflections").first.locator("fieldset")
        assert body.is_visible() and body.get_attribute("id") == toggle.get_attribute("aria-controls")
        opened = rows(page, "reflections").first.evaluate("(r) => r.getBoundingClientRect().height")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.getAttribute('data-vle-field')") == "time"
        page.keyboard.press("Control+a")
        page.keyboard.type("0:45")
        assert ", 0:45, " in toggle.text_content()  # the summary follows the typing
        assert axe_violations(page, BLOCK) == []
        screenshot(page, "video_lesson-studio-row-open", "[data-vle-rows='reflections']")
        toggle.focus()
        page.keyboard.press("Enter")  # closed: the row moves to its place in time order, focus stays on it
        assert reflection_times(page) == ["0:30", "0:45"]
        focused = page.evaluate("() => document.activeElement.closest('li') === "
                                "document.querySelectorAll(\"[data-vle-rows='reflections'] > li\")[1]")
        assert focused and page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "false"
        assert "Reflection point 2" in page.inner_text("[data-vle-announce]")
        print("reflection row height: closed {:.0f} px, open {:.0f} px".format(max(heights), opened))

        rows(page, "reflections").last.locator("[data-vle-toggle]").click()
        rows(page, "reflections").last.locator("[data-vle-remove]").focus()
        page.keyboard.press("Enter")
        assert reflection_times(page) == ["0:30"]
        assert page.evaluate("() => document.activeElement.hasAttribute('data-vle-toggle')")  # the row left
        page.click("[data-vle-cancel]")  # the workbench has no Studio modal: cancel restores the form
        assert reflection_times(page) == ["0:05", "0:30"]


def test_sources_keep_their_order_buttons(page, workbench_url):
    """The order of video files matters (the browser plays the first it can): they keep move up/down."""
    open_editor(page, workbench_url, 0)
    srcs = lambda: rows(page, "sources").locator("[data-vle-field='src']").evaluate_all(  # noqa: E731
        "(inputs) => inputs.map(i => i.value)")
    assert srcs() == ["/media/test/clip.webm", "/media/test/clip.mp4"]
    up = rows(page, "sources").nth(1).locator("[data-vle-up]")
    assert up.get_attribute("aria-label") == "Move up: Video file 2"
    up.focus()
    page.keyboard.press("Enter")
    assert srcs() == ["/media/test/clip.mp4", "/media/test/clip.webm"]
    assert "moved" in page.inner_text("[data-vle-announce]")
    page.click("[data-vle-cancel]")
    assert srcs() == ["/media/test/clip.webm", "/media/test/clip.mp4"]


def expected_refusals(page, handler):
    """Validation answers 400, which Chromium logs as a console error: expected here, so clear it
    (after checking it is only that) so the page fixture still fails on anything else."""
    refused = [p for p in page.problems if "400 (Bad Request)" in p and "/" + handler + "/" in p]
    assert refused and len(refused) == len(page.problems), page.problems
    page.problems.clear()


def _assert_nothing_executed(page):
    page.evaluate("""(sel) => document.querySelectorAll(sel + ' *').forEach(el => {
        ['mouseover', 'mouseenter', 'focus', 'load', 'error'].forEach(t => el.dispatchEvent(new Event(t)));
    })""", BLOCK)
    assert page.evaluate("() => window.xss") is None
    found = page.evaluate("""(sel) => { const root = document.querySelector(sel); const bad = [];
        root.querySelectorAll('*').forEach(el => { for (const a of el.attributes) {
            if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name); } });
        // data-only scripts (our json_script and the runtime's init arguments) never execute
        root.querySelectorAll('script:not([type="application/json"]):not([type="json/xblock-args"]), '
                              + 'iframe, svg, img, object, embed')
            .forEach(el => bad.push(el.tagName));
        return bad; }""", BLOCK)
    assert found == []


def test_hostile_olx_and_answers_execute_nothing(page, workbench_url):
    who = open_lesson(page, workbench_url, 5)
    title = page.inner_text(".vl-title")
    assert "<script>alert('x')</script>" in title  # shown as text
    assert "<script>alert('x')</script>" in page.inner_text("[data-vl-captions]")
    _assert_nothing_executed(page)
    page.click("[data-vl-point='xss'] [data-vl-goto]")
    wait_dialog(page, "0:03")
    assert "Fråga" in page.inner_text("[data-vl-dialog-prompt]")
    answer = "\n".join(PAYLOADS)
    page.fill("[data-vl-dialog] textarea", answer)
    page.click("[data-vl-dialog] [data-vl-submit]")
    page.wait_for_selector("[data-vl-dialog] [data-vl-guidance]", state="visible")
    assert "källa" in page.inner_text("[data-vl-dialog] [data-vl-guidance]")
    _assert_nothing_executed(page)
    open_lesson(page, workbench_url, 5, who)  # the answer now travels in the page's data
    page.click("[data-vl-show-recap]")
    assert answer in page.inner_text("[data-vl-recap]")
    page.click("[data-vl-point='xss'] [data-vl-answer-here]")
    assert page.input_value("[data-vl-point='xss'] textarea") == answer
    with page.expect_download() as info:
        page.click("[data-vl-download]")
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert re.search(r"(?<!\\)[<>]", markdown.replace("\n> ", "\n")) is None  # every < and > escaped
    assert "\\<script\\>window.xss=1;alert\\(1\\)\\</script\\>  \n" in markdown
    _assert_nothing_executed(page)


def test_hostile_studio_input_executes_nothing(page, workbench_url):
    with edited_scenario(page, workbench_url):
        payload = " ".join(PAYLOADS)
        page.fill("[data-vle-name='display_name']", payload)
        first = rows(page, "reflections").first
        expand(first)
        first.locator("[data-vle-field='prompt']").fill("Fråga " + payload)
        first.locator("[data-vle-field='guidance']").fill("Svar " + payload)
        rows(page, "tracks").first.locator("[data-vle-field='label']").fill(payload)
        page.click("[data-vle-save]")
        wait_text(page, "[data-vle-status]", "Saved.", exact=True)
        _assert_nothing_executed(page)
        open_editor(page, workbench_url)  # the editor reloads the stored payloads
        assert page.input_value("[data-vle-name='display_name']") == payload
        _assert_nothing_executed(page)
        who = open_lesson(page, workbench_url, SCENARIO)
        assert payload == page.inner_text(".vl-title")
        _assert_nothing_executed(page)
        page.click("[data-vl-point] [data-vl-goto]")
        page.wait_for_selector("[data-vl-dialog]", state="visible")
        page.fill("[data-vl-dialog] textarea", payload)
        page.click("[data-vl-dialog] [data-vl-submit]")
        page.wait_for_selector("[data-vl-dialog] [data-vl-guidance]", state="visible")
        _assert_nothing_executed(page)
        page.goto("{}/scenario/video_lesson.{}/author_view/?student={}".format(workbench_url, SCENARIO, who))
        _assert_nothing_executed(page)
        # A javascript: address is refused by validation and never saved.
        open_editor(page, workbench_url)
        rows(page, "sources").first.locator("[data-vle-field='src']").fill("javascript:window.xss=9")
        page.click("[data-vle-save]")
        page.wait_for_selector("[data-vle-errors]", state="visible")
        _assert_nothing_executed(page)
        expected_refusals(page, "studio_submit")
