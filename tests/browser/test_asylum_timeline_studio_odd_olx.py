"""Issue 9 §5: every OLX the parser accepts opens in the Studio editor (Chromium).

Odd but accepted documents go in through the OLX tab; the form then shows their content, the OLX tab
shows them again (never "undefined"), with no page error and no server error; axe finds nothing.
"""
import os
import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations
from .test_asylum_timeline_studio import EDITOR, open_editor

os.environ["BEMOTANDE_TEST_SCENARIOS"] = "1"
pytestmark = [pytest.mark.browser_context_args(locale="sv-SE", viewport={"width": 1280, "height": 900})]

# (OLX, the form's field and the value it must show)
ACCEPTED = [
    # A JavaScript number writes 10**21 as "1e+21": the form could not send it back (OLX tab: "undefined").
    ('<asylum_timeline><quiz max_attempts="1000000000000000000000"><order/></quiz></asylum_timeline>',
     "quizrules.max_attempts", "1000000000000000000000"),
    # ... and 2**53 + 1 as 2**53: the form changed the number without anyone touching it.
    ('<asylum_timeline><quiz max_attempts="9007199254740993"/></asylum_timeline>',
     "quizrules.max_attempts", "9007199254740993"),
    # Empty lists, absent attributes, a phase without steps, a quiz without steps, bare rows.
    ("<asylum_timeline><actor/><path/><phase/><phase title='Fas'><step><title>S</title><source/><outcome/></step>"
     "</phase>"
     "<quiz><match/><order steps=''/></quiz><review/></asylum_timeline>", "phase.1.title", "Fas"),
    # A step with an empty title parses (it is not publishable): the preview still names its button
    # ("Step 1"), so axe finds no nameless button.
    ("<asylum_timeline><phase title='Fas'><step><title/></step></phase></asylum_timeline>",
     "phase.0.title", "Fas"),
]


def feed_olx(page, editor, text):
    editor.locator("[data-tab='olx']").click()
    area = editor.locator(".ats-olx-text")
    expect(area).not_to_have_value("")
    area.fill(text)
    editor.locator("[data-tab='form']").click()


@pytest.mark.parametrize("olx, key, shown", ACCEPTED,
                         ids=["huge-attempts", "unsafe-attempts", "empty-rows", "empty-title"])
def test_accepted_olx_opens_in_the_form_and_comes_back(page, workbench_url, olx, key, shown):
    editor = open_editor(page, workbench_url, student="odd-olx-" + key)
    feed_olx(page, editor, olx)
    expect(editor.locator("[role='tab'][data-tab='form']")).to_have_attribute("aria-selected", "true")
    expect(editor.locator("[data-key='{}']".format(key))).to_have_value(shown)
    editor.locator(".ats-step summary").evaluate_all("(all) => all.forEach((s) => s.click())")
    # The preview is rendered from the form's draft: it must read it (no "must be a whole number").
    page.wait_for_timeout(900)
    expect(editor.locator(".ats-errors")).not_to_contain_text("heltal")
    editor.locator("[data-tab='olx']").click()
    expect(editor.locator("[role='tab'][data-tab='olx']")).to_have_attribute("aria-selected", "true")
    area = editor.locator(".ats-olx-text")
    expect(area).to_have_value(re.compile(r"^<asylum_timeline"))
    if key == "quizrules.max_attempts":
        assert 'max_attempts="{}"'.format(shown) in area.input_value()
    assert axe_violations(page, EDITOR) == []


def test_olx_the_parser_refuses_is_a_message_not_a_server_error(page, workbench_url):
    # "²" is a digit to str.isdigit() but not to int(): the OLX tab and the preview answered 500.
    editor = open_editor(page, workbench_url, student="odd-olx-superscript")
    feed_olx(page, editor, '<asylum_timeline><quiz max_attempts="\u00b2"/></asylum_timeline>')
    expect(editor.locator(".ats-errors")).to_contain_text("max_attempts")
    expect(editor.locator("[role='tab'][data-tab='olx']")).to_have_attribute("aria-selected", "true")
    page.wait_for_timeout(900)  # the preview of the typed OLX answers too
    assert axe_violations(page, EDITOR) == []


def test_a_draft_the_server_cannot_read_keeps_the_form_open(page, workbench_url):
    # studio_convert answers {errors} without "olx": the OLX tab showed the text "undefined".
    editor = open_editor(page, workbench_url, student="odd-olx-unreadable")
    editor.locator("[data-key='quizrules.max_attempts']").fill("1.5")
    editor.locator("[data-tab='olx']").click()
    expect(editor.locator(".ats-errors")).to_be_focused()
    expect(editor.locator(".ats-errors")).to_contain_text("heltal")
    expect(editor.locator("[role='tab'][data-tab='form']")).to_have_attribute("aria-selected", "true")
    expect(editor.locator(".ats-olx-text")).not_to_have_value("undefined")
    assert axe_violations(page, EDITOR) == []
