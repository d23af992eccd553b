"""What our code does when the platform retires an account (docs/PRIVACY.md).

The platform keeps each block's learner state in ``courseware.StudentModule`` (one row per learner
and block, ``state`` a JSON document) and its retirement pipeline neither deletes nor changes
those rows: the user row is kept (renamed, deactivated), so the state stays linked to it. For the
``video_lesson`` blocks we blank what the learner wrote (answers and drafts) in every such row;
watched time and completion stay, like the platform's own grade and completion records.
``asylum_timeline`` state holds only step, quiz and actor ids chosen from the content: no text.
"""
import json
import logging

from ..video_lesson.progress import without_learner_text

log = logging.getLogger(__name__)
#: Block types whose learner state can hold text a learner typed.
TEXT_BLOCK_TYPES = ("video_lesson",)


def retire_learner_text(sender, user=None, **kwargs):  # pylint: disable=unused-argument
    """``USER_RETIRE_LMS_MISC`` receiver: blank the learner's text in all our blocks, every course."""
    if user is None:
        return
    from lms.djangoapps.courseware.models import StudentModule  # pylint: disable=import-error,import-outside-toplevel
    rows = StudentModule.objects.filter(student_id=user.id, module_type__in=TEXT_BLOCK_TYPES)
    changed = retire_rows(rows)
    log.info("bemotande: removed learner text from %d block states of user %s at retirement", changed, user.id)


def retire_rows(rows):
    """Blank learner text in ``rows`` (objects with a JSON ``state`` text and ``save()``); returns how
    many changed. Rows whose state is not a JSON object are emptied: they cannot be read to be kept."""
    changed = 0
    for row in rows:
        try:
            state = json.loads(row.state or "{}")
        except ValueError:
            state = None
        cleaned = without_learner_text(state) if isinstance(state, dict) else {}
        if cleaned != state:
            row.state = json.dumps(cleaned)
            row.save()
            changed += 1
    return changed
