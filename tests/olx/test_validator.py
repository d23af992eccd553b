"""The course validator accepts a good course and names file, element and attribute of each fault."""
import json

import pytest
from coursetools.validate import validate_course

from .fixture import FILES, write_course


def test_fixture_course_is_valid(tmp_path):
    assert validate_course(write_course(tmp_path)) == []


BROKEN = [
    ("missing file", {}, ["html/m1-intro-text.xml"],
     "vertical/m1-u1.xml: <html url_name=\"m1-intro-text\">: html/m1-intro-text.xml is missing"),
    ("dangling reference", {"chapter/m1.xml": FILES["chapter/m1.xml"].replace("m1-intro", "m1-nope")}, [],
     "chapter/m1.xml: <sequential url_name=\"m1-nope\">: sequential/m1-nope.xml is missing"),
    ("unknown tag", {"vertical/m1-u2.xml": '<vertical><poll_v3 url_name="x" a="1"/><problem url_name="m1-q1"/>'
                                           '</vertical>'}, [],
     "vertical/m1-u2.xml: <poll_v3> is not a core block type or one of ours"),
    ("duplicate url_name", {"sequential/m1-check.xml": FILES["sequential/m1-check.xml"].replace(
        "m1-u2", "m1-u1")}, [], "url_name \"m1-u1\" is used 2 times"),
    ("orphan file", {"problem/m1-q9.xml": "<problem/>"}, [], "problem/m1-q9.xml: not referenced"),
    ("missing static file", {}, ["static/images/bild.png"],
     "html/m1-intro-text.html: /static/images/bild.png does not exist in static/"),
    ("advanced_modules lacks ours", {"policies/2026/policy.json": json.dumps(
        {"course/2026": {"advanced_modules": ["video_lesson"], "language": "sv", "display_name": "T"}})}, [],
     "policies/2026/policy.json: advanced_modules lacks \"asylum_timeline\""),
    ("wrong language", {"policies/2026/policy.json": json.dumps(
        {"course/2026": {"advanced_modules": ["video_lesson", "asylum_timeline"], "language": "en"}})}, [],
     "policies/2026/policy.json: language must be \"sv\""),
    ("policy not JSON", {"policies/2026/policy.json": "{nope"}, [], "policies/2026/policy.json: not valid JSON"),
    ("weights do not add up", {"policies/2026/grading_policy.json": json.dumps(
        {"GRADER": [{"type": "Kunskapskoll", "min_count": 1, "weight": 0.5}], "GRADE_CUTOFFS": {"Pass": 0.6}})},
     [], "GRADER weights add up to 0.5, not 1"),
    ("format without grader", {"sequential/m1-check.xml": FILES["sequential/m1-check.xml"].replace(
        'format="Kunskapskoll"', 'format="Tenta"')}, [], "@format \"Tenta\" has no grader"),
    ("malformed XML", {"problem/m1-q1.xml": "<problem><p></problem>"}, [],
     "problem/m1-q1.xml: problem/m1-q1.xml: The XML is not well-formed (line 1)"),
    ("entity declaration", {"problem/m1-q1.xml": '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "x">]>'
                                                  "<problem>&e;</problem>"}, [],
     "DTDs and entity declarations are not allowed"),
    ("placeholder text", {"html/m1-intro-text.html": "<p>TODO skriv texten</p>"}, [],
     "html/m1-intro-text.html: placeholder text \"TODO\""),
    ("html file missing", {}, ["html/m1-intro-text.html"], "<html> @filename: html/m1-intro-text.html is missing"),
    ("banned source link", {"html/m1-intro-text.html": '<p>Källa: <a href="https://sv.wikipedia.org/wiki/LMA">LMA</a></p>'},
     [], "html/m1-intro-text.html: learner-facing source from a site the course does not cite"),
    ("banned source name", {"problem/m1-q1.xml": FILES["problem/m1-q1.xml"].replace(
        "Polisen</choice>", "Polisen (Källa: Fria Tider)</choice>")}, [],
     "problem/m1-q1.xml: learner-facing source from a site the course does not cite: \"Fria Tider\""),
    ("policy without showanswer", {"policies/2026/policy.json": json.dumps({"course/2026": {
        "advanced_modules": ["video_lesson", "asylum_timeline"], "language": "sv", "display_name": "T",
        "rerandomize": "never"}})}, [], "policies/2026/policy.json: showanswer is not set"),
]


@pytest.mark.parametrize("label, changes, remove, expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copies_are_rejected_with_a_precise_message(tmp_path, label, changes, remove, expected):
    problems = validate_course(write_course(tmp_path, changes, remove), use_olxcleaner=False)
    assert any(expected in line for line in problems), (label, problems)


def test_source_only_files_are_not_checked_as_course_files(tmp_path):
    root = write_course(tmp_path, {"manuscripts/01-x.md": "TODO in a manuscript is not course content"})
    assert validate_course(root, use_olxcleaner=False) == []
