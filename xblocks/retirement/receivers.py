"""What our code does when the platform retires an account (docs/PRIVACY.md).

The platform keeps each block's learner state in ``courseware.StudentModule`` (one row per learner
and block, ``state`` a JSON document) and its retirement pipeline neither deletes nor changes
those rows: the user row is kept (renamed, deactivated), so the state stays linked to it. For the
``video_lesson`` blocks we blank what the learner wrote (answers and drafts) in every such row;
watched time and completion stay, like the platform's own grade and completion records.
``asylum_timeline`` state holds only step, quiz and actor ids chosen from the content: no text.
``self_assessment`` state holds the levels a learner chose about themselves: blanked in its rows, and
the copies in the learner's ``measurements`` preference (``XModuleStudentPrefsField`` rows of that
block type) are deleted.
"""
import json
import logging

from ..self_assessment.assessment import without_answers
from ..video_lesson.progress import without_learner_text

log = logging.getLogger(__name__)
#: Block types whose learner state can hold text a learner typed.
TEXT_BLOCK_TYPES = ("video_lesson",)
#: Block types whose learner state and preferences hold the learner's answers about themselves.
ANSWER_BLOCK_TYPES = ("self_assessment",)


def retire_learner_text(sender, user=None, **kwargs):  # pylint: disable=unused-argument
    """``USER_RETIRE_LMS_MISC`` receiver: blank the learner's text in all our blocks, every course."""
    if user is None:
        return
    # pylint: disable=import-error,import-outside-toplevel
    from lms.djangoapps.courseware.models import StudentModule, XModuleStudentPrefsField
    rows = StudentModule.objects.filter(student_id=user.id, module_type__in=TEXT_BLOCK_TYPES)
    changed = retire_rows(rows)
    assessed = retire_rows(StudentModule.objects.filter(student_id=user.id, module_type__in=ANSWER_BLOCK_TYPES),
                           without_answers)
    prefs = delete_rows(XModuleStudentPrefsField.objects.filter(student_id=user.id,
                                                                module_type__in=_block_type_keys(ANSWER_BLOCK_TYPES)))
    log.info("bemotande: removed learner text from %d block states, answers from %d, %d preference rows, "
             "of user %s at retirement", changed, assessed, prefs, user.id)


def _block_type_keys(block_types):
    """``XModuleStudentPrefsField.module_type`` holds block type keys (``BlockTypeKeyV1``)."""
    try:  # opaque-keys comes with the platform
        from opaque_keys.edx.block_types import BlockTypeKeyV1  # pylint: disable=import-outside-toplevel
    except ImportError:
        return list(block_types)
    return [BlockTypeKeyV1("xblock.v1", name) for name in block_types]


def delete_rows(rows):
    """Delete ``rows`` (a queryset); returns how many were deleted."""
    return rows.delete()[0]


def retire_rows(rows, clean=without_learner_text):
    """Blank learner text in ``rows`` (objects with a JSON ``state`` text and ``save()``) with ``clean``
    (a stored document -> the document to keep); returns how many changed. Rows whose state is not a JSON
    object are emptied: they cannot be read to be kept."""
    changed = 0
    for row in rows:
        try:
            state = json.loads(row.state or "{}")
        except ValueError:
            state = None
        cleaned = clean(state) if isinstance(state, dict) else {}
        if cleaned != state:
            row.state = json.dumps(cleaned)
            row.save()
            changed += 1
    return changed
