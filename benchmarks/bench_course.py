"""Course rows: build + validate time (goal ≤ 5 s), tarball size, total lesson video minutes."""
import json
import os
import statistics
import sys
import tempfile
import time


def run(ctx):
    scripts = os.path.join(ctx.repo, "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from build_course import SOURCE, build  # pylint: disable=import-outside-toplevel

    target = os.path.join(tempfile.mkdtemp(prefix="bemotande-bench-course-"), "course.tar.gz")
    samples = []
    for _ in range(ctx.repeat(5) if not ctx.quick else 1):
        started = time.perf_counter()
        problems = build(SOURCE, target)
        samples.append(time.perf_counter() - started)
        if problems:
            raise RuntimeError("the course does not validate: {}".format(problems[:5]))
    video_dir = os.path.join(SOURCE, "static", "video")
    seconds, video_bytes = 0.0, 0
    for name in sorted(os.listdir(video_dir)) if os.path.isdir(video_dir) else []:
        path = os.path.join(video_dir, name)
        if name.endswith(".json"):
            with open(path, encoding="utf-8") as handle:
                seconds += float(json.load(handle).get("duration", 0))
        elif name.endswith((".webm", ".mp4")):
            video_bytes += os.path.getsize(path)
    return [
        {"benchmark": "course build + validate (median)", "subject": "make course", "value": statistics.median(samples),
         "unit": "s", "anchor": "goal", "anchor_value": 5.0},
        {"benchmark": "course tarball size", "subject": "dist/bemotande-course.tar.gz",
         "value": os.path.getsize(target) / 1e6, "unit": "MB", "anchor": None, "anchor_value": None},
        {"benchmark": "lesson video, total", "subject": "draft lessons", "value": seconds / 60, "unit": "min",
         "anchor": None, "anchor_value": None},
        {"benchmark": "lesson video bytes per minute", "subject": "draft lessons",
         "value": (video_bytes / 1e6) / (seconds / 60) if seconds else 0, "unit": "MB/min",
         "anchor": None, "anchor_value": None},
    ]
