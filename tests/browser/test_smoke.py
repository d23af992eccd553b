"""The demo site serves the blocks to a real browser, and media with HTTP Range (seekable video)."""
import urllib.request

from .conftest import axe_violations, scenario_url, screenshot


def test_workbench_index_lists_our_scenarios(page, workbench_url):
    page.goto(workbench_url + "/")
    assert page.get_by_text("video_lesson:").first.is_visible()
    assert page.get_by_text("asylum_timeline:").first.is_visible()


def test_media_server_answers_range_requests(workbench_url):
    request = urllib.request.Request(workbench_url + "/media/test/clip.webm", headers={"Range": "bytes=100-199"})
    with urllib.request.urlopen(request) as response:  # noqa: S310
        assert response.status == 206
        assert response.headers["Content-Range"].startswith("bytes 100-199/")
        assert len(response.read()) == 100


def test_test_clip_plays_and_seeks_in_chromium(page, workbench_url):
    page.goto(workbench_url + "/media/test/clip.sv.vtt")  # same origin, any page will do
    page.set_content('<video id="v" muted src="{}/media/test/clip.webm"></video>'.format(workbench_url))
    page.evaluate("() => { const v = document.getElementById('v'); v.currentTime = 30; return v.play(); }")
    page.wait_for_function("() => document.getElementById('v').currentTime > 30.2", timeout=15000)
    assert page.evaluate("() => document.getElementById('v').seekable.end(0)") > 39


def test_skeleton_blocks_have_no_axe_violations(page, workbench_url):
    for name in ("video_lesson.0", "asylum_timeline.0"):
        page.goto(scenario_url(workbench_url, name, "smoke"))
        selector = ".xblock-v1[data-block-type='{}']".format(name.split(".")[0])
        assert axe_violations(page, selector) == []
        screenshot(page, "smoke-" + name, selector)
