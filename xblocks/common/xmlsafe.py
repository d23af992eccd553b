"""XML parsing with DTDs, entity resolution and network access switched off; author HTML in OLX elements."""
from xml.sax.saxutils import escape

from lxml import etree
from lxml import html as lxml_html

from .errors import N_, OlxError


def safe_parser():
    """Return an lxml parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def parse_xml(data, filename="<string>"):
    """Parse ``data`` (str or bytes) into an element; reject DOCTYPEs and entities.

    Raises :class:`OlxError` naming ``filename`` (and the line) for malformed XML or a DOCTYPE.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        tree = etree.fromstring(data, safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        raise OlxError(N_("The XML is not well-formed (line {line}): {detail}"), filename=filename,
                       line=exc.lineno or "?", detail=exc.msg) from exc
    check_no_doctype(tree, filename)
    return tree.getroot()


def check_no_doctype(tree_or_element, filename="<string>"):
    """Raise :class:`OlxError` when the document declares a DTD or contains entity references.

    Also for an element the *runtime* parsed (Open edX's and the workbench's parsers expand internal
    entities before a block's ``parse_xml`` sees the node): the document's DOCTYPE stays in
    ``getroottree().docinfo``, so it is caught even when no entity reference is left. The error names
    the file, the element (the root, or the one holding the entity) and, for a DOCTYPE, ``DOCTYPE``.
    """
    tree = tree_or_element.getroottree() if hasattr(tree_or_element, "getroottree") else tree_or_element
    docinfo = tree.docinfo
    root = tree.getroot()
    tag = root.tag if root is not None and isinstance(root.tag, str) else ""
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise OlxError(N_("DTDs and entity declarations are not allowed in OLX."), filename=filename,
                       element=tag, attribute="DOCTYPE")
    for node in (root.iter() if root is not None else ()):
        if isinstance(node, etree._Entity):  # pylint: disable=protected-access
            parent = node.getparent()
            raise OlxError(N_("Entity references are not allowed in OLX."), filename=filename,
                           element=parent.tag if parent is not None else tag)


def resolve_pointer(node, runtime):
    """``(element, filename)`` of a block's definition: a course export's pointer is read from its file.

    Course exports write ``<tag url_name="x"/>`` in the unit and the block itself in ``tag/x.xml``;
    Open edX's import runtime offers the course folder as ``resources_fs``. The node the runtime hands
    over is checked first (no DTD, no entities: :func:`check_no_doctype`). Anything else (inline
    OLX, the workbench, a pointer whose file is missing or unreadable) is returned as it is.
    """
    check_no_doctype(node, getattr(node, "base", None) or node.get("url_name") or node.tag)
    name = node.get("url_name")
    filesystem = getattr(runtime, "resources_fs", None)
    if not name or len(node) or (node.text or "").strip() or set(node.attrib) - {"url_name", "xblock-family"} \
            or filesystem is None:
        return node, getattr(node, "base", None) or ""
    path = "{}/{}.xml".format(node.tag, name.replace(":", "/"))
    try:
        if not filesystem.exists(path):
            return node, path
        with filesystem.open(path, "rb") as handle:
            data = handle.read()
    except Exception:  # pylint: disable=broad-exception-caught
        return node, path  # no readable definition file: the pointer is all there is
    definition = parse_xml(data, path)
    definition.set("url_name", name)
    return definition, path


def inner_html(node):
    """The content of ``node`` (text and child elements) as an HTML string."""
    parts = [escape(node.text or "")]
    for child in node:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, encoding="unicode", method="html", with_tail=False))
        parts.append(escape(child.tail or ""))
    return "".join(parts).strip()


def set_inner_html(node, html):
    """Put (sanitised) HTML into ``node`` as XML text and child elements."""
    if "<" not in html and "&" not in html:
        node.text = html
        return
    wrapper = lxml_html.fragment_fromstring(html, create_parent="div")
    xml = etree.fromstring(etree.tostring(wrapper, method="xml", encoding="unicode"), safe_parser())
    node.text = xml.text
    for child in list(xml):
        node.append(child)
