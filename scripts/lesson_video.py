#!/usr/bin/env python3
"""Render lesson manuscripts into narrated draft videos (WebM + WebVTT + JSON sidecar).

Usage::

    python scripts/lesson_video.py course_export/manuscripts/04-kulturforstaelse.md --out course_export/static/video
    python scripts/lesson_video.py --all --out course_export/static/video
    python scripts/lesson_video.py --all --check      # parse and validate only, no ffmpeg

The manuscript format is described in ``course_export/manuscripts/FORMAT.md``. Outputs are
deterministic (same manuscript → byte-identical files) and are skipped when the sidecar's
``source_sha256`` matches the manuscript, so repeated course builds are fast.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:  # make "lessonvideo" importable
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from lessonvideo import PIPELINE_VERSION  # noqa: E402
from lessonvideo.cues import split_cues  # noqa: E402,F401  (re-exported for callers/tests)
from lessonvideo.manuscript import (  # noqa: E402,F401
    Lesson, ManuscriptError, Reflection, Slide, parse_manuscript, validate_lesson)

REPO_ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPT_DIR = REPO_ROOT / "course_export" / "manuscripts"
DEFAULT_OUT = REPO_ROOT / "course_export" / "static" / "video"
MANUSCRIPT_NAME = re.compile(r"\d\d-.+\.md")


def find_manuscripts(directory: Path = MANUSCRIPT_DIR) -> list[Path]:
    """All ``NN-*.md`` manuscripts in ``directory``, sorted (FORMAT.md is never matched)."""
    return sorted(p for p in directory.glob("*.md") if MANUSCRIPT_NAME.fullmatch(p.name))


def check_manuscript(path: Path) -> tuple[Lesson, list[str], list[str]]:
    """Parse and validate one file; raise ManuscriptError, else return (lesson, errors, warnings)."""
    lesson = parse_manuscript(path.read_text(encoding="utf-8"), str(path))
    errors, warnings = validate_lesson(lesson)
    return lesson, errors, warnings


def _summary(path: Path, lesson: Lesson) -> str:
    return (f"{path.name}: {lesson.id} – {len(lesson.slides)} slides, {lesson.word_count} words, "
            f"~{lesson.estimated_minutes:.1f} min, {len(lesson.reflections)} reflections")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manuscripts", nargs="*", type=Path, help="manuscript files (NN-*.md)")
    parser.add_argument("--all", action="store_true", help=f"every NN-*.md in {MANUSCRIPT_DIR}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="only parse and validate; no rendering")
    parser.add_argument("--force", action="store_true", help="re-render even if outputs are up to date")
    args = parser.parse_args(argv)
    paths = list(args.manuscripts) + (find_manuscripts() if args.all else [])
    if not paths:
        parser.error("give manuscript files or --all")

    failed = 0
    for path in paths:
        try:
            lesson, errors, warnings = check_manuscript(path)
        except (ManuscriptError, OSError, UnicodeDecodeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        if args.check:
            print(_summary(path, lesson))
            for message in warnings:
                print(f"  warning: {message}")
            for message in errors:
                print(f"  error: {message}", file=sys.stderr)
            failed += bool(errors)
            continue
        # Imported here so --check works without Pillow, espeak-ng or ffmpeg.
        from lessonvideo.render import render_lesson  # noqa: PLC0415

        started = time.monotonic()
        try:
            status, outputs = render_lesson(path, args.out, force=args.force)
        except (RuntimeError, OSError, ValueError) as exc:  # missing tools/fonts, ffmpeg errors
            print(f"error: {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        size = outputs["webm"].stat().st_size / 1e6
        print(f"{path.name}: {status} {outputs['webm']} ({size:.2f} MB, {time.monotonic() - started:.1f} s)")
    if failed:
        print(f"{failed} of {len(paths)} manuscript(s) failed ({PIPELINE_VERSION})", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
