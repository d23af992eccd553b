"""Completion is earned, not claimed (issue 9 §3): the watched share grows no faster than playback.

The block's wall clock is the ``clock`` fixture (conftest.py): time moves only when the test says.
"""
from django.utils import translation

LESSON = """<video_lesson display_name="Test" duration="40">
  <source src="/media/test/clip.webm"/>
  <track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
</video_lesson>"""
NO_LENGTH = """<video_lesson display_name="Test">
  <source src="/media/test/clip.webm"/>
  <track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="sen" time="30"><prompt>Fråga</prompt></reflection>
</video_lesson>"""


def test_forty_seconds_claimed_a_fifth_of_a_second_after_opening_complete_nothing(harness, clock):
    block = harness.load(LESSON)
    harness.call(block, "save_progress", {"position": 0, "watched": []})
    clock.advance(0.2)
    status, reply = harness.call(block, "save_progress", {"position": 40, "watched": [[0, 40]], "duration": 40})
    assert status == 200 and reply["completed"] is False
    assert reply["watched_fraction"] <= (2.0 + 0.4) / 40
    assert harness.events_of(block, "completion") == [] and harness.events_of(block, "grade") == []


def test_a_claim_with_no_earlier_save_gets_only_the_slack(harness, clock):
    block = harness.load(LESSON)
    _, reply = harness.call(block, "save_progress", {"position": 40, "watched": [[0, 40]], "duration": 40})
    assert reply["completed"] is False and reply["watched_fraction"] == 0.05


def test_real_time_playback_completes_and_publishes_once(harness, clock):
    block = harness.load(LESSON)
    harness.call(block, "save_progress", {"position": 0, "watched": []})
    for start in range(0, 40, 10):
        clock.advance(10)
        _, reply = harness.call(block, "save_progress", {"position": start + 10, "watched": [[start, start + 10]],
                                                          "duration": 40})
    assert reply["completed"] is True and reply["watched_fraction"] == 1.0
    assert harness.events_of(block, "completion") == [{"completion": 1.0}]


def test_a_tiny_reported_duration_does_not_shorten_the_lesson(harness, clock):
    block = harness.load(LESSON)
    _, reply = harness.call(block, "save_progress", {"position": 0.001, "watched": [[0, 0.001]], "duration": 0.001})
    assert reply["completed"] is False and reply["duration"] == 40
    # Without an authored length the latest reflection point is the shortest the video can be.
    block = harness.load(NO_LENGTH)
    _, reply = harness.call(block, "save_progress", {"position": 0.001, "watched": [[0, 0.001]], "duration": 0.001})
    assert reply["completed"] is False and reply["duration"] == 30


def test_studio_warns_when_the_length_is_unknown(harness):
    with translation.override("en"):
        warned = [m.text for m in harness.load(NO_LENGTH).validate().messages if m.type == "warning"]
        quiet = [m.text for m in harness.load(LESSON).validate().messages if m.type == "warning"]
    assert any("length of the video is not known" in m for m in warned) and quiet == []
