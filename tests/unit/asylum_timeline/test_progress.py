"""Learner rules: viewing steps, grading both quizzes, best score kept, completion once."""
import os

import pytest

from xblocks.asylum_timeline import olx, progress
from xblocks.common.errors import InputError

HERE = os.path.dirname(__file__)
with open(os.path.join(HERE, "fixtures", "branching.xml"), "rb") as _f:
    T = olx.parse_string(_f.read(), "branching.xml")
ORDER = T.quiz_map()["order-1"]
SHORT = T.quiz_map()["kort"]
MATCH = T.quiz_map()["match-1"]


def msg(exc_info):
    return exc_info.value.translate(lambda m: m)


def test_view_step_records_once_and_in_order():
    state = progress.empty_state()
    state = progress.view_step(state, T, "b")
    state = progress.view_step(state, T, "a")
    again = progress.view_step(state, T, "b")
    assert again is state and state["viewed"] == ["b", "a"]


@pytest.mark.parametrize("value, words", [
    ("zz", "There is no step “zz”"), (None, "must be text"), (3, "must be text"), ("", "not a valid id"),
    ("x" * 201, "not a valid id"), (["a"], "must be text"),
])
def test_view_step_refuses_bad_ids(value, words):
    state = progress.empty_state()
    with pytest.raises(InputError) as caught:
        progress.view_step(state, T, value)
    assert words in msg(caught)
    assert state == progress.empty_state()


def test_grade_order_marks_each_position():
    assert progress.grade_order(ORDER, ["a", "b", "c"]) == [True, True, True]
    assert progress.grade_order(ORDER, ["b", "a", "c"]) == [False, False, True]
    assert progress.grade_order(ORDER, ["c", "a", "b"]) == [False, False, False]


@pytest.mark.parametrize("order, words", [
    ("a b c", "must be a list"), (None, "must be a list"), ({"0": "a"}, "must be a list"),
    (["a", "a", "b"], "only once"), (["a", "b"], "missing the step “c”"), (["a", "b", "c", "d"], "not one of"),
    (["a", "b", 3], "must be text"), ([], "missing the step “a”"), (["a", "b", "zz"], "not one of"),
])
def test_grade_order_refuses_anything_but_a_permutation(order, words):
    with pytest.raises(InputError) as caught:
        progress.grade_order(ORDER, order)
    assert words in msg(caught)


def test_grade_match_answer_is_each_steps_first_actor():
    assert progress.grade_match(MATCH, T, {"a": "mv", "b": "kommun", "c": "godman"}) == \
        {"a": True, "b": True, "c": True}
    assert progress.grade_match(MATCH, T, {"a": "mv", "b": "mv", "c": "kommun"}) == \
        {"a": True, "b": False, "c": False}


@pytest.mark.parametrize("answers, words", [
    (["mv"], "must be an object"), ("mv", "must be an object"), ({"a": "mv", "b": "mv"}, "actor for the step “c”"),
    ({"a": "mv", "b": "mv", "c": "nobody"}, "no actor “nobody”"), ({"a": 1, "b": "mv", "c": "mv"}, "must be text"),
    ({"a": "mv", "b": "mv", "c": "mv", "x": "mv"}, "not one of"), ({"a": "", "b": "mv", "c": "mv"}, "not a valid id"),
])
def test_grade_match_refuses_bad_answers(answers, words):
    with pytest.raises(InputError) as caught:
        progress.grade_match(MATCH, T, answers)
    assert words in msg(caught)


def test_choose_quiz_by_id_by_kind_or_by_steps():
    assert progress.choose_quiz(T, "match", None, [])[0] == "match-1"
    assert progress.choose_quiz(T, "order", "kort", [])[0] == "kort"
    assert progress.choose_quiz(T, "order", None, ["c", "b"])[0] == "kort"
    assert progress.choose_quiz(T, "order", None, ["a", "b", "c"])[0] == "order-1"
    with pytest.raises(InputError):
        progress.choose_quiz(T, "order", None, ["a"])  # ambiguous
    with pytest.raises(InputError):
        progress.choose_quiz(T, "order", "match-1", [])  # wrong kind
    with pytest.raises(InputError):
        progress.choose_quiz(T, "order", 5, [])


def test_best_score_is_kept_and_never_goes_down():
    state = progress.empty_state()
    state = progress.record_attempt(state, "order-1", ["b", "a", "c"], [False, False, True])
    assert state["quizzes"]["order-1"]["best"] == pytest.approx(1 / 3)
    state = progress.record_attempt(state, "order-1", ["a", "b", "c"], [True, True, True])
    state = progress.record_attempt(state, "order-1", ["c", "a", "b"], [False, False, False])
    entry = state["quizzes"]["order-1"]
    assert (entry["best"], entry["last"], entry["attempts"]) == (1.0, 0.0, 3)
    assert entry["answer"] == ["c", "a", "b"] and entry["correct"] == [False, False, False]
    assert progress.score(state, T) == (1.0, 3.0)


def test_completion_needs_every_step_and_every_quiz_and_is_set_once():
    state = progress.empty_state()
    for step in ("a", "b", "c"):
        state = progress.view_step(state, T, step)
    assert not progress.is_complete(state, T)
    for quiz_id in ("order-1", "match-1"):
        state = progress.record_attempt(state, quiz_id, [], [False])
    state, done = progress.update_completion(state, T)
    assert not done
    state = progress.record_attempt(state, "kort", [], [True])
    state, done = progress.update_completion(state, T)
    assert done and state["completed"]
    state, done = progress.update_completion(state, T)
    assert not done and state["completed"]


def test_quiz_only_completion_ignores_steps():
    state = progress.empty_state()
    for quiz_id in T.quiz_map():
        state = progress.record_attempt(state, quiz_id, [], [True])
    assert progress.is_complete(state, T, quiz_only=True)
    assert not progress.is_complete(state, T, quiz_only=False)


def test_a_timeline_without_quizzes_scores_one_point_at_completion():
    timeline = olx.parse_string("<asylum_timeline><actor id='x' name='X'/><phase id='p' title='P'>"
                                "<step id='s' actors='x'><title>S</title></step></phase></asylum_timeline>")
    state = progress.view_step(progress.empty_state(), timeline, "s")
    assert progress.score(state, timeline) == (0.0, 1.0)
    state, done = progress.update_completion(state, timeline)
    assert done and progress.score(state, timeline) == (1.0, 1.0)


def test_summary_ignores_removed_steps_and_quizzes():
    state = progress.normalise_state(["a", "gone"], {"order-1": {"best": 0.5}, "old": {"best": 1}}, False)
    summary = progress.summary(state, T)
    assert summary["viewed"] == ["a"] and summary["steps_seen"] == 1 and summary["steps_total"] == 3
    assert list(summary["quizzes"]) == ["order-1"]
    assert summary["score"] == {"earned": 0.5, "possible": 3.0}


def test_initial_order_is_stable_per_seed_and_never_solved():
    steps = ["a", "b", "c", "d"]
    assert progress.initial_order(steps, "u1:q") == progress.initial_order(steps, "u1:q")
    for seed in range(50):
        shuffled = progress.initial_order(steps, str(seed))
        assert sorted(shuffled) == steps and shuffled != steps
    assert progress.initial_order(["a", "b"], "x") == ["b", "a"]
    assert progress.initial_order(["a"], "x") == ["a"]
