"""Forging completion (issue 9 §3): how fast can a scripted client complete a video lesson?

The client talks to the block's real ``save_progress`` handler in a WorkbenchRuntime, with the
server's real wall clock. Its strategy is the fastest there is: one save to start the clock, then
every 50 ms a save claiming the whole video as watched, until the reply says ``completed``. The
anchor is half the video's length: the time an honest learner needs at the fastest speed the
player offers (2×) to watch all of it.
"""
import json
import time

OLX = """<video_lesson display_name="Bench" duration="{length}" completion_percent="{percent}">
  <source src="/media/test/clip.webm"/><track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
</video_lesson>"""


def _save(block, body):
    from webob import Request  # pylint: disable=import-outside-toplevel
    request = Request.blank("/", method="POST", body=json.dumps(body).encode("utf-8"),
                            content_type="application/json")
    response = block.runtime.handle(block, "save_progress", request)
    assert response.status_code == 200, response.body[:200]
    return json.loads(response.body)


def _fastest_completion(ctx, length, percent, give_up):
    block = ctx.load(OLX.format(length=length, percent=percent))
    claim = {"position": length, "watched": [[0, length]], "duration": length}
    started = time.monotonic()
    _save(block, {"position": 0, "watched": []})
    while time.monotonic() - started < give_up:
        if _save(block, claim)["completed"]:
            return time.monotonic() - started
        time.sleep(0.05)
    return float("inf")


def _forged_share(ctx, length):
    """The watched share credited for the issue's forgery: everything claimed 0.2 s after opening."""
    block = ctx.load(OLX.format(length=length, percent=90))
    _save(block, {"position": 0, "watched": []})
    time.sleep(0.2)
    return _save(block, {"position": length, "watched": [[0, length]], "duration": length})["watched_fraction"]


def run(ctx):
    length = 10.0 if ctx.quick else 40.0  # the test clip is 40 s long
    rows = [{"benchmark": "watched share credited for 100 % claimed 0.2 s after opening ({:g} s lesson)".format(
        length), "subject": "video_lesson", "value": _forged_share(ctx, length) * 100, "unit": "%",
        "anchor": None, "anchor_value": None}]
    for percent in (100, 90):
        seconds = _fastest_completion(ctx, length, percent, give_up=length * 2)
        rows.append({
            "benchmark": "fastest scripted completion, wall time ({:g} s lesson, completion at {} %)".format(
                length, percent),
            "subject": "video_lesson", "value": seconds, "unit": "s",
            "anchor": "half the video's length", "anchor_value": length / 2})
    return rows
