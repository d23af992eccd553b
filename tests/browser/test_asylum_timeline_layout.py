"""asylum_timeline on a normal screen (1280×800) and a phone (375×800), default content and 200 steps:
every phase and step reachable without scrolling sideways, the phase navigation, an opened step's
details inside the viewport (under the step), focus back on the step when they close, labels never
broken inside a word, axe in every state, and a keyboard-only path through the whole timeline."""
import os

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, scenario_url, screenshot

os.environ["BEMOTANDE_TEST_SCENARIOS"] = "1"  # the 200-step scenario

BLOCK = ".xblock-v1[data-block-type='asylum_timeline']"
DEFAULT, BIG = "asylum_timeline.0", "asylum_timeline.4"
pytestmark = [pytest.mark.browser_context_args(locale="sv-SE")]
SIZES = [pytest.param({"width": 1280, "height": 800}, "map", id="1280x800"),
         pytest.param({"width": 375, "height": 800}, "stepper", id="375x800")]

# The geometry the tests (and `make bench`) read: the block's size, sideways overflow, and
# every label that is wider than its box (a word that does not fit would be cut or broken).
GEOMETRY = """(root) => {
  const box = root.getBoundingClientRect(), vw = document.documentElement.clientWidth;
  const outside = [...root.querySelectorAll('.at-step-btn, .at-phase-link, .at-phase-title')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > vw + 0.5; })
    .map((el) => el.textContent.trim().slice(0, 40));
  const labels = ['.at-step-btn', '.at-step-title', '.at-chip', '.at-pl-title', '.at-phase-title', '.at-when',
                  '.at-branch', '.at-badge'].join(', ');
  const overflowing = [...root.querySelectorAll(labels)]
    .filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent.trim().slice(0, 40));
  const breaking = [...root.querySelectorAll(labels)].filter((el) => {
    const s = getComputedStyle(el);
    return s.overflowWrap === 'anywhere' || s.wordBreak === 'break-all' || s.hyphens === 'auto';
  }).length;
  return {width: box.width, height: box.height, sideways: root.scrollWidth > root.clientWidth + 1,
          outside: outside, overflowing: overflowing, breaking: breaking};
}"""

IN_VIEW = """([details, card]) => {
  const d = details.getBoundingClientRect(), c = card.getBoundingClientRect(), h = window.innerHeight;
  return {top: d.top, bottom: d.bottom, cardTop: c.top, cardBottom: c.bottom, height: h,
          inside: d.top >= 0 && d.top < h - 40 && c.bottom > 0 && c.top >= 0};
}"""


def open_block(page, base, name, student, size):
    page.set_viewport_size(size)
    page.goto(scenario_url(base, name, student))
    root = page.locator(BLOCK + " .at-block").first
    expect(root).to_have_attribute("data-ready", "1")
    return root


def no_axe(page, where):
    assert axe_violations(page, BLOCK) == [], where


def details_in_view(page, root, index):
    """Open step ``index`` by a click; its details must be in the viewport, under its card."""
    step = root.locator(".at-step").nth(index)
    step.locator(".at-step-btn").click()
    details = step.locator(".at-details")
    expect(details).to_be_visible()
    where = page.evaluate(IN_VIEW, [details.element_handle(), step.locator(".at-card").element_handle()])
    assert where["inside"], where
    assert where["top"] >= where["cardBottom"] - 1, where  # under the step, not somewhere else
    return step


@pytest.mark.parametrize("size, layout", SIZES)
def test_every_phase_and_step_is_reachable_and_details_open_in_view(page, workbench_url, size, layout):
    root = open_block(page, workbench_url, DEFAULT, "reach-" + layout, size)
    expect(root).to_have_attribute("data-layout", layout)
    geometry = page.evaluate(GEOMETRY, root.element_handle())
    assert not geometry["sideways"] and geometry["outside"] == [], geometry
    assert geometry["overflowing"] == [] and geometry["breaking"] == 0, geometry
    no_axe(page, layout + ": closed")
    links, phases = root.locator(".at-phase-link"), root.locator(".at-phase")
    assert links.count() == phases.count() == 9
    for index in range(phases.count()):  # the phase navigation reaches every phase (click or tap)
        links.nth(index).click()
        first = phases.nth(index).locator(".at-step-btn").first
        expect(first).to_be_focused()
        expect(first).to_be_in_viewport()
        expect(links.nth(index)).to_have_attribute("aria-current", "step")
    steps = root.locator(".at-step")
    for index in (0, 6, steps.count() // 2, steps.count() - 1):
        step = details_in_view(page, root, index)
        no_axe(page, "{}: step {} open".format(layout, index + 1))
        step.locator(".at-close").click()
        expect(step.locator(".at-details")).to_be_hidden()
        expect(step.locator(".at-step-btn")).to_be_focused()  # closing returns focus to the step
    # the README's screenshots: a step opened in each layout, as the learner sees the viewport
    step = details_in_view(page, root, 6)
    step.locator("input[value='seeker']").check()
    no_axe(page, layout + ": open, the person's perspective")
    screenshot(page, "asylum_timeline-map-details-sv" if layout == "map" else "asylum_timeline-stepper-details-sv")


@pytest.mark.parametrize("size, layout", SIZES)
def test_two_hundred_steps_reachable_in_both_layouts(page, workbench_url, size, layout):
    root = open_block(page, workbench_url, BIG, "reach-big-" + layout, size)
    expect(root.locator(".at-step")).to_have_count(200)
    geometry = page.evaluate(GEOMETRY, root.element_handle())
    assert not geometry["sideways"] and geometry["outside"] == [], geometry
    root.locator(".at-phase-link").last.click()
    last_phase = root.locator(".at-phase").last
    expect(last_phase.locator(".at-step-btn").first).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    last = root.locator(".at-step").last
    expect(last.locator(".at-step-btn")).to_have_attribute("aria-expanded", "true")
    where = page.evaluate(IN_VIEW, [last.locator(".at-details").element_handle(),
                                    last.locator(".at-card").element_handle()])
    assert where["inside"], where


def test_actor_chips_name_who_takes_part_and_follow_the_actor_filter(page, workbench_url):
    root = open_block(page, workbench_url, DEFAULT, "chips", {"width": 1280, "height": 800})
    step = root.locator(".at-step[data-step='god-man-utses']")
    chips = step.locator(".at-chip")
    assert [chips.nth(i).get_attribute("data-actor") for i in range(chips.count())] == \
        step.get_attribute("data-actors").split()
    expect(chips.first).to_contain_text("huvudaktör")  # the main actor is named as such (screen readers)
    expect(step.locator(".at-chips")).to_have_attribute("aria-label", "Vilka som deltar")
    root.locator(".at-f-actor").select_option("god-man")
    expect(root.locator(".at-chip-hit")).to_have_count(root.locator(".at-step.at-match").count())
    root.locator(".at-f-only").check()
    hidden = [p for p in root.locator(".at-phase").all() if p.is_hidden()]
    assert hidden and root.locator(".at-phasenav li:visible").count() == 9 - len(hidden)
    no_axe(page, "filtered by an actor")


def test_the_timeline_by_keyboard_only(page, workbench_url):
    """Tab to the phase navigation, jump to a phase, open a step, read it, follow an outcome, close."""
    root = open_block(page, workbench_url, DEFAULT, "kbd-map", {"width": 1280, "height": 800})
    root.locator(".at-f-only").focus()
    page.keyboard.press("Tab")
    links = root.locator(".at-phase-link")
    expect(links.first).to_be_focused()
    for _ in range(7):  # to phase 8, "Avslag och överklagande"
        page.keyboard.press("Tab")
    expect(links.nth(7)).to_be_focused()
    page.keyboard.press("Enter")
    decision = root.locator(".at-step[data-step='besked-avslag'] .at-step-btn")
    expect(decision).to_be_focused()
    page.keyboard.press("Enter")
    expect(decision).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")  # into the details, under the step
    expect(page.locator(":focus")).to_have_attribute("value", "authority")
    page.keyboard.press("ArrowDown")
    details = root.locator(".at-step[data-step='besked-avslag'] .at-details")
    expect(details.locator(".at-view-seeker")).to_be_visible()
    goto = details.locator(".at-goto").last  # "Nöjdförklaring" -> laga kraft
    goto.focus()
    page.keyboard.press("Enter")
    laga = root.locator(".at-step[data-step='laga-kraft']")
    expect(laga.locator(".at-step-btn")).to_be_focused()
    expect(laga.locator(".at-details")).to_be_visible()
    # the branch goes on to its end: laga kraft leads to the return steps
    onward = laga.locator(".at-goto")
    expect(onward).to_have_count(2)
    onward.first.focus()
    page.keyboard.press("Enter")
    back = root.locator(".at-step[data-step='frivilligt-atervandande']")
    expect(back.locator(".at-step-btn")).to_be_focused()
    no_axe(page, "keyboard: outcome followed")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")  # from inside the details
    expect(back.locator(".at-details")).to_be_hidden()
    expect(back.locator(".at-step-btn")).to_be_focused()
    page.keyboard.press("Home")
    expect(root.locator(".at-step-btn").first).to_be_focused()
    page.keyboard.press(" ")
    close = root.locator(".at-step").first.locator(".at-close")
    close.focus()
    page.keyboard.press("Enter")
    expect(root.locator(".at-step-btn").first).to_be_focused()
    expect(root.locator(".at-details:visible")).to_have_count(0)
