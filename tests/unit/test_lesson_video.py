"""Tests for scripts/lesson_video.py (manuscript → narrated draft video)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import lesson_video as lv  # noqa: E402
from lessonvideo import cues as cuemod  # noqa: E402
from lessonvideo import render, slides  # noqa: E402

VALID = """\
---
id: kultur-moten   # lesson id
title: Kulturmöten i vardagen
module: 4
---

## Första mötet

- Lyssna först
- Fråga hellre än att gissa

Hej och välkommen till lektionen. Vi börjar med ett exempel,
som fortsätter på nästa rad.

Ett andra stycke.

::: reflection id=forsta-motet required=true min_words=10
prompt: Vad hjälpte samtalet?
guidance: Tid och lyssnande hjälper.
:::

## Tolk

- Tolk vid behov

Använd tolk när språket inte räcker.

::: reflection id=tolk required=false max_chars=500
prompt: När behövs tolk?
guidance: Ofta oftare än man tror.
:::

## Avslutning

- Sammanfattning

Tack för att du lyssnade.

## Källor

- [S12; 2024-05-01] Titel på källan – https://exempel.se/sida
"""

REFLECTION = """
::: reflection id=extra required=true
prompt: Fråga?
guidance: Svar.
:::
"""


def test_parse_valid_manuscript():
    lesson = lv.parse_manuscript(VALID, "x.md")
    assert (lesson.id, lesson.title, lesson.module) == ("kultur-moten", "Kulturmöten i vardagen", 4)
    assert [s.title for s in lesson.slides] == ["Första mötet", "Tolk", "Avslutning"]
    assert lesson.slides[0].bullets == ["Lyssna först", "Fråga hellre än att gissa"]
    assert lesson.slides[0].narration == [
        "Hej och välkommen till lektionen. Vi börjar med ett exempel, som fortsätter på nästa rad.",
        "Ett andra stycke."]
    first, second = lesson.reflections
    assert (first.id, first.required, first.min_words, first.max_chars, first.after_slide) == (
        "forsta-motet", True, 10, 4000, 0)
    assert (first.prompt, first.guidance) == ("Vad hjälpte samtalet?", "Tid och lyssnande hjälper.")
    assert (second.id, second.required, second.min_words, second.max_chars, second.after_slide) == (
        "tolk", False, 0, 500, 1)
    assert lesson.sources == ["[S12; 2024-05-01] Titel på källan – https://exempel.se/sida"]
    assert lesson.word_count == 29


def _replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


MALFORMED = {
    "no front matter": (VALID.split("---\n", 2)[2], "missing front matter", 1),
    "missing title": (_replace("title: Kulturmöten i vardagen\n", ""), "missing front matter key 'title'", 4),
    "bad id": (_replace("id: kultur-moten", "id: Kultur_Möten"), "bad lesson id", 2),
    "bad module": (_replace("module: 4", "module: 14"), "bad module", 4),
    "reflection before first slide": (_replace("## Första mötet", REFLECTION + "\n## Första mötet"),
                                      "reflection before the first slide", 8),
    "reflection after last slide": (_replace("## Källor", REFLECTION + "\n## Källor"),
                                     "reflection 'extra' after the last slide", 40),
    "reflection in sources": (VALID + REFLECTION, "after the last slide", 43),
    "duplicate reflection id": (_replace("id=tolk", "id=forsta-motet"), "duplicate reflection id 'forsta-motet'", 28),
    "unknown attribute": (_replace("min_words=10", "min_word=10"), "unknown reflection attribute 'min_word'", 17),
    "missing prompt": (_replace("prompt: Vad hjälpte samtalet?\n", ""), "missing 'prompt:'", 17),
    "missing guidance": (_replace("guidance: Tid och lyssnande hjälper.\n", ""), "missing 'guidance:'", 17),
    "missing required": (_replace(" required=false", ""), "missing the 'required' attribute", 28),
    "bad required": (_replace("required=true", "required=yes"), "must be true or false", 17),
    "bad min_words": (_replace("min_words=10", "min_words=ten"), "must be a non-negative integer", 17),
    "bad reflection id": (_replace("id=tolk", "id=Tolk!"), "bad reflection id", 28),
    "unclosed reflection": (VALID.replace(":::\n\n## Tolk", "\n## Tolk", 1), "is not closed", 17),
    "stray line in reflection": (_replace("prompt: Vad", "promt: Vad"), "unexpected line in reflection", 18),
    "unknown block": (_replace("::: reflection id=tolk", "::: quiz id=tolk"), "unknown block", 28),
    "too many bullets": (_replace("- Tolk vid behov", "- a\n- b\n- c\n- d\n- e"), "more than 4 bullet", 28),
    "no bullets": (_replace("- Tolk vid behov\n", ""), "no bullet points", 22),
    "no narration": (_replace("Använd tolk när språket inte räcker.\n", ""), "no narration", 22),
    "bullet after narration": (_replace("Ett andra stycke.", "Ett andra stycke.\n- sen punkt"),
                               "bullet point after narration", 16),
    "text after reflection": (_replace("## Tolk", "Lös text.\n\n## Tolk"), "text after a reflection", 22),
    "text before first slide": (_replace("## Första mötet", "Inledning.\n\n## Första mötet"),
                                "text before the first slide", 7),
    "sources not last": (VALID + "\n## Extra\n", "must be the last section", 43),
    "deeper heading": (_replace("## Tolk", "### Tolk"), "unexpected heading", 22),
}


@pytest.mark.parametrize("text, fragment, line", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_manuscripts_raise(text, fragment, line):
    with pytest.raises(lv.ManuscriptError) as info:
        lv.parse_manuscript(text, "lektion.md")
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"lektion.md:{line}: "), str(info.value)


NARRATIONS = [
    "Kort mening.",
    "Hej och välkommen till den här lektionen om kulturmöten i vardagen. När en person nyss har kommit "
    "till Sverige, och inte ännu känner till hur skolan, vården och arbetsförmedlingen fungerar, kan ett "
    "första samtal betyda mycket – särskilt om man tar sig tid att lyssna. Klockan 9 börjar vi!",
    "Detta är en mycket lång mening utan några kommatecken alls som fortsätter och fortsätter långt efter "
    "att den borde ha slutat för länge sedan och aldrig riktigt tar slut trots att alla väntar.",
    "Ett ord: " + "supercalifragilisticexpialidociousochännumeraänlängreordsomintefårplats" + " här.",
    "Frågan är alltså: vad gör vi nu? Svaret, som du kanske redan anar, är att vi frågar personen själv, "
    "lyssnar, och först därefter, när vi vet mer, tar vi ställning.",
]


@pytest.mark.parametrize("text", NARRATIONS)
def test_cues_fit_and_rejoin(text):
    cues = [cuemod.caption(c) for c in lv.split_cues(text)]
    assert " ".join(cues) == " ".join(text.split())
    for cue in cues:
        if max(len(word) for word in cue.split()) <= 42:  # an over-long word cannot fit anyway
            assert len(cue) <= 90 and cuemod.fits(cue), cue
            assert all(len(line) <= 42 for line in cuemod.balanced_caption_lines(cue))
            assert len(cuemod.balanced_caption_lines(cue)) <= 2


def test_sentences_split_on_sentence_end_only():
    assert cuemod.split_sentences("Hej! Klockan är kl. 9 nu. Vad då? ”Jo.” Sen") == [
        "Hej!", "Klockan är kl. 9 nu.", "Vad då?", "”Jo.”", "Sen"]


def test_markup_shows_digits_and_speaks_words():
    cues = lv.split_cues("Vid fara, ring {112|ett ett två}. Sedan {12 juni 2026|den tolfte juni 2026} gäller pakten.")
    assert [cuemod.caption(c) for c in cues] == ["Vid fara, ring 112.", "Sedan 12 juni 2026 gäller pakten."]
    assert [cuemod.speech(c) for c in cues] == ["Vid fara, ring ett ett två.",
                                                "Sedan den tolfte juni 2026 gäller pakten."]
    lesson = lv.parse_manuscript(VALID.replace("- Lyssna först", "- Ring {112|ett ett två}"))
    assert lesson.slides[0].bullets[0] == "Ring 112"
    _errors, _ = lv.validate_lesson(lv.parse_manuscript(VALID.replace("Ett andra stycke.", "Ett {andra stycke.")))
    assert any("brace" in e for e in _errors)


@pytest.mark.parametrize("phrase", ["12 juni 2026", "god man", "020-50 50 50", "27,5 procent", "116 111"])
def test_phrases_are_never_broken_across_lines(phrase):
    for pad in range(0, 40):
        text = "x" * pad + " ord" * (pad % 5) + " " + phrase + " och sedan lite mer text efteråt"
        lines = cuemod.balanced_caption_lines(cuemod.display(cuemod.encode(text)))
        assert any(phrase.replace(" ", cuemod.NBSP) in line for line in lines), (pad, lines)
        vtt = cuemod.build_vtt([(0, 1000, cuemod.encode(text))])
        assert phrase in vtt and cuemod.NBSP not in vtt
    if not fonts_missing:
        fnt = slides.font(slides.REGULAR, slides.BULLET_SIZES[0])
        for width in range(520, 1140, 37):  # a slide line is 1088–1136 px; the phrase alone fits
            lines = slides.wrap_pixels("Sedan den " + phrase + " gäller nya regler för alla", fnt, width)
            assert any(phrase.replace(" ", cuemod.NBSP) in line for line in lines), (width, lines)


def test_vtt_roundtrip_and_timestamps():
    assert cuemod.format_timestamp(3_723_004) == "01:02:03.004"
    vtt = cuemod.build_vtt([(500, 2500, "Hej och välkommen till lektionen om kulturmöten i vardagen."),
                            (2800, 4000, "Kort.")])
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.500\n")
    assert cuemod.parse_vtt(vtt) == [(0.5, 2.5, "Hej och välkommen till lektionen om kulturmöten i vardagen."),
                                     (2.8, 4.0, "Kort.")]


def test_timeline_slides_on_frame_grid_and_reflection_times():
    rate = 22050
    lesson = lv.parse_manuscript(VALID)
    cue_texts = render.slide_cues(lesson)
    lengths = [[[rate + 123 * i for i, _ in enumerate(p)] for p in s] for s in cue_texts]
    timeline = render.build_timeline(cue_texts, lengths, rate)
    frame = rate // render.FPS
    assert timeline.slides[0][0] == 0
    for (start, end), (next_start, _) in zip(timeline.slides, timeline.slides[1:]):
        assert end == next_start and end % frame == 0
    positions = [(s, e) for s, e, _ in timeline.cues]
    assert all(e1 < s2 for (_, e1), (s2, _) in zip(positions, positions[1:]))
    data = render.sidecar(lesson, timeline, "abc")
    # Each pause is one frame before its slide ends: the player still shows that slide.
    assert [r["time"] for r in data["reflections"]] == [
        timeline.seconds(timeline.slides[i][1] - frame) for i in (0, 1)]
    for reflection in data["reflections"]:
        slide = data["slides"][reflection["after_slide"]]
        last_cue_end = max(timeline.seconds(e) for s, e, _ in timeline.cues
                           if timeline.seconds(s) < slide["end"] and timeline.seconds(s) >= slide["start"])
        assert slide["start"] <= last_cue_end < reflection["time"] < slide["end"]
    assert [s["title"] for s in data["slides"]] == ["Första mötet", "Tolk", "Avslutning"]
    assert data["duration"] == timeline.seconds(timeline.total)
    text = render.dump_json(data)
    assert text.endswith("}\n") and "Kulturmöten" in text
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_colours_meet_wcag_aa():
    for name, (fg, bg) in slides.COLOUR_PAIRS.items():
        assert slides.contrast_ratio(fg, bg) >= 4.5, name


fonts_missing = not (slides.FONT_DIR / slides.REGULAR).is_file()


@pytest.mark.skipif(fonts_missing, reason="DejaVu fonts missing (apt install fonts-dejavu-core)")
def test_slide_layout_never_overflows(tmp_path):
    long = "Ett mycket långt ord Donaudampfschifffahrtsgesellschaftskapitänsmössa " * 4
    for title, bullets in [("Kort", ["En"]), (long, [long] * 4), ("Rubrik", ["punkt med lite text"] * 4)]:
        boxes = slides.layout_slide(long, title, bullets, 3, 12)
        label = next(b for b in boxes if b.text == slides.DRAFT_LABEL)
        for box in boxes:
            assert 0 <= box.x and box.x + box.width <= slides.WIDTH, box
            assert 0 <= box.y and box.y + box.height <= slides.HEIGHT, box
            if box is not label:
                assert box.y + box.height <= label.y, box
    png = tmp_path / "s.png"
    slides.render_slide(png, "Lektion", "Rubrik", ["a", "b"], 1, 2)
    from PIL import Image
    assert Image.open(png).size == (1280, 720)


def test_missing_font_fails_clearly(tmp_path):
    with pytest.raises(slides.FontMissingError, match="fonts-dejavu-core"):
        slides.font(slides.REGULAR, 20, str(tmp_path))


def test_check_cli(tmp_path, capsys):
    good = tmp_path / "01-bra.md"
    good.write_text(VALID, encoding="utf-8")
    assert lv.main(["--check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "01-bra.md: kultur-moten – 3 slides, 29 words" in out and "2 reflections" in out
    bad = tmp_path / "02-fel.md"
    bad.write_text(VALID.replace("module: 4", "module: x"), encoding="utf-8")
    assert lv.main(["--check", str(bad)]) == 1
    assert f"{bad}:4: bad module" in capsys.readouterr().err


# --- end to end -----------------------------------------------------------------------------

TINY = """\
---
id: tiny
title: Liten testlektion
module: 1
---

## Första bilden

- En punkt

Hej och välkommen. Det här är en kort lektion.

::: reflection id=fraga required=true min_words=3
prompt: Vad tänker du?
guidance: Det finns inga fel svar.
:::

## Andra bilden

- Två punkter
- Till

Nu är vi klara.
"""

tools_missing = [t for t in ("ffmpeg", "ffprobe", "espeak-ng") if shutil.which(t) is None]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    if tools_missing or fonts_missing:
        pytest.skip(f"needs Debian packages ffmpeg, espeak-ng, fonts-dejavu-core (missing: "
                    f"{', '.join(tools_missing) or 'DejaVu fonts'})")
    base = tmp_path_factory.mktemp("e2e")
    manuscript = base / "01-tiny.md"
    manuscript.write_text(TINY, encoding="utf-8")
    runs = []
    for name in ("a", "b"):
        status, paths = render.render_lesson(manuscript, base / name)
        assert status == "rendered"
        runs.append(paths)
    return manuscript, runs


def test_e2e_outputs_and_streams(rendered):
    _, (paths, _) = rendered
    assert sorted(p.name for p in paths["webm"].parent.iterdir()) == ["tiny.json", "tiny.sv.vtt", "tiny.webm"]
    probe = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height:format=duration",
         "-of", "json", str(paths["webm"])], check=True, capture_output=True, text=True).stdout)
    assert sorted(s["codec_name"] for s in probe["streams"]) == ["opus", "vp9"]
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert abs(float(probe["format"]["duration"]) - data["duration"]) <= 0.1
    assert data["video"] == "video/tiny.webm" and data["captions"] == "video/tiny.sv.vtt"
    assert paths["json"].read_text(encoding="utf-8").endswith("\n")


def test_e2e_captions_and_reflection_time(rendered):
    _, (paths, _) = rendered
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    cues = cuemod.parse_vtt(paths["vtt"].read_text(encoding="utf-8"))
    assert [c[2] for c in cues] == ["Hej och välkommen.", "Det här är en kort lektion.", "Nu är vi klara."]
    assert all(start < end for start, end, _ in cues) and cues[-1][1] <= data["duration"]
    # Slide 2 starts LEAD_IN before its first cue; slide 1 ends there, the pause one frame earlier.
    (reflection,) = data["reflections"]
    slide_change = round(cues[2][0] - render.LEAD_IN, 3)
    assert reflection["time"] == round(slide_change - 1 / render.FPS, 3)
    assert cues[1][1] < reflection["time"]
    assert (reflection["id"], reflection["required"], reflection["min_words"]) == ("fraga", True, 3)
    # A keyframe at the slide change (within the few ms of Opus pre-skip shift) and none > 20 s apart.
    packets = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "packet=pts_time,flags",
         "-of", "csv=p=0", str(paths["webm"])], check=True, capture_output=True, text=True).stdout
    keys = [float(line.split(",")[0]) for line in packets.split() if ",K" in line]
    assert any(abs(k - slide_change) < 0.02 for k in keys)
    assert max((b - a for a, b in zip(keys, keys[1:])), default=0) <= render.KEYFRAME_INTERVAL / render.FPS + 1e-6
    sizes = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "stream=width,height",
                            "-of", "csv=p=0", str(paths["webm"])], check=True, capture_output=True, text=True).stdout
    assert sizes.strip() == "1280,720"


def test_e2e_deterministic_and_cached(rendered):
    manuscript, (first, second) = rendered
    for kind in ("webm", "vtt", "json"):
        assert _sha(first[kind]) == _sha(second[kind]), kind
    started = time.monotonic()
    status, _ = render.render_lesson(manuscript, first["webm"].parent)
    assert status == "up-to-date" and time.monotonic() - started < 1


# --- the real course manuscripts --------------------------------------------------------------

REAL = lv.find_manuscripts()


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_manuscript_is_valid(path):
    lesson, errors, _ = lv.check_manuscript(path)
    assert not errors
    assert 2 <= len(lesson.reflections) <= 4 or (lesson.kind == "trailer" and not lesson.reflections)
    assert path.name != "FORMAT.md"


def test_trailer_kind_has_no_reflections():
    trailer = VALID.replace("module: 4", "module: 4\nkind: trailer")
    _errors, _ = lv.validate_lesson(lv.parse_manuscript(trailer))
    assert _errors == ["a trailer has no reflections"]
    with pytest.raises(lv.ManuscriptError, match="bad kind"):
        lv.parse_manuscript(VALID.replace("module: 4", "module: 4\nkind: reklam"))
