"""Deleting what a learner wrote, and blanking it at account retirement (pure rules; docs/PRIVACY.md)."""
import pytest

from xblocks.common.errors import InputError
from xblocks.video_lesson import progress as P
from xblocks.video_lesson.lesson import Lesson, Reflection

LESSON = Lesson(reflections=(Reflection("a", 5, "Q1", required=True), Reflection("b", 20, "Q2")))
ANSWERS = {"a": {"text": "svar A", "submitted_at": "x"}, "b": {"text": "svar B", "submitted_at": "y"}}


def test_forgetting_removes_answer_and_draft_of_that_question_only():
    answers, drafts, deleted = P.forget_reflection(LESSON, ANSWERS, {"a": "utkast A", "b": "utkast B"}, "a")
    assert answers == {"b": ANSWERS["b"]} and drafts == {"b": "utkast B"}
    assert deleted == {"answer": True, "draft": True}
    assert ANSWERS["a"]["text"] == "svar A"  # the stored values given are not changed in place


def test_old_shapes_and_removed_questions_can_be_forgotten_and_twice_is_harmless():
    answers, _, deleted = P.forget_reflection(LESSON, {"gone": "old text", "a": ["x"]}, None, "gone")
    assert answers == {"a": ["x"]} and deleted == {"answer": True, "draft": False}
    assert P.forget_reflection(LESSON, {}, {}, "a") == ({}, {}, {"answer": False, "draft": False})


@pytest.mark.parametrize("reflection_id", ["nope", None, 3, ""])
def test_unknown_questions_are_refused(reflection_id):
    with pytest.raises(InputError):
        P.forget_reflection(LESSON, ANSWERS, {}, reflection_id)


def test_retirement_blanks_text_and_keeps_progress():
    stored = {"position": 12.0, "watched": [[0, 12]], "answers": ANSWERS, "drafts": {"b": "d"}, "completed": True}
    assert P.without_learner_text(stored) == dict(stored, answers={}, drafts={})
    assert P.without_learner_text({"position": 1}) == {"position": 1}
