"""Write a course exported from Studio (.tar.gz) back into course_export/ in normalised form.

Authors can edit in Studio, export, and keep the course in git:
``python scripts/import_course.py ~/Downloads/course.xxxx.tar.gz``. Files that are source only
(manuscripts, REVIEW.md, lesson-media.json) are kept; every other file is replaced by the export.
"""
import argparse
import os
import shutil
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path[:0] = [p for p in (HERE, REPO) if p not in sys.path]

from coursetools.normalise import normalise  # noqa: E402
from coursetools.tarball import UnsafeArchive, read_archive  # noqa: E402
from coursetools.validate import NOT_IN_PACKAGE  # noqa: E402

TARGET = os.path.join(REPO, "course_export")


def import_archive(archive, target=TARGET):
    """Replace the course files in ``target`` with the normalised contents of ``archive``.

    All or nothing: the archive is checked whole first (:func:`~coursetools.tarball.read_archive`
    raises :class:`~coursetools.tarball.UnsafeArchive` naming the problem), the new course is built
    in a temporary folder next to ``target`` (with the source-only files copied over), and only
    then swapped in. Any failure leaves ``target`` exactly as it was.
    """
    files = read_archive(archive)
    normalised = {relative: normalise(relative, data) for relative, data in files.items()
                  if not relative.startswith(NOT_IN_PACKAGE)}
    target = os.path.abspath(target)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".import-", dir=parent)
    try:
        for relative, data in sorted(normalised.items()):
            path = os.path.join(staging, *relative.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
        if os.path.isdir(target):
            for entry in sorted(os.listdir(target)):
                if entry + "/" in NOT_IN_PACKAGE or entry in NOT_IN_PACKAGE:
                    source, copy = os.path.join(target, entry), os.path.join(staging, entry)
                    shutil.copytree(source, copy) if os.path.isdir(source) else shutil.copy2(source, copy)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(normalised)


def _swap(staging, target):
    """Put ``staging`` where ``target`` is (two renames on one file system), then drop the old one."""
    old = None
    if os.path.exists(target):
        old = tempfile.mkdtemp(prefix=".replaced-", dir=os.path.dirname(target))
        os.rmdir(old)
        os.rename(target, old)
    try:
        os.rename(staging, target)
    except BaseException:
        if old:
            os.rename(old, target)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive")
    parser.add_argument("--target", default=TARGET)
    args = parser.parse_args(argv)
    try:
        written = import_archive(args.archive, args.target)
    except (UnsafeArchive, tarfile.TarError, OSError) as exc:
        sys.exit("Not imported ({}); {} is unchanged.".format(exc, os.path.relpath(args.target, REPO)))
    print("{} files written to {}".format(len(written), os.path.relpath(args.target, REPO)))


if __name__ == "__main__":
    main()
