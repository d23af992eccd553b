"""Foundation rows: render time, JS+CSS bytes and field writes of each block vs DnDv2 and Poll."""
import os

COURSE = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "course_export")
#: The course's module 11 self-assessment: nine statements, compared with module 1's.
SELF_ASSESSMENT = "course:self_assessment/m11-sjalvskattning-kursslut.xml"
DND = ("DnDv2", "<drag-and-drop-v2/>")
POLL = ("Poll", "<poll/>")
OURS = [
    ("video_lesson", None),      # OLX from the block's first workbench scenario
    ("asylum_timeline", "<asylum_timeline/>"),  # default content: the Swedish asylum process
    ("self_assessment", SELF_ASSESSMENT),
]


def _our_olx(block_type, olx):
    if olx and olx.startswith("course:"):
        with open(os.path.join(COURSE, olx[len("course:"):]), encoding="utf-8") as handle:
            return handle.read()
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
            "render": ctx.anchor_render_ms(name, olx) if (name, olx) in anchors else ctx.render_median(olx, 300) * 1000,
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
    return rows + handler_rows(ctx)


def _call(block, handler, body):
    import json  # pylint: disable=import-outside-toplevel

    from webob import Request  # pylint: disable=import-outside-toplevel
    request = Request.blank("/", method="POST", body=json.dumps(body).encode("utf-8"),
                            content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    assert response.status_code == 200, (handler, response.body[:200])


def _writes_first_call(ctx, olx, handler, body_for, n=20):
    """Field values written by each of ``n`` fresh learners' first call of ``handler``."""
    from harness import WriteCounter  # pylint: disable=import-outside-toplevel
    blocks = [ctx.load(olx) for _ in range(n)]
    for block in blocks:
        block.runtime.render(block, "student_view")
    with WriteCounter() as counter:
        for block in blocks:
            _call(block, handler, body_for(block))
    return counter.count / n


def handler_rows(ctx):
    """Field writes per handler call: a learner's first progress/vote call, ours vs Poll's vote."""
    lesson = _our_olx("video_lesson", None)
    rows = []
    poll = _writes_first_call(ctx, POLL[1], "vote", lambda b: {"choice": list(dict(b.answers))[0]}) \
        if _installed(POLL[1]) else None
    ours = [
        ("video_lesson", "save_progress", lesson,
         lambda b: {"position": 5.0, "watched": [[0, 5.0]], "duration": 40.0}),
        ("video_lesson", "save_draft", lesson,
         lambda b: {"reflection_id": b.reflections[0]["id"], "text": "Ett utkast"}),
        ("asylum_timeline", "view_step", "<asylum_timeline/>", lambda b: {"step_id": "registrering"}),
        ("self_assessment", "submit_assessment", _our_olx("self_assessment", SELF_ASSESSMENT),
         lambda b: {"answers": {s.key: 2 for s in b.assessment().effective_statements()}}),
    ]
    for block_type, handler, olx, body in ours:
        value = _writes_first_call(ctx, olx, handler, body)
        rows.append({"benchmark": "field writes per handler call ({})".format(handler), "subject": block_type,
                     "value": value, "unit": "writes", "anchor": "Poll vote" if poll is not None else None,
                     "anchor_value": poll})
    return rows
