"""Overlapping requests of one learner (issue 9 §2): share of pairs that lose an acknowledged write.

Two tabs of one learner call the same block at the same instant (tests/browser/overlap.py), on a
demo site whose learner state is kept as the LMS keeps it (BEMOTANDE_STORE=lms: one document per
learner and block, read at request start, written whole at the end, 40 ms of request work in
between). Ours: through the blocks' request queue (goal 0 %). Anchor: the same pairs sent straight
to the handlers, as the page did before the queue.
"""

PAIRS = {"video_lesson": 200, "asylum_timeline": 68}
LABELS = {"video_lesson": "two drafts / two answers / answer + draft / progress + answer",
          "asylum_timeline": "two steps viewed"}


def run(ctx):
    from devsite import server  # pylint: disable=import-outside-toplevel
    from playwright.sync_api import sync_playwright  # pylint: disable=import-outside-toplevel

    from tests.browser.overlap import run_pairs  # pylint: disable=import-outside-toplevel
    process, base = server.start(env={"BEMOTANDE_STORE": "lms", "BEMOTANDE_STORE_DELAY": "0.04"})
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=ctx.chromium, args=ctx.chromium_args)
            for block, pairs in PAIRS.items():
                n = max(17, pairs // 10) if ctx.quick else pairs
                rates = {}
                for mode in ("queue", "direct"):
                    context = browser.new_context()
                    result = run_pairs(context, base, block, n, mode)
                    context.close()
                    rates[mode] = 100.0 * (result["lost"] + result["failed"]) / result["pairs"]
                rows.append({
                    "benchmark": "overlapping-pair loss rate, 2 tabs, LMS-like store, {} pairs ({})".format(
                        n, LABELS[block]),
                    "subject": block, "value": rates["queue"], "unit": "% of pairs",
                    "anchor": "same pairs without the request queue", "anchor_value": rates["direct"]})
            browser.close()
    finally:
        process.terminate()
        process.wait(10)
    return rows
