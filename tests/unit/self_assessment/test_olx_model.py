"""self_assessment model and OLX: parse errors name element and attribute, lossless round trip,
defaults, keys, answer checks and the comparison texts."""
import pytest

from xblocks.common.errors import InputError, OlxError
from xblocks.common.xmlsafe import parse_xml
from xblocks.self_assessment import assessment as rules
from xblocks.self_assessment import olx
from xblocks.self_assessment.scenarios import HOSTILE, SCENARIOS, START


def parse(text):
    return olx.parse(parse_xml(text), filename="self_assessment/x.xml")


def test_the_contract_shape_is_read():
    model = parse(START)
    assert model.role == "before" and model.series == "kursen"
    assert model.levels == ("Mycket osäker", "Ganska osäker", "Ganska trygg", "Mycket trygg")
    assert [s.key for s in model.statements] == ["asylprocessen", "tolk", "hanvisa"]
    assert model.statements[0].guidance == "<p>Modul 2 går igenom processen steg för steg.</p>"
    assert model.intro.startswith("<p>Hur trygg")


@pytest.mark.parametrize("text", [START, HOSTILE, "<self_assessment/>", "<self_assessment role='after'/>"]
                         + [s for _, s in SCENARIOS if s.startswith("<self_assessment")])
def test_round_trip_is_lossless(text):
    model = parse(text)
    again = parse(olx.to_string(model))
    assert again == model
    assert olx.to_string(again) == olx.to_string(model)


def test_empty_element_gets_defaults():
    model = parse("<self_assessment/>")
    assert model.role == "before" and model.series == "kursen"
    assert model.effective_levels() == rules.DEFAULT_LEVELS and len(model.effective_levels()) == 4
    assert len(model.effective_statements()) >= 3 and rules.validate(model) == []
    assert olx.to_string(model, pretty=False) == '<self_assessment series="kursen" role="before"/>'


BAD = [
    ('<self_assessment role="later"/>', "self_assessment", "role"),
    ('<self_assessment series="a|b"/>', "self_assessment", "series"),
    ('<self_assessment><level value="2">x</level><level value="1">y</level></self_assessment>', "level", "value"),
    ('<self_assessment><level value="1">x</level></self_assessment>', "level", "value"),
    ("<self_assessment>" + "".join('<level value="{}">n</level>'.format(i) for i in range(1, 9))
     + "</self_assessment>", "level", "value"),
    ('<self_assessment><level>x</level></self_assessment>', "level", "value"),
    ('<self_assessment><level value="1" colour="red">x</level></self_assessment>', "level", "colour"),
    ('<self_assessment><statement key="Stora"><text>x</text></statement></self_assessment>', "statement", "key"),
    ('<self_assessment><statement><text>x</text></statement></self_assessment>', "statement", "key"),
    ('<self_assessment><statement key="a"><text>x</text></statement><statement key="a"><text>y</text></statement>'
     "</self_assessment>", "statement", "key"),
    ('<self_assessment><statement key="a"/></self_assessment>', "statement", "key"),
    ('<self_assessment><statement key="a" id="b"><text>x</text></statement></self_assessment>', "statement", "id"),
    ('<self_assessment><statement key="a"><text>x<b>y</b></text></statement></self_assessment>', "text", ""),
    ('<self_assessment><statement key="a"><text>x</text><hint/></statement></self_assessment>', "hint", ""),
    ('<self_assessment><question/></self_assessment>', "question", ""),
    ('<self_assessment>loose text</self_assessment>', "self_assessment", ""),
    ('<self_assessment><intro>a</intro><intro>b</intro></self_assessment>', "intro", ""),
    ("<self_assessment>" + "".join('<statement key="s{0}"><text>t{0}</text></statement>'.format(i)
                                   for i in range(41)) + "</self_assessment>", "statement", ""),
    ("<video_lesson/>", "video_lesson", ""),
]


@pytest.mark.parametrize("text, element, attribute", BAD)
def test_parse_errors_name_element_and_attribute(text, element, attribute):
    with pytest.raises(OlxError) as caught:
        parse(text)
    assert caught.value.element == element and caught.value.attribute == attribute
    assert caught.value.filename == "self_assessment/x.xml"


def test_validate_finds_empty_and_repeated_statements():
    model = rules.Assessment(levels=("a", ""), statements=(
        rules.Statement("a", "Att tala"), rules.Statement("b", " "), rules.Statement("c", "att  TALA")))
    messages = [e.msgid for e in rules.validate(model)]
    assert "Level {n} has no text." in messages and "Statement {n} has no text." in messages
    assert "Statement {n} repeats statement {earlier}." in messages
    assert [e.msgid for e in rules.validate(rules.Assessment(levels=("a",)))] == [
        "There must be between {low} and {high} levels."]


def test_keys_are_slugs_made_unique():
    taken = {"att-tala-med-tolk"}
    assert rules.slug("Att tala med tolk!") == "att-tala-med-tolk"
    assert rules.unique_key("Att tala med tolk", taken) == "att-tala-med-tolk-2"
    assert rules.unique_key("Öppenhet & mod", taken) == "oppenhet-mod"
    assert rules.slug("???") == "pastaende" and rules.KEY.match(rules.slug("x" * 90))


def test_answers_are_checked_strictly():
    model = parse(START)
    good = {"asylprocessen": 1, "tolk": 4, "hanvisa": 2}
    assert rules.check_answers(model, good) == good
    for bad in ({"asylprocessen": 1}, dict(good, x=1), dict(good, tolk=True), dict(good, tolk=5), [1], None):
        with pytest.raises(InputError):
            rules.check_answers(model, bad)
    assert rules.clean_answers(model, {"tolk": True, "hanvisa": 9, "x": 1, "asylprocessen": 2}) == {
        "asylprocessen": 2}


def test_comparison_and_texts():
    model = parse(START)
    rows = rules.comparison(model, {"asylprocessen": 1, "tolk": 3}, {"asylprocessen": 3, "tolk": 3, "hanvisa": 2})
    assert [r["change"] for r in rows] == [2, 0, None]

    def ngettext(one, many, n):
        return one if n == 1 else many
    assert rules.change_text(2, ngettext, str) == "+2 steps"
    assert rules.change_text(-1, ngettext, str) == "\u22121 step"
    assert rules.change_text(0, ngettext, str) == "unchanged" and rules.change_text(None, ngettext, str) == "–"
    # A count of nought is left out of the summary.
    assert rules.summary_text(rows, ngettext, str) == "Of 2 statements: more confident in 1, unchanged in 1"
    down = rules.comparison(model, {"asylprocessen": 4}, {"asylprocessen": 2})
    assert rules.summary_text(down, ngettext, str) == "Of 1 statement: less confident in 1"
    assert rules.summary_text(rules.comparison(model, {}, {"tolk": 2}), ngettext, str) == ""


def test_self_healing_decision():
    key = rules.measurement_key("course-v1:a+b+c", "kursen", "before")
    assert key == "course-v1:a+b+c|kursen|before"
    assert rules.needs_publishing({}, key, {"a": 1})
    assert rules.needs_publishing({key: {"answers": {"a": 2}}}, key, {"a": 1})
    assert rules.needs_publishing({key: "junk"}, key, {"a": 1})
    assert not rules.needs_publishing({key: {"answers": {"a": 1}, "at": ""}}, key, {"a": 1})
    assert not rules.needs_publishing({}, key, {})
