"""Foundation rows: render time, JS+CSS bytes and field writes of each block vs DnDv2 and Poll."""
DND = ("DnDv2", "<drag-and-drop-v2/>")
POLL = ("Poll", "<poll/>")
OURS = [
    ("video_lesson", None),      # OLX from the block's first workbench scenario
    ("asylum_timeline", "<asylum_timeline/>"),  # default content: the Swedish asylum process
]


def _our_olx(block_type, olx):
    if olx:
        return olx
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel
    return XBlock.load_class(block_type).workbench_scenarios()[0][1]


def _installed(olx):
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel
    from xblock.plugin import PluginMissingError  # pylint: disable=import-outside-toplevel
    tag = olx.strip("</> ").split()[0]
    try:
        XBlock.load_class(tag)
        return True
    except PluginMissingError:
        return False


def run(ctx):
    anchors = [a for a in (DND, POLL) if _installed(a[1])]
    measured = {}
    for name, olx in anchors + [(n, _our_olx(n, o)) for n, o in OURS]:
        raw, gz = ctx.asset_bytes(olx)
        measured[name] = {
            "render": ctx.render_median(olx, 300) * 1000,
            "raw": raw, "gz": gz,
            "writes": ctx.writes_per_render(olx),
        }
    rows = []
    for name, _olx in OURS:
        ours = measured[name]
        for anchor, _ in anchors:
            theirs = measured[anchor]
            rows += [
                {"benchmark": "student_view render (median)", "subject": name, "value": ours["render"],
                 "unit": "ms", "anchor": anchor, "anchor_value": theirs["render"]},
                {"benchmark": "JS+CSS bytes, gzipped", "subject": name, "value": ours["gz"], "unit": "B",
                 "anchor": anchor, "anchor_value": theirs["gz"]},
                {"benchmark": "JS+CSS bytes, raw", "subject": name, "value": ours["raw"], "unit": "B",
                 "anchor": anchor, "anchor_value": theirs["raw"]},
                {"benchmark": "field writes per render", "subject": name, "value": ours["writes"],
                 "unit": "writes", "anchor": anchor, "anchor_value": theirs["writes"]},
            ]
        if not anchors:
            rows.append({"benchmark": "student_view render (median)", "subject": name,
                         "value": ours["render"], "unit": "ms", "anchor": None, "anchor_value": None})
    return rows
