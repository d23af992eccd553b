"""Write course_export/video_lesson/<id>.xml from the lesson manuscripts and lesson-media.json.

Every lesson has a narrated draft video generated from its manuscript (``scripts/lesson_video.py``
writes ``course_export/static/video/<id>.webm``, ``<id>.sv.vtt`` and ``<id>.json``). Admins swap in
a filmed lesson by adding an entry to ``course_export/lesson-media.json`` and running
``make lessons`` — no OLX editing by hand::

    {
      "kulturforstaelse": {"youtube": "AbCdEfGhIjK"},
      "etablering": {
        "sources": ["/static/video/etablering-film.mp4"],
        "captions": {"sv": "/static/video/etablering-film.sv.vtt"},
        "duration": "6:12",
        "reflection_times": {"synliggora-kompetens": "2:40"}
      }
    }

Reflection questions (prompt, guidance, required, limits) always come from the manuscript.

A manuscript with ``kind: trailer`` (``00-trailer.md``) becomes the about page's course video,
``course_export/about/video.html``, instead of a ``<video_lesson>``.
"""
import argparse
import json
import os
import sys

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
COURSE = os.path.join(REPO, "course_export")
VIDEO_DIR = os.path.join(COURSE, "static", "video")
MAPPING = os.path.join(COURSE, "lesson-media.json")
LANGUAGE_LABELS = {"sv": "Svenska", "en": "English", "ar": "العربية", "fa": "فارسی", "so": "Soomaali",
                   "ti": "ትግርኛ", "uk": "Українська"}
MEDIA_TYPES = {".webm": "video/webm", ".mp4": "video/mp4", ".ogv": "video/ogg"}
COMPLETION_PERCENT = "90"
TRAILER_HTML = (
    '<video controls preload="metadata" width="640" height="360" poster="/static/images/course_image.png">\n'
    '  <source src="{video}" type="video/webm"/>\n'
    '  <track kind="captions" srclang="sv" label="Svenska" src="{captions}" default/>\n'
    '  <p>Din webbläsare kan inte visa filmen. <a href="{video}">Ladda ner filmen</a>.</p>\n'
    "</video>\n")


def _time(seconds):
    seconds = round(float(seconds), 3)
    return ("%.3f" % seconds).rstrip("0").rstrip(".")


def lesson_element(meta, media):
    """The ``<video_lesson>`` element for one lesson (``meta`` = the JSON sidecar)."""
    root = etree.Element("video_lesson", display_name=meta["title"], completion_percent=COMPLETION_PERCENT)
    if media.get("youtube"):
        etree.SubElement(root, "youtube", id=media["youtube"])
    else:
        for src in media.get("sources") or ["/static/" + meta["video"]]:
            etree.SubElement(root, "source", src=src, type=MEDIA_TYPES.get(os.path.splitext(src)[1], "video/webm"))
    if media.get("duration"):
        root.set("duration", str(media["duration"]))
    elif not media:
        root.set("duration", _time(meta["duration"]))
    captions = media.get("captions") or {"sv": "/static/" + meta["captions"]}
    for i, (lang, src) in enumerate(sorted(captions.items(), key=lambda kv: (kv[0] != "sv", kv[0]))):
        track = etree.SubElement(root, "track", kind="captions", srclang=lang,
                                 label=LANGUAGE_LABELS.get(lang, lang), src=src)
        if i == 0:
            track.set("default", "true")
    times = media.get("reflection_times", {})
    for reflection in meta["reflections"]:
        node = etree.SubElement(root, "reflection", id=reflection["id"],
                                time=str(times.get(reflection["id"], _time(reflection["time"]))),
                                required="true" if reflection["required"] else "false")
        if reflection.get("min_words"):
            node.set("min_words", str(reflection["min_words"]))
        if reflection.get("max_chars"):
            node.set("max_chars", str(reflection["max_chars"]))
        etree.SubElement(node, "prompt").text = reflection["prompt"]
        etree.SubElement(node, "guidance").text = reflection["guidance"]
    etree.indent(root, space="  ")
    return root


def sync(course=COURSE):
    """Regenerate every lesson's OLX file; returns the lesson ids written."""
    mapping = {}
    if os.path.exists(os.path.join(course, "lesson-media.json")):
        with open(os.path.join(course, "lesson-media.json"), encoding="utf-8") as handle:
            mapping = json.load(handle)
    video_dir = os.path.join(course, "static", "video")
    lessons = []
    for name in sorted(os.listdir(video_dir)):
        if name.endswith(".json"):
            with open(os.path.join(video_dir, name), encoding="utf-8") as handle:
                lessons.append(json.load(handle))
    # Check the whole mapping before writing anything, so a typo changes no file.
    unknown = sorted(set(mapping) - {meta["id"] for meta in lessons})
    if unknown:
        raise SystemExit("lesson-media.json names unknown lessons: {}".format(", ".join(unknown)))
    out_dir = os.path.join(course, "video_lesson")
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for meta in lessons:
        if meta.get("kind") == "trailer":
            media = mapping.get(meta["id"], {})
            html = ('<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/{}" '
                    'title="{}" allowfullscreen></iframe>\n'.format(media["youtube"], meta["title"])
                    if media.get("youtube") else
                    TRAILER_HTML.format(video="/static/" + meta["video"], captions="/static/" + meta["captions"]))
            os.makedirs(os.path.join(course, "about"), exist_ok=True)
            with open(os.path.join(course, "about", "video.html"), "w", encoding="utf-8") as handle:
                handle.write(html)
            written.append(meta["id"] + " (about/video.html)")
            continue
        element = lesson_element(meta, mapping.get(meta["id"], {}))
        with open(os.path.join(out_dir, meta["id"] + ".xml"), "wb") as handle:
            handle.write(etree.tostring(element, encoding="utf-8") + b"\n")
        written.append(meta["id"])
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    print("lessons written:", ", ".join(sync()))


if __name__ == "__main__":
    sys.exit(main())
