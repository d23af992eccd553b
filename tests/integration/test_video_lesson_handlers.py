"""video_lesson in the real WorkbenchRuntime: OLX in, handler calls, stored state and events out."""
import json

import pytest
from django.utils import translation

from xblocks.video_lesson.scenarios import SEVERAL_POINTS

STATE_FIELDS = ("position", "watched", "reported_duration", "drafts", "answers", "completed", "progress_clock")
LESSON = """<video_lesson display_name="Test" completion_percent="80">
  <source src="/media/test/clip.webm"/>
  <track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="req" time="5" required="true" min_words="2" max_chars="40"><prompt>Fråga ett</prompt>
    <guidance>Tänk <em>så här</em>.</guidance></reflection>
  <reflection id="opt" time="20"><prompt>Fråga två</prompt></reflection>
</video_lesson>"""


def stored(harness, block, user):
    """The learner's state as the database holds it (read through a fresh block)."""
    fresh = harness.as_user(block, user)
    return {name: getattr(fresh, name) for name in STATE_FIELDS}


@pytest.fixture
def lesson(harness, clock):
    """The lesson, with the learner's first save (playback started) an hour ago: any honest
    playback fits in that wall time (the credit limit itself: test_video_lesson_credit.py)."""
    user = harness.new_user()
    block = harness.load(LESSON, user)
    assert harness.call(block, "save_progress", {"position": 0, "watched": []})[0] == 200
    clock.advance(3600)
    return block, user


def test_save_progress_merges_ranges_on_the_server(harness, lesson):
    block, user = lesson
    status, reply = harness.call(block, "save_progress", {"position": 10, "watched": [[0, 10]], "duration": 40})
    assert status == 200 and reply["watched_fraction"] == 0.25 and reply["completed"] is False
    status, reply = harness.call(block, "save_progress", {"position": 22, "watched": [[9, 22], [30, 35]],
                                                          "duration": 40})
    assert reply["watched_fraction"] == round(27 / 40, 4) and reply["watched_percent"] == 67
    assert stored(harness, block, user)["watched"] == [[0.0, 22.0], [30.0, 35.0]]
    assert stored(harness, block, user)["position"] == 22


def test_a_client_cannot_claim_completion(harness, lesson):
    block, user = lesson
    status, reply = harness.call(block, "save_progress", {"position": 1, "watched": [[0, 1]], "duration": 40,
                                                          "completed": True, "watched_fraction": 1.0})
    assert status == 200 and reply["completed"] is False and reply["watched_fraction"] == 0.025
    assert harness.events_of(block, "completion") == []


def test_drafts_survive_and_count_nothing(harness, lesson):
    block, user = lesson
    assert harness.call(block, "save_draft", {"reflection_id": "req", "text": "halvfärdig tanke"})[0] == 200
    again = harness.as_user(block, user)
    status, state = harness.call(again, "student_view_user_state", method="GET")
    assert status == 200
    assert state["drafts"] == {"req": "halvfärdig tanke"} and state["answers"] == {} and state["answered"] == 0


def test_submit_returns_guidance_and_stores_plain_text_with_time(harness, lesson):
    block, user = lesson
    text = "<script>alert(1)</script> två ord"
    status, reply = harness.call(block, "submit_reflection", {"reflection_id": "req", "text": text})
    assert status == 200 and reply["submitted"] is True
    assert reply["guidance"] == "Tänk <em>så här</em>."
    answer = stored(harness, block, user)["answers"]["req"]
    assert answer["text"] == text and answer["submitted_at"].endswith("+00:00")
    event = harness.events_of(block, "edx.bemotande.video_lesson.reflection_submitted")
    assert event == [{"reflection_id": "req", "required": True, "resubmission": False, "words": 3,
                      "characters": len(text)}]
    assert "script" not in json.dumps(event)  # no learner text in analytics


def test_completion_and_grade_are_published_once_at_the_same_moment(harness, lesson):
    block, user = lesson
    harness.call(block, "save_progress", {"position": 40, "watched": [[0, 40]], "duration": 40})
    assert harness.events_of(block, "completion") == [] and harness.events_of(block, "grade") == []
    status, reply = harness.call(block, "submit_reflection", {"reflection_id": "req", "text": "ett två"})
    assert reply["completed"] is True
    assert harness.events_of(block, "completion") == [{"completion": 1.0}]
    assert harness.events_of(block, "grade") == [{"value": 1.0, "max_value": 1.0}]
    kinds = [kind for _, kind, _ in harness.events if kind in ("completion", "grade")]
    assert kinds == ["completion", "grade"]
    # More progress, resubmission, another answer: nothing is published again.
    harness.call(block, "submit_reflection", {"reflection_id": "req", "text": "tre nya ord"})
    harness.call(block, "submit_reflection", {"reflection_id": "opt", "text": "valfritt"})
    harness.call(harness.as_user(block, user), "save_progress", {"position": 5, "watched": [[0, 5]], "duration": 40})
    assert len(harness.events_of(block, "completion")) == 1 and len(harness.events_of(block, "grade")) == 1
    assert len(harness.events_of(block, "edx.bemotande.video_lesson.completed")) == 1
    assert stored(harness, block, user)["completed"] is True


def test_answering_first_and_watching_later_also_completes(harness, lesson):
    block, _ = lesson
    harness.call(block, "submit_reflection", {"reflection_id": "req", "text": "ett två"})
    harness.call(block, "save_progress", {"position": 20, "watched": [[0, 20]], "duration": 40})
    assert harness.events_of(block, "completion") == []
    _, reply = harness.call(block, "save_progress", {"position": 33, "watched": [[19, 33]], "duration": 40})
    assert reply["completed"] is True and reply["watched_percent"] == 82
    assert len(harness.events_of(block, "completion")) == 1


def test_another_learner_is_untouched(harness, lesson):
    block, user = lesson
    decoy = harness.new_user()
    decoy_block = harness.as_user(block, decoy)
    harness.call(decoy_block, "save_draft", {"reflection_id": "opt", "text": "decoy"})
    before = stored(harness, block, decoy)
    harness.call(block, "save_progress", {"position": 40, "watched": [[0, 40]], "duration": 40})
    harness.call(block, "submit_reflection", {"reflection_id": "req", "text": "ett två"})
    assert stored(harness, block, decoy) == before
    assert before["drafts"] == {"opt": "decoy"} and before["completed"] is False


def test_the_learner_view_embeds_the_state_without_unanswered_guidance(harness):
    user = harness.new_user()
    block = harness.load(SEVERAL_POINTS, user)
    harness.call(block, "submit_reflection", {"reflection_id": "forsta-motet", "text": "ett två tre"})
    html = harness.as_user(block, user).render("student_view").body_html()
    assert "Många beskriver att tid" in html            # guidance of the answered point
    assert "Egna erfarenheter hjälper" not in html      # guidance of unanswered points stays on the server
    assert "ett två tre" in html


def test_learner_view_is_translated(harness):
    block = harness.load(SEVERAL_POINTS)
    with translation.override("sv"):
        html = harness.as_user(block, harness.new_user()).render("student_view").body_html()
    assert "Reflektionsfrågor" in html and "Kortkommandon" in html
    with translation.override("en"):
        html = harness.as_user(block, harness.new_user()).render("student_view").body_html()
    assert "Reflection questions" in html and "Keyboard shortcuts" in html


def test_events_from_the_browser_are_allow_listed(harness, lesson):
    block, _ = lesson
    status, _ = harness.call(block, "log_event", {"event": "paused_for_reflection", "reflection_id": "req",
                                                  "position": 5.0004})
    assert status == 200
    assert harness.events_of(block, "edx.bemotande.video_lesson.paused_for_reflection") == [
        {"reflection_id": "req", "position": 5.0}]
    for body in ({"event": "grade"}, {"event": "played", "reflection_id": "nope"}, {"event": "played", "speed": 99},
                 {"event": "played", "position": -1}, {"event": "problem_check"},
                 {"event": "captions_changed", "language": "mitt svar på frågan"}):
        assert harness.call(block, "log_event", body)[0] == 400
    assert harness.events_of(block, "grade") == []
    assert harness.call(block, "log_event", {"event": "captions_changed", "language": "sv"})[0] == 200


def test_wrong_http_method(harness, lesson):
    block, _ = lesson
    status, reply = harness.call(block, "student_view_user_state", {"x": 1})
    assert status == 405 and "GET" in reply["error"]
    status, reply = harness.call(block, "save_progress", method="GET")
    assert status == 405
