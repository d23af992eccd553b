"""Issue 8 §4: a Studio round trip is a fixed point for every block in the course's files.

Studio imports OLX through the block's ``parse_xml`` and exports through ``add_xml_to_node``; the
first export may normalise (``time="222"`` is written as ``3:42``), but exporting what was imported
from that export must give exactly the same text: export(import(x)) == export(import(export(import(x)))).
"""
import glob
import os

import pytest
from lxml import etree

from tests.conftest import REPO

FILES = sorted(glob.glob(os.path.join(REPO, "course_export", "video_lesson", "*.xml"))
               + glob.glob(os.path.join(REPO, "course_export", "asylum_timeline", "*.xml"))
               + glob.glob(os.path.join(REPO, "course_export", "self_assessment", "*.xml")))


def export(block):
    node = etree.Element("placeholder")
    block.add_xml_to_node(node)
    # Studio writes each block with pretty_print (xmodule.xml_block, XBlock.export_to_xml)
    return etree.tostring(node, encoding="unicode", pretty_print=True)


#: The parser Studio's import reads OLX files with (``edx_xml_parser`` in edx-platform's
#: ``xmodule/xml_block.py``): blank text between elements is dropped, also inside author HTML.
STUDIO_PARSER = etree.XMLParser(dtd_validation=False, load_dtd=False, remove_comments=True, remove_blank_text=True,
                                encoding="utf-8")


def studio_node_text(text):
    """``text`` as the block's node looks after Studio's parser read it."""
    return etree.tostring(etree.fromstring(text.encode("utf-8"), STUDIO_PARSER), encoding="unicode")


def roundtrip(harness, text):
    return export(harness.load(studio_node_text(text)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: os.path.relpath(p, REPO))
def test_export_of_import_is_a_fixed_point(harness, path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    first = roundtrip(harness, source)
    second = roundtrip(harness, first)
    assert second == first
    assert roundtrip(harness, second) == second


def test_there_are_course_files_to_check():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: os.path.relpath(p, REPO))
def test_the_same_through_a_pointer_as_a_studio_export_has_it(harness, path, tmp_path):
    """Studio's import hands the block ``<tag url_name="x"/>`` and the course folder as ``resources_fs``."""
    from fs.osfs import OSFS  # noqa: PLC0415  (xblock's dependency)

    tag = os.path.basename(os.path.dirname(path))
    name = os.path.splitext(os.path.basename(path))[0]
    exports = []
    folder = os.path.join(REPO, "course_export")
    for _ in range(3):
        runtime = harness.runtime()
        runtime.resources_fs = OSFS(folder)
        block = runtime.get_block(runtime.parse_xml_string('<{} url_name="{}"/>'.format(tag, name)))
        block = harness.load(studio_node_text(export(block)))  # then as Studio's parser reads the export
        exports.append(export(block))
        folder = str(tmp_path / str(len(exports)))
        os.makedirs(os.path.join(folder, tag))
        with open(os.path.join(folder, tag, name + ".xml"), "w", encoding="utf-8") as handle:
            handle.write(exports[-1])
    assert exports[1] == exports[0] and exports[2] == exports[1]
