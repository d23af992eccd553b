"""``<self_assessment>`` OLX <-> :class:`~.assessment.Assessment`, both directions (DEVELOPING.md shape).

:func:`parse` raises :class:`OlxError` naming the file, element and attribute of the first problem
it cannot read (structure, keys, level values, role, series); :func:`.assessment.validate` judges the
rest (empty or repeated texts). :func:`export` writes the same shape back:
``parse(export(parse(x))) == parse(x)``. An element without ``<level>`` or ``<statement>`` children
keeps them empty, which means the default levels and statements.

Root attributes other than ``display_name``, ``series`` and ``role`` belong to the runtime
(``url_name``, ``group_access``, ...) and are ignored here.
"""
from lxml import etree

from ..common.errors import N_, OlxError
from ..common.xmlsafe import check_no_doctype, inner_html, set_inner_html
from .assessment import (
    DEFAULT_ROLE,
    DEFAULT_SERIES,
    KEY,
    MAX_LEVELS,
    MAX_STATEMENTS,
    MIN_LEVELS,
    ROLES,
    SERIES,
    Assessment,
    Statement,
)

TAG = "self_assessment"
ROOT_ATTRIBUTES = ("display_name", "series", "role")


def _error(filename, msgid, element="", attribute="", **params):
    return OlxError(msgid, filename=filename, element=element, attribute=attribute, **params)


def _elements(parent, filename):
    """Child elements (comments skipped); text directly inside ``parent`` is an error."""
    if (parent.text or "").strip():
        raise _error(filename, N_("Text is not allowed directly inside <{tag}>."), parent.tag, tag=parent.tag)
    for child in parent:
        if (child.tail or "").strip():
            raise _error(filename, N_("Text is not allowed directly inside <{tag}>."), parent.tag, tag=parent.tag)
        if isinstance(child.tag, str):
            yield child


def _only_attributes(node, allowed, filename):
    for name in node.attrib:
        if name not in allowed:
            raise _error(filename, N_("Unknown attribute “{name}”."), node.tag, name, name=name)


def _plain_text(node, filename):
    """The text of an element that must hold text only (a statement's ``<text>``, a ``<level>``)."""
    _only_attributes(node, ("value",) if node.tag == "level" else (), filename)
    if any(isinstance(child.tag, str) for child in node):
        raise _error(filename, N_("<{tag}> holds plain text only."), node.tag, tag=node.tag)
    return " ".join((node.text or "").split())


def parse(element, filename=""):
    """Read a ``<self_assessment>`` element into an :class:`Assessment` (see the module docstring)."""
    check_no_doctype(element, filename)
    if element.tag != TAG:
        raise _error(filename, N_("Expected a <self_assessment> element."), str(element.tag))
    role = (element.get("role") or DEFAULT_ROLE).strip()
    if role not in ROLES:
        raise _error(filename, N_("The role must be “before” or “after”."), TAG, "role")
    series = (element.get("series") or DEFAULT_SERIES).strip()
    if not SERIES.match(series):
        raise _error(filename, N_("The series needs a name of at most {n} characters, without “|”."), TAG,
                     "series", n=100)
    intro, levels, statements, keys = None, [], [], set()
    for child in _elements(element, filename):
        if child.tag == "intro":
            if intro is not None:
                raise _error(filename, N_("Only one <{tag}> is allowed."), "intro", tag="intro")
            _only_attributes(child, (), filename)
            intro = inner_html(child)
        elif child.tag == "level":
            value = (child.get("value") or "").strip()
            if value != str(len(levels) + 1):
                raise _error(filename, N_("Levels are numbered 1, 2, 3 … in order; expected {n}."), "level",
                             "value", n=len(levels) + 1)
            levels.append(_plain_text(child, filename))
        elif child.tag == "statement":
            statements.append(_statement(child, filename, keys))
        else:
            raise _error(filename, N_("Unknown element <{tag}> inside <self_assessment>."), child.tag, tag=child.tag)
    if levels and not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        raise _error(filename, N_("There must be between {low} and {high} levels."), "level", "value",
                     low=MIN_LEVELS, high=MAX_LEVELS)
    if len(statements) > MAX_STATEMENTS:
        raise _error(filename, N_("At most {n} statements are allowed."), "statement", n=MAX_STATEMENTS)
    return Assessment(display_name=(element.get("display_name") or "").strip(), series=series, role=role,
                      intro=intro or "", levels=tuple(levels), statements=tuple(statements))


def _statement(node, filename, keys):
    _only_attributes(node, ("key",), filename)
    key = (node.get("key") or "").strip()
    if not KEY.match(key):
        raise _error(filename, N_("A statement needs a key of lower-case letters, digits and hyphens."),
                     "statement", "key")
    if key in keys:
        raise _error(filename, N_("The key “{key}” is used twice."), "statement", "key", key=key)
    keys.add(key)
    texts = {}
    for child in _elements(node, filename):
        if child.tag not in ("text", "guidance"):
            raise _error(filename, N_("Unknown element <{tag}> inside <statement>."), child.tag, tag=child.tag)
        if child.tag in texts:
            raise _error(filename, N_("Only one <{tag}> is allowed."), child.tag, tag=child.tag)
        if child.tag == "text":
            texts["text"] = _plain_text(child, filename)
        else:
            _only_attributes(child, (), filename)
            texts["guidance"] = inner_html(child)
    if "text" not in texts:
        raise _error(filename, N_("A statement needs a <text>."), "statement", "key")
    return Statement(key=key, text=texts["text"], guidance=texts.get("guidance", ""))


def export(assessment, element):
    """Write ``assessment`` onto ``element`` in the same shape :func:`parse` reads."""
    element.tag = TAG
    if assessment.display_name:
        element.set("display_name", assessment.display_name)
    element.set("series", assessment.series)
    element.set("role", assessment.role)
    if assessment.intro:
        set_inner_html(etree.SubElement(element, "intro"), assessment.intro)
    for value, label in enumerate(assessment.levels, 1):
        etree.SubElement(element, "level", value=str(value)).text = label
    for item in assessment.statements:
        node = etree.SubElement(element, "statement", key=item.key)
        etree.SubElement(node, "text").text = item.text
        if item.guidance:
            set_inner_html(etree.SubElement(node, "guidance"), item.guidance)
    return element


def to_string(assessment, pretty=True):
    """The assessment as a standalone ``<self_assessment>`` document (tests and tools)."""
    return etree.tostring(export(assessment, etree.Element(TAG)), encoding="unicode", pretty_print=pretty)
