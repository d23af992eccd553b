"""Workbench scenarios for the course's units that hold our blocks, in course order (``make demo``).

Each unit becomes a ``vertical_demo`` with our block (its OLX file from course_export/, with
``/static/`` pointing at the range-capable ``/course-static/``) and the unit's HTML components.
"""
import logging
import os

from lxml import etree

from xblocks.common.xmlsafe import parse_xml

log = logging.getLogger(__name__)
COURSE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "course_export")
OUR_TAGS = ("video_lesson", "asylum_timeline", "self_assessment")


def _read(relative):
    with open(os.path.join(COURSE, relative), "rb") as handle:
        return parse_xml(handle.read(), relative)


def _children(relative):
    return [c for c in _read(relative) if isinstance(c.tag, str)]


def units(course=COURSE):
    """(description, scenario XML) for every unit with one of our blocks, in course order."""
    if not os.path.exists(os.path.join(course, "course.xml")):
        return []
    found = []
    run = _read("course.xml").get("url_name")
    for chapter in _children("course/{}.xml".format(run)):
        chapter_el = _read("chapter/{}.xml".format(chapter.get("url_name")))
        for sequential in chapter_el:
            if not isinstance(sequential.tag, str):
                continue
            for vertical in _children("sequential/{}.xml".format(sequential.get("url_name"))):
                vertical_el = _read("vertical/{}.xml".format(vertical.get("url_name")))
                scenario = _unit_xml(vertical_el)
                if scenario is not None:
                    description = "Kursenhet: {} – {}".format(chapter_el.get("display_name", ""),
                                                              vertical_el.get("display_name", ""))
                    found.append((description, scenario))
    return found


def _unit_xml(vertical):
    parts, ours = [], False
    for child in vertical:
        if not isinstance(child.tag, str):
            continue
        if child.tag in OUR_TAGS:
            path = "{}/{}.xml".format(child.tag, child.get("url_name"))
            if len(child) == 0 and os.path.exists(os.path.join(COURSE, path)):
                element = _read(path)
            else:
                element = child
            element.set("url_name", child.get("url_name", ""))
            parts.append(etree.tostring(element, encoding="unicode").replace('"/static/', '"/course-static/'))
            ours = True
        elif child.tag == "html":
            html_file = os.path.join(COURSE, "html", "{}.html".format(
                _read("html/{}.xml".format(child.get("url_name"))).get("filename")))
            if os.path.exists(html_file):
                with open(html_file, encoding="utf-8") as handle:
                    body = handle.read().replace('"/static/', '"/course-static/')
                try:
                    etree.fromstring("<div>{}</div>".format(body))
                except etree.XMLSyntaxError:
                    continue  # the workbench's html_demo needs XHTML; the LMS does not
                parts.append("<html_demo><div>{}</div></html_demo>".format(body))
    if not ours:
        return None
    return "<vertical_demo>{}</vertical_demo>".format("".join(parts))


def register():
    """Add the course units to the workbench's scenarios (idempotent)."""
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from workbench.scenarios import SCENARIOS, add_xml_scenario, get_scenarios  # pylint: disable=import-outside-toplevel

    if "workbench_xblockstate" not in connection.introspection.table_names():
        return  # a fresh database during `migrate` (its system checks import the URLs): nothing to load yet
    get_scenarios()
    for index, (description, xml) in enumerate(units()):
        name = "course_unit.{:02d}".format(index)
        if name in SCENARIOS:
            continue
        try:
            add_xml_scenario(name, description, xml)
        except Exception:  # pylint: disable=broad-exception-caught
            log.exception("course unit %s could not be loaded", description)
