"""The Studio form <-> lesson: values as typed, every problem naming its row, ids kept."""
from xblocks.video_lesson import studio, views
from xblocks.video_lesson.lesson import Lesson, Reflection, Source, Track


def form(**changes):
    data = {
        "display_name": "Kultur", "youtube_id": "", "completion_percent": "90", "duration": "", "weight": "1",
        "sources": [{"src": "/static/a.webm"}, {"src": "  "}],
        "tracks": [{"srclang": "sv", "label": "Svenska", "src": "/static/a.sv.vtt", "default": True}],
        "reflections": [{"id": "", "time": "1:15", "prompt": "Tänk på ett första möte", "guidance": "",
                         "required": True, "min_words": "3", "max_chars": "4000"}],
    }
    data.update(changes)
    return data


def messages(errors):
    """What Studio shows: the row-naming message (nested problems translated too) and where it points."""
    return [(e.location, views.translate_error(e, lambda m: m)) for e in errors]


def test_a_good_form_becomes_a_lesson():
    lesson, weight, errors = studio.lesson_from_form(form(duration="5:32", weight="0.5"))
    assert errors == []
    assert weight == 0.5 and lesson.duration == 332.0
    assert lesson.sources == (Source("/static/a.webm", "video/webm"),)  # type derived, blank row dropped
    item = lesson.reflections[0]
    assert (item.id, item.time, item.required, item.min_words) == ("tank-pa-ett-forsta", 75.0, True, 3)


def test_existing_ids_are_kept_and_new_ids_are_unique():
    existing = Lesson(reflections=(Reflection("tank-pa-ett-forsta", 10, "x"),))
    rows = [{"id": "tank-pa-ett-forsta", "time": "10", "prompt": "Tänk på ett första möte"},
            {"id": "", "time": "20", "prompt": "Tänk på ett första möte"}]
    lesson, _, errors = studio.lesson_from_form(form(reflections=rows), existing)
    assert errors == []
    assert [r.id for r in lesson.reflections] == ["tank-pa-ett-forsta", "tank-pa-ett-forsta-2"]


def test_every_problem_is_reported_with_its_row():
    rows = [{"time": "1:15", "prompt": "a"}, {"time": "soon", "prompt": "b"}, {"time": "", "prompt": "c"},
            {"time": "2:00", "prompt": "", "min_words": "many"}, {"time": "", "prompt": "", "guidance": ""}]
    _, _, errors = studio.lesson_from_form(form(reflections=rows, completion_percent="ninety",
                                                weight="-1", duration="x", sources=[]))
    found = messages(errors)
    assert ("reflection[2]/@time", "Reflection point 2: “soon” is not a valid time. Write seconds (75) or "
            "minutes:seconds (1:15).") in [(loc, text) for loc, text in found]
    locations = [loc for loc, _ in found]
    for location in ("reflection[3]/@time", "reflection[4]/@min_words", "reflection[4]/prompt",
                     "@completion_percent", "@weight", "@duration", "source"):
        assert location in locations, found
    assert not any(loc.startswith("reflection[5]") for loc in locations)  # the blank row is ignored


def test_form_from_lesson_round_trips():
    lesson = Lesson(display_name="A", sources=(Source("/a.mp4", "video/mp4"),), youtube_id="",
                    tracks=(Track("/a.vtt", "sv", "Svenska", default=True),), completion_percent=70, duration=161.5,
                    reflections=(Reflection("x", 75.5, "<p>Q</p>", "<em>G</em>", True, 2, 300),))
    again, weight, errors = studio.lesson_from_form(studio.form_from_lesson(lesson, 2.0), lesson)
    assert errors == [] and weight == 2.0 and again == lesson


def test_junk_form_values_do_not_crash():
    for junk in (None, [], "x", {"sources": "x", "reflections": [1, "a", None], "tracks": {"a": 1}},
                 {"reflections": [{"time": 5, "prompt": 7, "required": "yes"}]}):
        lesson, _, errors = studio.lesson_from_form(junk)
        assert isinstance(lesson, Lesson) and errors


def test_times_are_checked_against_the_preview_players_length_when_no_length_is_given():
    late = form(reflections=[{"time": "0:45", "prompt": "Sent"}])
    _, _, errors = studio.lesson_from_form(dict(late, media_duration=40.04))
    assert "Reflection point 1: the time is after the end of the video." in [m for _, m in messages(errors)]
    lesson, _, errors = studio.lesson_from_form(dict(late, media_duration="junk"))
    assert errors == [] and lesson.duration is None  # the preview's length is never saved
    _, _, errors = studio.lesson_from_form(dict(late, media_duration=40.04, duration="1:00"))
    assert errors == []  # an explicit length wins
