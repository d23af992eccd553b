"""``<video_lesson>`` OLX <-> :class:`~.lesson.Lesson`, both directions (the DESIGN.md shape).

:func:`parse` reads an element (already parsed safely, see :mod:`xblocks.common.xmlsafe`) and
raises :class:`OlxError` naming the file, element and attribute of the first problem it cannot
read. It does not judge the content: :func:`.lesson.validate` does that, so the course build and
Studio report every content problem at once. :func:`export` writes the same shape back;
``parse(export(parse(x))) == parse(x)`` for every readable document.

Root attributes other than the ones in :data:`ROOT_ATTRIBUTES` (``url_name``, ``weight``, ...)
belong to the runtime and are ignored here.
"""

from lxml import etree

from ..common.errors import N_, ContentError, OlxError
from ..common.timeparse import format_time, parse_time
from ..common.xmlsafe import check_no_doctype, inner_html, set_inner_html
from .lesson import DEFAULT_COMPLETION_PERCENT, DEFAULT_MAX_CHARS, Lesson, Source, Track, make_reflection

TAG = "video_lesson"
ROOT_ATTRIBUTES = ("display_name", "completion_percent", "duration")
_ATTRIBUTES = {
    "source": ({"src"}, {"type"}),
    "youtube": ({"id"}, set()),
    "track": ({"src", "srclang"}, {"label", "kind", "default"}),
    "reflection": ({"id", "time"}, {"required", "min_words", "max_chars"}),
}


class _Reader:
    """Attribute readers that raise :class:`OlxError` naming file, element and attribute."""

    def __init__(self, filename):
        self.filename = filename

    def error(self, msgid, element="", attribute="", **params):
        return OlxError(msgid, filename=self.filename, element=element, attribute=attribute, **params)

    def check_attributes(self, node, tag):
        required, optional = _ATTRIBUTES[tag]
        for name in node.attrib:
            if name not in required | optional:
                raise self.error(N_("Unknown attribute “{name}”."), tag, name, name=name)
        for name in sorted(required):
            if not (node.get(name) or "").strip():
                raise self.error(N_("The attribute “{name}” is missing."), tag, name, name=name)

    def boolean(self, node, tag, name, default=False):
        value = node.get(name)
        if value is None:
            return default
        if value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        raise self.error(N_("“{value}” must be true or false."), tag, name, value=value)

    def integer(self, node, tag, name, default):
        value = node.get(name)
        if value is None:
            return default
        try:
            return int(value.strip())
        except ValueError:
            raise self.error(N_("“{value}” must be a whole number."), tag, name, value=value)

    def time(self, node, tag, name):
        value = node.get(name)
        try:
            return round(parse_time(value), 3)  # milliseconds: what export writes back
        except ContentError as exc:
            raise self.error(exc.msgid, tag, name, **exc.params)


def parse(element, filename=""):
    """Read a ``<video_lesson>`` element into a :class:`Lesson`.

    Raises :class:`OlxError` for a DTD or entity, another root tag, an unknown child element or
    attribute, a missing required attribute, or a value of the wrong kind.
    """
    read = _Reader(filename)
    check_no_doctype(element, filename)
    if element.tag != TAG:
        raise read.error(N_("Expected a <video_lesson> element."), str(element.tag))
    completion = read.integer(element, TAG, "completion_percent", DEFAULT_COMPLETION_PERCENT)
    duration = read.time(element, TAG, "duration") if element.get("duration") is not None else None
    sources, tracks, reflections, youtube_id = [], [], [], ""
    for child in _elements(element, read, TAG):
        tag = child.tag
        if tag not in _ATTRIBUTES:
            raise read.error(N_("Unknown element <{tag}> inside <video_lesson>."), tag, tag=tag)
        read.check_attributes(child, tag)
        if tag != "reflection":
            _no_children(child, read, tag)
        if tag == "source":
            sources.append(Source(src=child.get("src").strip(), type=(child.get("type") or "").strip()))
        elif tag == "youtube":
            if youtube_id:
                raise read.error(N_("Only one <youtube> element is allowed."), tag)
            youtube_id = child.get("id").strip()
        elif tag == "track":
            tracks.append(Track(src=child.get("src").strip(), srclang=child.get("srclang").strip(),
                                label=(child.get("label") or "").strip(),
                                kind=(child.get("kind") or "captions").strip(),
                                default=read.boolean(child, tag, "default")))
        else:
            reflections.append(_reflection(child, read))
    return Lesson(display_name=(element.get("display_name") or "").strip(), sources=tuple(sources),
                  youtube_id=youtube_id, tracks=tuple(tracks), completion_percent=completion,
                  duration=duration, reflections=tuple(reflections))


def _elements(parent, read, tag):
    """Child elements, skipping comments and processing instructions; stray text is an error."""
    if (parent.text or "").strip():
        raise read.error(N_("Text is not allowed directly inside <{tag}>."), tag, tag=tag)
    for child in parent:
        if isinstance(child.tag, str):
            yield child
        if (child.tail or "").strip():
            raise read.error(N_("Text is not allowed directly inside <{tag}>."), tag, tag=tag)


def _no_children(node, read, tag):
    for _ in _elements(node, read, tag):
        raise read.error(N_("<{tag}> cannot contain other elements."), tag, tag=tag)


def _reflection(node, read):
    tag = "reflection"
    texts = {}
    for child in _elements(node, read, tag):
        if child.tag not in ("prompt", "guidance"):
            raise read.error(N_("Unknown element <{tag}> inside <reflection>."), child.tag, tag=child.tag)
        if child.tag in texts:
            raise read.error(N_("Only one <{tag}> is allowed in a reflection."), child.tag, tag=child.tag)
        if child.attrib:
            raise read.error(N_("Unknown attribute “{name}”."), child.tag, next(iter(child.attrib)),
                             name=next(iter(child.attrib)))
        texts[child.tag] = inner_html(child)
    if "prompt" not in texts:
        raise read.error(N_("A reflection needs a <prompt>."), tag)
    return make_reflection(
        id=node.get("id").strip(), time=read.time(node, tag, "time"), prompt=texts["prompt"],
        guidance=texts.get("guidance", ""), required=read.boolean(node, tag, "required"),
        min_words=read.integer(node, tag, "min_words", 0),
        max_chars=read.integer(node, tag, "max_chars", DEFAULT_MAX_CHARS))


def export(lesson, element):
    """Write ``lesson`` onto ``element`` (attributes and children) in the DESIGN.md shape."""
    element.tag = TAG
    if lesson.display_name:
        element.set("display_name", lesson.display_name)
    element.set("completion_percent", str(lesson.completion_percent))
    if lesson.duration is not None:
        element.set("duration", format_time(lesson.duration))
    for source in lesson.sources:
        node = etree.SubElement(element, "source", src=source.src)
        if source.type:
            node.set("type", source.type)
    if lesson.youtube_id:
        etree.SubElement(element, "youtube", id=lesson.youtube_id)
    for track in lesson.tracks:
        node = etree.SubElement(element, "track", kind=track.kind, srclang=track.srclang)
        if track.label:
            node.set("label", track.label)
        node.set("src", track.src)
        if track.default:
            node.set("default", "true")
    for item in lesson.reflections:
        node = etree.SubElement(element, "reflection", id=item.id, time=format_time(item.time),
                                required="true" if item.required else "false")
        if item.min_words:
            node.set("min_words", str(item.min_words))
        if item.max_chars != DEFAULT_MAX_CHARS:
            node.set("max_chars", str(item.max_chars))
        set_inner_html(etree.SubElement(node, "prompt"), item.prompt)
        if item.guidance:
            set_inner_html(etree.SubElement(node, "guidance"), item.guidance)
    return element


def to_string(lesson, pretty=True):
    """The lesson as a standalone ``<video_lesson>`` document (for tests and tools)."""
    return etree.tostring(export(lesson, etree.Element(TAG)), encoding="unicode", pretty_print=pretty)
