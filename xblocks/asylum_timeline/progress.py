"""Learner progress and scoring rules. Pure Python: no XBlock or Django import.

The learner's state is a plain dict, read once from the block's fields and written back once::

    {"viewed": ["ansokan", ...],                      # steps opened, in the order first opened
     "quizzes": {"order-1": {"best": 0.6,             # best fraction right, never goes down
                             "attempts": 2,
                             "answer": [...] | {...}, # last submitted answer
                             "correct": [...] | {...}}},  # its per-position / per-step correctness
     "completed": False}                              # set once, never unset

What the learner is *told* about an attempt depends on the block's feedback mode (``<quiz
feedback>``, :data:`~.timeline.FEEDBACK_MODES`): :func:`quiz_view` is the one place that decides it,
for handler replies, the state handler and the learner view alike. Attempts beyond ``<quiz
max_attempts>`` are refused (:func:`check_attempt_allowed`).

Each function takes the state and returns a new one (or raises :class:`InputError` before
anything changes), so a refused request never changes stored state.
"""
import hashlib
import random

from ..common.errors import N_, InputError

#: Longest id a learner request may carry (ids in OLX are far shorter).
MAX_ID_LENGTH = 200


def empty_state():
    return {"viewed": [], "quizzes": {}, "completed": False}


def normalise_state(viewed=None, quizzes=None, completed=False):
    """A state dict from stored field values (which may be None in old or fresh records, or malformed:
    entries of the wrong type are skipped)."""
    viewed = [step_id for step_id in viewed if isinstance(step_id, str)] if isinstance(viewed, list) else []
    quizzes = {key: entry for key, entry in quizzes.items() if isinstance(entry, dict)} \
        if isinstance(quizzes, dict) else {}
    return {"viewed": viewed, "quizzes": quizzes, "completed": completed is True}


def _require_id(value, key):
    if not isinstance(value, str):
        raise InputError(N_("“{key}” must be text."), key=key)
    if not value or len(value) > MAX_ID_LENGTH:
        raise InputError(N_("“{key}” is not a valid id."), key=key)
    return value


def view_step(state, timeline, step_id):
    """Record that the learner opened ``step_id``; unknown steps are refused."""
    step_id = _require_id(step_id, "step_id")
    if step_id not in timeline.step_map():
        raise InputError(N_("There is no step “{step}” in this timeline."), step=step_id)
    if step_id in state["viewed"]:
        return state
    return dict(state, viewed=state["viewed"] + [step_id])


def steps_seen(state, timeline):
    """Ids of the timeline's steps that the learner has opened (ignores steps since removed)."""
    known = timeline.step_map()
    return [step_id for step_id in state["viewed"] if step_id in known]


def choose_quiz(timeline, kind, quiz_id, submitted_steps):
    """Return ``(quiz_id, quiz)`` for a submission.

    ``quiz_id`` is optional when the block has one quiz of ``kind``, or when exactly one quiz of
    that kind has the submitted set of steps.
    """
    candidates = [(qid, quiz) for qid, quiz in timeline.quiz_map().items() if quiz.kind == kind]
    if quiz_id is not None:
        _require_id(quiz_id, "quiz")
        for qid, quiz in candidates:
            if qid == quiz_id:
                return qid, quiz
        raise InputError(N_("There is no quiz “{quiz}” of this kind in this timeline."), quiz=quiz_id)
    if not candidates:
        raise InputError(N_("This timeline has no quiz of this kind."))
    if len(candidates) == 1:
        return candidates[0]
    matching = [(qid, quiz) for qid, quiz in candidates if set(quiz.steps) == set(submitted_steps)]
    if len(matching) == 1:
        return matching[0]
    raise InputError(N_("Say which quiz the answer is for (“quiz”)."))


def grade_order(quiz, order):
    """Per-position correctness of ``order`` (a list of step ids) against the quiz's order.

    Raises :class:`InputError` for anything but a permutation of the quiz's steps.
    """
    if not isinstance(order, list):
        raise InputError(N_("“{key}” must be a list of step ids."), key="order")
    for item in order:
        _require_id(item, "order")
    if len(set(order)) != len(order):
        raise InputError(N_("Each step may appear only once in the order."))
    unknown = [item for item in order if item not in quiz.steps]
    if unknown:
        raise InputError(N_("“{step}” is not one of the steps of this quiz."), step=unknown[0])
    missing = [item for item in quiz.steps if item not in order]
    if missing:
        raise InputError(N_("The order is missing the step “{step}”."), step=missing[0])
    return [given == expected for given, expected in zip(order, quiz.steps, strict=True)]


def grade_match(quiz, timeline, answers):
    """Per-step correctness of ``answers`` ({step id: actor id}); the answer is each step's first actor."""
    if not isinstance(answers, dict):
        raise InputError(N_("“{key}” must be an object of step ids and actor ids."), key="answers")
    actors = timeline.actor_map()
    for step_id, actor_id in answers.items():
        _require_id(step_id, "answers")
        if step_id not in quiz.steps:
            raise InputError(N_("“{step}” is not one of the steps of this quiz."), step=step_id)
        _require_id(actor_id, "answers")
        if actor_id not in actors:
            raise InputError(N_("There is no actor “{actor}” in this timeline."), actor=actor_id)
    missing = [step_id for step_id in quiz.steps if step_id not in answers]
    if missing:
        raise InputError(N_("Choose an actor for the step “{step}”."), step=missing[0])
    steps = timeline.step_map()
    return {step_id: answers[step_id] == steps[step_id].actors[0] for step_id in quiz.steps}


def attempts_left(timeline, entry):
    """Attempts the learner still has at a quiz (None = unlimited)."""
    if not timeline.max_attempts:
        return None
    return max(0, timeline.max_attempts - int((entry or {}).get("attempts", 0)))


def check_attempt_allowed(state, timeline, quiz_id):
    """Raise :class:`InputError` when the learner has used every attempt at ``quiz_id``."""
    if attempts_left(timeline, state["quizzes"].get(quiz_id)) == 0:
        raise InputError(N_("You have used all {limit} attempts at this quiz."), limit=timeline.max_attempts)


def quiz_view(timeline, entry):
    """What the learner may see of their stored ``entry`` for a quiz, given the feedback mode.

    Always: attempts used and left, the rules, the learner's own last answer. ``per_item``: also the
    count right, the best and last fraction and the per-position / per-step correctness. ``count``: the
    count and fractions; correctness per item only once no attempt is left (or when the count already
    says it: all or none right). ``after_last``: nothing about correctness until no attempt is left,
    then everything.
    """
    left = attempts_left(timeline, entry)
    view = {"attempts": int(entry.get("attempts", 0)), "attempts_left": left,
            "max_attempts": timeline.max_attempts, "feedback": timeline.feedback, "answer": entry.get("answer")}
    finished = left == 0
    if timeline.feedback == "after_last" and not finished:
        return view
    correct = entry.get("correct")
    values = list(correct.values()) if isinstance(correct, dict) else list(correct or [])
    view.update({"right": sum(1 for v in values if v), "total": len(values),
                 "last": float(entry.get("last", 0.0)), "best": float(entry.get("best", 0.0))})
    # The count alone tells which items are right when all or none are: then the marks are shown too.
    if timeline.feedback == "per_item" or finished or view["right"] in (0, view["total"]):
        view["correct"] = correct
    return view


def scores_hidden(state, timeline):
    """True while the feedback mode hides results (``after_last`` with attempts left at some quiz)."""
    if timeline.feedback != "after_last":
        return False
    return any(attempts_left(timeline, state["quizzes"].get(qid)) != 0 for qid in timeline.quiz_map())


def record_attempt(state, quiz_id, answer, correct):
    """The state after an attempt: last answer shown again, the best fraction kept (never lower)."""
    values = list(correct.values()) if isinstance(correct, dict) else list(correct)
    fraction = sum(values) / len(values) if values else 0.0
    previous = state["quizzes"].get(quiz_id, {})
    entry = {
        "best": max(float(previous.get("best", 0.0)), fraction),
        "attempts": int(previous.get("attempts", 0)) + 1,
        "answer": answer,
        "correct": correct,
        "last": fraction,
    }
    return dict(state, quizzes=dict(state["quizzes"], **{quiz_id: entry}))


def is_complete(state, timeline, quiz_only=False):
    """DESIGN.md: every step viewed and every quiz submitted (steps are not shown when ``quiz_only``)."""
    if not quiz_only and len(set(steps_seen(state, timeline))) < len(timeline.step_map()):
        return False
    return all(qid in state["quizzes"] for qid in timeline.quiz_map())


def update_completion(state, timeline, quiz_only=False):
    """``(state, just_completed)``: completion is set once and never unset."""
    if state["completed"] or not is_complete(state, timeline, quiz_only):
        return state, False
    return dict(state, completed=True), True


def score(state, timeline):
    """``(earned, possible)``: one point per quiz for its best fraction; a quiz-less block is worth
    1 point, earned at completion."""
    quiz_ids = list(timeline.quiz_map())
    if not quiz_ids:
        return (1.0 if state["completed"] else 0.0), 1.0
    earned = sum(float(state["quizzes"].get(qid, {}).get("best", 0.0)) for qid in quiz_ids)
    return round(earned, 6), float(len(quiz_ids))


def summary(state, timeline, quiz_only=False):
    """What the handlers answer and the learner view shows: progress, quizzes, score."""
    seen = steps_seen(state, timeline)
    earned, possible = score(state, timeline)
    return {
        "viewed": seen,
        "steps_seen": len(seen),
        "steps_total": len(timeline.step_map()),
        "quizzes": {qid: quiz_view(timeline, state["quizzes"][qid]) for qid in timeline.quiz_map()
                    if isinstance(state["quizzes"].get(qid), dict)},
        "quiz_rules": {"max_attempts": timeline.max_attempts, "feedback": timeline.feedback},
        "score": {"earned": None if scores_hidden(state, timeline) else earned, "possible": possible},
        "completed": state["completed"],
    }


def initial_order(steps, seed):
    """A shuffled copy of ``steps``, stable for ``seed`` and never already in the right order."""
    items = list(steps)
    if len(items) < 2:
        return items
    digest = int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16], 16)
    random.Random(digest).shuffle(items)  # not for security: a stable puzzle order per learner
    if items == list(steps):
        items = items[1:] + items[:1]
    return items
