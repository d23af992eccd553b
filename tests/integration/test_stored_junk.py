"""Issue 9 §1: whatever is stored (older versions, other paths), every view, the editor, the state
handler and the report still answer; a bad stored value is shown safely or skipped, never a crash.

The values are written straight into the runtime's field data, bypassing every handler.
"""
import pytest

from .hostile import LESSON, TIMELINE, render_everything

BAD_TEXT = ["\ud800", "a\udc00b", "x\ud83d", "</script><script>alert(1)</script>", "\x00", ""]
VIDEO_JUNK = {
    "drafts": [{"req": t} for t in BAD_TEXT] + [{"req": 5}, {t: "x" for t in BAD_TEXT}, [1, 2], "junk", None],
    "answers": [{"req": {"text": t, "submitted_at": t}} for t in BAD_TEXT]
    + [{"req": "text"}, {"req": {"text": 5}}, {t: {"text": t} for t in BAD_TEXT}, ["req"], 7, None],
    "watched": [[[0, "\ud800"]], [["a", "b"]], "junk", [[5, 1]], {"a": 1}, None, [[0, 1e308]]],
    "position": ["\ud800", None, -1, 1e308, [1]],
    "reported_duration": ["\ud800", -5, [1], {"x": 1}],
    "completed": ["\ud800", [], None],
    "display_name": BAD_TEXT + [None, 5],
    "reflections": [[{"id": "req\ud800", "time": 5, "prompt": "F\udc00"}], [{"id": 5}], "junk", [None],
                    [{"id": "req", "time": "\ud800", "prompt": ["x"], "guidance": {"a": 1}}]],
    "sources": [[{"src": "/x\ud800.webm"}], ["junk"], "junk", [None]],
    "tracks": [[{"srclang": "s\ud800v", "src": "/x.vtt", "label": "\udc00"}], "junk", [5]],
}
TIMELINE_JUNK = {
    "viewed": [["\ud800", 5, None, ["x"]], "junk", {"a": 1}, None],
    "quiz_results": [{"q1": "junk"}, {"q1": {"best": "\ud800", "attempts": "x", "last_answer": ["\udc00"]}},
                     {"\ud800": {"best": 1}}, ["x"], None, {"q1": {"best": 1e308, "attempts": -1}}],
    "completed": ["\ud800", [], None],
    "raw_earned": ["\ud800", None, [1]],
    "display_name": BAD_TEXT + [None, 5],
    "timeline_data": [
        {"actors": [{"id": "a", "name": "A\ud800"}], "phases": [{"id": "p", "title": "Fas \udc00",
                                                                "steps": [{"id": "s\ud83d", "title": "x",
                                                                           "actors": ["a"]}]}]},
        {"phases": "junk"}, {"phases": [None, 5, {"steps": "x"}]}, {"actors": [{"id": 5}], "phases": []},
        {"quizzes": [{"kind": "order", "steps": ["\ud800"]}], "phases": [{"id": "p", "steps": []}]},
    ],
}


def _cases(junk):
    return [(name, index) for name, values in sorted(junk.items()) for index in range(len(values))]


def _write_raw(block, name, value):
    block._field_data.set(block, name, value)  # pylint: disable=protected-access


@pytest.mark.parametrize("name, index", _cases(VIDEO_JUNK), ids=str)
def test_video_lesson_survives_stored_junk(harness, name, index):
    block = harness.load(LESSON)
    _write_raw(block, name, VIDEO_JUNK[name][index])
    fresh = harness.as_user(block, block.scope_ids.user_id)
    for html in render_everything(fresh)[:3]:
        assert "<script>alert(1)" not in html


@pytest.mark.parametrize("name, index", _cases(TIMELINE_JUNK), ids=str)
def test_asylum_timeline_survives_stored_junk(harness, name, index):
    block = harness.load(TIMELINE)
    _write_raw(block, name, TIMELINE_JUNK[name][index])
    fresh = harness.as_user(block, block.scope_ids.user_id)
    for html in render_everything(fresh)[:3]:
        assert "<script>alert(1)" not in html
