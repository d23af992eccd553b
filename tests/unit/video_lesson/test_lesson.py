"""The pure lesson model: validation naming rows, words, answers, watched ranges, completion."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xblocks.common.errors import InputError
from xblocks.video_lesson import lesson as L
from xblocks.video_lesson.lesson import Lesson, Reflection, Source, Track


def good(**changes):
    base = dict(
        display_name="Kultur",
        sources=(Source("/static/kultur.webm", "video/webm"),),
        tracks=(Track("/static/kultur.sv.vtt", "sv", "Svenska", default=True),),
        completion_percent=90, duration=120.0,
        reflections=(Reflection("a", 10.0, "<p>Fråga A</p>", required=True, min_words=2),
                     Reflection("b", 30.0, "Fråga B")),
    )
    base.update(changes)
    return Lesson(**base)


def locations(lesson):
    return [e.location for e in L.validate(lesson)]


def test_a_complete_lesson_has_no_problems():
    assert L.validate(good()) == []


@pytest.mark.parametrize("changes, location, text", [
    ({"sources": (), "youtube_id": ""}, "source", "at least one video file"),
    ({"sources": (Source("javascript:alert(1)"),)}, "source[1]/@src", "Video file 1"),
    ({"sources": (Source("/ok.webm"), Source("ftp://x/y.mp4"))}, "source[2]/@src", "Video file 2"),
    ({"sources": (Source("//evil.example/x.webm"),)}, "source[1]/@src", "Video file 1"),
    ({"youtube_id": "short"}, "youtube/@id", "YouTube id"),
    ({"tracks": (Track("data:text/vtt,x", "sv", "Svenska"),)}, "track[1]/@src", "Caption track 1"),
    ({"tracks": (Track("/a.vtt", "sv", "Svenska"), Track("/b.vtt", "sv", "Igen"))}, "track[2]/@srclang", "already"),
    ({"tracks": (Track("/a.vtt", "svenska!", "Svenska"),)}, "track[1]/@srclang", "code"),
    ({"tracks": (Track("/a.vtt", "sv", " "),)}, "track[1]/@label", "label is empty"),
    ({"tracks": (Track("/a.vtt", "sv", "S", default=True), Track("/b.vtt", "en", "E", default=True))},
     "track/@default", "Only one"),
    ({"tracks": ()}, "track", "every video needs captions"),
    ({"completion_percent": 101}, "@completion_percent", "0 to 100"),
    ({"duration": 0.0}, "@duration", "more than 0"),
    ({"reflections": (Reflection("a", 10, "x"), Reflection("a", 20, "y"))}, "reflection[2]/@id", "already used"),
    ({"reflections": (Reflection("a b", 10, "x"),)}, "reflection[1]/@id", "id may only"),
    ({"reflections": (Reflection("a", 130, "x"),)}, "reflection[1]/@time", "after the end"),
    ({"reflections": (Reflection("a", 10, "x"), Reflection("b", 10.5, "y"))}, "reflection[2]/@time",
     "less than a second"),
    ({"reflections": (Reflection("a", 10, "  <p> </p> "),)}, "reflection[1]/prompt", "question is empty"),
    ({"reflections": (Reflection("a", 10, "x", min_words=-1),)}, "reflection[1]/@min_words", "0 or more"),
    ({"reflections": (Reflection("a", 10, "x", max_chars=0),)}, "reflection[1]/@max_chars", "from 1 to"),
    ({"reflections": (Reflection("a", 10, "x", min_words=50, max_chars=20),)}, "reflection[1]/@min_words",
     "do not fit"),
    ({"reflections": (Reflection("a", math.nan, "x"),)}, "reflection[1]/@time", "not valid"),
])
def test_validation_names_the_row_and_attribute(changes, location, text):
    errors = L.validate(good(**changes))
    assert location in [e.location for e in errors], [str(e) for e in errors]
    message = next(str(e) for e in errors if e.location == location)
    assert text in message


def test_validation_reports_every_problem_at_once():
    bad = good(sources=(Source("javascript:x"),), completion_percent=-1,
               reflections=(Reflection("a", 5, ""), Reflection("a", 5.2, "y")))
    assert {"source[1]/@src", "@completion_percent", "reflection[1]/prompt", "reflection[2]/@id",
            "reflection[2]/@time"} <= set(locations(bad))


def test_a_youtube_lesson_needs_no_files_or_tracks():
    assert L.validate(good(sources=(), tracks=(), youtube_id="aqz-KE-bpKQ")) == []


def test_author_html_is_sanitised_when_a_reflection_is_made():
    item = L.make_reflection(id="a", time=1, prompt='<p onclick="x()">Hej <script>alert(1)</script></p>',
                             guidance='<a href="javascript:alert(1)">k</a><img src=x onerror=alert(1)>')
    assert item.prompt == "<p>Hej </p>"
    assert "javascript" not in item.guidance and "onerror" not in item.guidance and "<img" not in item.guidance


def test_lesson_dict_round_trip():
    lesson = good(youtube_id="aqz-KE-bpKQ")
    assert Lesson.from_dict(lesson.to_dict()) == lesson


@pytest.mark.parametrize("text, words", [
    ("", 0), ("   ", 0), ("Hej", 1), ("Hej då, vänner!", 3), ("– — … !!", 0), ("a-b c'd 3", 3),
    ("rad ett\nrad två\ttab", 5), ("\u00e5\u00e4\u00f6 \u062d\u0628 \u4f60\u597d", 3),
])
def test_count_words(text, words):
    assert L.count_words(text) == words


def test_count_chars_counts_code_points():
    assert L.count_chars("a😀å") == 3


def test_check_answer():
    item = Reflection("a", 1, "q", min_words=3, max_chars=20)
    L.check_answer(item, "ett två tre")
    with pytest.raises(InputError, match="too few words"):
        L.check_answer(item, "ett två")
    with pytest.raises(InputError, match="too long"):
        L.check_answer(item, "x" * 21)
    with pytest.raises(InputError, match="Write an answer"):
        L.check_answer(Reflection("b", 1, "q"), "  \n ")


@pytest.mark.parametrize("value", [
    "x", [[1]], [[1, 2, 3]], [["1", 2]], [[True, 2]], [[5, 1]], [[-1, 2]], [[0, 1e9]], {"a": 1},
    [[0, 1]] * (L.MAX_RANGES_IN + 1), [[0, None]],
])
def test_parse_watched_refuses_bad_shapes(value):
    with pytest.raises(InputError):
        L.parse_watched(value)


def test_merge_ranges_clamps_sorts_merges_and_rounds():
    merged = L.merge_ranges([(50, 70), (0, 10.00049), (10.2, 20), (65, 200), (-5, 0)], duration=100)
    assert merged == [[0.0, 20.0], [50.0, 100.0]]


def test_merge_ranges_caps_the_count_by_dropping_the_shortest():
    ranges = [(i * 10, i * 10 + 1 + (i % 3)) for i in range(50)]
    merged = L.merge_ranges(ranges, duration=None, cap=10)
    assert len(merged) == 10
    assert all(end - start == 3 for start, end in merged)


ranges_strategy = st.lists(st.tuples(st.floats(-10, 500, allow_nan=False), st.floats(0, 500, allow_nan=False))
                           .map(lambda p: (min(p), max(p))), max_size=60)


@given(ranges_strategy, st.one_of(st.none(), st.floats(1, 400)), st.integers(1, 80))
def test_merged_ranges_are_sorted_disjoint_clamped_and_capped(ranges, duration, cap):
    merged = L.merge_ranges(ranges, duration, cap)
    limit = duration or L.MAX_DURATION
    assert len(merged) <= cap
    for start, end in merged:
        assert 0 <= start < end <= round(limit, 3) + 1e-9
    for (_, end), (start, _) in zip(merged, merged[1:]):
        assert start > end + L.MERGE_TOLERANCE - 1e-3


@given(ranges_strategy, st.floats(1, 400))
def test_merging_is_idempotent_and_never_credits_more_than_the_duration(ranges, duration):
    once = L.merge_ranges(ranges, duration)
    assert L.merge_ranges(once, duration) == once
    assert 0 <= L.watched_fraction(once, duration) <= 1


@given(ranges_strategy, ranges_strategy, st.floats(1, 400))
def test_merging_more_ranges_never_lowers_the_share(first, second, duration):
    before = L.watched_fraction(L.merge_ranges(first, duration), duration)
    after = L.watched_fraction(L.merge_ranges(L.merge_ranges(first, duration) + second, duration), duration)
    assert after >= before - 1e-6


def test_is_complete_needs_watched_share_and_every_required_answer():
    lesson = good()
    assert not L.is_complete(lesson, [[0, 120]], None, set())
    assert not L.is_complete(lesson, [[0, 100]], None, {"a"})          # 83 % < 90 %
    assert L.is_complete(lesson, [[0, 108]], None, {"a"})              # 90 %
    assert L.is_complete(good(completion_percent=0), [], None, {"a"})


def test_olx_duration_wins_over_the_players_and_unknown_duration_means_not_watched():
    lesson = good(duration=None)
    assert L.effective_duration(lesson, 40.0) == 40.0
    assert L.effective_duration(good(duration=120.0), 40.0) == 120.0
    assert not L.is_complete(lesson, [[0, 40]], None, {"a"})
    assert L.is_complete(lesson, [[0, 40]], 40.0, {"a"})


def test_video_type_for():
    assert L.video_type_for("/static/a.WebM?x=1") == "video/webm"
    assert L.video_type_for("https://x/y.mp4#t=2") == "video/mp4"
    assert L.video_type_for("/static/film") == ""


def test_plain_text():
    assert L.plain_text("<p>Hej <em>då</em></p>\n<p>igen &amp; igen</p>") == "Hej då igen & igen"
