"""A learner's progress through one lesson: immutable state and the pure transitions on it.

The block reads its user-state fields once into a :class:`LearnerState`, hands it with the
validated request values to one of the ``record_*`` functions, and writes the returned state
back once. Every function here raises :class:`InputError` *before* producing a new state, so a
refused request changes nothing. No XBlock or Django import.
"""
import math
from dataclasses import dataclass, field, replace

from ..common.errors import N_, InputError
from .lesson import (
    MAX_DURATION,
    check_answer,
    count_chars,
    count_words,
    effective_duration,
    is_complete,
    merge_ranges,
    watched_fraction,
)

#: The fastest speed the player offers (``views.SPEEDS``): watched time is credited no faster.
MAX_SPEED = 2.0
#: Watched seconds credited beyond what wall time allows, once per learner (timer jitter, latency).
CREDIT_SLACK = 2.0


@dataclass(frozen=True)
class Answer:
    """A submitted answer: plain text as typed, and when (ISO 8601, UTC)."""

    text: str
    submitted_at: str


@dataclass(frozen=True)
class LearnerState:
    """What the server keeps per learner (mirrors the block's ``Scope.user_state`` fields)."""

    position: float = 0.0
    watched: tuple = ()
    reported_duration: float | None = None
    drafts: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    completed: bool = False
    #: The credit clock (seconds since the epoch): watched time up to ``MAX_SPEED × (now − clock)`` may
    #: still be credited; None until the learner's first ``save_progress``. See :func:`record_progress`.
    progress_clock: float | None = None

    @classmethod
    def from_stored(cls, position=0.0, watched=(), reported_duration=None, drafts=None, answers=None,
                    completed=False, progress_clock=None):
        """Build from stored field values, skipping anything malformed (e.g. from older versions)."""
        clean_answers = {}
        for key, value in (answers if isinstance(answers, dict) else {}).items():
            if isinstance(value, dict) and isinstance(value.get("text"), str):
                clean_answers[key] = Answer(value["text"], str(value.get("submitted_at") or ""))
        return cls(
            position=_stored_number(position) or 0.0,
            watched=tuple((float(pair[0]), float(pair[1])) for pair in _list(watched)
                          if isinstance(pair, (list, tuple)) and len(pair) == 2
                          and all(_stored_number(v) is not None for v in pair) and pair[0] <= pair[1]),
            reported_duration=_stored_number(reported_duration) or None,
            drafts={k: v for k, v in (drafts if isinstance(drafts, dict) else {}).items() if isinstance(v, str)},
            answers=clean_answers,
            completed=bool(completed),
            progress_clock=float(progress_clock) if isinstance(progress_clock, (int, float)) else None,
        )

    def to_stored(self):
        """Field name -> JSON value, the inverse of :meth:`from_stored`."""
        return {
            "position": self.position,
            "watched": [list(pair) for pair in self.watched],
            "reported_duration": self.reported_duration,
            "drafts": dict(self.drafts),
            "answers": {k: {"text": a.text, "submitted_at": a.submitted_at} for k, a in self.answers.items()},
            "completed": self.completed,
            "progress_clock": self.progress_clock,
        }


def _stored_number(value):
    """A stored number of seconds if it is one (finite, 0 to ``MAX_DURATION``), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value) if 0 <= value <= MAX_DURATION else None


def _list(value):
    return value if isinstance(value, (list, tuple)) else ()


def _reflection(lesson, reflection_id):
    item = lesson.reflection(reflection_id) if isinstance(reflection_id, str) else None
    if item is None:
        raise InputError(N_("There is no such reflection question in this lesson."))
    return item


def record_progress(lesson, state, position, watched, duration=None, *, now):
    """Merge newly ``watched`` ranges (already parsed) and store the playback ``position``.

    ``now`` is the server's wall time in seconds (the block passes its clock; tests pass any number).
    Watched time is credited no faster than real playback allows: over a learner's whole history,
    credited seconds ≤ ``MAX_SPEED`` × (wall time since their first save) + ``CREDIT_SLACK``. New
    seconds beyond that are discarded (the earliest new seconds are kept), not stored as watched.

    ``duration`` is what the player reports; the largest report is kept, and an author duration wins
    over all of them (see :func:`effective_duration`). Ranges and position are clamped to the length.
    """
    if duration is not None and duration <= 0:
        raise InputError(N_("“{key}” is out of range."), key="duration")
    reported = max((d for d in (state.reported_duration, duration) if d), default=None)
    length = effective_duration(lesson, reported)
    clock = state.progress_clock
    if clock is None:  # first contact: the clock starts now, with the slack as the only credit
        clock = now - CREDIT_SLACK / MAX_SPEED
    allowance = max(0.0, (now - clock) * MAX_SPEED)
    merged, credited = credit_ranges(state.watched, watched, length, allowance)
    position = min(position, length) if length else position
    return replace(state, position=round(position, 3), watched=tuple(tuple(p) for p in merged),
                   reported_duration=reported, progress_clock=math.ceil((clock + credited / MAX_SPEED) * 1000) / 1000)


def _covered(ranges):
    return sum(end - start for start, end in ranges)


def credit_ranges(old, new, length, allowance):
    """``(merged, credited)``: ``old`` ranges plus as much of ``new`` as ``allowance`` seconds permit.

    Credit is measured after merging (gap bridging included), so it is exactly the growth of the
    watched total; new ranges are taken in time order and the first that does not fit is cut short.
    """
    base = merge_ranges(list(old), length)
    # Growth is measured from the ranges as stored: merging them again can bridge a gap that rounding
    # to milliseconds narrowed, and that bridge is credit too. (Overlapping old data only lowers it.)
    before = _covered(old)

    def with_new(ranges):
        merged = merge_ranges(base + list(ranges), length)
        return merged, max(0.0, _covered(merged) - before)

    merged, gained = with_new(new)
    if gained <= allowance + 1e-9:
        return merged, gained
    limit = length if length else MAX_DURATION
    pieces = sorted((max(0.0, s), min(limit, e)) for s, e in new if min(limit, e) > max(0.0, s))
    low, high = 0, len(pieces)  # the longest prefix of whole pieces that fits (growth is monotonic)
    while low < high:
        middle = (low + high + 1) // 2
        if with_new(pieces[:middle])[1] <= allowance + 1e-9:
            low = middle
        else:
            high = middle - 1
    kept = pieces[:low]
    if low < len(pieces):  # cut the next piece short to use what is left of the allowance
        start, end = pieces[low]
        short, long_ = 0.0, end - start
        for _ in range(30):
            cut = (short + long_) / 2
            if with_new(kept + [(start, start + cut)])[1] <= allowance + 1e-9:
                short = cut
            else:
                long_ = cut
        if short > 0:
            kept.append((start, start + short))
    return with_new(kept)


def record_draft(lesson, state, reflection_id, text):
    """Keep ``text`` as the learner's unsent draft for a reflection (an empty text removes it)."""
    item = _reflection(lesson, reflection_id)
    if count_chars(text) > item.max_chars:
        raise InputError(N_("The answer is too long: at most {limit} characters."), limit=item.max_chars)
    drafts = {k: v for k, v in state.drafts.items() if k != item.id}
    if text:
        drafts[item.id] = text
    return replace(state, drafts=drafts)


def record_submission(lesson, state, reflection_id, text, now):
    """Store ``text`` as the submitted answer (replacing an earlier one) and drop the draft."""
    item = _reflection(lesson, reflection_id)
    check_answer(item, text)
    answers = dict(state.answers)
    answers[item.id] = Answer(text, now)
    drafts = {k: v for k, v in state.drafts.items() if k != item.id}
    return replace(state, answers=answers, drafts=drafts)


def forget_reflection(lesson, answers, drafts, reflection_id):
    """Delete everything the learner wrote for ``reflection_id``: ``(answers, drafts, deleted)``.

    ``answers`` and ``drafts`` are the stored field values as they are, so entries that older
    versions stored in another shape go too (:meth:`LearnerState.from_stored` would skip them and
    leave their text behind). ``deleted`` says what was there: ``{"answer": bool, "draft": bool}``;
    deleting again is harmless. The id must be a reflection of the lesson or one the learner has
    text for (a question the author removed since). Completion and the published grade are not
    taken back (see docs/PRIVACY.md).
    """
    answers = answers if isinstance(answers, dict) else {}
    drafts = drafts if isinstance(drafts, dict) else {}
    known = isinstance(reflection_id, str) and (
        lesson.reflection(reflection_id) is not None or reflection_id in answers or reflection_id in drafts)
    if not known:
        raise InputError(N_("There is no such reflection question in this lesson."))
    deleted = {"answer": reflection_id in answers, "draft": reflection_id in drafts}
    return ({k: v for k, v in answers.items() if k != reflection_id},
            {k: v for k, v in drafts.items() if k != reflection_id}, deleted)


#: Stored user-state fields that hold text the learner typed (everything else is numbers and ids).
TEXT_FIELDS = ("drafts", "answers")


def without_learner_text(stored):
    """A copy of a stored user-state document (field name -> value) without the learner's text: drafts
    and answers emptied; position, watched time and completion kept. For account retirement."""
    return dict(stored, **{name: {} for name in TEXT_FIELDS if name in stored})


def settle_completion(lesson, state):
    """Return ``(state, newly_completed)``: completion is set once and never taken back."""
    if state.completed or not is_complete(lesson, state.watched, state.reported_duration, state.answers):
        return state, False
    return replace(state, completed=True), True


def summary(lesson, state):
    """The progress figures shown to the learner (and returned by ``save_progress``)."""
    length = effective_duration(lesson, state.reported_duration)
    share = watched_fraction(state.watched, length)
    current = [r for r in lesson.reflections if r.id in state.answers]
    return {
        "position": state.position,
        "duration": length,
        "watched_fraction": round(share, 4),
        "watched_percent": int(share * 100 + 1e-9),
        "completion_percent": lesson.completion_percent,
        "answered": len(current),
        "total": len(lesson.reflections),
        "required_answered": sum(1 for r in current if r.required),
        "required_total": sum(1 for r in lesson.reflections if r.required),
        "completed": state.completed,
    }


def user_state(lesson, state, guidance_for=None):
    """The learner's whole state for ``student_view_user_state`` and the learner view.

    ``guidance_for(reflection)`` (optional) returns the guidance HTML to reveal for an answered
    reflection; guidance of unanswered reflections is never included.
    """
    answers = {}
    for key, answer in state.answers.items():
        entry = {"text": answer.text, "submitted_at": answer.submitted_at, "words": count_words(answer.text)}
        item = lesson.reflection(key)
        if guidance_for is not None and item is not None:
            entry["guidance"] = guidance_for(item)
        answers[key] = entry
    return dict(summary(lesson, state), watched=[list(p) for p in state.watched],
                drafts=dict(state.drafts), answers=answers)
