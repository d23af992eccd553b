"""Watched time is earned, not claimed: credit no faster than the fastest playback speed (issue 9 §3).

The clock is a number passed to the model; nothing here sleeps.
"""
import pytest

from xblocks.video_lesson import progress as P
from xblocks.video_lesson.lesson import Lesson, Reflection, Source, Track, effective_duration

T0 = 1_800_000_000.0
MEDIA = {"sources": (Source("/a.webm"),), "tracks": (Track("/a.vtt", "sv", "Svenska"),)}
LESSON = Lesson(duration=40.0, completion_percent=100, **MEDIA)


def save(lesson, state, at, watched, position=None, duration=40.0):
    position = watched[-1][1] if position is None and watched else (position or 0)
    state = P.record_progress(lesson, state, position, watched, duration, now=at)
    return P.settle_completion(lesson, state)[0]


def covered(state):
    return sum(end - start for start, end in state.watched)


def test_the_forged_save_of_the_issue_completes_nothing():
    """``{position: 40, watched: [[0, 40]], duration: 40}`` 0.2 s after opening a 40 s lesson."""
    state = save(LESSON, P.LearnerState(), T0, [])  # the page's first save when playback starts
    state = save(LESSON, state, T0 + 0.2, [[0, 40]])
    assert not state.completed
    assert covered(state) == pytest.approx(P.CREDIT_SLACK + 0.2 * P.MAX_SPEED)
    assert state.watched == ((0.0, round(P.CREDIT_SLACK + 0.4, 3)),)  # the earliest seconds are kept


def test_the_first_save_of_all_gets_only_the_slack():
    state = save(LESSON, P.LearnerState(), T0, [[0, 40]])
    assert covered(state) == pytest.approx(P.CREDIT_SLACK)


@pytest.mark.parametrize("speed, every", [(1.0, 10.0), (1.75, 10.0), (2.0, 5.0), (2.0, 0.25)])
def test_honest_playback_is_credited_in_full(speed, every):
    state, at, t = save(LESSON, P.LearnerState(), T0, []), T0, 0.0
    while t < 40:
        at += every
        step = min(40.0, t + every * speed)
        state = save(LESSON, state, at, [[t, step]])
        t = step
    assert covered(state) == pytest.approx(40.0) and state.completed


def test_rapid_requests_do_not_add_up_slack():
    state, at = save(LESSON, P.LearnerState(), T0, []), T0
    for n in range(400):
        at += 0.01
        state = save(LESSON, state, at, [[n * 0.1, n * 0.1 + 0.1]])
    assert covered(state) <= P.MAX_SPEED * (at - T0) + P.CREDIT_SLACK + 1e-6


def test_bridged_gaps_count_as_credit():
    """Ranges 0.29 s apart merge into one (continuous playback): the bridge is paid for too."""
    state = save(LESSON, P.LearnerState(), T0, [])
    combs = [[n * 0.3, n * 0.3 + 0.01] for n in range(130)]  # 1.3 s claimed, 39 s once merged
    state = save(LESSON, state, T0 + 1, combs)
    assert covered(state) <= P.MAX_SPEED * 1 + P.CREDIT_SLACK + 1e-6


def test_rewatching_costs_and_earns_nothing_and_idle_time_is_not_lost():
    state = save(LESSON, P.LearnerState(), T0, [])
    state = save(LESSON, state, T0 + 10, [[0, 10]])
    clock = state.progress_clock
    state = save(LESSON, state, T0 + 11, [[0, 10]])
    assert state.progress_clock == clock and covered(state) == 10
    # A learner who paused for ten minutes may then watch on at any speed the player offers.
    state = save(LESSON, state, T0 + 611, [[10, 40]])
    assert state.completed


def test_discarded_seconds_are_not_stored_and_can_be_earned_later():
    state = save(LESSON, P.LearnerState(), T0, [])
    state = save(LESSON, state, T0 + 5, [[0, 20], [30, 40]])
    assert state.watched == ((0.0, 12.0),)
    state = save(LESSON, state, T0 + 20, [[12, 40]])
    assert state.completed


def test_a_clock_that_goes_back_credits_nothing_new():
    state = save(LESSON, P.LearnerState(), T0, [])
    state = save(LESSON, state, T0 - 3600, [[0, 40]])
    assert covered(state) == 0
    state = save(LESSON, state, T0 + 1, [[0, 40]])  # the clock is back: the slack and one second at 2×
    assert covered(state) == pytest.approx(P.CREDIT_SLACK + P.MAX_SPEED)


def test_the_fastest_scripted_completion_needs_wall_time():
    """Best strategy for a script: one save to start the clock, wait, claim everything at once."""
    for percent in (100, 90):
        lesson = Lesson(duration=40.0, completion_percent=percent, **MEDIA)
        floor = (40.0 * percent / 100 - P.CREDIT_SLACK) / P.MAX_SPEED
        start = save(lesson, P.LearnerState(), T0, [])
        assert not save(lesson, start, T0 + floor - 0.05, [[0, 40]]).completed
        assert save(lesson, start, T0 + floor + 0.05, [[0, 40]]).completed


def test_the_learner_cannot_shorten_an_authored_video():
    state = save(LESSON, P.LearnerState(progress_clock=0.0), T0, [[0, 0.001]], duration=0.001)
    assert not state.completed and P.summary(LESSON, state)["duration"] == 40.0


def test_without_an_authored_length_the_latest_reflection_bounds_the_length():
    """No OLX duration: the player's report is used, but never shorter than the last reflection point."""
    lesson = Lesson(completion_percent=90, reflections=(Reflection("sen", 30, "Q"),), **MEDIA)
    state = save(lesson, P.LearnerState(progress_clock=0.0), T0, [[0, 0.001]], duration=0.001)
    assert not state.completed and P.summary(lesson, state)["duration"] == 30
    assert effective_duration(lesson, 120.0) == 120.0 and effective_duration(lesson, None) is None


def test_the_clock_is_stored_and_read_back():
    state = save(LESSON, P.LearnerState(), T0, [])
    assert P.LearnerState.from_stored(**state.to_stored()) == state
    assert P.LearnerState.from_stored(progress_clock="x").progress_clock is None


def test_the_editor_saves_the_length_its_preview_measured():
    from xblocks.video_lesson import studio  # noqa: PLC0415
    base = {"display_name": "K", "completion_percent": "90", "duration": "", "weight": "1",
            "sources": [{"src": "/a.webm", "type": ""}], "tracks": [{"srclang": "sv", "label": "Sv", "src": "/a.vtt"}],
            "reflections": []}
    lesson, _, errors = studio.lesson_from_form(dict(base, media_duration=40.0416))
    assert errors == [] and lesson.duration == 40.042
    lesson, _, _ = studio.lesson_from_form(dict(base, media_duration=40.0, duration="1:00"))
    assert lesson.duration == 60.0  # a typed length wins
