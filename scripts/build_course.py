"""Validate course_export/ and build dist/bemotande-course.tar.gz (``make course``).

The archive has one root folder ``course/`` holding ``course.xml``, as a Studio export has, and
is byte-identical for the same source. Validation problems are printed as ``file: message`` and
stop the build.
"""
import argparse
import hashlib
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path[:0] = [p for p in (HERE, REPO) if p not in sys.path]

from coursetools.tarball import build_tarball  # noqa: E402
from coursetools.validate import NOT_IN_PACKAGE, validate_course  # noqa: E402

SOURCE = os.path.join(REPO, "course_export")
TARGET = os.path.join(REPO, "dist", "bemotande-course.tar.gz")


def package_files(root):
    """(archive path, source path) of every file that belongs in the course package, sorted."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            source = os.path.join(folder, name)
            relative = os.path.relpath(source, root).replace(os.sep, "/")
            if os.path.islink(source):
                raise SystemExit("build_course: {} is a symbolic link; links are not packaged".format(relative))
            if not relative.startswith(NOT_IN_PACKAGE):
                files.append((relative, source))
    return sorted(files)


def build(source=SOURCE, target=TARGET, use_olxcleaner=True):
    """Validate ``source`` and write ``target``; returns the list of problems (empty on success)."""
    problems = validate_course(source, use_olxcleaner=use_olxcleaner)
    if not problems:
        build_tarball(package_files(source), target)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", default=SOURCE)
    parser.add_argument("--out", default=TARGET)
    parser.add_argument("--no-olxcleaner", action="store_true", help="skip the olxcleaner pass")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    problems = build(args.source, args.out, use_olxcleaner=not args.no_olxcleaner)
    if problems:
        print("The course is not valid ({} problems):".format(len(problems)), file=sys.stderr)
        for line in problems:
            print("  " + line, file=sys.stderr)
        return 1
    with open(args.out, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:16]
    print("{}  {:.1f} MB  sha256 {}…  built and validated in {:.2f} s".format(
        os.path.relpath(args.out, REPO), os.path.getsize(args.out) / 1e6, digest, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
