"""The video lesson as plain data, and every rule about it.

No XBlock or Django import: the block (``block.py``), the OLX reader (``olx.py``) and the course
build all use these dataclasses and functions, and the unit tests call them directly.

Errors are raised or returned untranslated (:class:`ContentError` for authors,
:class:`InputError` for learners' requests); the caller translates them.

Learner progress rules live in :mod:`.progress`; the one answer to "is this lesson complete?"
is :func:`is_complete` below.
"""
import math
import re
from dataclasses import asdict, dataclass, field

from ..common.errors import N_, ContentError, InputError
from ..common.sanitize import is_safe_url, sanitize_html

DEFAULT_COMPLETION_PERCENT = 90
DEFAULT_MAX_CHARS = 4000
#: Longest answer an author may allow; keeps a submission well inside a JSON request body.
MAX_MAX_CHARS = 10000
#: Two reflection points closer than this (seconds) cannot both pause the video sensibly.
MIN_GAP = 1.0
#: Longest lesson we accept (seconds); bounds every time a client can send.
MAX_DURATION = 24 * 3600.0
#: Most watched ranges one save_progress request may carry.
MAX_RANGES_IN = 500
#: Most ranges kept per learner after merging (the shortest are dropped beyond this).
MAX_RANGES_STORED = 200
#: Gaps up to this long (seconds) between two watched ranges are treated as continuous playback
#: (the player reports its time about every 0.25 s).
MERGE_TOLERANCE = 0.3

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
TRACK_KINDS = ("captions", "subtitles", "descriptions", "chapters")
VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4", ".m4v": "video/mp4", ".ogv": "video/ogg",
               ".ogg": "video/ogg", ".mov": "video/quicktime"}


@dataclass(frozen=True)
class Source:
    """One video file; ``type`` is the MIME type ("" = let the browser sniff)."""

    src: str
    type: str = ""


@dataclass(frozen=True)
class Track:
    """A WebVTT caption (or subtitle) track."""

    src: str
    srclang: str
    label: str = ""
    kind: str = "captions"
    default: bool = False


@dataclass(frozen=True)
class Reflection:
    """A moment where the video pauses and asks the learner to reflect.

    ``prompt`` and ``guidance`` are author HTML, sanitised against the allow-list whenever a
    reflection is built through :func:`make_reflection`.
    """

    id: str
    time: float
    prompt: str
    guidance: str = ""
    required: bool = False
    min_words: int = 0
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class Lesson:
    """Everything an author decides about one lesson."""

    display_name: str = ""
    sources: tuple = ()
    youtube_id: str = ""
    tracks: tuple = ()
    completion_percent: int = DEFAULT_COMPLETION_PERCENT
    duration: float | None = None
    reflections: tuple = field(default=())

    def reflection(self, reflection_id):
        """The reflection with ``reflection_id``, or None."""
        for item in self.reflections:
            if item.id == reflection_id:
                return item
        return None

    def in_time_order(self):
        """Reflections sorted by time (the author's row order is kept in :attr:`reflections`)."""
        return sorted(self.reflections, key=lambda r: r.time)

    def to_dict(self):
        """Plain JSON data (lists, not tuples): what the block stores in its fields."""
        return asdict(self, dict_factory=lambda items: {k: list(v) if isinstance(v, tuple) else v
                                                        for k, v in items})

    @classmethod
    def from_dict(cls, data):
        """Inverse of :meth:`to_dict`; tolerant of missing keys (older stored content)."""
        data = data or {}
        return cls(
            display_name=data.get("display_name") or "",
            sources=tuple(Source(**_known(Source, s)) for s in data.get("sources") or ()),
            youtube_id=data.get("youtube_id") or "",
            tracks=tuple(Track(**_known(Track, t)) for t in data.get("tracks") or ()),
            completion_percent=int(data.get("completion_percent", DEFAULT_COMPLETION_PERCENT)),
            duration=_optional_float(data.get("duration")),
            reflections=tuple(make_reflection(**_known(Reflection, r)) for r in data.get("reflections") or ()),
        )


def _known(cls, data):
    names = cls.__dataclass_fields__
    return {k: v for k, v in dict(data).items() if k in names}


def _optional_float(value):
    return None if value in (None, "") else float(value)


def make_reflection(**values):
    """A :class:`Reflection` with its author HTML sanitised and its text trimmed."""
    values["prompt"] = sanitize_html(values.get("prompt") or "").strip()
    values["guidance"] = sanitize_html(values.get("guidance") or "").strip()
    return Reflection(**values)


def video_type_for(url):
    """The MIME type derived from a video URL's extension ("" when unknown)."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0].lower()
    for extension, mime in VIDEO_TYPES.items():
        if path.endswith(extension):
            return mime
    return ""


def plain_text(html):
    """The visible text of author HTML (for reports, search and the Markdown recap)."""
    if not html or "<" not in html and "&" not in html:
        return (html or "").strip()
    from lxml import html as lxml_html  # pylint: disable=import-outside-toplevel
    text = lxml_html.fragment_fromstring(html, create_parent="div").text_content()
    return " ".join(text.split())


def count_words(text):
    """Words in ``text``: runs of non-space characters that contain a letter or a digit.

    The learner's browser counts the same way (``static/js/vl_dialog.js``), so a text the
    counter accepts is never refused by the server.
    """
    return sum(1 for token in (text or "").split() if any(ch.isalnum() for ch in token))


def count_chars(text):
    """Characters (code points) in ``text``, as the counters show them."""
    return len(text or "")


def check_answer(reflection, text):
    """Raise :class:`InputError` unless ``text`` is an acceptable submission for ``reflection``."""
    if count_chars(text) > reflection.max_chars:
        raise InputError(N_("The answer is too long: at most {limit} characters."), limit=reflection.max_chars)
    if not text.strip():
        raise InputError(N_("Write an answer before you submit."))
    if count_words(text) < reflection.min_words:
        raise InputError(N_("The answer has too few words (minimum: {count})."), count=reflection.min_words)


# -- watched ranges --------------------------------------------------------------------------------

def parse_watched(value):
    """Validate a client's ``watched`` list: ``[[start, end], ...]`` of finite numbers, 0 ≤ start ≤ end.

    Returns a list of float pairs; raises :class:`InputError` for anything else, including more
    than :data:`MAX_RANGES_IN` ranges.
    """
    if not isinstance(value, list):
        raise InputError(N_("“watched” must be a list of [start, end] pairs."))
    if len(value) > MAX_RANGES_IN:
        raise InputError(N_("Too many watched ranges in one request (at most {limit})."), limit=MAX_RANGES_IN)
    ranges = []
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2 or not all(_is_number(x) for x in pair):
            raise InputError(N_("“watched” must be a list of [start, end] pairs."))
        start, end = float(pair[0]), float(pair[1])
        if start < 0 or end < start or end > MAX_DURATION:
            raise InputError(N_("A watched range is out of order or out of range."))
        ranges.append((start, end))
    return ranges


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def merge_ranges(ranges, duration=None, cap=MAX_RANGES_STORED):
    """Clamp ``ranges`` to ``[0, duration]``, sort and merge them; keep at most ``cap`` ranges.

    Overlapping ranges, and ranges separated by at most :data:`MERGE_TOLERANCE`, become one.
    Beyond ``cap`` the shortest ranges are dropped, so the stored share can only err low.
    Returns a list of ``[start, end]`` lists rounded to milliseconds.
    """
    limit = duration if duration else MAX_DURATION
    clamped = sorted((max(0.0, float(s)), min(limit, float(e))) for s, e in ranges)
    merged = []
    for start, end in clamped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1] + MERGE_TOLERANCE:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if len(merged) > cap:
        merged = sorted(sorted(merged, key=lambda r: r[0] - r[1])[:cap])
    rounded = ([round(s, 3), round(e, 3)] for s, e in merged)
    return [pair for pair in rounded if pair[1] > pair[0]]


# -- completion ------------------------------------------------------------------------------------

def effective_duration(lesson, reported=None):
    """The lesson length used for the watched share: the author's ``duration`` (OLX, or measured by the
    Studio editor's preview player on save) wins over anything a learner's player reports.

    Without an author duration the player's largest report is used, never shorter than the latest
    reflection point (a client could otherwise claim a tiny video); None while nothing is known.
    """
    if lesson.duration:
        return lesson.duration
    if not reported or reported <= 0:
        return None
    return max([reported] + [r.time for r in lesson.reflections if isinstance(r.time, (int, float))])


def watched_fraction(ranges, duration):
    """Share (0..1) of ``duration`` covered by merged, clamped ``ranges``; 0 if duration unknown."""
    if not duration:
        return 0.0
    seconds = sum(max(0.0, min(end, duration) - max(start, 0.0)) for start, end in ranges)
    return max(0.0, min(1.0, seconds / duration))


def is_complete(lesson, watched, reported_duration, answered_ids):
    """THE completion rule (DESIGN.md): watched share ≥ ``completion_percent`` AND every required
    reflection submitted.

    ``watched`` are ranges the server has merged itself; ``answered_ids`` the ids of submitted
    answers. Nothing a client says about its own share or completion is consulted.
    """
    share = watched_fraction(watched, effective_duration(lesson, reported_duration))
    watched_enough = lesson.completion_percent <= 0 or share * 100 >= lesson.completion_percent - 1e-9
    return watched_enough and all(r.id in answered_ids for r in lesson.reflections if r.required)


# -- validation ------------------------------------------------------------------------------------

def validate(lesson):
    """Every problem with ``lesson`` as a list of :class:`ContentError` (empty when publishable).

    Messages name the row (1-based, in the author's order) and ``location`` points at the OLX
    element and attribute, e.g. ``reflection[2]/@time``.
    """
    errors = []

    def add(msgid, location, **params):
        errors.append(ContentError(msgid, location=location, **params))

    _validate_media(lesson, add)
    if not isinstance(lesson.completion_percent, int) or not 0 <= lesson.completion_percent <= 100:
        add(N_("The completion percentage must be a whole number from 0 to 100."), "@completion_percent")
    if lesson.duration is not None and not (0 < lesson.duration <= MAX_DURATION):
        add(N_("The length of the video must be more than 0 seconds."), "@duration")
    _validate_reflections(lesson, add)
    return errors


def warnings(lesson):
    """Problems that do not stop publishing but weaken the lesson, as :class:`ContentError` (Studio shows
    them as warnings)."""
    if lesson.duration is None and (lesson.sources or lesson.youtube_id):
        return [ContentError(N_("The length of the video is not known: save the editor once while its "
                                "preview shows the video, or type the length. Until then the learner's "
                                "player reports it, and a learner could shorten the lesson."), location="@duration")]
    return []


def _validate_media(lesson, add):
    if not lesson.sources and not lesson.youtube_id:
        add(N_("Add at least one video file or a YouTube id."), "source")
    for row, source in enumerate(lesson.sources, 1):
        if not is_safe_url(source.src, allow_relative=True):
            add(N_("Video file {row}: the address must start with https://, http:// or /."),
                "source[{}]/@src".format(row), row=row)
    if lesson.youtube_id and not YOUTUBE_ID.match(lesson.youtube_id):
        add(N_("The YouTube id “{value}” is not valid: it has 11 letters, digits, - or _."),
            "youtube/@id", value=lesson.youtube_id)
    seen, defaults = set(), 0
    for row, track in enumerate(lesson.tracks, 1):
        where = "track[{}]".format(row)
        if not is_safe_url(track.src, allow_relative=True):
            add(N_("Caption track {row}: the file address must start with https://, http:// or /."),
                where + "/@src", row=row)
        if not LANGUAGE_TAG.match(track.srclang or ""):
            add(N_("Caption track {row}: give the language as a code such as sv or en."),
                where + "/@srclang", row=row)
        elif (track.kind, track.srclang.lower()) in seen:
            add(N_("Caption track {row}: there is already a track in this language."),
                where + "/@srclang", row=row)
        seen.add((track.kind, (track.srclang or "").lower()))
        if not (track.label or "").strip():
            add(N_("Caption track {row}: the label is empty."), where + "/@label", row=row)
        if track.kind not in TRACK_KINDS:
            add(N_("Caption track {row}: unknown kind “{value}”."), where + "/@kind", row=row, value=track.kind)
        defaults += bool(track.default)
    if defaults > 1:
        add(N_("Only one caption track can be shown by default."), "track/@default")
    if lesson.sources and not any(t.kind in ("captions", "subtitles") for t in lesson.tracks):
        add(N_("Add a caption track: every video needs captions."), "track")


def _validate_reflections(lesson, add):
    ids = {}
    for row, item in enumerate(lesson.reflections, 1):
        where = "reflection[{}]".format(row)
        if not ID_PATTERN.match(item.id or ""):
            add(N_("Reflection point {row}: the id may only contain letters, digits, - and _."),
                where + "/@id", row=row)
        elif item.id in ids:
            add(N_("Reflection point {row}: the id “{value}” is already used by reflection point {other}."),
                where + "/@id", row=row, value=item.id, other=ids[item.id])
        ids.setdefault(item.id, row)
        if not isinstance(item.time, (int, float)) or not math.isfinite(item.time) or item.time < 0:
            add(N_("Reflection point {row}: the time is not valid."), where + "/@time", row=row)
        elif lesson.duration and item.time > lesson.duration:
            add(N_("Reflection point {row}: the time is after the end of the video."), where + "/@time", row=row)
        if not plain_text(item.prompt):
            add(N_("Reflection point {row}: the question is empty."), where + "/prompt", row=row)
        if not isinstance(item.min_words, int) or item.min_words < 0:
            add(N_("Reflection point {row}: the minimum number of words must be 0 or more."),
                where + "/@min_words", row=row)
        if not isinstance(item.max_chars, int) or not 1 <= item.max_chars <= MAX_MAX_CHARS:
            add(N_("Reflection point {row}: the maximum number of characters must be from 1 to {limit}."),
                where + "/@max_chars", row=row, limit=MAX_MAX_CHARS)
        elif isinstance(item.min_words, int) and item.min_words * 2 - 1 > item.max_chars:
            add(N_("Reflection point {row}: {words} words do not fit in {chars} characters."),
                where + "/@min_words", row=row, words=item.min_words, chars=item.max_chars)
    timed = sorted((r.time, row) for row, r in enumerate(lesson.reflections, 1)
                   if isinstance(r.time, (int, float)) and math.isfinite(r.time))
    for (earlier, first), (later, second) in zip(timed, timed[1:], strict=False):
        if later - earlier < MIN_GAP:
            row = max(first, second)
            add(N_("Reflection point {row}: less than a second from reflection point {other}; "
                   "give each point its own time."), "reflection[{}]/@time".format(row),
                row=row, other=min(first, second))
