"""The importer on its own: safe unpacking and re-keying (what the job runs in the container)."""
import io
import json
import os
import tarfile

import pytest
from tutorbemotande import importer

from .conftest import COURSE_TARBALL


def _tarball(path, entries):
    """entries: (name, bytes) for files, (name, None) for folders, (name, ("symlink"|"link", target))."""
    with tarfile.open(path, "w:gz") as archive:
        for name, content in entries:
            info = tarfile.TarInfo(name)
            if content is None:
                info.type = tarfile.DIRTYPE
                archive.addfile(info)
            elif isinstance(content, tuple):
                info.type = tarfile.SYMTYPE if content[0] == "symlink" else tarfile.LNKTYPE
                info.linkname = content[1]
                archive.addfile(info)
            else:
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
    return str(path)


POINTER = b'<course url_name="r1" org="o" course="c"/>'


@pytest.mark.parametrize("entry, message", [
    (("/etc/passwd", b"x"), "absolute path"),
    (("course/../../x", b"x"), "leaves the folder"),
    (("course/link", ("symlink", "/etc/passwd")), "is a link or a device"),
    (("course/hard", ("link", "course/course.xml")), "is a link or a device"),
])
def test_unsafe_members_are_refused_and_nothing_is_written(tmp_path, entry, message):
    tarball = _tarball(tmp_path / "t.tar.gz", [("course/course.xml", POINTER), entry])
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(importer.JobError, match=message):
        importer.prepare(tarball, str(into))
    assert not (into / "unpacked" / "course").exists()


def test_one_course_xml_is_required(tmp_path):
    none = _tarball(tmp_path / "none.tar.gz", [("course/about.html", b"x")])
    two = _tarball(tmp_path / "two.tar.gz", [("a/course.xml", POINTER), ("b/course.xml", POINTER)])
    for tarball, message in ((none, "no course.xml"), (two, "several course.xml")):
        into = tmp_path / os.path.basename(tarball).split(".")[0]
        into.mkdir()
        with pytest.raises(importer.JobError, match=message):
            importer.prepare(tarball, str(into))


def test_not_a_tarball(tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not a tarball")
    (tmp_path / "into").mkdir()
    with pytest.raises(importer.JobError, match="cannot read"):
        importer.prepare(str(broken), str(tmp_path / "into"))


@pytest.mark.parametrize("key", ["Bemotande/BB101/2026", "course-v1:a+b", "course-v1:a+b+c d", "course-v1:a+b+c\"x"])
def test_bad_keys(key):
    with pytest.raises(importer.JobError, match="course-v1:ORG"):
        importer.parse_key(key)


def test_rekey_of_the_real_course(tmp_path):
    key, course = importer.prepare(COURSE_TARBALL, str(tmp_path), "course-v1:Region+BB2+v2")
    assert key == "course-v1:Region+BB2+v2" == (tmp_path / "course_key").read_text()
    assert importer.read_key(course) == key
    assert sorted(os.listdir(os.path.join(course, "policies"))) == ["assets.json", "v2"]
    with open(os.path.join(course, "policies", "v2", "policy.json"), encoding="utf-8") as handle:
        assert list(json.load(handle)) == ["course/v2"]
    assert os.path.exists(os.path.join(course, "policies", "v2", "grading_policy.json"))
    assert os.path.exists(os.path.join(course, "course", "v2.xml"))
    check = (tmp_path / "exists.py").read_text()
    compile(check, "exists.py", "exec")
    assert 'CourseKey.from_string("course-v1:Region+BB2+v2")' in check


def test_main_reports_errors_with_exit_2(tmp_path, capsys):
    assert importer.main(["--tarball", str(tmp_path / "x.tar.gz"), "--into", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("ERROR: bemotande: no course tarball")


def test_course_xml_with_entities_is_refused(tmp_path):
    bomb = b'<!DOCTYPE course [<!ENTITY a "aaaa">]><course url_name="r" org="o" course="&a;"/>'
    tarball = _tarball(tmp_path / "t.tar.gz", [("course/course.xml", bomb)])
    (tmp_path / "into").mkdir()
    with pytest.raises(importer.JobError, match="DTD or entities"):
        importer.prepare(tarball, str(tmp_path / "into"))
