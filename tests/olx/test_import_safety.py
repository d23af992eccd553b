"""Issue 9 §5: importing a Studio export is all or nothing and refuses hostile archives clearly.

Each bad archive is a valid course plus one problem; after the refusal the target folder must be
byte for byte what it was (the old import left 137 of 343 files behind).
"""
import gzip
import io
import os
import tarfile

import pytest
from coursetools import tarball
from coursetools.tarball import UnsafeArchive, read_archive
from import_course import import_archive, main

from .fixture import FILES, read_tree, write_course


def _archive(path, extra=(), mode="w:gz"):
    """The fixture course under ``course/`` plus ``extra`` entries: (name, bytes or None for a folder)."""
    with tarfile.open(path, mode) as tar:
        for relative, text in sorted(FILES.items()):
            data = text.encode("utf-8")
            info = tarfile.TarInfo("course/" + relative)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, data in extra:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return str(path)


@pytest.fixture
def existing(tmp_path):
    """A course folder already in place (with a source-only file), and its contents."""
    target = write_course(tmp_path / "course_export")
    return target, read_tree(target)


BAD = {
    "file and folder": [("course/static/x", b"file"), ("course/static/x/y.png", b"inside")],
    "folder then file": [("course/static/d", None), ("course/static/d", b"now a file")],
    "duplicate": [("course/static/a.png", b"one"), ("course/static/a.png", b"two")],
    "duplicate after normalising": [("course/static/b.png", b"one"), ("course/static/./b.png", b"two")],
    "long name": [("course/static/" + "å" * 128 + ".png", b"x")],
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_archive_is_refused_and_the_course_is_untouched(tmp_path, existing, case):
    target, before = existing
    archive = _archive(tmp_path / "bad.tar", BAD[case], mode="w")
    with pytest.raises(UnsafeArchive) as refused:
        import_archive(archive, target)
    assert str(refused.value)  # a clear reason
    assert read_tree(target) == before
    assert sorted(os.listdir(tmp_path)) == ["bad.tar", "course_export"]  # no staging folder left behind


def test_a_compression_bomb_is_refused_before_it_is_written(tmp_path, existing, monkeypatch):
    target, before = existing
    monkeypatch.setattr(tarball, "RATIO_FLOOR", 1024 * 1024)
    archive = _archive(tmp_path / "bomb.tar.gz", [("course/static/zeros.bin", bytes(8 * 1024 * 1024))])
    assert os.path.getsize(archive) < 64 * 1024
    with pytest.raises(UnsafeArchive, match="times its size"):
        import_archive(archive, target)
    assert read_tree(target) == before


def test_the_total_size_is_capped(tmp_path, existing, monkeypatch):
    target, before = existing
    monkeypatch.setattr(tarball, "MAX_TOTAL_BYTES", 100 * 1024)
    archive = _archive(tmp_path / "big.tar", [("course/static/big.bin", os.urandom(200 * 1024))], mode="w")
    with pytest.raises(UnsafeArchive, match="MiB"):
        read_archive(archive)
    with pytest.raises(SystemExit, match="unchanged"):
        main([archive, "--target", target])
    assert read_tree(target) == before


def test_a_failure_while_writing_leaves_the_old_course(tmp_path, existing, monkeypatch):
    target, before = existing
    archive = _archive(tmp_path / "ok.tar.gz")
    import import_course  # noqa: PLC0415

    makedirs = os.makedirs

    def broken(path, *args, **kwargs):  # the disk fills up half way through writing the course
        if os.sep + "vertical" in path:
            raise OSError("disk full")
        return makedirs(path, *args, **kwargs)
    monkeypatch.setattr(import_course.os, "makedirs", broken)
    with pytest.raises(OSError):
        import_archive(archive, target)
    assert read_tree(target) == before


def test_a_good_archive_replaces_the_course_and_keeps_source_only_files(tmp_path, existing):
    target, _before = existing
    with open(os.path.join(target, "stale.xml"), "w", encoding="utf-8") as handle:
        handle.write("<gone/>")
    archive = _archive(tmp_path / "ok.tar.gz", [("course/static/new.png", b"new")])
    written = import_archive(archive, target)
    after = read_tree(target)
    assert "stale.xml" not in after and after["static/new.png"] == b"new"
    assert "manuscripts/01-x.md" in after and "manuscripts/01-x.md" not in written
    assert sorted(os.listdir(tmp_path)) == ["course_export", "ok.tar.gz"]


def test_gzip_size_is_measured_on_the_file(tmp_path):
    """The ratio compares with the archive's size on disk, not with anything the archive claims."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        info = tarfile.TarInfo("course/course.xml")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"<c/"))
    path = tmp_path / "small.tar.gz"
    path.write_bytes(gzip.compress(raw.getvalue()))
    assert read_archive(str(path)) == {"course.xml": b"<c/"}
