"""The real course in course_export/ validates, builds, and holds everything it references."""
import os
import re
import tarfile

import pytest
from build_course import SOURCE, build
from coursetools import olxtree
from coursetools.validate import validate_course

from .fixture import write_course

MODULES = 11


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    target = str(tmp_path_factory.mktemp("course") / "bemotande-course.tar.gz")
    problems = build(SOURCE, target)
    assert problems == [], "\n".join(problems)
    return target


def test_course_builds_and_every_static_reference_is_packaged(tarball):
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        texts = [tar.extractfile(m).read().decode("utf-8") for m in tar.getmembers()
                 if m.isfile() and m.name.endswith((".xml", ".html", ".json"))]
    refs = {ref for text in texts for ref in re.findall(r"""/static/([^"'\s<>)?#]+)""", text)}
    assert refs, "the course references no static files at all"
    assert sorted(ref for ref in refs if "course/static/" + ref not in names) == []
    assert "course/policies/2026/policy.json" in names


def test_course_structure_uses_both_blocks_in_every_module():
    errors = []
    course, _refs = olxtree.load(SOURCE, errors)
    assert errors == []
    chapters = [c for c in course.children if c.tag == "chapter"]
    assert len(chapters) >= MODULES
    lessons = [n for n in olxtree.walk(course) if n.tag == "video_lesson"]
    timelines = [n for n in olxtree.walk(course) if n.tag == "asylum_timeline"]
    assert len(lessons) >= MODULES and len(timelines) >= 1
    for chapter in chapters[:MODULES]:
        tags = {n.tag for n in olxtree.walk(chapter)}
        assert "video_lesson" in tags, chapter.url_name
        for lesson in (n for n in olxtree.walk(chapter) if n.tag == "video_lesson"):
            count = len(lesson.element.findall("reflection"))
            assert 2 <= count <= 4, (lesson.url_name, count)


def test_a_broken_reflection_time_in_a_lesson_is_named(tmp_path):
    """A lesson with a bad time fails the course build with file, element and attribute."""
    lesson = ('<video_lesson display_name="L"><source src="/static/images/bild.png" type="video/webm"/>'
              '<reflection id="a" time="1:75"><prompt>P</prompt><guidance>G</guidance></reflection>'
              "</video_lesson>")
    unit = ('<vertical display_name="Frågor">\n  <problem url_name="m1-q1"/>\n'
            '  <video_lesson url_name="l1"/>\n</vertical>\n')
    root = write_course(tmp_path, {"video_lesson/l1.xml": lesson, "vertical/m1-u2.xml": unit})
    problems = validate_course(root, use_olxcleaner=False)
    assert any(p.startswith("video_lesson/l1.xml") and "1:75" in p for p in problems), problems


def test_manuscripts_and_generated_lessons_agree():
    """Every manuscript has its generated lesson OLX, video and captions (make lessons)."""
    manuscripts = sorted(n for n in os.listdir(os.path.join(SOURCE, "manuscripts")) if re.match(r"\d\d-", n))
    assert len(manuscripts) >= MODULES
    for name in manuscripts:
        with open(os.path.join(SOURCE, "manuscripts", name), encoding="utf-8") as handle:
            text = handle.read()
        lesson_id = re.search(r"^id:\s*([a-z0-9-]+)", text, re.M).group(1)
        # A trailer (kind: trailer) is the about page's course video, not a lesson in a unit.
        olx = "about/video.html" if re.search(r"^kind:\s*trailer\b", text, re.M) else "video_lesson/{}.xml"
        for path in (olx, "static/video/{}.webm", "static/video/{}.sv.vtt"):
            assert os.path.isfile(os.path.join(SOURCE, path.format(lesson_id))), path.format(lesson_id)


def test_real_course_survives_build_import_build_byte_for_byte(tarball, tmp_path):
    """Authors edit in Studio and write the export back: the committed course is already normalised."""
    import shutil

    from import_course import import_archive

    copy = str(tmp_path / "course_export")
    shutil.copytree(SOURCE, copy)
    import_archive(tarball, copy)
    again = str(tmp_path / "again.tar.gz")
    assert build(copy, again, use_olxcleaner=False) == []
    with open(tarball, "rb") as first, open(again, "rb") as second:
        assert first.read() == second.read()
