"""The committed lesson videos: each pause shows its own slide, captions write numbers as slides do.

These read what ``make lessons`` wrote to ``course_export/static/video`` (the JSON sidecars and the
WebVTT captions) and the OLX that ``scripts/sync_lessons.py`` made from them, so a lesson that was
not re-rendered after a pipeline or manuscript change fails here.
"""
import json
import os
import re
import sys

import pytest
from build_course import SOURCE

sys.path.insert(0, os.path.join(os.path.dirname(SOURCE), "scripts"))
from lessonvideo.cues import parse_vtt  # noqa: E402

VIDEO = os.path.join(SOURCE, "static", "video")
SIDECARS = sorted(name for name in os.listdir(VIDEO) if name.endswith(".json"))
MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
DIGIT = "noll|ett|två|tre|fyra|fem|sex|sju|åtta|nio"
# Numbers the voice says but a caption must show as digits (Språkrådet: 13 and up, dates,
# percentages, phone numbers): "trettiofemtusen", "tolfte juni", "ett ett två", "fem procent".
SPELLED_OUT = re.compile(
    r"\b(?:tretton|fjorton|femton|sexton|sjutton|arton|nitton"
    r"|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)\w*|\w*hundra|\w*tusen)\b"
    rf"|\b(?:första|andra|tredje|fjärde|femte|\w+(?:nde|de|te)) (?:{MONTHS})\b"
    rf"|\b(?:{DIGIT})(?: (?:{DIGIT})){{2,}}\b"
    r"|\b(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv) procent\b", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[,–-]\d+)*")


def _lesson(name):
    with open(os.path.join(VIDEO, name), encoding="utf-8") as handle:
        meta = json.load(handle)
    with open(os.path.join(VIDEO, meta["id"] + ".sv.vtt"), encoding="utf-8") as handle:
        cues = parse_vtt(handle.read())
    return meta, cues


def _slide_captions(meta, cues):
    """Caption text spoken while each slide is on screen."""
    return [" ".join(text for start, _end, text in cues if slide["start"] <= start < slide["end"])
            for slide in meta["slides"]]


def test_every_lesson_has_a_sidecar():
    assert len(SIDECARS) >= 11


@pytest.mark.parametrize("name", SIDECARS)
def test_each_reflection_pause_falls_inside_its_own_slide(name):
    meta, cues = _lesson(name)
    assert "slides" in meta, "sidecar has no slide timings: re-render with `make lessons`"
    slides = meta["slides"]
    for reflection in meta["reflections"]:
        slide = slides[reflection["after_slide"]]
        assert slide["start"] <= reflection["time"] < slide["end"], (reflection["id"], slide["title"])
        spoken = [end for start, end, _ in cues if slide["start"] <= start < slide["end"]]
        assert spoken and max(spoken) <= reflection["time"], (reflection["id"], "pause before the narration ends")
    # The OLX the course ships uses the same times (sync_lessons.py ran after the render).
    if meta.get("kind", "lesson") != "lesson":
        return
    with open(os.path.join(SOURCE, "video_lesson", meta["id"] + ".xml"), encoding="utf-8") as handle:
        olx = handle.read()
    for reflection in meta["reflections"]:
        times = re.findall(r'<reflection id="{}" time="([^"]+)"'.format(re.escape(reflection["id"])), olx)
        assert times and abs(float(times[0]) - reflection["time"]) < 1e-6, reflection["id"]


@pytest.mark.parametrize("name", SIDECARS)
def test_captions_write_numbers_as_the_slides_do(name):
    meta, cues = _lesson(name)
    spelled = ["{:.1f} s: {}".format(start, text) for start, _end, text in cues if SPELLED_OUT.search(text)]
    assert spelled == []
    for slide, captions in zip(meta["slides"], _slide_captions(meta, cues)):
        shown = " ".join([slide["title"]] + slide["bullets"])
        missing = [n for n in NUMBER.findall(shown) if n not in captions]
        assert missing == [], (slide["title"], missing)


FILM_LENGTH = re.compile(r"(?:en film på|filmen tar) (?:cirka |ungefär )?(\d+)(?:–(\d+))? minuter")


def test_stated_film_lengths_match_the_films():
    """Each module intro states its film's real length (the review found 5–6 min stated, 6–8 min real)."""
    lessons = {}
    for name in SIDECARS:
        meta, _cues = _lesson(name)
        if meta.get("kind", "lesson") == "lesson":
            lessons[meta["module"]] = meta["duration"] / 60
    assert sorted(lessons) == list(range(1, 12))
    wrong = []
    for module, minutes in sorted(lessons.items()):
        with open(os.path.join(SOURCE, "html", "m{:02d}-intro.html".format(module)), encoding="utf-8") as handle:
            stated = FILM_LENGTH.findall(handle.read())
        if not stated:
            wrong.append((module, "no stated film length"))
        for low, high in stated:
            if not float(low) - 0.5 <= minutes <= float(high or low) + 0.5:
                wrong.append((module, "{}–{}".format(low, high or low), round(minutes, 1)))
    assert wrong == []
