"""OLX <-> lesson: the DESIGN.md shape, lossless round trip, errors naming file/element/attribute."""
import glob
import os

import pytest
from lxml import etree

from xblocks.common.errors import OlxError
from xblocks.common.xmlsafe import parse_xml
from xblocks.video_lesson import olx
from xblocks.video_lesson.lesson import validate
from xblocks.video_lesson.scenarios import SCENARIOS

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
FILES = sorted(glob.glob(os.path.join(HERE, "olx", "*.xml"))
               + glob.glob(os.path.join(REPO, "course_export", "video_lesson", "*.xml")))


def read(path):
    with open(path, "rb") as handle:
        return parse_xml(handle.read(), os.path.basename(path))


def canonical(element):
    return etree.tostring(element, method="c14n")


@pytest.mark.parametrize("path", FILES, ids=os.path.basename)
def test_round_trip_is_lossless(path):
    lesson = olx.parse(read(path), path)
    exported = olx.export(lesson, etree.Element("video_lesson"))
    again = olx.parse(parse_xml(etree.tostring(exported)), "exported")
    assert again == lesson
    second = olx.export(again, etree.Element("video_lesson"))
    assert canonical(second) == canonical(exported)  # export is stable


@pytest.mark.parametrize("name, xml", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_workbench_scenarios_round_trip_and_are_valid(name, xml):
    lesson = olx.parse(parse_xml(xml))
    assert olx.parse(parse_xml(olx.to_string(lesson))) == lesson
    assert validate(lesson) == [], name


def test_the_design_example_reads_as_documented():
    lesson = olx.parse(read(os.path.join(HERE, "olx", "design_example.xml")))
    assert lesson.display_name == "Kulturmöten i vardagen"
    assert lesson.completion_percent == 90 and lesson.duration is None
    assert [(s.src, s.type) for s in lesson.sources] == [("/static/video/kultur.webm", "video/webm")]
    assert lesson.youtube_id == "XXXXXXXXXXX"
    track = lesson.tracks[0]
    assert (track.kind, track.srclang, track.label, track.src, track.default) == (
        "captions", "sv", "Svenska", "/static/video/kultur.sv.vtt", True)
    item = lesson.reflections[0]
    assert (item.id, item.time, item.required, item.min_words, item.max_chars) == (
        "forsta-motet", 75.0, True, 10, 4000)
    assert item.prompt == "Tänk på ett första möte ..."
    assert item.guidance == "Shown after the learner has answered ..."


def test_export_writes_the_design_shape():
    lesson = olx.parse(read(os.path.join(HERE, "olx", "rich_html.xml")))
    root = olx.export(lesson, etree.Element("video_lesson"))
    assert root.get("duration") == "1:02:03.5"
    assert [child.tag for child in root] == ["source", "source", "track", "track", "track", "reflection",
                                             "reflection"]
    first = root.find("reflection")
    assert first.get("time") == "1:15.25" and first.get("required") == "false"
    assert first.find("prompt").find("p").find("strong").text == "med tolk"
    assert first.find("guidance").find("a").get("href") == "https://www.migrationsverket.se/"
    assert "<så>" in "".join(first.find("guidance").itertext())


def test_times_accept_seconds_and_clock_notation():
    xml = ('<video_lesson><reflection id="a" time="75"><prompt>a</prompt></reflection>'
           '<reflection id="b" time="75.5"><prompt>b</prompt></reflection>'
           '<reflection id="c" time="1:15"><prompt>c</prompt></reflection>'
           '<reflection id="d" time="1:01:15"><prompt>d</prompt></reflection></video_lesson>')
    assert [r.time for r in olx.parse(parse_xml(xml)).reflections] == [75.0, 75.5, 75.0, 3675.0]


def test_hostile_markup_in_prompts_is_sanitised_on_parse():
    xml = ('<video_lesson><reflection id="a" time="1"><prompt>Hej<script>alert(1)</script>'
           '<img src="x" onerror="alert(1)"/><a href="javascript:alert(1)">l</a></prompt>'
           '<guidance><iframe src="https://evil.example/"/><b onmouseover="x()">b</b></guidance>'
           '</reflection></video_lesson>')
    item = olx.parse(parse_xml(xml)).reflections[0]
    for bad in ("script", "onerror", "javascript", "iframe", "onmouseover", "<img"):
        assert bad not in item.prompt + item.guidance


@pytest.mark.parametrize("xml, element, attribute, text", [
    ('<video_lesson completion_percent="many"/>', "video_lesson", "completion_percent", "whole number"),
    ('<video_lesson duration="five"/>', "video_lesson", "duration", "not a valid time"),
    ('<video_lesson><sourc src="/a.mp4"/></video_lesson>', "sourc", "", "Unknown element"),
    ('<video_lesson><source/></video_lesson>', "source", "src", "missing"),
    ('<video_lesson><source src="/a.mp4" typ="video/mp4"/></video_lesson>', "source", "typ", "Unknown attribute"),
    ('<video_lesson><track src="/a.vtt"/></video_lesson>', "track", "srclang", "missing"),
    ('<video_lesson><track src="/a.vtt" srclang="sv" default="ja"/></video_lesson>', "track", "default",
     "true or false"),
    ('<video_lesson><youtube id="aqz-KE-bpKQ"/><youtube id="aqz-KE-bpKQ"/></video_lesson>', "youtube", "",
     "Only one"),
    ('<video_lesson><reflection time="1"><prompt>a</prompt></reflection></video_lesson>', "reflection", "id",
     "missing"),
    ('<video_lesson><reflection id="a" time="1:75"><prompt>a</prompt></reflection></video_lesson>', "reflection",
     "time", "below 60"),
    ('<video_lesson><reflection id="a" time="-3"><prompt>a</prompt></reflection></video_lesson>', "reflection",
     "time", "not a valid time"),
    ('<video_lesson><reflection id="a" time="1" required="yes"><prompt>a</prompt></reflection></video_lesson>',
     "reflection", "required", "true or false"),
    ('<video_lesson><reflection id="a" time="1" min_words="2.5"><prompt>a</prompt></reflection></video_lesson>',
     "reflection", "min_words", "whole number"),
    ('<video_lesson><reflection id="a" time="1"/></video_lesson>', "reflection", "", "needs a <prompt>"),
    ('<video_lesson><reflection id="a" time="1"><prompt>a</prompt><prompt>b</prompt></reflection>'
     '</video_lesson>', "prompt", "", "Only one"),
    ('<video_lesson><reflection id="a" time="1"><prompt lang="sv">a</prompt></reflection></video_lesson>',
     "prompt", "lang", "Unknown attribute"),
    ('<video_lesson><reflection id="a" time="1"><question>a</question></reflection></video_lesson>',
     "question", "", "Unknown element"),
    ('<video_lesson>stray text</video_lesson>', "video_lesson", "", "Text is not allowed"),
    ('<video_lesson><source src="/a.mp4">x</source></video_lesson>', "source", "", "Text is not allowed"),
    ('<problem/>', "problem", "", "Expected a <video_lesson>"),
])
def test_unreadable_olx_names_file_element_and_attribute(xml, element, attribute, text):
    with pytest.raises(OlxError) as caught:
        olx.parse(parse_xml(xml, "lesson.xml"), "video_lesson/lesson.xml")
    error = caught.value
    assert (error.filename, error.element, error.attribute) == ("video_lesson/lesson.xml", element, attribute)
    shown = error.translate(lambda message: message)  # what the course build and Studio print
    assert text in shown
    assert shown.startswith("video_lesson/lesson.xml/<{}>{}".format(element, " @" + attribute if attribute else ""))


@pytest.mark.parametrize("xml", [
    '<!DOCTYPE video_lesson [<!ENTITY x "boom">]><video_lesson display_name="&x;"/>',
    '<!DOCTYPE video_lesson SYSTEM "http://evil.example/x.dtd"><video_lesson/>',
])
def test_dtds_and_entities_are_refused(xml):
    with pytest.raises(OlxError, match="DTD|Entity|entit"):
        olx.parse(parse_xml(xml))


def test_a_document_with_an_entity_parsed_by_another_parser_is_refused_too():
    # The XBlock runtime parses OLX itself (lxml defaults); olx.parse checks the tree it is given.
    element = etree.fromstring(b'<!DOCTYPE v [<!ENTITY x "boom">]><video_lesson display_name="&x;"/>')
    with pytest.raises(OlxError, match="DTD"):
        olx.parse(element, "course/video_lesson/x.xml")


def test_runtime_attributes_on_the_root_are_ignored_by_the_model():
    lesson = olx.parse(parse_xml('<video_lesson url_name="x" weight="2" display_name="A"/>'))
    assert lesson.display_name == "A"
