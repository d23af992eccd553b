"""lesson-media.json swaps a draft video for a filmed one (file or YouTube) without OLX editing."""
import json
import os

import pytest
import sync_lessons
from xblocks.common.xmlsafe import parse_xml
from xblocks.video_lesson import lesson as lesson_model
from xblocks.video_lesson import olx as lesson_olx

META = {"id": "kultur", "title": "Kulturmöten", "module": 4, "duration": 370.0,
        "video": "video/kultur.webm", "captions": "video/kultur.sv.vtt",
        "reflections": [
            {"id": "forsta", "time": 143.5, "required": True, "min_words": 10, "max_chars": 4000,
             "prompt": "Tänk på ett möte.", "guidance": "Alla gör antaganden."},
            {"id": "andra", "time": 321.5, "required": False, "min_words": 0, "max_chars": 4000,
             "prompt": "Hur förklarar du din roll?", "guidance": "Var tydlig."}]}


def _course(tmp_path, mapping):
    video = tmp_path / "static" / "video"
    video.mkdir(parents=True)
    (video / "kultur.json").write_text(json.dumps(META), encoding="utf-8")
    if mapping is not None:
        (tmp_path / "lesson-media.json").write_text(json.dumps(mapping), encoding="utf-8")
    return str(tmp_path)


def _lesson(course):
    with open(os.path.join(course, "video_lesson", "kultur.xml"), "rb") as handle:
        element = parse_xml(handle.read(), "video_lesson/kultur.xml")
    model = lesson_olx.parse(element, filename="video_lesson/kultur.xml")
    assert lesson_model.validate(model) == []
    return element


def test_draft_lesson_from_the_manuscript_sidecar(tmp_path):
    course = _course(tmp_path, None)
    assert sync_lessons.sync(course) == ["kultur"]
    element = _lesson(course)
    assert element.find("source").get("src") == "/static/video/kultur.webm"
    assert element.get("duration") == "370"
    assert [r.get("time") for r in element.findall("reflection")] == ["143.5", "321.5"]
    assert element.findall("reflection")[1].get("min_words") is None  # 0 means no minimum


def test_youtube_swap_keeps_the_questions(tmp_path):
    course = _course(tmp_path, {"kultur": {"youtube": "AbCdEfGhIjK", "reflection_times": {"forsta": "2:40"}}})
    sync_lessons.sync(course)
    element = _lesson(course)
    assert element.find("youtube").get("id") == "AbCdEfGhIjK" and element.find("source") is None
    assert element.find("reflection").get("time") == "2:40"
    assert element.find("reflection/prompt").text == "Tänk på ett möte."


def test_filmed_file_with_own_captions(tmp_path):
    course = _course(tmp_path, {"kultur": {"sources": ["/static/video/film.mp4"], "duration": "6:12",
                                           "captions": {"sv": "/static/video/film.sv.vtt",
                                                        "ar": "/static/video/film.ar.vtt"}}})
    sync_lessons.sync(course)
    element = _lesson(course)
    assert (element.find("source").get("src"), element.find("source").get("type")) == \
        ("/static/video/film.mp4", "video/mp4")
    assert element.get("duration") == "6:12"
    tracks = element.findall("track")
    assert [(t.get("srclang"), t.get("default")) for t in tracks] == [("sv", "true"), ("ar", None)]


def test_unknown_lesson_in_the_mapping_is_refused(tmp_path):
    course = _course(tmp_path, {"nope": {"youtube": "AbCdEfGhIjK"}})
    with pytest.raises(SystemExit, match="unknown lessons: nope"):
        sync_lessons.sync(course)
    assert not os.path.exists(os.path.join(course, "video_lesson"))  # nothing half-written


def test_a_trailer_becomes_the_about_page_video_not_a_lesson(tmp_path):
    course = _course(tmp_path, None)
    trailer = {"id": "trailer", "title": "Om kursen", "module": 1, "kind": "trailer", "duration": 60.0,
               "video": "video/trailer.webm", "captions": "video/trailer.sv.vtt", "reflections": []}
    (tmp_path / "static" / "video" / "trailer.json").write_text(json.dumps(trailer), encoding="utf-8")
    assert sync_lessons.sync(course) == ["kultur", "trailer (about/video.html)"]
    assert not os.path.exists(os.path.join(course, "video_lesson", "trailer.xml"))
    with open(os.path.join(course, "about", "video.html"), encoding="utf-8") as handle:
        html = handle.read()
    assert '<source src="/static/video/trailer.webm" type="video/webm"/>' in html
    assert 'src="/static/video/trailer.sv.vtt" default' in html
    (tmp_path / "lesson-media.json").write_text(json.dumps({"trailer": {"youtube": "AbCdEfGhIjK"}}), encoding="utf-8")
    sync_lessons.sync(course)
    with open(os.path.join(course, "about", "video.html"), encoding="utf-8") as handle:
        assert "youtube-nocookie.com/embed/AbCdEfGhIjK" in handle.read()
