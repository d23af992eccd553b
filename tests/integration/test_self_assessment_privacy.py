"""Account retirement and self_assessment (docs/PRIVACY.md): the learner's answers are blanked in
the block's state rows and the preference rows holding copies of them are deleted; completion stays,
another learner's rows are untouched. Run on the workbench's own rows (same shape as the platform's:
a JSON ``state`` text per learner and block, ``save()``, querysets), the receiver with the platform's
two models standing in as querysets of those rows (the LMS cannot run here)."""
import sys
import types

from workbench.models import XBlockState

from xblocks.retirement import receivers
from xblocks.self_assessment.scenarios import START

ANSWERS = {"asylprocessen": 1, "tolk": 2, "hanvisa": 4}


def _answered(harness, user):
    block = harness.load(START, user)
    assert harness.call(block, "submit_assessment", {"answers": ANSWERS})[0] == 200
    return block


def _state_rows(user):
    return XBlockState.objects.filter(user_id=user, tag="self_assessment", scope="usage")


def _pref_rows(user):
    return XBlockState.objects.filter(user_id=user, tag="self_assessment", scope="type")


def test_retirement_blanks_answers_and_deletes_preference_rows(harness, monkeypatch):
    user, decoy = harness.new_user(), harness.new_user()
    block = _answered(harness, user)
    decoy_block = _answered(harness, decoy)
    assert _state_rows(user).count() == 1 and _pref_rows(user).count() == 1

    class Rows:
        def __init__(self, rows_of):
            self.rows_of = rows_of
            self.objects = self

        def filter(self, student_id, module_type__in):
            # StudentModule.module_type is text; XModuleStudentPrefsField.module_type a BlockTypeKeyV1
            # (where opaque-keys is installed, as in the LMS)
            names = [getattr(t, "block_type", t) for t in module_type__in]
            assert names in (["self_assessment"], ["video_lesson"])
            return self.rows_of(student_id).filter(tag__in=names)

    models = types.ModuleType("lms.djangoapps.courseware.models")
    models.StudentModule = Rows(lambda uid: XBlockState.objects.filter(user_id=uid, scope="usage"))
    models.XModuleStudentPrefsField = Rows(lambda uid: XBlockState.objects.filter(user_id=uid, scope="type"))
    for name in ("lms", "lms.djangoapps", "lms.djangoapps.courseware"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "lms.djangoapps.courseware.models", models)
    receivers.retire_learner_text(sender=None, user=types.SimpleNamespace(id=user))

    fresh = harness.as_user(block, user)
    assert fresh.answers == {} and fresh.submitted_at == "" and fresh.completed is True
    assert _pref_rows(user).count() == 0 and fresh.measurements == {}
    assert "asylprocessen" not in _state_rows(user).get().state
    assert harness.as_user(decoy_block, decoy).answers == ANSWERS and _pref_rows(decoy).count() == 1
    assert receivers.retire_rows(_state_rows(user), receivers.without_answers) == 0  # idempotent
