"""A learner deletes what they wrote (issue 9 §6, docs/PRIVACY.md): afterwards nothing of the text is
left in any stored field (the database rows themselves are searched), the state handler, the learner
view or the staff report; completion and the published grade stay as they were."""
import json
from types import SimpleNamespace

import pytest
from django.utils import translation
from workbench.models import XBlockState

LESSON = """<video_lesson display_name="Integritet" duration="40" completion_percent="50">
  <source src="/media/test/clip.webm"/>
  <track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="req" time="5" required="true"><prompt>Fråga ett</prompt></reflection>
  <reflection id="opt" time="20"><prompt>Fråga två</prompt></reflection>
</video_lesson>"""
ANSWER, DRAFT, OTHER = "Mitt HEMLIGA-SVAR om min familj", "ett UTKAST-SOM-SKA-BORT", "andra frågans svar"
FIELDS = ("position", "watched", "reported_duration", "drafts", "answers", "completed", "progress_clock")


def rows_with(text, user):
    """The learner's stored rows (every scope) in the database that contain ``text``."""
    return [row for row in XBlockState.objects.filter(user_id=user) if text in row.state]


def report(block, user, harness):
    fresh = harness.as_user(block, user)
    state = SimpleNamespace(username=user, state={name: getattr(fresh, name) for name in FIELDS})
    return json.dumps(list(block.generate_report_data(iter([state]))), ensure_ascii=False)


@pytest.fixture
def learner(harness, clock):
    user = harness.new_user()
    block = harness.load(LESSON, user)
    harness.call(block, "submit_reflection", {"reflection_id": "req", "text": ANSWER})
    harness.call(block, "save_draft", {"reflection_id": "req", "text": DRAFT})
    harness.call(block, "submit_reflection", {"reflection_id": "opt", "text": OTHER})
    assert rows_with(ANSWER, user) and rows_with(DRAFT, user)  # the markers are really in the database
    return harness.as_user(block, user), user


def test_after_deleting_nothing_of_the_text_remains_anywhere(harness, learner):
    block, user = learner
    status, reply = harness.call(block, "delete_reflection", {"reflection_id": "req"})
    assert status == 200 and reply["deleted"] == {"answer": True, "draft": True} and reply["answered"] == 1
    for text in (ANSWER, DRAFT):
        assert rows_with(text, user) == []
        _, state = harness.call(harness.as_user(block, user), "student_view_user_state", method="GET")
        assert text not in json.dumps(state, ensure_ascii=False)
        assert text not in harness.as_user(block, user).render("student_view").body_html()
        assert text not in report(block, user, harness)
        assert text not in json.dumps(harness.events, ensure_ascii=False)
    assert OTHER in report(block, user, harness)  # the other answer is untouched
    assert harness.events_of(block, "edx.bemotande.video_lesson.reflection_deleted") == [
        {"reflection_id": "req", "answer": True, "draft": True}]


def test_a_draft_alone_can_be_deleted_and_deleting_twice_is_harmless(harness, clock):
    user = harness.new_user()
    block = harness.load(LESSON, user)
    harness.call(block, "save_draft", {"reflection_id": "opt", "text": DRAFT})
    _, reply = harness.call(block, "delete_reflection", {"reflection_id": "opt"})
    assert reply["deleted"] == {"answer": False, "draft": True} and rows_with(DRAFT, user) == []
    status, reply = harness.call(block, "delete_reflection", {"reflection_id": "opt"})
    assert status == 200 and reply["deleted"] == {"answer": False, "draft": False}


def test_text_stored_in_an_old_shape_or_for_a_removed_question_is_deleted_too(harness, clock):
    user = harness.new_user()
    block = harness.load(LESSON, user)
    block.answers = {"req": {"text": 5, "note": ANSWER}, "borttagen": {"text": OTHER, "submitted_at": ""}}
    block.save()
    assert rows_with(ANSWER, user)
    for reflection_id in ("req", "borttagen"):
        status, _ = harness.call(harness.as_user(block, user), "delete_reflection", {"reflection_id": reflection_id})
        assert status == 200
    assert rows_with(ANSWER, user) == [] and rows_with(OTHER, user) == []


@pytest.mark.parametrize("language, message", [("sv", "Den reflektionsfrågan finns inte i den här lektionen."),
                                               ("en", "There is no such reflection question in this lesson.")])
def test_an_unknown_question_is_refused_and_changes_nothing(harness, learner, language, message):
    block, user = learner
    before = {name: getattr(harness.as_user(block, user), name) for name in FIELDS}
    for body in ({"reflection_id": "nope"}, {"reflection_id": 3}, {}):
        with translation.override(language):
            status, reply = harness.call(harness.as_user(block, user), "delete_reflection", body)
        assert status == 400
    assert reply == {"error": message} or "reflection_id" in reply["error"]
    with translation.override(language):
        assert harness.call(block, "delete_reflection", {"reflection_id": "nope"})[1] == {"error": message}
    assert {name: getattr(harness.as_user(block, user), name) for name in FIELDS} == before


def test_completion_and_grade_stay_but_an_unfinished_lesson_needs_the_answer_again(harness, clock):
    block = harness.load(LESSON)
    harness.call(block, "save_progress", {"position": 0, "watched": []})
    clock.advance(20)
    harness.call(block, "save_progress", {"position": 30, "watched": [[0, 30]]})
    _, reply = harness.call(block, "submit_reflection", {"reflection_id": "req", "text": ANSWER})
    assert reply["completed"] is True
    _, reply = harness.call(block, "delete_reflection", {"reflection_id": "req"})
    assert reply["completed"] is True and reply["required_answered"] == 0
    assert len(harness.events_of(block, "completion")) == 1 and len(harness.events_of(block, "grade")) == 1
    # Not yet complete: the deleted required answer is needed again.
    other = harness.load(LESSON)
    harness.call(other, "submit_reflection", {"reflection_id": "req", "text": ANSWER})
    harness.call(other, "delete_reflection", {"reflection_id": "req"})
    harness.call(other, "save_progress", {"position": 0, "watched": []})
    clock.advance(20)
    _, reply = harness.call(other, "save_progress", {"position": 30, "watched": [[0, 30]]})
    assert reply["completed"] is False
    _, reply = harness.call(other, "submit_reflection", {"reflection_id": "req", "text": "nytt svar"})
    assert reply["completed"] is True


def test_account_retirement_blanks_the_text_in_every_stored_row_and_keeps_progress(harness, learner):
    """What our retirement receiver does to the platform's rows, run on the workbench's own state rows
    (same shape: a JSON ``state`` text per learner and block, and ``save()``)."""
    from xblocks.retirement.receivers import retire_rows  # noqa: PLC0415
    block, user = learner
    decoy = harness.new_user()
    harness.call(harness.as_user(block, decoy), "submit_reflection", {"reflection_id": "req", "text": "DECOY-TEXT"})
    rows = XBlockState.objects.filter(user_id=user)
    assert retire_rows(rows) >= 1
    for text in (ANSWER, DRAFT, OTHER):
        assert rows_with(text, user) == []
    assert rows_with("DECOY-TEXT", decoy)  # another learner is untouched
    _, state = harness.call(harness.as_user(block, user), "student_view_user_state", method="GET")
    assert state["answers"] == {} and state["drafts"] == {}
    assert retire_rows(XBlockState.objects.filter(user_id=user)) == 0  # idempotent


def test_the_retirement_app_connects_a_receiver_that_exists():
    import importlib  # noqa: PLC0415

    from xblocks.retirement.apps import RETIREMENT_SIGNAL, RetirementConfig  # noqa: PLC0415
    config = RetirementConfig.plugin_app["signals_config"]["lms.djangoapp"]
    module = importlib.import_module("xblocks.retirement." + config["relative_path"])
    for receiver in config["receivers"]:
        assert callable(getattr(module, receiver["receiver_func_name"]))
        assert receiver["signal_path"] == RETIREMENT_SIGNAL
    assert RETIREMENT_SIGNAL == "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_MISC"
    assert module.retire_learner_text(sender=None, user=None) is None  # nothing to do without a user
