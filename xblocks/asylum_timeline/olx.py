"""OLX <-> :class:`~.timeline.Timeline`, both directions, symmetric.

``parse(export(t)) == t`` for every timeline, and ``export(parse(x))`` writes the same content as
``x`` in a canonical layout (actors, paths, phases, quiz, review; attributes in a fixed order).
Rich text (``description``, ``seeker``, ``review``) is kept verbatim as an XHTML fragment and is
sanitised only when shown. Unknown elements and attributes inside the block are refused, so a typo
never silently drops content.
"""
from lxml import etree
from lxml import html as lxml_html

from ..common.errors import N_, OlxError
from ..common.xmlsafe import parse_xml
from .timeline import (
    DEFAULT_FEEDBACK,
    DEFAULT_MAX_ATTEMPTS,
    Actor,
    Outcome,
    Path,
    Phase,
    Quiz,
    Source,
    Step,
    Timeline,
)

ROOT = "asylum_timeline"
#: Root attributes that belong to the model; any other root attribute belongs to the runtime.
ROOT_MODEL_ATTRS = ("display_name", "reviewed", "lang")
_STEP_ATTRS = ("id", "actors", "when", "since", "paths")
_RICH = ("description", "seeker", "review")


def parse_string(text, filename="<string>"):
    """Parse OLX text (str or bytes) into a :class:`Timeline`."""
    return parse(parse_xml(text, filename), filename)


def parse(element, filename=""):
    """Read an ``<asylum_timeline>`` element; raise :class:`OlxError` naming file, element, attribute."""
    reader = _Reader(filename)
    if element.tag != ROOT:
        raise OlxError(N_("expected <{expected}>, found <{found}>"), filename=filename,
                       element=str(element.tag), expected=ROOT, found=str(element.tag))
    timeline = Timeline(**{name: element.get(name, "").strip() for name in ROOT_MODEL_ATTRS})
    seen = set()
    for child in reader.children(element, ROOT):
        if child.tag in ("quiz", "review"):
            if child.tag in seen:
                raise OlxError(N_("only one <{tag}> element is allowed"), filename=filename,
                               element=child.tag, tag=child.tag)
            seen.add(child.tag)
        if child.tag == "actor":
            reader.attrs(child, ("id", "name", "color"))
            timeline.actors.append(Actor(
                id=reader.attr(child, "id"), name=reader.attr(child, "name"), color=reader.attr(child, "color"),
                description=reader.single_rich(child, "description")))
        elif child.tag == "path":
            reader.attrs(child, ("id", "title"))
            reader.no_children(child)
            timeline.paths.append(Path(id=reader.attr(child, "id"), title=reader.attr(child, "title")))
        elif child.tag == "phase":
            timeline.phases.append(reader.phase(child))
        elif child.tag == "quiz":
            reader.attrs(child, ("max_attempts", "feedback"))
            timeline.max_attempts = reader.whole_number(child, "max_attempts", DEFAULT_MAX_ATTEMPTS)
            timeline.feedback = reader.attr(child, "feedback") or DEFAULT_FEEDBACK
            for item in reader.children(child, "quiz"):
                if item.tag not in ("order", "match"):
                    reader.unknown(item)
                reader.attrs(item, ("steps", "prompt", "id"))
                reader.no_children(item)
                timeline.quizzes.append(Quiz(kind=item.tag, steps=reader.refs(item, "steps"),
                                             prompt=reader.attr(item, "prompt"), id=reader.attr(item, "id")))
        elif child.tag == "review":
            reader.attrs(child, ())
            timeline.review = inner_xml(child)
        else:
            reader.unknown(child)
    return timeline


class _Reader:
    """Small helpers that know the file name for error messages."""

    def __init__(self, filename):
        self.filename = filename

    def error(self, msgid, element, attribute="", **params):
        return OlxError(msgid, filename=self.filename, element=_describe(element), attribute=attribute, **params)

    def children(self, element, parent_name):
        if (element.text or "").strip():
            raise self.error(N_("unexpected text inside <{tag}>"), element, tag=parent_name)
        for child in element:
            if not isinstance(child.tag, str):
                continue  # comments and processing instructions
            if (child.tail or "").strip():
                raise self.error(N_("unexpected text inside <{tag}>"), element, tag=parent_name)
            yield child

    def unknown(self, element):
        raise self.error(N_("unknown element <{tag}>"), element, tag=str(element.tag))

    def attrs(self, element, allowed):
        for name in element.attrib:
            if name not in allowed:
                raise self.error(N_("unknown attribute “{name}”"), element, attribute=name, name=name)

    @staticmethod
    def attr(element, name):
        return (element.get(name) or "").strip()

    def whole_number(self, element, name, default):
        value = self.attr(element, name)
        if not value:
            return default
        if value.isdecimal() and len(value) <= 4300:  # not isdigit(): int("²") fails, as do over 4300 digits
            return int(value)
        raise self.error(N_("“{name}” must be a whole number"), element, attribute=name, name=name)

    @staticmethod
    def refs(element, name):
        return (element.get(name) or "").split()

    def no_children(self, element):
        for _child in self.children(element, str(element.tag)):
            raise self.error(N_("<{tag}> cannot contain other elements"), element, tag=str(element.tag))

    def text_only(self, element):
        if len(element):
            raise self.error(N_("<{tag}> may only contain text"), element, tag=str(element.tag))
        self.attrs(element, ())
        return (element.text or "").strip()

    def single_rich(self, element, tag):
        found = None
        for child in self.children(element, str(element.tag)):
            if child.tag != tag:
                self.unknown(child)
            if found is not None:
                raise self.error(N_("only one <{tag}> element is allowed"), child, tag=tag)
            self.attrs(child, ())
            found = inner_xml(child)
        return found or ""

    def phase(self, element):
        self.attrs(element, ("id", "title"))
        phase = Phase(id=self.attr(element, "id"), title=self.attr(element, "title"))
        for child in self.children(element, "phase"):
            if child.tag != "step":
                self.unknown(child)
            phase.steps.append(self.step(child))
        return phase

    def step(self, element):
        self.attrs(element, _STEP_ATTRS)
        step = Step(id=self.attr(element, "id"), title="", actors=self.refs(element, "actors"),
                    when=self.attr(element, "when"), since=self.attr(element, "since"),
                    paths=self.refs(element, "paths"))
        seen = set()
        for child in self.children(element, "step"):
            tag = child.tag
            if tag in ("title",) + _RICH:
                if tag in seen:
                    raise self.error(N_("only one <{tag}> element is allowed"), element, tag=tag)
                seen.add(tag)
            if tag == "title":
                step.title = self.text_only(child)
            elif tag in _RICH:
                self.attrs(child, ())
                setattr(step, tag, inner_xml(child))
            elif tag == "source":
                self.attrs(child, ("href", "checked"))
                step.sources.append(Source(href=self.attr(child, "href"), title=_plain_text(self, child),
                                           checked=self.attr(child, "checked")))
            elif tag == "outcome":
                self.attrs(child, ("to", "label"))
                self.no_children(child)
                step.outcomes.append(Outcome(to=self.attr(child, "to"), label=self.attr(child, "label")))
            else:
                self.unknown(child)
        if "title" not in seen:
            raise self.error(N_("<step> needs a <title>"), element)
        return step


def _plain_text(reader, element):
    if len(element):
        raise reader.error(N_("<{tag}> may only contain text"), element, tag=str(element.tag))
    return (element.text or "").strip()


def _describe(element):
    """``step id="beslut"`` for messages (the id tells the author which row)."""
    ident = element.get("id") if isinstance(element.tag, str) else None
    tag = str(element.tag)
    return '{} id="{}"'.format(tag, ident) if ident else tag


def inner_xml(element):
    """The mixed content of ``element`` (text and child elements) as an XHTML string, trimmed."""
    parts = [_escape(element.text or "")]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
        else:
            parts.append(_escape(child.tail or ""))
    return "".join(parts).strip()


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def normalise_fragment(markup):
    """Return ``markup`` as well-formed XHTML (Studio textareas may hold HTML such as ``<br>``).

    Well-formed input is returned unchanged; anything else is read by the HTML parser and
    serialised as XML, so it can be stored in OLX.
    """
    markup = (markup or "").strip()
    if not markup:
        return ""
    try:
        etree.fromstring("<x>{}</x>".format(markup).encode("utf-8"), _fragment_parser())
        return markup
    except etree.XMLSyntaxError:
        pass
    wrapper = lxml_html.fragment_fromstring(markup, create_parent="div")
    parts = [_escape(wrapper.text or "")]
    for child in wrapper:
        parts.append(etree.tostring(child, encoding="unicode", method="xml", with_tail=True))
    return "".join(parts).strip()


def _fragment_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


# ---------------------------------------------------------------------------------------------
# Export


def export(timeline, root=None):
    """Write ``timeline`` as an ``<asylum_timeline>`` element (into ``root`` when given)."""
    node = root if root is not None else etree.Element(ROOT)
    node.tag = ROOT
    for name in ROOT_MODEL_ATTRS:
        _set(node, name, getattr(timeline, name))
    for actor in timeline.actors:
        item = _sub(node, "actor", id=actor.id, name=actor.name, color=actor.color)
        _rich(item, "description", actor.description)
    for path in timeline.paths:
        _sub(node, "path", id=path.id, title=path.title)
    for phase in timeline.phases:
        item = _sub(node, "phase", id=phase.id, title=phase.title)
        for step in phase.steps:
            _export_step(item, step)
    rules = {}
    if timeline.max_attempts != DEFAULT_MAX_ATTEMPTS:
        rules["max_attempts"] = str(timeline.max_attempts)
    if timeline.feedback != DEFAULT_FEEDBACK:
        rules["feedback"] = timeline.feedback
    if timeline.quizzes or rules:
        quiz = _sub(node, "quiz", **rules)
        for entry in timeline.quizzes:
            _sub(quiz, entry.kind, id=entry.id, steps=" ".join(entry.steps), prompt=entry.prompt)
    _rich(node, "review", timeline.review)
    _indent(node, 0)
    return node


def to_string(timeline, root=None):
    """OLX text of ``timeline`` (UTF-8, no XML declaration)."""
    return etree.tostring(export(timeline, root), encoding="unicode") + "\n"


def _export_step(parent, step):
    item = _sub(parent, "step", id=step.id, actors=" ".join(step.actors), when=step.when, since=step.since,
                paths=" ".join(step.paths))
    title = etree.SubElement(item, "title")
    title.text = step.title
    _rich(item, "description", step.description)
    _rich(item, "seeker", step.seeker)
    for source in step.sources:
        element = _sub(item, "source", href=source.href, checked=source.checked)
        element.text = source.title
    for outcome in step.outcomes:
        _sub(item, "outcome", to=outcome.to, label=outcome.label)
    _rich(item, "review", step.review)


def _set(node, name, value):
    if value:
        node.set(name, value)


def _sub(parent, tag, **attrs):
    element = etree.SubElement(parent, tag)
    for name, value in attrs.items():
        _set(element, name, value)
    return element


def _rich(parent, tag, markup):
    if not markup:
        return
    try:
        element = etree.fromstring("<{0}>{1}</{0}>".format(tag, markup).encode("utf-8"), _fragment_parser())
    except etree.XMLSyntaxError:
        element = etree.Element(tag)
        element.text = markup  # not well-formed: keep the characters, escaped, rather than lose them
    parent.append(element)
    element.set("__rich", "1")


def _indent(element, level):
    """Indent structural elements two spaces per level; never touch rich-text content."""
    children = [child for child in element if isinstance(child.tag, str)]
    if element.attrib.pop("__rich", None) or element.tag in ("title", "source") or not children:
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level
