"""Walk a course folder the way Studio's importer does: course.xml -> course/<run>.xml -> pointers."""
import os
from dataclasses import dataclass, field

from lxml import etree

from xblocks.common.errors import OlxError
from xblocks.common.xmlsafe import parse_xml

#: Folders whose files are OLX definitions pointed to by url_name.
CONTAINERS = ("course", "chapter", "sequential", "vertical")


@dataclass
class Node:
    """One block of the course: its tag, url_name, element, the file it came from, its children."""
    tag: str
    url_name: str
    element: etree._Element
    filename: str
    children: list = field(default_factory=list)


def is_pointer(element):
    """A pointer tag is ``<tag url_name="x"/>`` with no children and no other attributes."""
    return (len(element) == 0 and element.get("url_name") is not None
            and set(element.attrib) <= {"url_name", "display_name"} and not (element.text or "").strip())


def read_xml(root, relative):
    """Parse ``root/relative`` safely; raises :class:`OlxError` naming the file."""
    path = os.path.join(root, relative)
    if not os.path.isfile(path):
        raise OlxError("The file is missing.", filename=relative)
    with open(path, "rb") as handle:
        return parse_xml(handle.read(), filename=relative)


def load(root, errors):
    """Load the course below ``root``; append every problem to ``errors`` as (file, message).

    Returns the course :class:`Node` (or None) and a dict url_name -> list of (tag, referencing file).
    """
    refs = {}
    try:
        top = read_xml(root, "course.xml")
    except OlxError as exc:
        errors.append(("course.xml", exc.translate(str)))
        return None, refs
    run = top.get("url_name")
    if top.tag != "course" or not run:
        errors.append(("course.xml", "<course> needs @url_name, @org and @course"))
        return None, refs
    for attr in ("org", "course"):
        if not top.get(attr):
            errors.append(("course.xml", "<course> @{} is missing".format(attr)))
    return _load_pointer(root, "course", run, "course.xml", errors, refs), refs


def _load_pointer(root, tag, url_name, referrer, errors, refs):
    refs.setdefault(url_name, []).append((tag, referrer))
    relative = "{}/{}.xml".format(tag, url_name)
    if not os.path.isfile(os.path.join(root, relative)):
        errors.append((referrer, "<{} url_name=\"{}\">: {} is missing".format(tag, url_name, relative)))
        return None
    try:
        element = read_xml(root, relative)
    except OlxError as exc:
        errors.append((relative, exc.translate(str)))
        return None
    if element.tag != tag:
        errors.append((relative, "root element is <{}>, expected <{}>".format(element.tag, tag)))
    node = Node(tag, url_name, element, relative)
    if tag in CONTAINERS:  # leaf blocks (problem, html, ours) hold content, not child blocks
        _load_children(root, node, errors, refs)
    return node


def _load_children(root, node, errors, refs):
    for child in node.element:
        if not isinstance(child.tag, str):
            continue
        if is_pointer(child):
            loaded = _load_pointer(root, child.tag, child.get("url_name"), node.filename, errors, refs)
            if loaded is not None:
                node.children.append(loaded)
        else:  # inline definition (e.g. <discussion .../> or a whole <problem> inline)
            url_name = child.get("url_name") or ""
            if url_name:
                refs.setdefault(url_name, []).append((child.tag, node.filename))
            inline = Node(child.tag, url_name, child, node.filename)
            if child.tag in CONTAINERS:
                _load_children(root, inline, errors, refs)
            node.children.append(inline)


def walk(node):
    """Every node below (and including) ``node``, depth first in course order."""
    yield node
    for child in node.children:
        yield from walk(child)
