"""OLX in, model out, same OLX back: lossless round trips and errors that name file, element, attribute."""
import os

import pytest
from lxml import etree

from xblocks.asylum_timeline import content, olx, scenarios
from xblocks.asylum_timeline.timeline import Actor, Quiz, Source, from_dict, validate
from xblocks.common.errors import OlxError

HERE = os.path.dirname(__file__)


def fixture(name):
    with open(os.path.join(HERE, "fixtures", name), "rb") as handle:
        return handle.read()


FILES = {
    "branching": fixture("branching.xml"),
    "minimal": fixture("minimal.xml"),
    "sample": fixture("sample.xml"),
    "default": open(content.default_path(), "rb").read(),
    "small-scenario": scenarios.SMALL,
    "quiz-scenario": scenarios.QUIZ_ONLY,
    "xss": scenarios.xss_scenario(),
    "synthetic": scenarios.synthetic(60),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_round_trip_is_lossless(name):
    timeline = olx.parse_string(FILES[name], name)
    text = olx.to_string(timeline)
    again = olx.parse_string(text, name)
    assert again == timeline
    assert olx.to_string(again) == text  # export is canonical: a fixed point
    assert from_dict(timeline.to_dict()) == timeline  # and so is the stored form


def test_parse_reads_every_part_of_the_extended_shape():
    t = olx.parse_string(fixture("branching.xml"), "branching.xml")
    assert (t.display_name, t.reviewed, t.lang) == ("Förgreningar & specialfall", "2026-06", "sv")
    assert [a.id for a in t.actors] == ["mv", "kommun", "godman"]
    assert t.actors[1] == Actor(id="kommun", name='Kommun "socialtjänst"', color="#abc")
    assert t.actors[0].description.startswith("Plain text, then <strong>bold</strong>")
    assert "<li>two &lt;three&gt;</li>" in t.actors[0].description
    assert [p.id for p in t.paths] == ["tillstand", "dublin"]
    a, b, c = t.steps()
    assert (a.when, a.since, a.paths, a.actors) == ("Dag 1", "2025-03-01", ["tillstand", "dublin"], ["mv"])
    assert a.description == "<p>Första <em>steget</em>.</p><br/>"
    assert a.seeker == "Only text for the person."
    assert a.sources[1] == Source(href="http://example.org/b", title="Källa B", checked="odaterad")
    assert a.review == "Kontrollera datumet."
    assert b.actors == ["kommun", "mv", "godman"]
    assert [(o.to, o.label) for o in b.outcomes] == [("slut", "Till slutfasen"), ("c", "")]
    assert t.quizzes == [Quiz("order", ["a", "b", "c"], "Ordna"), Quiz("match", ["a", "b", "c"]),
                         Quiz("order", ["b", "c"], "", "kort")]
    assert [t.quiz_id(i) for i in range(3)] == ["order-1", "match-1", "kort"]
    assert t.review == "<p>Allmän anteckning.</p>"
    assert validate(t) == []


def test_export_layout_is_canonical():
    text = olx.to_string(olx.parse_string(fixture("minimal.xml")))
    assert text == (
        "<asylum_timeline>\n"
        '  <actor id="x" name="X"/>\n'
        '  <phase id="p" title="P">\n'
        '    <step id="s" actors="x">\n'
        "      <title>S</title>\n"
        "    </step>\n"
        "  </phase>\n"
        "</asylum_timeline>\n")


def test_export_into_an_existing_root_keeps_runtime_attributes():
    root = etree.Element("asylum_timeline", url_name="x", display_name="Namn")
    olx.export(olx.parse_string(fixture("minimal.xml")), root=root)
    assert root.get("url_name") == "x" and root.get("display_name") == "Namn"
    assert [child.tag for child in root] == ["actor", "phase"]


def test_the_default_content_is_valid():
    assert validate(content.default_timeline()) == []
    assert content.default_timeline().lang  # Swedish content is marked as such


@pytest.mark.parametrize("xml, where, words", [
    ("<asylum_timeline><actr id='x'/></asylum_timeline>", "f.xml/<actr id=\"x\">", "unknown element"),
    ("<asylum_timeline><actor id='x' nme='X'/></asylum_timeline>", '<actor id="x"> @nme', "unknown attribute"),
    ("<asylum_timeline><phase id='p' title='P'><step id='s' actors='x'/></phase></asylum_timeline>",
     '<step id="s">', "needs a <title>"),
    ("<asylum_timeline><phase id='p' title='P'><step id='s'><title>T<b>x</b></title></step></phase>"
     "</asylum_timeline>", "<title>", "only contain text"),
    ("<asylum_timeline><quiz/><quiz/></asylum_timeline>", "<quiz>", "only one <quiz>"),
    ("<asylum_timeline><quiz><order steps='a' bogus='1'/></quiz></asylum_timeline>", "<order> @bogus",
     "unknown attribute"),
    ("<asylum_timeline><quiz><sort steps='a'/></quiz></asylum_timeline>", "<sort>", "unknown element"),
    ("<asylum_timeline>loose text<actor id='x' name='X'/></asylum_timeline>", "<asylum_timeline>",
     "unexpected text"),
    ("<asylum_timeline><path id='p' title='P'><x/></path></asylum_timeline>", '<path id="p">',
     "cannot contain other elements"),
    ("<timeline/>", "<timeline>", "expected <asylum_timeline>"),
    ("<asylum_timeline><actor id='x'", "f.xml", "not well-formed"),
    ('<!DOCTYPE x [<!ENTITY e "boom">]><asylum_timeline/>', "f.xml", "DTDs"),
])
def test_olx_errors_name_file_element_and_attribute(xml, where, words):
    with pytest.raises(OlxError) as caught:
        olx.parse_string(xml, "f.xml")
    text = caught.value.translate(lambda m: m)
    assert where in text and words in text
    assert text.startswith("f.xml")


def test_normalise_fragment_makes_html_well_formed():
    assert olx.normalise_fragment("<p>ok</p>") == "<p>ok</p>"
    assert olx.normalise_fragment("  a<br>b  ") == "a<br/>b"
    assert olx.normalise_fragment("<p>x & y") == "<p>x &amp; y</p>"
    assert olx.normalise_fragment("") == ""
    fixed = olx.normalise_fragment("<ul><li>one<li>two</ul>")
    assert etree.fromstring("<d>{}</d>".format(fixed)) is not None and fixed.count("<li>") == 2
