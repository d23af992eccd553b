"""The Studio editor's form data <-> :class:`~.lesson.Lesson` (pure; no XBlock or Django import).

The editor posts one JSON object with a row per source, track and reflection point, every value
as the author typed it. :func:`lesson_from_form` reads it and returns the lesson plus every
problem (unreadable values and :func:`~.lesson.validate` findings), each naming its row; the
block saves only when that list is empty.
"""
import math
import re
import unicodedata
from dataclasses import replace

from ..common.errors import N_, ContentError
from ..common.timeparse import format_time, parse_time
from .lesson import (
    DEFAULT_COMPLETION_PERCENT,
    DEFAULT_MAX_CHARS,
    Lesson,
    Source,
    Track,
    make_reflection,
    plain_text,
    validate,
    video_type_for,
)

#: Most rows of each kind the editor may send (a sanity bound, far above any real lesson).
MAX_ROWS = 100


def form_from_lesson(lesson, weight):
    """The editor's initial values: every field as text the author can edit."""
    return {
        "display_name": lesson.display_name,
        "sources": [{"src": s.src, "type": s.type} for s in lesson.sources],
        "youtube_id": lesson.youtube_id,
        "tracks": [{"srclang": t.srclang, "label": t.label, "src": t.src, "kind": t.kind,
                    "default": t.default} for t in lesson.tracks],
        "completion_percent": str(lesson.completion_percent),
        "duration": format_time(lesson.duration) if lesson.duration else "",
        "weight": "{:g}".format(weight if weight is not None else 1.0),
        "reflections": [{"id": r.id, "time": format_time(r.time), "prompt": r.prompt, "guidance": r.guidance,
                         "required": r.required, "min_words": str(r.min_words), "max_chars": str(r.max_chars)}
                        for r in lesson.reflections],
    }


class _Form:
    """Reads values out of the posted form, collecting problems instead of stopping at the first."""

    def __init__(self, data):
        self.data = data if isinstance(data, dict) else {}
        self.errors = []

    def problem(self, msgid, location, **params):
        self.errors.append(ContentError(msgid, location=location, **params))

    def text(self, source, key):
        value = source.get(key, "") if isinstance(source, dict) else ""
        return value.strip() if isinstance(value, str) else str(value) if isinstance(value, (int, float)) else ""

    def rows(self, key):
        rows = self.data.get(key) or []
        if not isinstance(rows, list):
            return []
        if len(rows) > MAX_ROWS:
            self.problem(N_("Too many rows (at most {limit})."), key, limit=MAX_ROWS)
        return [row if isinstance(row, dict) else {"src": row} for row in rows[:MAX_ROWS]]

    def integer(self, source, key, default, msgid, location, **params):
        text = self.text(source, key)
        if text == "":
            return default
        try:
            return int(text)
        except ValueError:
            self.problem(msgid, location, **params)
            return default

    def time(self, text, msgid, location, **params):
        try:
            return parse_time(text, location)
        except ContentError as exc:
            self.problem(msgid, location, problem=exc, **params)
            return math.nan


def lesson_from_form(data, existing=None):
    """``(lesson, weight, errors)`` from the editor's posted form.

    ``existing`` is the lesson being edited; reflection rows keep their ids (learners' answers
    are stored under them) and new rows get an id made from their question.
    """
    form = _Form(data)
    sources = []
    for row in form.rows("sources"):
        src = form.text(row, "src")
        if src:
            sources.append(Source(src=src, type=form.text(row, "type") or video_type_for(src)))
    tracks = []
    for row in form.rows("tracks"):
        values = {k: form.text(row, k) for k in ("srclang", "label", "src")}
        if any(values.values()):
            tracks.append(Track(kind=form.text(row, "kind") or "captions", default=row.get("default") is True,
                                **values))
    completion = form.integer(form.data, "completion_percent", DEFAULT_COMPLETION_PERCENT,
                              N_("The completion percentage must be a whole number from 0 to 100."),
                              "@completion_percent")
    duration_text = form.text(form.data, "duration")
    duration = None
    if duration_text:
        duration = form.time(duration_text, N_("The length of the video: {problem}"), "@duration")
        duration = None if math.isnan(duration) else round(duration, 3)
    weight_text = form.text(form.data, "weight") or "1"
    try:
        weight = float(weight_text)
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(weight_text)
    except ValueError:
        form.problem(N_("The weight must be a number of 0 or more."), "@weight")
        weight = 1.0
    lesson = Lesson(display_name=form.text(form.data, "display_name"), sources=tuple(sources),
                    youtube_id=form.text(form.data, "youtube_id"), tracks=tuple(tracks),
                    completion_percent=completion, duration=duration,
                    reflections=tuple(_reflections(form, existing)))
    # When no length is typed, the length the editor's preview player measured is saved: the watched
    # share and completion must never depend on what a learner's player reports (issue 9 §3).
    media = form.data.get("media_duration")
    media = media if isinstance(media, (int, float)) and not isinstance(media, bool) and 0 < media < 1e6 else None
    if lesson.duration is None and media and not form.errors:
        lesson = replace(lesson, duration=round(media, 3))
    return lesson, weight, form.errors + validate(lesson)


def _reflections(form, existing):
    fields = ("id", "time", "prompt", "guidance", "min_words", "max_chars")
    rows = [(row, {k: form.text(row, k) for k in fields}) for row in form.rows("reflections")]
    rows = [(row, values) for row, values in rows if any(values.values())]  # blank rows are ignored
    taken = {r.id for r in (existing.reflections if existing else ())} | {values["id"] for _, values in rows}
    found = []
    for row_number, (row, values) in enumerate(rows, 1):
        where = "reflection[{}]".format(row_number)
        if values["time"]:
            time = form.time(values["time"], N_("Reflection point {row}: {problem}"), where + "/@time",
                             row=row_number)
        else:
            form.problem(N_("Reflection point {row}: give the time when the video stops."), where + "/@time",
                         row=row_number)
            time = math.nan
        number_problem = N_("Reflection point {row}: write the number of words and characters as whole numbers.")
        min_words = form.integer(row, "min_words", 0, number_problem, where + "/@min_words", row=row_number)
        max_chars = form.integer(row, "max_chars", DEFAULT_MAX_CHARS, number_problem, where + "/@max_chars",
                                 row=row_number)
        reflection_id = values["id"] or _new_id(values["prompt"], taken)
        taken.add(reflection_id)
        found.append(make_reflection(id=reflection_id, time=0.0 if math.isnan(time) else round(time, 3),
                                     prompt=values["prompt"], guidance=values["guidance"],
                                     required=row.get("required") is True, min_words=min_words,
                                     max_chars=max_chars))
    return found


def _new_id(prompt, taken):
    """An id made of the question's first words (ASCII), unique among ``taken``."""
    ascii_text = unicodedata.normalize("NFKD", plain_text(prompt)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:4]
    base = "-".join(words)[:40].strip("-") or "reflection"
    candidate, counter = base, 1
    while candidate in taken:
        counter += 1
        candidate = "{}-{}".format(base, counter)
    return candidate
