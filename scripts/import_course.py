"""Write a course exported from Studio (.tar.gz) back into course_export/ in normalised form.

Authors can edit in Studio, export, and keep the course in git:
``python scripts/import_course.py ~/Downloads/course.xxxx.tar.gz``. Files that are source only
(manuscripts, REVIEW.md, lesson-media.json) are kept; every other file is replaced by the export.
"""
import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path[:0] = [p for p in (HERE, REPO) if p not in sys.path]

from coursetools.normalise import normalise  # noqa: E402
from coursetools.tarball import read_archive  # noqa: E402
from coursetools.validate import NOT_IN_PACKAGE  # noqa: E402

TARGET = os.path.join(REPO, "course_export")


def import_archive(archive, target=TARGET):
    """Replace the course files in ``target`` with the normalised contents of ``archive``."""
    files = read_archive(archive)
    normalised = {relative: normalise(relative, data) for relative, data in files.items()
                  if not relative.startswith(NOT_IN_PACKAGE)}
    if os.path.isdir(target):
        for entry in sorted(os.listdir(target)):
            if entry + "/" in NOT_IN_PACKAGE or entry in NOT_IN_PACKAGE:
                continue
            path = os.path.join(target, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    for relative, data in sorted(normalised.items()):
        path = os.path.join(target, *relative.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    return sorted(normalised)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive")
    parser.add_argument("--target", default=TARGET)
    args = parser.parse_args(argv)
    written = import_archive(args.archive, args.target)
    print("{} files written to {}".format(len(written), os.path.relpath(args.target, REPO)))


if __name__ == "__main__":
    main()
