"""video_lesson rows: pause precision in Chromium vs 0.5 s polling, render time, and the Problem
Responses report over 100,000 learners (rows/s, peak memory) vs xblock-poll's.

Pause error is where the video really stopped (``currentTime`` right after ``pause()``, before the
block snaps back to the point) minus the point's time. The baseline is what In-Video Quiz does:
a 0.5 s ``setInterval`` that pauses once ``currentTime`` has passed the point. Both play the same
clip at 1× in the same browser, one after the other.
"""
import statistics
import time
import tracemalloc
from types import SimpleNamespace

LEARNERS = 100_000
ANSWER = ("Jag tänker på första mötet med en familj som just kommit. Det som hjälpte mest var tid, en lugn "
          "plats och en tolk som båda litade på. ") * 2

BASELINE_JS = """([times]) => new Promise((done) => {
  const video = document.createElement('video');
  video.muted = true; video.src = '/media/test/clip.webm'; document.body.appendChild(video);
  const errors = []; let next = 0;
  const timer = setInterval(() => {            // In-Video Quiz style: look every 0.5 s
    if (next < times.length && video.currentTime >= times[next]) {
      video.pause();
      errors.push(video.currentTime - times[next]);
      next += 1;
      if (next === times.length) { clearInterval(timer); done(errors); } else { video.play(); }
    }
  }, 500);
  video.addEventListener('loadedmetadata', () => video.play());
})"""


def _pause_errors(ctx, points):
    """(ours, baseline): lists of pause errors in seconds, measured in Chromium."""
    from playwright.sync_api import sync_playwright  # pylint: disable=import-outside-toplevel
    from xblocks.video_lesson.scenarios import PRECISION_TIMES  # pylint: disable=import-outside-toplevel
    base = ctx.workbench_url()
    times = PRECISION_TIMES[:points]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=ctx.chromium, args=ctx.chromium_args)
        page = browser.new_page()
        page.goto("{}/scenario/video_lesson.4/?student=bench-pause-{}".format(base, int(time.time())))
        page.wait_for_function("() => { const r = document.querySelector('.vl-block'); return r && r.vlLesson; }")
        page.wait_for_function("() => document.querySelector('.vl-video').readyState >= 1")
        page.click("[data-vl-play]")
        for count in range(1, points + 1):
            page.wait_for_function("(n) => document.querySelector('.vl-block').vlLesson.pauses.length >= n",
                                   arg=count, timeout=20000)
            page.wait_for_selector("[data-vl-dialog]", state="visible")
            page.keyboard.press("Escape")  # optional point: dismissed, the video plays on
        ours = page.evaluate("() => document.querySelector('.vl-block').vlLesson.pauses.map(p => p.error)")
        page.goto(base + "/media/test/clip.sv.vtt")  # same origin as the clip; any page will do
        baseline = page.evaluate(BASELINE_JS, [times])
        browser.close()
    return ours[:points], baseline


def _learner_states(count):
    answers = {key: {"text": ANSWER, "submitted_at": "2026-03-01T10:00:00+00:00"}
               for key in ("forsta-motet", "egna-erfarenheter", "stod")}
    for index in range(count):
        yield SimpleNamespace(username="learner{}".format(index), state={
            "position": 40.0, "watched": [[0.0, 40.0]], "answers": answers, "drafts": {}, "completed": True})


def _poll_states(count):
    for index in range(count):
        yield SimpleNamespace(username="learner{}".format(index), state={"choice": "R", "submissions_count": 1})


def _measure_report(block, states):
    """(rows per second, peak traced memory in KiB) of consuming ``block.generate_report_data``."""
    started, rows = time.perf_counter(), 0
    for _ in block.generate_report_data(states()):
        rows += 1
    rate = rows / (time.perf_counter() - started)
    tracemalloc.start()
    for _ in block.generate_report_data(states()):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return rate, peak / 1024


def _poll_block(ctx):
    try:
        import poll.poll  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
        return ctx.load("<poll/>")
    except Exception:  # pylint: disable=broad-exception-caught
        return None  # xblock-poll is installed only in the benchmark venv


def run(ctx):
    from xblocks.video_lesson.scenarios import PRECISION, SEVERAL_POINTS  # pylint: disable=import-outside-toplevel
    rows = []
    points = 6 if ctx.quick else 24
    ours, baseline = _pause_errors(ctx, points)
    label = "pause error at reflection points ({} points, 1×, Chromium)".format(points)
    for name, pick in (("median", statistics.median), ("max", max)):
        rows.append({"benchmark": "{} – {}".format(label, name), "subject": "video_lesson",
                     "value": pick(abs(e) for e in ours) * 1000, "unit": "ms",
                     "anchor": "0.5 s polling (In-Video Quiz style)",
                     "anchor_value": pick(abs(e) for e in baseline) * 1000})
    rows.append({"benchmark": "student_view render (median), 24-point lesson", "subject": "video_lesson",
                 "value": ctx.render_median(PRECISION, 200) * 1000, "unit": "ms", "anchor": None,
                 "anchor_value": None})

    count = LEARNERS // 10 if ctx.quick else LEARNERS
    ours_rate, ours_peak = _measure_report(ctx.load(SEVERAL_POINTS), lambda: _learner_states(count))
    poll = _poll_block(ctx)
    poll_rate, poll_peak = _measure_report(poll, lambda: _poll_states(count)) if poll else (None, None)
    anchor = "xblock-poll" if poll else None
    rows += [
        {"benchmark": "generate_report_data, {:,} learners".format(count), "subject": "video_lesson",
         "value": ours_rate, "unit": "rows/s", "anchor": anchor, "anchor_value": poll_rate},
        {"benchmark": "generate_report_data peak memory, {:,} learners".format(count), "subject": "video_lesson",
         "value": ours_peak, "unit": "KiB", "anchor": anchor, "anchor_value": poll_peak},
    ]
    return rows
