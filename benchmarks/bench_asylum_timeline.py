"""asylum_timeline: JS+CSS size (goal ≤ 25 KB gzipped), server render time of the default content
(anchor: DnDv2, measured once per run by the harness) and of 200 steps, and in Chromium at 1280×800
and 375×800 (default content and 200 steps): time from script start to interactive, the size of the
block and of the page, and where an opened step's details are relative to the viewport.

"Interactive" = our scripts parsed and run, the block initialised (handlers bound, layout chosen,
progress shown) and the page laid out (a forced reflow). The fragment is rendered by a real
WorkbenchRuntime and loaded into Debian's Chromium with a minimal runtime shim, so only the block's
own work is timed (no workbench page, no network).
"""
import gzip
import json
import statistics
import time

from xblocks.asylum_timeline.scenarios import synthetic

DEFAULT = "<asylum_timeline/>"
DND = ("DnDv2", "<drag-and-drop-v2/>")
GOAL_GZ = 25 * 1024

PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>{css}</style></head>
<body style="margin:0;padding:16px">{body}
<script>window.__start = performance.now();</script>
<script>{js}</script>
<script>
  var el = document.querySelector(".xblock-v1");
  var runtime = {{handlerUrl: function (element, name) {{ return "/handler/" + name; }}}};
  var args = JSON.parse(el.querySelector(".xblock_json_init_args").textContent);
  new AsylumTimelineBlock(runtime, el, args);
  document.body.offsetHeight;  // force style and layout
  window.__interactive = performance.now() - window.__start;
</script></body></html>"""


def _installed(olx):
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel
    from xblock.plugin import PluginMissingError  # pylint: disable=import-outside-toplevel
    try:
        XBlock.load_class(olx.strip("</> ").split()[0])
        return True
    except PluginMissingError:
        return False


def _assets(frag):
    css, js = [], []
    for resource in frag.resources:
        if resource.kind == "text" and resource.mimetype == "text/css":
            css.append(resource.data)
        elif resource.kind == "text" and resource.mimetype == "application/javascript":
            js.append(resource.data)
    return "\n".join(css), "\n".join(js)


def studio_bytes(ctx, olx):
    """(raw, gzipped) bytes of the Studio editor's JS and CSS."""
    block = ctx.load(olx)
    css, js = _assets(block.runtime.render(block, "studio_view"))
    raw = (css + js).encode("utf-8")
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


def page_html(ctx, olx):
    block = ctx.load(olx)
    frag = block.runtime.render(block, "student_view")
    css, js = _assets(frag)
    return PAGE.format(css=css, js=js, body=frag.body_html())


#: Geometry after the block is interactive, then a step in the middle is scrolled to and opened by a click.
GEOMETRY = """() => {
  const root = document.querySelector('.at-block'), box = root.getBoundingClientRect();
  const doc = document.documentElement, steps = root.querySelectorAll('.at-step');
  const step = steps[Math.floor(steps.length / 2)], button = step.querySelector('.at-step-btn');
  button.scrollIntoView({block: 'center'});
  button.click();
  const details = document.getElementById(button.getAttribute('aria-controls')).getBoundingClientRect();
  return {block_w: box.width, block_h: box.height, page_w: doc.scrollWidth, page_h: doc.scrollHeight,
          sideways: doc.scrollWidth > doc.clientWidth, details_top: details.top, details_bottom: details.bottom,
          viewport_h: window.innerHeight, layout: root.getAttribute('data-layout')};
}"""


def browser_measures(ctx, olx, runs, size):
    """Median ms from script start to interactive (fresh page each run) and the geometry of the last run."""
    from playwright.sync_api import sync_playwright  # pylint: disable=import-outside-toplevel
    html = page_html(ctx, olx)
    samples = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=ctx.chromium, args=ctx.chromium_args)
        try:
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            for _ in range(2 + runs):  # two warm-up loads
                page.set_content(html)
                samples.append(page.evaluate("() => window.__interactive"))
            geometry = page.evaluate(GEOMETRY)
            if errors:
                raise RuntimeError("page errors: {}".format(errors[:3]))
        finally:
            browser.close()
    return statistics.median(samples[2:]), geometry


def browser_rows(ctx, label, olx, size, runs):
    ms, g = browser_measures(ctx, olx, runs, size)
    where = "{}, {}×{} ({})".format(label, size[0], size[1], g["layout"])
    inside = 1 if 0 <= g["details_top"] < g["viewport_h"] else 0

    def row(name, value, unit, anchor=None, anchor_value=None):
        return {"benchmark": "Chromium: {}, {}".format(name, where), "subject": "asylum_timeline", "value": value,
                "unit": unit, "anchor": anchor, "anchor_value": anchor_value}
    return [
        row("script start to interactive", ms, "ms"),
        row("block size (width × height)", "{:.0f} × {:.0f}".format(g["block_w"], g["block_h"]), "px"),
        row("page width (sideways scrolling if over the viewport)", g["page_w"], "px", "viewport width", size[0]),
        row("page height", g["page_h"], "px"),
        row("opened details: top edge below the viewport's top", g["details_top"], "px", "viewport height",
            g["viewport_h"]),
        row("opened details start inside the viewport (1 = yes)", inside, "", None, None),
    ]


def cold_render_ms(ctx, olx, n):
    """Median render time when the step list and quiz markup must be built (first view of a version)."""
    from xblocks.asylum_timeline import rendering  # pylint: disable=import-outside-toplevel
    block = ctx.load(olx)
    block.runtime.render(block, "student_view")
    samples = []
    for _ in range(ctx.repeat(n)):
        rendering.clear_caches()
        start = time.perf_counter()
        block.runtime.render(block, "student_view")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def run(ctx):
    big = synthetic(200)
    rows = []
    raw, gz = ctx.asset_bytes(DEFAULT)
    rows.append({"benchmark": "asylum_timeline learner JS+CSS, gzipped (goal ≤ 25 KB)", "subject": "asylum_timeline",
                 "value": gz, "unit": "B", "anchor": "goal", "anchor_value": GOAL_GZ})
    rows.append({"benchmark": "asylum_timeline learner JS+CSS, raw", "subject": "asylum_timeline", "value": raw,
                 "unit": "B", "anchor": None, "anchor_value": None})
    s_raw, s_gz = studio_bytes(ctx, DEFAULT)
    rows.append({"benchmark": "asylum_timeline Studio editor JS+CSS, gzipped", "subject": "asylum_timeline",
                 "value": s_gz, "unit": "B", "anchor": "goal", "anchor_value": GOAL_GZ})
    ours = ctx.render_median(DEFAULT, 200) * 1000
    anchor = ctx.anchor_render_ms(*DND) if _installed(DND[1]) else None  # the same figure as bench_core's
    rows.append({"benchmark": "student_view render, default content (median)", "subject": "asylum_timeline",
                 "value": ours, "unit": "ms", "anchor": DND[0] if anchor is not None else None,
                 "anchor_value": anchor})
    rows.append({"benchmark": "student_view render, default content, nothing cached (median)",
                 "subject": "asylum_timeline", "value": cold_render_ms(ctx, DEFAULT, 50), "unit": "ms",
                 "anchor": DND[0] if anchor is not None else None, "anchor_value": anchor})
    rows.append({"benchmark": "student_view render, 200 steps (median)", "subject": "asylum_timeline",
                 "value": ctx.render_median(big, 50) * 1000, "unit": "ms", "anchor": None, "anchor_value": None})
    rows.append({"benchmark": "student_view render, 200 steps, nothing cached (median)", "subject": "asylum_timeline",
                 "value": cold_render_ms(ctx, big, 20), "unit": "ms", "anchor": None, "anchor_value": None})
    runs = ctx.repeat(30)
    for label, olx in (("default content", DEFAULT), ("200 steps", big)):
        for size in ((1280, 800), (375, 800)):
            rows.extend(browser_rows(ctx, label, olx, size, runs))
    return rows


if __name__ == "__main__":  # quick look: python benchmarks/bench_asylum_timeline.py
    import os
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from harness import Context  # pylint: disable=import-error
    for row in run(Context(quick=True)):
        print(json.dumps(row, ensure_ascii=False))
