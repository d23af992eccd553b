"""Learner state transitions: pure, refused input raises before any new state exists."""
import pytest

from xblocks.common.errors import InputError
from xblocks.video_lesson import progress as P
from xblocks.video_lesson.lesson import Lesson, Reflection, Source, Track

LESSON = Lesson(sources=(Source("/a.webm"),), tracks=(Track("/a.vtt", "sv", "Svenska"),), completion_percent=80,
                reflections=(Reflection("req", 5, "Q1", required=True, min_words=2, max_chars=50),
                             Reflection("opt", 20, "Q2")))
NOW = "2026-01-01T10:00:00+00:00"
#: A learner whose first save was long ago: enough wall time to credit anything (see test_credit.py).
LONG_AGO = P.LearnerState(progress_clock=0.0)
LATER = 1_000_000.0


def test_progress_merges_ranges_with_what_the_server_has():
    state = P.record_progress(LESSON, LONG_AGO, 10, [[0, 10]], 40, now=LATER)
    state = P.record_progress(LESSON, state, 25, [[8, 25], [30, 31]], 40, now=LATER)
    assert state.watched == ((0.0, 25.0), (30.0, 31.0))
    assert state.position == 25 and state.reported_duration == 40


def test_reported_duration_only_grows_and_clamps_ranges_and_position():
    state = P.record_progress(LESSON, LONG_AGO, 500, [[0, 500]], 40, now=LATER)
    assert state.watched == ((0.0, 40.0),) and state.position == 40
    state = P.record_progress(LESSON, state, 1, [], 10, now=LATER)
    assert state.reported_duration == 40


def test_an_olx_duration_wins_over_the_player():
    lesson = Lesson(duration=30.0, completion_percent=50)
    state = P.record_progress(lesson, LONG_AGO, 10, [[0, 100]], 1000, now=LATER)
    assert state.watched == ((0.0, 30.0),)
    assert P.summary(lesson, state)["watched_fraction"] == 1.0


def test_zero_duration_is_refused():
    with pytest.raises(InputError):
        P.record_progress(LESSON, LONG_AGO, 0, [], 0, now=LATER)


def test_drafts_are_stored_and_cleared_but_count_nothing():
    state = P.record_draft(LESSON, P.LearnerState(), "req", "ett utkast")
    assert state.drafts == {"req": "ett utkast"} and state.answers == {}
    assert P.record_draft(LESSON, state, "req", "").drafts == {}
    with pytest.raises(InputError):
        P.record_draft(LESSON, state, "nope", "x")
    with pytest.raises(InputError):
        P.record_draft(LESSON, state, "req", "x" * 51)


def test_submission_stores_plain_text_and_time_and_drops_the_draft():
    state = P.record_draft(LESSON, P.LearnerState(), "req", "utkast")
    text = "<b>två</b> ord"
    state = P.record_submission(LESSON, state, "req", text, NOW)
    assert state.answers["req"] == P.Answer(text, NOW) and state.drafts == {}


@pytest.mark.parametrize("reflection_id, text", [("nope", "ett två"), ("req", "ett"), ("req", "x " * 30),
                                                 ("req", "   "), (None, "ett två")])
def test_bad_submissions_raise(reflection_id, text):
    with pytest.raises(InputError):
        P.record_submission(LESSON, P.LearnerState(), reflection_id, text, NOW)


def test_completion_is_settled_once_and_never_taken_back():
    state = P.record_progress(LESSON, LONG_AGO, 40, [[0, 40]], 40, now=LATER)
    state, newly = P.settle_completion(LESSON, state)
    assert not newly and not state.completed  # the required answer is missing
    state = P.record_submission(LESSON, state, "req", "ett två", NOW)
    state, newly = P.settle_completion(LESSON, state)
    assert newly and state.completed
    again, newly = P.settle_completion(LESSON, state)
    assert not newly and again.completed
    extra = Reflection("new", 30, "Q", required=True)
    harder = Lesson(completion_percent=100, reflections=LESSON.reflections + (extra,))
    assert P.settle_completion(harder, state) == (state, False)


def test_summary_counts_only_current_reflections():
    state = P.LearnerState(answers={"req": P.Answer("a b", NOW), "gone": P.Answer("x", NOW)})
    summary = P.summary(LESSON, state)
    assert (summary["answered"], summary["total"], summary["required_answered"], summary["required_total"]) == (
        1, 2, 1, 1)


def test_stored_state_round_trip_and_tolerance_of_bad_stored_data():
    state = P.LearnerState(position=3.5, watched=((0.0, 3.5),), reported_duration=40.0, drafts={"opt": "d"},
                           answers={"req": P.Answer("a b", NOW)}, completed=True)
    assert P.LearnerState.from_stored(**state.to_stored()) == state
    odd = P.LearnerState.from_stored(position=None, watched=[[1], "x", [0, 1]], drafts={"a": 3},
                                     answers={"b": "x", "c": {"text": 1}})
    assert odd == P.LearnerState(watched=((0, 1),))


def test_user_state_reveals_guidance_of_answered_reflections_only():
    lesson = Lesson(reflections=(Reflection("a", 1, "Q", guidance="G-a"), Reflection("b", 5, "Q", guidance="G-b")))
    state = P.LearnerState(answers={"a": P.Answer("svar", NOW)}, drafts={"b": "utkast"})
    view = P.user_state(lesson, state, lambda item: item.guidance)
    assert view["answers"] == {"a": {"text": "svar", "submitted_at": NOW, "words": 1, "guidance": "G-a"}}
    assert view["drafts"] == {"b": "utkast"}
    assert "G-b" not in repr(view)
