"""The normalised form of course files in git, so that Studio round trips give identical bytes.

XML: parsed safely and written back without an XML declaration, with one trailing newline.
JSON: keys sorted, two spaces, UTF-8, trailing newline. Everything else: as is.
"""
import json

from lxml import etree

from xblocks.common.xmlsafe import parse_xml


def normalise_xml(data, filename="<string>"):
    """Normalised bytes of an OLX file: same elements and text, no declaration, one final newline.

    Whitespace inside the document is kept as it is: in problems and HTML it can be content.
    """
    parse_xml(data, filename)  # rejects malformed XML, DTDs and entities, naming the file
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=False)
    root = etree.fromstring(data if isinstance(data, bytes) else data.encode("utf-8"), parser)
    return etree.tostring(root, encoding="utf-8", xml_declaration=False).rstrip(b"\n") + b"\n"


def normalise_json(data):
    """Normalised bytes of a policy file."""
    value = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def normalise(relative, data):
    """Normalised bytes for the file at ``relative`` (path inside the course folder)."""
    if relative.startswith("static/"):
        return data
    if relative.endswith(".xml"):
        return normalise_xml(data, relative)
    if relative.endswith(".json"):
        return normalise_json(data)
    if relative.endswith((".html", ".md", ".txt")):
        text = data.decode("utf-8").replace("\r\n", "\n")
        return (text.rstrip("\n") + "\n").encode("utf-8")
    return data
