"""Quiz attempts and feedback in the real runtime (issue 9 §3): refusals change nothing, hidden
feedback never leaves the server (handler replies, the state handler, the page)."""
import json

import pytest
from django.utils import translation

OLX = """<asylum_timeline display_name="Test">
  <actor id="mv" name="Migrationsverket"/><actor id="polisen" name="Polisen"/>
  <phase id="p1" title="Början">
    <step id="a" actors="polisen"><title>A</title></step><step id="b" actors="mv"><title>B</title></step>
    <step id="c" actors="mv"><title>C</title></step>
  </phase>
  <quiz{rules}><order steps="a b c"/><match steps="a b"/></quiz>
</asylum_timeline>"""
WRONG = {"order": ["a", "c", "b"]}  # 1 of 3 in the right place


def stored(harness, block):
    fresh = harness.as_user(block, block.scope_ids.user_id)
    return json.dumps([fresh.viewed, fresh.quiz_results, fresh.completed, fresh.raw_earned], sort_keys=True)


@pytest.mark.parametrize("language, message", [("sv", "Du har använt alla 2 försök på den här frågan."),
                                               ("en", "You have used all 2 attempts at this quiz.")])
def test_an_attempt_over_the_limit_is_refused_translated_and_changes_nothing(harness, language, message):
    block = harness.load(OLX.format(rules=' max_attempts="2"'))
    for _ in range(2):
        assert harness.call(block, "submit_order", WRONG)[0] == 200
    before, events = stored(harness, block), len(harness.events)
    with translation.override(language):
        status, reply = harness.call(harness.as_user(block, block.scope_ids.user_id), "submit_order",
                                     {"order": ["a", "b", "c"]})
    assert (status, reply) == (400, {"error": message})
    assert stored(harness, block) == before and len(harness.events) == events
    # Another quiz of the block has its own attempts.
    assert harness.call(block, "submit_match", {"answers": {"a": "polisen", "b": "mv"}})[0] == 200


def test_count_feedback_by_default_never_sends_which_positions_are_right(harness):
    block = harness.load(OLX.format(rules=""))
    status, reply = harness.call(block, "submit_order", WRONG)
    assert status == 200 and (reply["right"], reply["total"], reply["attempts_left"]) == (1, 3, 2)
    assert "correct" not in reply and "correct" not in reply["quizzes"]["order-1"]
    assert reply["feedback"] == "count" and reply["max_attempts"] == 3
    _, state = harness.call(block, "student_view_user_state", method="GET")
    assert "correct" not in json.dumps(state)
    page = harness.as_user(block, block.scope_ids.user_id).render("student_view").body_html()
    assert '"correct"' not in page and '"attempts_left": 2' in page
    harness.call(block, "submit_order", WRONG)
    _, reply = harness.call(block, "submit_order", WRONG)  # the last attempt: now the marks
    assert reply["attempts_left"] == 0 and reply["correct"] == [True, False, False]


def test_after_last_feedback_sends_no_result_until_the_last_attempt(harness):
    block = harness.load(OLX.format(rules=' max_attempts="2" feedback="after_last"'))
    _, reply = harness.call(block, "submit_order", WRONG)
    hidden = ("correct", "right", "best", "last")
    assert not any(key in reply for key in hidden) and reply["score"]["earned"] is None
    _, state = harness.call(block, "student_view_user_state", method="GET")
    assert not any(key in state["quizzes"]["order-1"] for key in hidden) and state["score"]["earned"] is None
    _, reply = harness.call(block, "submit_order", {"order": ["a", "b", "c"]})
    assert reply["correct"] == [True, True, True] and reply["best"] == 1.0


def test_studio_saves_the_rules_and_exports_them_back(harness):
    block = harness.load(OLX.format(rules=""))
    draft = block.load_timeline().to_dict()
    draft.update(max_attempts=5, feedback="per_item")
    status, reply = harness.call(block, "studio_submit", {"timeline": draft, "weight": 1, "quiz_only": False})
    assert (status, reply) == (200, {"saved": True})
    exported = block.export_olx()
    assert '<quiz max_attempts="5" feedback="per_item">' in exported
    again = harness.load(exported)
    assert (again.load_timeline().max_attempts, again.load_timeline().feedback) == (5, "per_item")
    draft.update(max_attempts=0, feedback="after_last")
    status, reply = harness.call(block, "studio_submit", {"timeline": draft, "weight": 1, "quiz_only": False})
    assert status == 400 and block.load_timeline().max_attempts == 5
