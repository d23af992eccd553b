"""Pure unit tests of xblocks.common: time parsing, sanitising, safe XML, handler errors, i18n."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from webob import Request

from xblocks.common.errors import ContentError, InputError, OlxError
from xblocks.common.handlers import parse_json_body, require_number, require_string
from xblocks.common.i18n import COMMON_DIR, Translator, normalise_language
from xblocks.common.sanitize import is_safe_url, sanitize_html
from xblocks.common.timeparse import format_clock, format_time, parse_time
from xblocks.common.xmlsafe import parse_xml


@pytest.mark.parametrize("text, seconds", [
    ("75", 75.0), ("75.5", 75.5), ("0", 0.0), ("1:15", 75.0), ("01:15", 75.0), ("1:02:03", 3723.0),
    ("0:00.5", 0.5), (" 2:00 ", 120.0), (12, 12.0), (12.25, 12.25),
])
def test_parse_time_accepts(text, seconds):
    assert parse_time(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "1:75", "1:60:00", "-5", "1:-5", "1::5", "nan", "inf",
                                  "1e3", None, float("nan"), float("inf"), -1, True, "1:2:3:4"])
def test_parse_time_rejects_with_location(text):
    with pytest.raises(ContentError) as info:
        parse_time(text, location="reflection[1] @time")
    assert info.value.translate(lambda s: s).startswith("reflection[1] @time: ")


@given(st.integers(min_value=0, max_value=10 * 3600 * 1000))
def test_format_time_round_trips(millis):
    seconds = millis / 1000
    assert parse_time(format_time(seconds)) == pytest.approx(seconds, abs=1e-9)


def test_format_time_shapes():
    assert format_time(75) == "1:15"
    assert format_time(3723) == "1:02:03"
    assert format_time(5.5) == "0:05.5"


@pytest.mark.parametrize("dirty, clean", [
    ('<p>Hej <script>alert(1)</script>du</p>', "<p>Hej du</p>"),
    ('<img src=x onerror="alert(1)">', ""),
    ('<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'),
    # Links open in a new tab: the Learning MFE's unit iframe has <base target="_parent">.
    ('<a href="https://example.se/">x</a>',
     '<a href="https://example.se/" target="_blank" rel="noopener noreferrer">x</a>'),
    ('<a href="/static/a.pdf" target="_top" rel="opener">x</a>',
     '<a href="/static/a.pdf" target="_blank" rel="noopener noreferrer">x</a>'),
    ('<p onclick="x()" style="color:red">t</p>', "<p>t</p>"),
    ("<strong>fet</strong> och <em>kursiv</em>", "<strong>fet</strong> och <em>kursiv</em>"),
    ('<iframe src="https://evil"></iframe>ok', "ok"),
])
def test_sanitize_html(dirty, clean):
    assert sanitize_html(dirty) == clean


@pytest.mark.parametrize("url, ok", [
    ("https://www.migrationsverket.se/", True), ("http://example.se/x", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False),
    ("//evil.example/", False), ("/static/x.webm", False), ("", False), ("https://", False),
    ("https://a.se/\nx", False), (None, False),
])
def test_is_safe_url(url, ok):
    assert is_safe_url(url) is ok


def test_is_safe_url_relative_when_allowed():
    assert is_safe_url("/static/video/a.webm", allow_relative=True)
    assert not is_safe_url("//cdn.example/a.webm", allow_relative=True)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<video_lesson>&lol2;</video_lesson>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><video_lesson>&xxe;</video_lesson>"""


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, EXTERNAL])
def test_parse_xml_rejects_dtd_and_entities(doc):
    with pytest.raises(OlxError) as info:
        parse_xml(doc, filename="vertical/x.xml")
    assert "vertical/x.xml" in info.value.translate(lambda s: s)


def test_parse_xml_names_file_and_line():
    with pytest.raises(OlxError) as info:
        parse_xml("<a>\n<b></a>", filename="course/unit.xml")
    text = info.value.translate(lambda s: s)
    assert "course/unit.xml" in text and "line 2" in text


def test_parse_xml_ok():
    assert parse_xml("<a x='1'><b/></a>").get("x") == "1"


def _post(body):
    return Request.blank("/", method="POST", body=body, content_type="application/json")


@pytest.mark.parametrize("body, message", [
    (b"not json", "The request is not valid JSON."),
    (b"[1, 2]", "The request must be a JSON object."),
    (b'{"a": NaN}', "The request contains a number that is not finite (NaN)."),
    (b'{"a": Infinity}', "The request contains a number that is not finite (Infinity)."),
    (b"\xff\xfe", "The request is not valid JSON."),
    (b'{"a": "' + b"x" * 70000 + b'"}', "The request is too large."),
])
def test_parse_json_body_rejects(body, message):
    with pytest.raises(InputError) as info:
        parse_json_body(_post(body))
    assert info.value.translate(lambda s: s) == message


def test_parse_json_body_ok():
    assert parse_json_body(_post(json.dumps({"a": 1.5}).encode())) == {"a": 1.5}


@pytest.mark.parametrize("value", ["1", None, True, float("nan"), float("inf"), [1]])
def test_require_number_rejects(value):
    with pytest.raises(InputError):
        require_number({"position": value}, "position")


def test_require_number_bounds_and_string():
    assert require_number({"p": 3}, "p", minimum=0) == 3.0
    with pytest.raises(InputError):
        require_number({"p": -1}, "p", minimum=0)
    assert require_string({"t": "hej"}, "t") == "hej"
    with pytest.raises(InputError):
        require_string({"t": "x" * 11}, "t", max_length=10)
    with pytest.raises(InputError):
        require_string({"t": 5}, "t")


def test_language_normalisation():
    assert normalise_language("sv-se") == "sv"
    assert normalise_language("en_US") == "en"
    assert normalise_language(None) == "sv"


def test_translator_uses_common_catalogue_and_falls_back():
    sv = Translator("sv", (COMMON_DIR,))
    assert sv.gettext("The request is not valid JSON.") != "The request is not valid JSON."
    # A language with no catalogue shows the English message ids rather than failing.
    assert Translator("xx", ()).gettext("The request is not valid JSON.") == "The request is not valid JSON."


@pytest.mark.parametrize("seconds, label", [
    (222, "3:42"), (221.999, "3:41"), (137.5, "2:17"), (0, "0:00"), (0.9, "0:00"), (59.99, "0:59"),
    (3600, "1:00:00"), (3723.5, "1:02:03"), (-1, "0:00"),
])
def test_format_clock_is_whole_seconds_rounded_down(seconds, label):
    """One rounding rule for learners: the browser's controls and VL.clock floor, so the labels do too."""
    assert format_clock(seconds) == label
