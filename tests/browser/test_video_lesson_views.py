"""video_lesson in Chromium: transcript, captions, recap download, YouTube, and axe-core (WCAG 2.1 AA)
in every view, in Swedish and English."""
import pytest

from .conftest import axe_violations, screenshot
from .test_video_lesson_player import BLOCK, open_lesson, student, wait_dialog, wait_text

SV = pytest.mark.browser_context_args(locale="sv-SE")
EN = pytest.mark.browser_context_args(locale="en-US")


def test_transcript_follows_the_video_and_seeks_on_click(page, workbench_url):
    open_lesson(page, workbench_url, 3)
    toggle = "[data-vl-transcript-toggle]"
    assert page.get_attribute(toggle, "aria-expanded") == "false"
    page.click(toggle)
    assert page.get_attribute(toggle, "aria-expanded") == "true"
    page.wait_for_selector("[data-vl-cue='4']")
    cues = page.locator(".vl-cue")
    assert cues.count() == 5 and "Välkommen till testfilmen." in cues.nth(0).inner_text()
    cues.nth(2).focus()
    page.keyboard.press("Enter")  # keyboard reachable: a button per line
    page.wait_for_function("() => Math.abs(document.querySelector('.vl-video').currentTime - 16) < 0.1")
    page.wait_for_selector("[data-vl-cue='2'][aria-current='true']")
    assert page.locator("[aria-current='true']").count() == 1


def test_caption_choice_is_remembered(page, workbench_url):
    who = open_lesson(page, workbench_url, 3)
    page.select_option("[data-vl-captions]", "en")
    page.click("[data-vl-transcript-toggle]")
    page.wait_for_selector("[data-vl-cue='0']")
    assert "Welcome to the test film." in page.inner_text("[data-vl-cues]")
    open_lesson(page, workbench_url, 3, who)
    assert page.input_value("[data-vl-captions]") == "en"
    page.wait_for_function("""() => Array.from(document.querySelector('.vl-video').textTracks)
        .map(t => t.language + ':' + t.mode).join() === 'sv:disabled,en:showing'""")
    page.select_option("[data-vl-captions]", "")
    open_lesson(page, workbench_url, 2)  # another lesson: captions stay off
    assert page.input_value("[data-vl-captions]") == ""


def test_recap_lists_own_answers_and_downloads_markdown(page, workbench_url):
    open_lesson(page, workbench_url, 0)
    item = "[data-vl-point='stod']"
    page.click(item + " [data-vl-answer-here]")
    answer = "Handledning *varje* vecka <b>och</b> tid\n- för frågor"
    page.fill(item + " textarea", answer)
    page.click(item + " [data-vl-submit]")
    wait_text(page, item + " [data-vl-status]", "Answered", exact=True)
    page.click("[data-vl-show-recap]")
    recap = page.locator("[data-vl-recap]")
    assert recap.is_visible()
    assert page.evaluate("() => document.activeElement === document.querySelector('[data-vl-recap]')")
    text = recap.inner_text()
    assert "Vilket stöd kan din arbetsplats ge?" in text and "<b>och</b> tid" in text and "Not answered yet." in text
    with page.expect_download() as info:
        page.click("[data-vl-download]")
    download = info.value
    assert download.suggested_filename == "My reflections - Kulturmöten i vardagen.md"
    markdown = open(download.path(), encoding="utf-8").read()
    assert markdown.startswith("# Kulturmöten i vardagen\n")
    assert "## Question at 0:19" in markdown and "> Vilket stöd kan din arbetsplats ge?" in markdown
    assert "Handledning \\*varje\\* vecka \\<b\\>och\\</b\\> tid  \n\\- för frågor" in markdown
    screenshot(page, "video_lesson-recap", BLOCK)
    page.emulate_media(media="print")  # the print stylesheet: the recap only, no player or buttons
    assert recap.is_visible() and page.is_hidden(".vl-player-area") and page.is_hidden("[data-vl-download]")
    assert page.is_hidden(".vl-points")


def test_youtube_is_loaded_only_when_used_and_a_failure_is_explained(page, workbench_url):
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "youtube" in request.url else None)
    open_lesson(page, workbench_url, 0)
    assert asked == []  # a lesson with video files never contacts YouTube
    page.route("https://www.youtube.com/**", lambda route: route.abort("internetdisconnected"))
    open_lesson(page, workbench_url, 1)
    status = "[data-vl-yt-status]"
    page.wait_for_function("(s) => document.querySelector(s).textContent.includes('could not be loaded')", arg=status)
    assert page.get_attribute(status, "role") == "status"
    assert asked == ["https://www.youtube.com/iframe_api"]
    # The questions are still there to answer.
    page.click("[data-vl-point='forsta-intryck'] [data-vl-answer-here]")
    page.keyboard.type("Färgerna")
    page.click("[data-vl-point='forsta-intryck'] [data-vl-submit]")
    page.wait_for_function("() => document.querySelector('[data-vl-point=\"forsta-intryck\"] [data-vl-status]')"
                           ".textContent === 'Answered'")
    assert axe_violations(page, BLOCK) == []
    screenshot(page, "video_lesson-youtube-offline", BLOCK)
    # The failed script load is the one expected console error; anything else still fails the test.
    expected = [p for p in page.problems if "youtube.com/iframe_api" in p]
    assert expected and len(expected) == len(page.problems), page.problems
    page.problems.clear()


# A stand-in for the YouTube IFrame API (this machine has no internet): YT.Player over a <video>
# with the test clip, implementing the calls our adapter makes, so the YouTube path is exercised.
FAKE_YOUTUBE_API = """
window.YT = {Player: function (host, options) {
  var self = this, video = document.createElement('video');
  video.src = '/media/test/clip.webm'; video.muted = true; video.style.width = '100%';
  var frame = document.createElement('div'); frame.appendChild(video); host.replaceWith(frame);
  var state = -1, emit = function (s) { state = s; options.events.onStateChange({data: s}); };
  video.addEventListener('playing', function () { emit(1); });
  video.addEventListener('pause', function () { emit(2); });
  video.addEventListener('ended', function () { emit(0); });
  this.getIframe = function () { return frame; };
  this.getCurrentTime = function () { return video.currentTime; };
  this.getDuration = function () { return video.duration; };
  this.playVideo = function () { video.play(); };
  this.pauseVideo = function () { video.pause(); };
  this.seekTo = function (t) { video.currentTime = t; };
  this.setPlaybackRate = function (r) { video.playbackRate = r; };
  this.getPlaybackRate = function () { return video.playbackRate; };
  this.loadModule = this.unloadModule = this.setOption = function () {};
  window.fakeYouTubeVideo = video;
  video.addEventListener('loadedmetadata', function () { options.events.onReady({target: self}); });
}};
window.onYouTubeIframeAPIReady();
"""


def test_the_youtube_adapter_behaves_like_the_native_player(page, workbench_url):
    page.route("https://www.youtube.com/iframe_api",
               lambda route: route.fulfill(status=200, content_type="text/javascript", body=FAKE_YOUTUBE_API))
    open_lesson(page, workbench_url, 1)
    page.wait_for_function("() => window.fakeYouTubeVideo && window.fakeYouTubeVideo.readyState >= 1")
    assert page.is_hidden("[data-vl-yt-status]")
    page.evaluate("() => { window.fakeYouTubeVideo.currentTime = 30; }")  # seek past the required point
    wait_dialog(page, "0:20", timeout=10000)
    page.click("[data-vl-later]")
    page.evaluate("() => { window.fakeYouTubeVideo.currentTime = 18.5; }")
    page.wait_for_timeout(300)
    page.click("[data-vl-play]")
    wait_dialog(page, "0:20", timeout=10000)
    error = page.evaluate("() => document.querySelector('.vl-block').vlLesson.pauses.slice(-1)[0].error")
    assert abs(error) < 0.1  # rAF polling of the IFrame API; the native player is frame-exact


VIEWS = ["learner", "dialog", "recap", "studio", "author"]


def _show(page, base, view):
    if view == "studio":
        page.goto("{}/scenario/video_lesson.0/studio_view/?student={}".format(base, student("axe")))
        page.wait_for_function("() => { const r = document.querySelector('.vle'); return r && r.vleEditor; }")
        return
    if view == "author":
        page.goto("{}/scenario/video_lesson.0/author_view/?student={}".format(base, student("axe")))
        return
    open_lesson(page, base, 0)
    if view == "dialog":
        page.click("[data-vl-point='forsta-motet'] [data-vl-goto]")
        page.wait_for_selector("[data-vl-dialog]", state="visible")
    if view == "recap":
        page.click("[data-vl-transcript-toggle]")
        page.wait_for_selector("[data-vl-cue='0']")
        page.click("[data-vl-show-recap]")


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", [pytest.param("sv", marks=SV), pytest.param("en", marks=EN)])
def test_no_axe_violations(page, workbench_url, view, language):
    _show(page, workbench_url, view)
    expected = {"sv": {"learner": "Reflektionsfrågor", "dialog": "Fråga vid", "recap": "Dina reflektioner",
                       "studio": "Redigera videolektionen", "author": "Reflektionspunkter"},
                "en": {"learner": "Reflection questions", "dialog": "Question at", "recap": "Your reflections",
                       "studio": "Edit the video lesson", "author": "Reflection points"}}[language][view]
    assert expected in page.inner_text(BLOCK)
    assert axe_violations(page, BLOCK) == []
    screenshot(page, "video_lesson-{}-{}".format(view, language), BLOCK)
