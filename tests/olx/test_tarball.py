"""Course tarballs: Studio export layout, byte-identical rebuilds, safe import, lossless round trip."""
import io
import os
import tarfile

import pytest
from build_course import build, package_files
from coursetools.tarball import UnsafeArchive, read_archive
from import_course import import_archive

from .fixture import read_tree, write_course


def test_tarball_layout_and_metadata(tmp_path):
    source = write_course(tmp_path / "src")
    target = str(tmp_path / "course.tar.gz")
    assert build(source, target, use_olxcleaner=False) == []
    with tarfile.open(target) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert "course/course.xml" in names and all(n == "course" or n.startswith("course/") for n in names)
    assert not any(n.startswith("course/manuscripts") for n in names)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", 1767225600)}
    assert all(m.isfile() or m.isdir() for m in members)
    with open(target, "rb") as handle:
        header = handle.read(10)
    assert header[4:8] == b"\0\0\0\0"  # gzip mtime 0


def test_rebuild_is_byte_identical(tmp_path):
    source = write_course(tmp_path / "src")
    first, second = str(tmp_path / "a.tar.gz"), str(tmp_path / "b.tar.gz")
    build(source, first, use_olxcleaner=False)
    os.utime(os.path.join(source, "course.xml"), (0, 0))  # file times must not matter
    build(source, second, use_olxcleaner=False)
    with open(first, "rb") as a, open(second, "rb") as b:
        assert a.read() == b.read()


def test_build_import_build_is_identical(tmp_path):
    source = write_course(tmp_path / "src")
    first = str(tmp_path / "first.tar.gz")
    build(source, first, use_olxcleaner=False)
    imported = str(tmp_path / "imported")
    write_course(imported)  # an existing checkout; its manuscripts must survive the import
    import_archive(first, imported)
    assert os.path.exists(os.path.join(imported, "manuscripts", "01-x.md"))
    second = str(tmp_path / "second.tar.gz")
    assert build(imported, second, use_olxcleaner=False) == []
    with open(first, "rb") as a, open(second, "rb") as b:
        assert a.read() == b.read()


def test_import_normalises_a_studio_style_export(tmp_path):
    source = write_course(tmp_path / "src", {
        "policies/2026/policy.json": '{"course/2026": {"language": "sv", "display_name": "T", '
                                     '"advanced_modules": ["video_lesson", "asylum_timeline"]}}',
        "problem/m1-q1.xml": '<?xml version="1.0" encoding="UTF-8"?>\r\n<problem display_name="F">'
                             '<p>Hej <b>du</b> <i>där</i></p></problem>'})
    archive = str(tmp_path / "studio.tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        for relative, data in sorted(read_tree(source).items()):
            info = tarfile.TarInfo("course.abc123/" + relative)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    target = str(tmp_path / "out")
    import_archive(archive, target)
    with open(os.path.join(target, "problem", "m1-q1.xml"), encoding="utf-8") as handle:
        text = handle.read()
    assert text == '<problem display_name="F"><p>Hej <b>du</b> <i>där</i></p></problem>\n'
    with open(os.path.join(target, "policies", "2026", "policy.json"), encoding="utf-8") as handle:
        assert handle.read().startswith('{\n  "course/2026": {\n    "advanced_modules"')


@pytest.mark.parametrize("name, kind", [
    ("course/../../etc/x", tarfile.REGTYPE), ("/etc/passwd", tarfile.REGTYPE),
    ("course/link", tarfile.SYMTYPE), ("course/hard", tarfile.LNKTYPE), ("course/dev", tarfile.CHRTYPE),
])
def test_unsafe_archives_are_refused(tmp_path, name, kind):
    archive = str(tmp_path / "bad.tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("course/course.xml")
        data = b'<course url_name="2026" org="a" course="b"/>'
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        bad = tarfile.TarInfo(name)
        bad.type = kind
        if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
            bad.linkname = "/etc/passwd"
        tar.addfile(bad, io.BytesIO(b"") if kind == tarfile.REGTYPE else None)
    with pytest.raises(UnsafeArchive):
        read_archive(archive)


def test_symlinks_in_the_source_stop_the_build(tmp_path):
    source = write_course(tmp_path / "src")
    os.symlink("/etc/passwd", os.path.join(source, "static", "passwd"))
    with pytest.raises(SystemExit, match="symbolic link"):
        package_files(source)
