"""The timeline model. Pure Python: no XBlock or Django import.

A :class:`Timeline` holds ordinal *phases* of *steps*, the *actors* that do them, filterable
*paths* (permit, refusal, unaccompanied child, Dublin, ...) and *quizzes*. The publishing rules
(``validate()``) live in :mod:`.validation`, learner progress and scoring in :mod:`.progress`.
"""
import dataclasses
import re
from dataclasses import dataclass, field

from ..common.errors import N_, ContentError

#: Values of ``checked`` meaning "the source page shows no date" (Swedish as in the OLX, English).
UNDATED = ("odaterad", "undated")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_ID = re.compile(r"^[\w.-]+$")
QUIZ_KINDS = ("order", "match")
#: What a learner learns after an attempt (``<quiz feedback="...">``): which items are right after every
#: attempt; only how many are right, which ones once no attempt is left; nothing until no attempt is left.
FEEDBACK_MODES = ("per_item", "count", "after_last")
#: Defaults that make a graded quiz measure something (``<quiz>`` attributes that are absent).
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_FEEDBACK = "count"
#: Most attempts an author may allow (0 = unlimited).
MAX_MAX_ATTEMPTS = 100
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass
class Actor:
    """Someone who does something in the process (an authority, a court, a guardian, ...)."""

    id: str
    name: str
    color: str = ""
    description: str = ""  # author HTML (sanitised when shown)


@dataclass
class Path:
    """A route through the process that learners can filter by (e.g. refusal, Dublin)."""

    id: str
    title: str


@dataclass
class Source:
    """Where a fact comes from, and when the page was checked."""

    href: str
    title: str
    checked: str = ""


@dataclass
class Outcome:
    """A branch out of a (decision) step to another step or phase."""

    to: str
    label: str = ""


@dataclass
class Step:
    """One step of the process, seen from the authorities (``description``) and the person (``seeker``)."""

    id: str
    title: str
    actors: list = field(default_factory=list)
    when: str = ""
    since: str = ""
    paths: list = field(default_factory=list)
    description: str = ""
    seeker: str = ""
    sources: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    review: str = ""  # for subject-matter experts; never shown to learners


@dataclass
class Phase:
    """An ordinal group of steps (no calendar dates)."""

    id: str
    title: str
    steps: list = field(default_factory=list)


@dataclass
class Quiz:
    """``order``: put ``steps`` in this order; ``match``: name each step's first actor."""

    kind: str
    steps: list = field(default_factory=list)
    prompt: str = ""
    id: str = ""  # optional in OLX; see Timeline.quiz_id


@dataclass
class Timeline:
    """The whole block content."""

    display_name: str = ""
    reviewed: str = ""
    lang: str = ""
    actors: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    phases: list = field(default_factory=list)
    quizzes: list = field(default_factory=list)
    review: str = ""
    #: Attempts per quiz (0 = unlimited) and the feedback mode, for every quiz of the block.
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    feedback: str = DEFAULT_FEEDBACK

    def steps(self):
        """Every step in process order."""
        return [step for phase in self.phases for step in phase.steps]

    def step_map(self):
        return {step.id: step for step in self.steps()}

    def actor_map(self):
        return {actor.id: actor for actor in self.actors}

    def quiz_id(self, index):
        """Stable id of the quiz at ``index``: its own ``id`` or ``<kind>-<n>`` (n-th of that kind)."""
        quiz = self.quizzes[index]
        if quiz.id:
            return quiz.id
        return "{}-{}".format(quiz.kind, sum(1 for q in self.quizzes[:index + 1] if q.kind == quiz.kind))

    def quiz_map(self):
        return {self.quiz_id(i): quiz for i, quiz in enumerate(self.quizzes)}

    def is_empty(self):
        """True when there is no content at all (the block then uses the default content)."""
        return not (self.actors or self.paths or self.phases or self.quizzes or self.review)

    def to_dict(self):
        """Plain JSON-serialisable data (what the block stores and the Studio editor edits)."""
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------------------------------
# Plain data -> model (Studio editor input and stored fields)

_SCALARS = {
    Timeline: ("display_name", "reviewed", "lang", "review", "feedback"),
    Actor: ("id", "name", "color", "description"),
    Path: ("id", "title"),
    Source: ("href", "title", "checked"),
    Outcome: ("to", "label"),
    Step: ("id", "title", "when", "since", "description", "seeker", "review"),
    Phase: ("id", "title"),
    Quiz: ("kind", "prompt", "id"),
}
_LISTS = {
    Timeline: {"actors": Actor, "paths": Path, "phases": Phase, "quizzes": Quiz},
    Step: {"actors": str, "paths": str, "sources": Source, "outcomes": Outcome},
    Phase: {"steps": Step},
    Quiz: {"steps": str},
}


def from_dict(data, location="timeline"):
    """Build a :class:`Timeline` from plain data; raise :class:`ContentError` on a wrong type.

    Unknown keys are ignored; missing ones take their defaults. Text is stripped.
    """
    return _build(Timeline, data, location)


def _build(cls, data, location):
    if not isinstance(data, dict):
        raise ContentError(N_("the data has the wrong type"), location=location)
    kwargs = {}
    if cls is Timeline:
        kwargs["max_attempts"] = _whole_number(data.get("max_attempts"), location)
    for name in _SCALARS.get(cls, ()):
        value = data.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ContentError(N_("must be text"), location="{} @{}".format(location, name))
        kwargs[name] = value.strip()
    if cls is Timeline and not kwargs["feedback"]:
        kwargs["feedback"] = DEFAULT_FEEDBACK
    for name, item_cls in _LISTS.get(cls, {}).items():
        items = data.get(name) or []
        if not isinstance(items, list):
            raise ContentError(N_("must be a list"), location="{} @{}".format(location, name))
        built = []
        for index, item in enumerate(items):
            where = "{} {}[{}]".format(location, name, index + 1)
            if item_cls is str:
                if not isinstance(item, str):
                    raise ContentError(N_("must be text"), location=where)
                built.append(item.strip())
            else:
                built.append(_build(item_cls, item, where))
        kwargs[name] = built
    return cls(**kwargs)


def _whole_number(value, location):
    """``max_attempts`` from plain data: a whole number (or its digits as text); absent = the default."""
    if value is None or value == "":
        return DEFAULT_MAX_ATTEMPTS
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 4300:
        return int(value.strip())  # not isdigit(): int("²") fails, as do more than 4300 digits
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ContentError(N_("must be a whole number"), location="{} @max_attempts".format(location))


# ---------------------------------------------------------------------------------------------
# Validation


def _loc(kind, ident, index, attribute=None):
    """``step "beslut" @actors`` (or ``step #3`` when the row has no id yet)."""
    where = '{} "{}"'.format(kind, ident) if ident else "{} #{}".format(kind, index + 1)
    return where + (" @" + attribute if attribute else "")


def is_date(value, allow_partial=True):
    """``YYYY-MM-DD`` (or ``YYYY``/``YYYY-MM`` when ``allow_partial``) naming a real day."""
    match = _DATE.match(value or "")
    if not match or (not allow_partial and match.group(3) is None):
        return False
    month, day = match.group(2), match.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        return False
    if day is not None:
        year, month_no, day_no = int(match.group(1)), int(month), int(day)
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        limit = 28 if month_no == 2 and not leap else _DAYS_IN_MONTH[month_no - 1]
        return 1 <= day_no <= limit
    return True


# The rules live in their own module; ``timeline.validate`` stays importable for existing callers.
from .validation import outcome_target, validate  # noqa: E402,F401  (after the model it imports)
