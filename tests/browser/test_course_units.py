"""The course's own units in the workbench: each kind renders accessibly, and a lesson video plays
and pauses at its first reflection point."""
import re
import time

import pytest
from playwright.sync_api import expect
from devsite import course_scenarios

from .conftest import axe_violations, scenario_url, screenshot

UNITS = course_scenarios.units()


def _first(tag, text=None):
    for index, (description, xml) in enumerate(UNITS):
        if "<{}".format(tag) in xml and (text is None or text in xml):
            return index, description, xml
    pytest.fail("no course unit with <{}>".format(tag))


@pytest.mark.parametrize("tag, text", [("video_lesson", None), ("asylum_timeline", "Asylprocessen"),
                                       ("asylum_timeline", "Mottagandet"), ("self_assessment", 'role="before"')])
def test_unit_renders_without_axe_violations(page, workbench_url, tag, text):
    index, description, _xml = _first(tag, text)
    page.goto(scenario_url(workbench_url, "course_unit.{:02d}".format(index), "course-axe"))
    block = ".xblock-v1[data-block-type='{}']".format(tag)
    page.wait_for_selector(block)
    assert axe_violations(page, ".xblock-v1[data-block-type='vertical_demo']") == [], description
    screenshot(page, "course-unit-{}-{}".format(tag, index), block)


def test_lesson_video_plays_and_pauses_at_its_first_reflection(page, workbench_url):
    index, _description, xml = _first("video_lesson")
    first_time = float(re.search(r'<reflection [^>]*time="([0-9.]+)"', xml).group(1))
    page.goto(scenario_url(workbench_url, "course_unit.{:02d}".format(index), "course-play"))
    page.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
    page.wait_for_function("() => document.querySelector('.vl-video').readyState >= 1")
    # Start three seconds before the point (the media server answers Range requests, so this seeks).
    page.evaluate("(t) => { const v = document.querySelector('.vl-video'); v.currentTime = t; }",
                  first_time - 3)
    page.click("[data-vl-play]")
    page.wait_for_selector("[data-vl-dialog]", state="visible", timeout=20000)
    stopped = page.evaluate("() => document.querySelector('.vl-video').currentTime")
    assert page.evaluate("() => document.querySelector('.vl-video').paused")
    assert abs(stopped - first_time) < 0.1, (stopped, first_time)
    screenshot(page, "course-lesson-paused", ".xblock-v1[data-block-type='video_lesson']")


@pytest.mark.browser_context_args(locale="sv-SE")
def test_module_11_self_assessment_compares_with_module_1(page, workbench_url):
    """Issue 10: the learner sees the change between the self-assessments of modules 1 and 11."""
    who = "course-sa-{}".format(int(time.time() * 1000) % 10**8)
    first, _d, first_xml = _first("self_assessment", 'role="before"')
    again, _d, again_xml = _first("self_assessment", 'role="after"')
    count = first_xml.count("<statement ")
    assert count == again_xml.count("<statement ") == 9
    ready = "() => { const b = document.querySelector('.sa-block'); return b && b.hasAttribute('data-sa-ready'); }"
    page.goto(scenario_url(workbench_url, "course_unit.{:02d}".format(first), who))
    page.wait_for_function(ready)
    for number in range(1, count + 1):
        page.locator(".sa-block fieldset:nth-of-type({}) input[value='2']".format(number)).check()
    page.locator(".sa-block [data-sa-submit]").click()
    expect(page.locator(".sa-block [data-sa-results]")).to_be_visible()
    page.goto(scenario_url(workbench_url, "course_unit.{:02d}".format(again), who))
    page.wait_for_function(ready)
    expect(page.locator(".sa-block [data-sa-earlier]")).to_have_text(["I början svarade du: 2 – Ganska osäker"] * count)
    for number in range(1, count + 1):
        page.locator(".sa-block fieldset:nth-of-type({}) input[value='{}']".format(
            number, 3 if number <= 6 else 2)).check()
    page.locator(".sa-block [data-sa-submit]").click()
    expect(page.locator(".sa-block table tbody th[scope=row]")).to_have_count(count)
    expect(page.locator(".sa-block .sa-summary")).to_have_text("Av 9 påståenden: tryggare i 6, oförändrad i 3")
    assert axe_violations(page, ".xblock-v1[data-block-type='vertical_demo']") == []
    screenshot(page, "course-unit-self_assessment-comparison", ".sa-block")
