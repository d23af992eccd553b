"""The self-assessment as a pure model: content, content rules, answers and the before/after comparison.

No XBlock or Django import. Errors carry untranslated message ids (:mod:`xblocks.common.errors`);
functions that build learner-visible text take ``gettext``/``ngettext`` as parameters.

A learner rates each statement on the block's levels (values 1..n). A ``before`` block is the first
measurement; an ``after`` block of the same ``series`` in the same course compares with it.
"""
import re
import unicodedata
from dataclasses import dataclass, field

from ..common.errors import N_, ContentError, InputError

ROLES = ("before", "after")
DEFAULT_SERIES = "kursen"
DEFAULT_ROLE = "before"
MIN_LEVELS, MAX_LEVELS = 2, 7
MAX_STATEMENTS = 40
MAX_TEXT = 1000
MAX_SERIES = 100
KEY = re.compile(r"^[a-z0-9-]{1,60}$")
SERIES = re.compile(r"^[^|\x00-\x1f]{1,%d}$" % MAX_SERIES)
#: The levels a block has when its content names none.
DEFAULT_LEVELS = ("Mycket osäker", "Ganska osäker", "Ganska trygg", "Mycket trygg")


@dataclass(frozen=True)
class Statement:
    """One statement the learner rates; ``guidance`` is author HTML shown after answering."""

    key: str
    text: str
    guidance: str = ""

    def to_dict(self):
        return {"key": self.key, "text": self.text, "guidance": self.guidance}


#: What an empty ``<self_assessment/>`` (or a block added in Studio) asks.
DEFAULT_STATEMENTS = (
    Statement("asylprocessen", "Att i stora drag förklara asylprocessen, från ansökan till beslut och det som "
                               "händer sedan."),
    Statement("bemotande", "Att bemöta en person med en annan bakgrund än min egen med respekt och nyfikenhet."),
    Statement("tolk", "Att leda ett samtal med hjälp av tolk."),
    Statement("hanvisa", "Att veta vart jag hänvisar någon som behöver stöd, vård eller skydd."),
    Statement("ensamkommande", "Att förklara vem som ansvarar för vad när ett barn kommer ensamt till Sverige."),
)


@dataclass(frozen=True)
class Assessment:
    """The block's content. Empty ``levels``/``statements`` mean the defaults (kept empty on export)."""

    display_name: str = ""
    series: str = DEFAULT_SERIES
    role: str = DEFAULT_ROLE
    intro: str = ""
    levels: tuple = ()
    statements: tuple = field(default_factory=tuple)

    def effective_levels(self):
        """The level labels learners see, value i+1 for label i."""
        return tuple(self.levels) or DEFAULT_LEVELS

    def effective_statements(self):
        return tuple(self.statements) or DEFAULT_STATEMENTS

    def statement(self, key):
        return next((s for s in self.effective_statements() if s.key == key), None)

    def to_fields(self):
        """The block's content fields (``levels`` and ``statements`` as stored)."""
        return {"series": self.series, "role": self.role, "intro": self.intro, "levels": list(self.levels),
                "statements": [s.to_dict() for s in self.statements]}

    @classmethod
    def from_fields(cls, display_name="", series=DEFAULT_SERIES, role=DEFAULT_ROLE, intro="", levels=(),
                    statements=()):
        """Build from stored fields, skipping rows of the wrong shape (never raises)."""
        rows = []
        for row in statements if isinstance(statements, (list, tuple)) else ():
            if isinstance(row, dict) and isinstance(row.get("key"), str) and isinstance(row.get("text"), str):
                guidance = row.get("guidance")
                rows.append(Statement(row["key"], row["text"], guidance if isinstance(guidance, str) else ""))
        labels = tuple(v for v in levels if isinstance(v, str)) if isinstance(levels, (list, tuple)) else ()
        return cls(display_name=display_name if isinstance(display_name, str) else "",
                   series=series if isinstance(series, str) and series else DEFAULT_SERIES,
                   role=role if role in ROLES else DEFAULT_ROLE, intro=intro if isinstance(intro, str) else "",
                   levels=labels, statements=tuple(rows))


# -- content rules ------------------------------------------------------------------------------

def _normal(text):
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def validate(assessment):
    """Every content problem as a :class:`ContentError` (Studio's panel, the editor, the course build)."""
    errors = []
    if assessment.role not in ROLES:
        errors.append(ContentError(N_("The role must be “before” or “after”."), "self_assessment @role"))
    if not SERIES.match(assessment.series or "") or not assessment.series.strip():
        errors.append(ContentError(N_("The series needs a name of at most {n} characters, without “|”."),
                                   "self_assessment @series", n=MAX_SERIES))
    levels = assessment.effective_levels()
    if not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        errors.append(ContentError(N_("There must be between {low} and {high} levels."), "level",
                                   low=MIN_LEVELS, high=MAX_LEVELS))
    for index, label in enumerate(levels, 1):
        if not label.strip():
            errors.append(ContentError(N_("Level {n} has no text."), "level #{}".format(index), n=index))
    statements = assessment.effective_statements()
    if len(statements) > MAX_STATEMENTS:
        errors.append(ContentError(N_("At most {n} statements are allowed."), "statement", n=MAX_STATEMENTS))
    seen_keys, seen_texts = set(), {}
    for index, item in enumerate(statements, 1):
        where = "statement #{}".format(index)
        if not KEY.match(item.key) or item.key in seen_keys:
            errors.append(ContentError(N_("Statement {n} has a missing or repeated key."), where + " @key", n=index))
        seen_keys.add(item.key)
        if not item.text.strip():
            errors.append(ContentError(N_("Statement {n} has no text."), where + " @text", n=index))
            continue
        if len(item.text) > MAX_TEXT:
            errors.append(ContentError(N_("Statement {n} is longer than {max} characters."), where + " @text",
                                       n=index, max=MAX_TEXT))
        earlier = seen_texts.setdefault(_normal(item.text), index)
        if earlier != index:
            errors.append(ContentError(N_("Statement {n} repeats statement {earlier}."), where + " @text",
                                       n=index, earlier=earlier))
    return errors


def slug(text):
    """A statement key from its text: ``"Att tala med tolk"`` -> ``"att-tala-med-tolk"`` (at most 40 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:40].rstrip("-") or "pastaende"


def unique_key(text, taken):
    """:func:`slug` of ``text`` made unique against ``taken`` (a set, which is updated)."""
    base = slug(text)
    key, number = base, 2
    while key in taken:
        key = "{}-{}".format(base, number)
        number += 1
    taken.add(key)
    return key


# -- answers --------------------------------------------------------------------------------------

def check_answers(assessment, answers):
    """``answers`` ({key: level}) from a request, checked: every statement answered with a level 1..n.

    Raises :class:`InputError` (before anything is written) for a non-object, an unknown key, a missing
    key, a level that is not a whole number (``true`` included) or is out of range.
    """
    if not isinstance(answers, dict):
        raise InputError(N_("“answers” must be an object."))
    keys = [s.key for s in assessment.effective_statements()]
    high = len(assessment.effective_levels())
    for key, value in answers.items():
        if key not in keys:
            raise InputError(N_("There is no such statement in this self-assessment."))
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            raise InputError(N_("Choose one of the levels 1 to {high} for every statement."), high=high)
    missing = [key for key in keys if key not in answers]
    if missing:
        raise InputError(N_("Answer every statement before you submit ({count} unanswered)."), count=len(missing))
    return {key: answers[key] for key in keys}


def clean_answers(assessment, stored):
    """Stored answers (any value) reduced to known keys with levels in range; never raises."""
    if not isinstance(stored, dict):
        return {}
    high = len(assessment.effective_levels())
    keys = {s.key for s in assessment.effective_statements()}
    return {k: v for k, v in stored.items()
            if k in keys and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= high}


def measurement_key(course_key, series, role):
    """The key of a measurement in the learner's ``measurements`` preference."""
    return "{}|{}|{}".format(course_key, series, role)


def measurement(answers, at):
    return {"answers": dict(answers), "at": at}


def stored_measurement(assessment, measurements, key):
    """The answers of the measurement ``key`` in a stored preference value (any shape), cleaned; {} if none."""
    entry = measurements.get(key) if isinstance(measurements, dict) else None
    return clean_answers(assessment, entry.get("answers")) if isinstance(entry, dict) else {}


def needs_publishing(measurements, key, answers):
    """True when ``answers`` (non-empty) are not what the preference holds under ``key`` (self-healing)."""
    if not answers:
        return False
    entry = measurements.get(key) if isinstance(measurements, dict) else None
    return not isinstance(entry, dict) or entry.get("answers") != answers


# -- comparison -----------------------------------------------------------------------------------

def comparison(assessment, before, now):
    """One row per statement: ``{key, text, before, now, change}`` (``before``/``change`` None when missing)."""
    rows = []
    for item in assessment.effective_statements():
        earlier, current = before.get(item.key), now.get(item.key)
        change = current - earlier if earlier is not None and current is not None else None
        rows.append({"key": item.key, "text": item.text, "before": earlier, "now": current, "change": change})
    return rows


def change_text(change, ngettext, gettext):
    """``+2 steg``, ``oförändrad``, ``−1 steg`` (a true minus sign); ``–`` when there is nothing to compare."""
    if change is None:
        return "–"
    if change == 0:
        return gettext(N_("unchanged"))
    # Translators: {n} is a number of steps on the scale, with a plus or minus sign before it.
    text = ngettext("{sign}{n} step", "{sign}{n} steps", abs(change))
    return text.format(sign="+" if change > 0 else "\u2212", n=abs(change))


def summary_text(rows, ngettext, gettext):
    """``Av 9 påståenden: tryggare i 5, oförändrad i 3, mindre trygg i 1`` over the rows that compare.

    A count of nought is left out ("Av 9 påståenden: tryggare i 6, oförändrad i 3").
    """
    changes = [row["change"] for row in rows if row["change"] is not None]
    if not changes:
        return ""
    counts = ((N_("more confident in {n}"), sum(1 for c in changes if c > 0)),
              (N_("unchanged in {n}"), sum(1 for c in changes if c == 0)),
              (N_("less confident in {n}"), sum(1 for c in changes if c < 0)))
    parts = [gettext(msgid).format(n=n) for msgid, n in counts if n]
    # Translators: {total} is how many statements were compared; {parts} lists how they changed.
    head = ngettext("Of {total} statement: {parts}", "Of {total} statements: {parts}", len(changes))
    return head.format(total=len(changes), parts=", ".join(parts))


def without_answers(stored):
    """A copy of a stored user-state document without the learner's answers (account retirement):
    ``answers`` emptied, ``submitted_at`` blanked; completion kept."""
    cleaned = dict(stored)
    if "answers" in cleaned:
        cleaned["answers"] = {}
    if "submitted_at" in cleaned:
        cleaned["submitted_at"] = ""
    return cleaned
