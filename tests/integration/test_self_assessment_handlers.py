"""self_assessment in a real runtime: every handler, refused input (400, state unchanged), completion
published once, the before/after comparison through the ``measurements`` preference, self-healing."""
import json

import pytest

from xblocks.self_assessment.scenarios import START

END = START.replace('role="before"', 'role="after"')
ALL = {"asylprocessen": 1, "tolk": 2, "hanvisa": 4}
LATER = {"asylprocessen": 3, "tolk": 2, "hanvisa": 3}
STATE_FIELDS = ("answers", "submitted_at", "completed", "measurements")


def stored(block):
    return {name: getattr(block, name) for name in STATE_FIELDS}


def test_submit_stores_answers_publishes_completion_once_and_the_preference(harness):
    block = harness.load(START)
    status, reply = harness.call(block, "submit_assessment", {"answers": ALL})
    assert status == 200
    assert reply["answers"] == ALL and reply["completed"] is True and reply["submitted_at"]
    assert "comparison" not in reply  # before only shows the answers
    assert reply["guidance"]["asylprocessen"] == "<p>Modul 2 går igenom processen steg för steg.</p>"
    fresh = harness.as_user(block, block.scope_ids.user_id)
    assert fresh.answers == ALL and fresh.completed is True
    assert fresh.measurements == {"|kursen|before": {"answers": ALL, "at": reply["submitted_at"]}}
    status, again = harness.call(fresh, "submit_assessment", {"answers": LATER})  # changed and resubmitted
    assert status == 200 and again["answers"] == LATER
    assert harness.events_of(block, "completion") == [{"completion": 1.0}]


def test_state_handler_has_the_submit_shape(harness):
    block = harness.load(START)
    status, empty = harness.call(block, "student_view_user_state", method="GET")
    assert status == 200 and empty["answers"] == {} and empty["completed"] is False
    _, reply = harness.call(block, "submit_assessment", {"answers": ALL})
    _, state = harness.call(harness.as_user(block, block.scope_ids.user_id), "student_view_user_state",
                            method="GET")
    assert state == reply


BAD = [
    {"answers": "1"}, {"answers": [1, 2, 3]}, {}, {"answers": {"asylprocessen": 1, "tolk": 2}},
    {"answers": dict(ALL, okand=1)}, {"answers": dict(ALL, tolk=5)}, {"answers": dict(ALL, tolk=0)},
    {"answers": dict(ALL, tolk=True)}, {"answers": dict(ALL, tolk="2")}, {"answers": dict(ALL, tolk=2.5)},
    {"answers": dict(ALL, tolk=None)}, {"answers": dict(ALL, tolk=-1)},
]


@pytest.mark.parametrize("body", BAD, ids=json.dumps)
def test_bad_submit_is_400_translated_and_changes_nothing(harness, body):
    block = harness.load(START)
    harness.call(block, "submit_assessment", {"answers": LATER})
    block = harness.as_user(block, block.scope_ids.user_id)
    before, events = stored(block), len(harness.events)
    status, reply = harness.call(block, "submit_assessment", body)
    assert status == 400 and reply["error"]
    fresh = harness.as_user(block, block.scope_ids.user_id)
    assert stored(fresh) == before and len(harness.events) == events


def test_not_json_and_wrong_method(harness):
    block = harness.load(START)
    assert harness.call(block, "submit_assessment", raw=b"{no json")[0] == 400
    assert harness.call(block, "submit_assessment", raw=b"[1]")[0] == 400
    assert harness.call(block, "submit_assessment", method="GET")[0] == 405
    assert harness.as_user(block, block.scope_ids.user_id).answers == {}


def test_refusal_is_in_the_learners_language(harness):
    from django.utils import translation  # noqa: PLC0415
    block = harness.load(START)
    with translation.override("sv"):
        sv = harness.call(block, "submit_assessment", {"answers": {"tolk": 1}})[1]["error"]
    with translation.override("en"):
        en = harness.call(block, "submit_assessment", {"answers": {"tolk": 1}})[1]["error"]
    assert sv != en and "Svara" in sv and "Answer" in en


def test_after_block_compares_with_before_of_the_same_series(harness):
    user = harness.new_user()
    before = harness.load(START, user)
    after = harness.load(END, user)
    harness.call(before, "submit_assessment", {"answers": ALL})
    after = harness.as_user(after, user)
    status, reply = harness.call(after, "submit_assessment", {"answers": LATER})
    assert status == 200 and reply["earlier_found"] is True
    rows = {row["key"]: row for row in reply["comparison"]}
    assert rows["asylprocessen"]["before"] == 1 and rows["asylprocessen"]["now"] == 3
    assert rows["asylprocessen"]["change"] == 2 and rows["tolk"]["change"] == 0 and rows["hanvisa"]["change"] == -1
    from django.utils import translation  # noqa: PLC0415
    with translation.override("sv"):
        _, state = harness.call(harness.as_user(after, user), "student_view_user_state", method="GET")
    texts = {row["key"]: row["change_text"] for row in state["comparison"]}
    assert texts == {"asylprocessen": "+2 steg", "tolk": "oförändrad", "hanvisa": "\u22121 steg"}
    assert state["summary"] == "Av 3 påståenden: tryggare i 1, oförändrad i 1, mindre trygg i 1"
    viewer = harness.as_user(after, user)
    with translation.override("sv"):
        html = viewer.runtime.render(viewer, "student_view").content
    assert "I början svarade du: 1 – Mycket osäker" in html


def test_another_series_or_learner_does_not_compare(harness):
    user = harness.new_user()
    before = harness.load(START, user)
    harness.call(before, "submit_assessment", {"answers": ALL})
    other_series = harness.load(END.replace('series="kursen"', 'series="modul-3"'), user)
    assert harness.call(other_series, "student_view_user_state", method="GET")[1]["earlier_found"] is False
    other_learner = harness.load(END)
    assert harness.call(other_learner, "student_view_user_state", method="GET")[1]["earlier_found"] is False


def test_delete_removes_answers_and_the_preference_entry_keeps_completion(harness):
    block = harness.load(START)
    harness.call(block, "submit_assessment", {"answers": ALL})
    block = harness.as_user(block, block.scope_ids.user_id)
    block.measurements = dict(block.measurements, **{"other|x|before": {"answers": {"a": 1}, "at": ""}})
    block.save()
    status, reply = harness.call(block, "delete_assessment", {})
    assert status == 200 and reply["deleted"] is True and reply["answers"] == {}
    fresh = harness.as_user(block, block.scope_ids.user_id)
    assert fresh.answers == {} and fresh.submitted_at == "" and fresh.completed is True
    assert fresh.measurements == {"other|x|before": {"answers": {"a": 1}, "at": ""}}  # another course's kept
    assert harness.call(fresh, "delete_assessment", {"x": 1})[0] == 400


def test_before_block_republishes_a_lost_preference_copy(harness):
    """Two blocks writing the one preference at once: the last write wins; the next view repairs it."""
    user = harness.new_user()
    before = harness.load(START, user)
    harness.call(before, "submit_assessment", {"answers": ALL})
    lost = harness.as_user(before, user)
    lost.measurements = {}  # what another block's concurrent write of the preference leaves
    lost.save()
    viewer = harness.as_user(before, user)
    viewer.runtime.render(viewer, "student_view")
    assert harness.as_user(before, user).measurements["|kursen|before"]["answers"] == ALL
    changed = harness.as_user(before, user)
    changed.measurements = {"|kursen|before": {"answers": {"tolk": 1}, "at": "x"}}
    changed.save()
    harness.call(harness.as_user(before, user), "student_view_user_state", method="GET")
    assert harness.as_user(before, user).measurements["|kursen|before"]["answers"] == ALL


def test_student_view_data_and_validation(harness):
    block = harness.load(START)
    data = block.student_view_data()
    assert data["role"] == "before" and data["series"] == "kursen"
    assert [lv["value"] for lv in data["levels"]] == [1, 2, 3, 4]
    assert [s["key"] for s in data["statements"]] == ["asylprocessen", "tolk", "hanvisa"]
    assert "guidance" not in json.dumps(data)
    assert block.validate().empty
    empty = harness.load("<self_assessment/>")
    assert len(empty.student_view_data()["statements"]) >= 3 and empty.validate().empty


def test_learner_view_escapes_and_sanitises(harness):
    from xblocks.self_assessment.scenarios import HOSTILE  # noqa: PLC0415
    block = harness.load(HOSTILE)
    html = block.runtime.render(block, "student_view").content
    assert "<script>alert" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert" in html  # the payload is shown as text
    harness.call(block, "submit_assessment", {"answers": {"xss": 2}})
    _, state = harness.call(block, "student_view_user_state", method="GET")
    assert "javascript:" not in state["guidance"]["xss"] and "<iframe" not in state["guidance"]["xss"]


def test_ids_unique_per_block_instance(harness):
    import re  # noqa: PLC0415
    user = harness.new_user()
    one, two = harness.load(START, user), harness.load(START, user)
    ids = [re.findall(r' id="([^"]+)"', b.runtime.render(b, "student_view").content) for b in (one, two)]
    assert len(set(ids[0])) == len(ids[0]) and not set(ids[0]) & set(ids[1])


JUNK = {
    "answers": [{"tolk": "\ud800"}, {"tolk": True}, {"tolk": 99}, {"\ud800": 1}, ["tolk"], "junk", None, 7],
    "submitted_at": ["\ud800", 5, None, ["x"]],
    "completed": ["\ud800", [], None],
    "measurements": [{"|kursen|before": "junk"}, {"|kursen|before": {"answers": {"tolk": "\ud800"}}},
                     {"|kursen|before": {"answers": ["x"]}}, ["x"], "junk", None,
                     {"|kursen|before": {"answers": {"tolk": 1e308, "hanvisa": True, "asylprocessen": -3}}}],
    "levels": [["\ud800", 5], "junk", [None], [], ["a"] * 20],
    "statements": [[{"key": "a\ud800", "text": "</script><script>alert(1)</script>"}], [{"key": 5}], "junk",
                   [None], [{"key": "x", "text": "t", "guidance": {"a": 1}}]],
    "role": ["sideways", 5, None], "series": ["", "a|b", 5], "intro": [["x"], "\ud800<script>alert(1)</script>"],
    "display_name": ["\ud800", None, 5],
}


@pytest.mark.parametrize("name, index", [(n, i) for n, values in sorted(JUNK.items()) for i in range(len(values))],
                         ids=str)
def test_survives_stored_junk(harness, name, index):
    for olx in (START, END):
        block = harness.load(olx)
        block._field_data.set(block, name, JUNK[name][index])  # pylint: disable=protected-access
        fresh = harness.as_user(block, block.scope_ids.user_id)
        for view in ("student_view", "author_view", "studio_view"):
            html = fresh.runtime.render(fresh, view).content
            assert "<script>alert(1)" not in html
        status, state = harness.call(fresh, "student_view_user_state", method="GET")
        assert status == 200 and isinstance(state["answers"], dict)
        fresh.student_view_data()
        fresh.validate()
        assert harness.call(fresh, "submit_assessment", {"answers": {}})[0] == 400
