"""The publishing rules of a :class:`~.timeline.Timeline`: ``validate()`` answers "is this content
publishable?" and names the element of every problem. Pure Python: no XBlock or Django import."""
from ..common.errors import N_, ContentError
from ..common.sanitize import is_safe_url
from .timeline import _COLOUR, _ID, FEEDBACK_MODES, MAX_MAX_ATTEMPTS, QUIZ_KINDS, UNDATED, _loc, is_date

def validate(timeline):
    """Every problem that stops ``timeline`` from being published, as a list of :class:`ContentError`.

    Checks unique ids, required texts, that every ``actors``/``paths``/``to``/quiz reference
    resolves, that outcomes have no cycles and lead to a step reachable from the step they leave,
    that every step has an actor, dates, colours and
    that links are http(s). Messages name the element and attribute.
    """
    errors = []
    errors += _check_dates(timeline.reviewed, "asylum_timeline @reviewed", partial=True)
    actor_ids = _check_ids(errors, "actor", timeline.actors)
    path_ids = _check_ids(errors, "path", timeline.paths)
    node_ids = _check_ids(errors, "phase", timeline.phases)
    steps = timeline.steps()
    node_ids |= _check_ids(errors, "step", steps, taken=node_ids)
    for index, actor in enumerate(timeline.actors):
        _require(errors, actor.name, _loc("actor", actor.id, index, "name"))
        if actor.color and not _COLOUR.match(actor.color):
            errors.append(ContentError(N_("“{value}” is not a colour (write #rrggbb)"),
                                       location=_loc("actor", actor.id, index, "color"), value=actor.color))
    for index, path in enumerate(timeline.paths):
        _require(errors, path.title, _loc("path", path.id, index, "title"))
    for index, phase in enumerate(timeline.phases):
        _require(errors, phase.title, _loc("phase", phase.id, index, "title"))
    for index, step in enumerate(steps):
        _check_step(errors, step, index, actor_ids, path_ids, node_ids)
    errors += _check_cycles(timeline)
    errors += _check_reachable(timeline)
    errors += _check_quiz_rules(timeline)
    step_ids = {step.id for step in steps}
    seen_quiz_ids = set()
    for index, quiz in enumerate(timeline.quizzes):
        quiz_id = timeline.quiz_id(index)
        where = 'quiz "{}"'.format(quiz_id)
        if quiz_id in seen_quiz_ids:
            errors.append(ContentError(N_("the id “{ident}” is used more than once"),
                                       location=where + " @id", ident=quiz_id))
        seen_quiz_ids.add(quiz_id)
        if quiz.kind not in QUIZ_KINDS:
            errors.append(ContentError(N_("unknown kind of quiz “{value}”"), location=where, value=quiz.kind))
        _check_refs(errors, quiz.steps, step_ids, where + " @steps", N_("unknown step “{ref}”"))
        if quiz.kind == "order" and len(set(quiz.steps)) < 2:
            errors.append(ContentError(N_("an order quiz needs at least two different steps"),
                                       location=where + " @steps"))
        elif not quiz.steps:
            errors.append(ContentError(N_("a quiz needs at least one step"), location=where + " @steps"))
    return errors


def _check_quiz_rules(timeline):
    errors = []
    if not 0 <= timeline.max_attempts <= MAX_MAX_ATTEMPTS:
        errors.append(ContentError(N_("the number of attempts must be from 0 (unlimited) to {limit}"),
                                   location="quiz @max_attempts", limit=MAX_MAX_ATTEMPTS))
    if timeline.feedback not in FEEDBACK_MODES:
        errors.append(ContentError(N_("unknown kind of feedback “{value}”"), location="quiz @feedback",
                                   value=timeline.feedback))
    elif timeline.feedback == "after_last" and timeline.max_attempts == 0:
        errors.append(ContentError(N_("feedback after the last attempt needs a limited number of attempts"),
                                   location="quiz @feedback"))
    return errors


def _require(errors, text, location):
    if not text:
        errors.append(ContentError(N_("this text is required"), location=location))


def _check_ids(errors, kind, items, taken=frozenset()):
    seen = set()
    for index, item in enumerate(items):
        where = _loc(kind, item.id, index, "id")
        if not item.id:
            errors.append(ContentError(N_("an id is required"), location=where))
        elif not _ID.match(item.id):
            errors.append(ContentError(N_("the id “{ident}” may only contain letters, digits, “-”, “_” and “.”"),
                                       location=where, ident=item.id))
        elif item.id in seen or item.id in taken:
            errors.append(ContentError(N_("the id “{ident}” is used more than once"), location=where,
                                       ident=item.id))
        seen.add(item.id)
    return seen


def _check_refs(errors, refs, known, location, unknown_msgid):
    seen = set()
    for ref in refs:
        if ref not in known:
            errors.append(ContentError(unknown_msgid, location=location, ref=ref))
        elif ref in seen:
            errors.append(ContentError(N_("“{ref}” is listed more than once"), location=location, ref=ref))
        seen.add(ref)


def _check_dates(value, location, partial):
    if value and not is_date(value, allow_partial=partial):
        msgid = (N_("“{value}” is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)") if partial
                 else N_("“{value}” is not a date (write YYYY-MM-DD)"))
        return [ContentError(msgid, location=location, value=value)]
    return []


def _check_step(errors, step, index, actor_ids, path_ids, node_ids):
    _require(errors, step.title, _loc("step", step.id, index, "title"))
    if not step.actors:
        errors.append(ContentError(N_("every step needs at least one actor"),
                                   location=_loc("step", step.id, index, "actors")))
    _check_refs(errors, step.actors, actor_ids, _loc("step", step.id, index, "actors"),
                N_("unknown actor “{ref}”"))
    _check_refs(errors, step.paths, path_ids, _loc("step", step.id, index, "paths"), N_("unknown path “{ref}”"))
    errors += _check_dates(step.since, _loc("step", step.id, index, "since"), partial=True)
    for number, source in enumerate(step.sources, 1):
        where = _loc("step", step.id, index, "source[{}]".format(number))
        _require(errors, source.title, where)
        if not is_safe_url(source.href):
            errors.append(ContentError(N_("“{value}” is not a link: only http and https links are allowed"),
                                       location=where + " @href", value=source.href))
        if source.checked and source.checked.lower() not in UNDATED and not is_date(source.checked):
            errors.append(ContentError(
                N_("“{value}” is not a date (write YYYY-MM-DD, YYYY-MM, YYYY or “odaterad”)"),
                location=where + " @checked", value=source.checked))
    for number, outcome in enumerate(step.outcomes, 1):
        where = _loc("step", step.id, index, "outcome[{}] @to".format(number))
        if outcome.to not in node_ids:
            errors.append(ContentError(N_("unknown step or phase “{ref}”"), location=where, ref=outcome.to))


def outcome_target(timeline, target):
    """The step an outcome leads to (a phase leads to its first step), or None."""
    for phase in timeline.phases:
        if phase.id == target:
            return phase.steps[0] if phase.steps else None
        for step in phase.steps:
            if step.id == target:
                return step
    return None


def _check_reachable(timeline):
    """Every outcome leads to a step the learner can reach from the step it leaves: a phase with steps,
    and (when the step belongs to paths) a step on at least one of them, so that following a path (the
    learner's filter) never ends in an outcome whose step is hidden."""
    phases = {phase.id: phase for phase in timeline.phases}
    errors = []
    for index, step in enumerate(timeline.steps()):
        for number, outcome in enumerate(step.outcomes, 1):
            where = _loc("step", step.id, index, "outcome[{}] @to".format(number))
            if outcome.to in phases and not phases[outcome.to].steps:
                errors.append(ContentError(N_("the phase “{ref}” has no steps, so the outcome leads nowhere"),
                                           location=where, ref=outcome.to))
                continue
            target = outcome_target(timeline, outcome.to)
            if target is not None and step.paths and not set(step.paths) & set(target.paths):
                errors.append(ContentError(
                    N_("“{ref}” is on none of this step's paths, so learners who follow a path cannot reach it"),
                    location=where, ref=outcome.to))
    return errors


def _check_cycles(timeline):
    """Outcomes must not lead back to where they started (iterative depth-first search)."""
    edges = {}
    for step in timeline.steps():
        targets = [outcome_target(timeline, outcome.to) for outcome in step.outcomes]
        edges.setdefault(step.id, [t.id for t in targets if t is not None])
    state, errors = {}, []
    for root, targets in edges.items():
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(targets))]
        while stack:
            node, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                state[node] = "done"
                stack.pop()
            elif state.get(nxt) == "open":
                trail = [entry[0] for entry in stack]
                cycle = trail[trail.index(nxt):] + [nxt]
                errors.append(ContentError(N_("the outcomes form a cycle: {cycle}"),
                                           location='step "{}" @outcome'.format(node),
                                           cycle=" → ".join(cycle)))
            elif nxt not in state:
                state[nxt] = "open"
                stack.append((nxt, iter(edges.get(nxt, ()))))
    return errors
