"""Run every benchmarks/bench_*.py in one process and print a Markdown table of ratios.

``make bench`` calls this in the benchmark venv, where the anchors (xblock-drag-and-drop-v2,
xblock-poll) are installed, so ours and theirs are measured in the same run on the same machine.
"""
import argparse
import datetime
import importlib
import os
import platform
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [p for p in (HERE, os.path.dirname(HERE)) if p not in sys.path]

from harness import Context  # noqa: E402

COLUMNS = ["benchmark", "subject", "value", "unit", "anchor", "anchor value", "ratio"]


def _fmt(value):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return "{:,.0f}".format(value)
    if abs(value) >= 1:
        return "{:.2f}".format(value)
    return "{:.3g}".format(value)


def table(rows):
    """Markdown table of rows; ratio = value / anchor value."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        ratio = None
        if row.get("anchor_value") not in (None, 0) and isinstance(row.get("value"), (int, float)):
            ratio = "{:.3g}×".format(row["value"] / row["anchor_value"])
        lines.append("| " + " | ".join([
            row["benchmark"], row["subject"], _fmt(row.get("value")), row.get("unit", ""),
            row.get("anchor") or "–", _fmt(row.get("anchor_value")), ratio or "–"]) + " |")
    return "\n".join(lines)


def versions():
    import django  # pylint: disable=import-outside-toplevel
    from importlib.metadata import version  # pylint: disable=import-outside-toplevel
    found = ["Python {}".format(platform.python_version()), "Django {}".format(django.get_version())]
    for dist in ("XBlock", "xblock-drag-and-drop-v2", "xblock-poll"):
        try:
            found.append("{} {}".format(dist, version(dist)))
        except Exception:  # pylint: disable=broad-exception-caught
            found.append("{} (not installed)".format(dist))
    return ", ".join(found)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="also write the report to this Markdown file")
    parser.add_argument("--only", help="run only bench_<name>.py")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = parser.parse_args(argv)
    names = sorted(n[:-3] for n in os.listdir(HERE) if n.startswith("bench_") and n.endswith(".py"))
    if args.only:
        names = [n for n in names if n == "bench_" + args.only]
    ctx = Context(quick=args.quick)
    rows, failures, timings = [], [], []
    try:
        for name in names:
            started = time.perf_counter()
            try:
                rows.extend(importlib.import_module(name).run(ctx))
            except Exception:  # pylint: disable=broad-exception-caught
                failures.append("{}:\n{}".format(name, traceback.format_exc()))
            timings.append("{} {:.1f} s".format(name, time.perf_counter() - started))
    finally:
        ctx.close()
    report = "\n".join([
        "# Benchmark results", "",
        "Run {} on {} ({} cores); {}.".format(
            datetime.date.today().isoformat(), platform.machine(), os.cpu_count(), versions()),
        "Ratios are ours ÷ anchor, measured in the same run (lower is better for times, bytes and writes;"
        " higher is better for rows/s).", "",
        table(rows), "",
        "Time per benchmark module: " + "; ".join(timings) + ".",
    ])
    if failures:
        report += "\n\n## Failures\n\n```\n" + "\n".join(failures) + "\n```"
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
