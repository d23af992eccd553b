"""The support box (stödruta) comes from one data file: in sync passes, a hand-edited box fails."""
import json
import os

import build_course
import pytest
import sync_support
from build_course import SOURCE
from coursetools import supportbox
from coursetools.validate import validate_course
from lxml import html as lxml_html

from .fixture import FILES, write_course

DATA = {
    "heading": "Om du behöver stöd",
    "note": "Kontrollera öppettider.",
    "sources": {"S1": {"name": "SOS Alarm: 112", "date": None}, "S2": {"name": "Bris", "date": "2024-01-02"}},
    "lines": [
        {"id": "112", "service": "112", "number": "112", "text": "vid fara för liv.", "source": "S1"},
        {"id": "bris", "service": "Bris", "number": "116 111", "text": "för barn & unga <18 år.", "source": "S2"}],
    "every_page": ["112"],
    "pages": {"m1-intro-text": ["bris"]},
}
PAGE = "html/m1-intro-text.html"
MARKED = FILES[PAGE] + supportbox.START + "\n" + supportbox.END + "\n<p>Efter rutan.</p>\n"


def _course(tmp_path, data=DATA, page=MARKED):
    root = write_course(tmp_path, {PAGE: page, supportbox.DATA: json.dumps(data, ensure_ascii=False)})
    return root


def _read(root, relative=PAGE):
    with open(os.path.join(root, relative), encoding="utf-8") as handle:
        return handle.read()


def _box(markup):
    """The parsed <div class="stodruta"> of a page."""
    boxes = lxml_html.fragment_fromstring(markup, create_parent="body").find_class("stodruta")
    assert len(boxes) == 1
    return boxes[0]


def test_sync_writes_the_box_between_the_markers_and_keeps_the_page(tmp_path):
    root = _course(tmp_path)
    assert sync_support.sync(root) == ["m1-intro-text"]
    text = _read(root)
    assert text.startswith(FILES[PAGE]) and text.endswith(supportbox.END + "\n<p>Efter rutan.</p>\n")
    box = _box(text)
    assert box.find("h4").text == "Om du behöver stöd"
    assert [li.text_content() for li in box.findall("ul/li")] == [
        "112 – vid fara för liv.", "Bris 116 111 – för barn & unga <18 år."]
    assert "&amp; unga &lt;18" in text  # data text is escaped, never markup
    assert box.find("p/small").text == ("Källor: SOS Alarm: 112 [S1; datum saknas]; Bris [S2; 2024-01-02]. "
                                        "Kontrollera öppettider.")
    assert sync_support.sync(root) == []  # a second run changes nothing
    assert validate_course(root, use_olxcleaner=False) == []


def test_a_hand_edited_box_fails_the_build_naming_the_file(tmp_path):
    root = _course(tmp_path)
    sync_support.sync(root)
    edited = _read(root).replace("116 111", "116 123")
    with open(os.path.join(root, PAGE), "w", encoding="utf-8") as handle:
        handle.write(edited)
    problems = validate_course(root, use_olxcleaner=False)
    assert problems == ["{}: the support box differs from support-lines.json: edit the data file and run "
                        "scripts/sync_support.py".format(PAGE)]
    assert build_course.build(root, str(tmp_path / "out.tar.gz"), use_olxcleaner=False) == problems
    assert not (tmp_path / "out.tar.gz").exists()
    sync_support.sync(root)
    assert validate_course(root, use_olxcleaner=False) == []


@pytest.mark.parametrize("page, message", [
    (FILES[PAGE], "needs exactly one support box"),
    (MARKED + MARKED, "needs exactly one support box"),
])
def test_a_listed_page_without_exactly_one_box_fails(tmp_path, page, message):
    problems = validate_course(_course(tmp_path, page=page), use_olxcleaner=False)
    assert len(problems) == 1 and problems[0].startswith(PAGE + ": " + message)


def test_a_box_copied_by_hand_into_an_unlisted_page_fails(tmp_path):
    data = dict(DATA, pages={})
    root = _course(tmp_path, data=data, page=FILES[PAGE] + '<div class="stodruta"><h4>Stöd</h4></div>\n')
    assert validate_course(root, use_olxcleaner=False) == [
        PAGE + ": has a support box that support-lines.json does not list: add the page under \"pages\" there"]


def test_an_unknown_line_is_refused_and_nothing_is_written(tmp_path):
    data = dict(DATA, pages={"m1-intro-text": ["bris", "kvinnofridslinjen"]})
    root = _course(tmp_path, data=data)
    assert validate_course(root, use_olxcleaner=False) == [
        "support-lines.json: m1-intro-text lists unknown lines: kvinnofridslinjen"]
    assert sync_support.main(["--course", root]) == 1
    assert _read(root) == MARKED


def test_the_data_file_is_source_not_package(tmp_path):
    root = _course(tmp_path)
    sync_support.sync(root)
    assert supportbox.DATA not in [relative for relative, _ in build_course.package_files(root)]


# -- the course itself ---------------------------------------------------------------------------

def _course_box(page):
    return _box(_read(SOURCE, "html/{}.html".format(page)))


def test_the_course_pages_are_in_sync_with_the_data_file():
    assert supportbox.problems(SOURCE) == []


@pytest.mark.parametrize("page, extra", [
    ("m02-intro", ["Bris 116 111"]),
    ("m05-intro", ["Bris 116 111"]),
    ("m07-intro", ["Bris 116 111", "Kvinnofridslinjen 020-50 50 50", "Rätt att välja 020-57 70 70",
                   "Nationella stödtelefonen 010-223 57 60"]),
    ("m08-intro", ["Bris 116 111"]),
])
def test_each_module_shows_the_common_lines_and_its_own(page, extra):
    box = _course_box(page)
    assert box.find("h4") is not None
    shown = [li.find("strong").text for li in box.findall("ul/li")]
    assert shown == ["112", "1177", "Självmordslinjen 90101"] + extra
    sources = box.find("p/small").text
    for key in ("S121", "S117", "S118"):
        assert "[{}; ".format(key) in sources
