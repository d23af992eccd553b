"""asylum_timeline handlers in the real WorkbenchRuntime: OLX in, learner actions, state and events out."""
import json

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xblocks.asylum_timeline.scenarios import QUIZ_ONLY

OLX = """<asylum_timeline display_name="Test">
  <actor id="mv" name="Migrationsverket"/><actor id="polisen" name="Polisen"/>
  <phase id="p1" title="Början">
    <step id="a" actors="polisen mv"><title>A</title></step>
    <step id="b" actors="mv"><title>B</title><outcome to="c"/></step>
  </phase>
  <phase id="p2" title="Slut"><step id="c" actors="mv"><title>C</title></step></phase>
  <quiz max_attempts="0" feedback="per_item"><order steps="a b c"/><match steps="a b"/></quiz>
</asylum_timeline>"""

NO_QUIZ = """<asylum_timeline><actor id="x" name="X"/><phase id="p" title="P">
  <step id="s1" actors="x"><title>1</title></step><step id="s2" actors="x"><title>2</title></step>
</phase></asylum_timeline>"""


def stored(block):
    return (list(block.viewed), json.dumps(block.quiz_results, sort_keys=True), block.completed, block.raw_earned)


def test_view_step_records_progress_and_completes_once(harness):
    block = harness.load(NO_QUIZ)
    status, reply = harness.call(block, "view_step", {"step_id": "s1"})
    assert status == 200
    assert (reply["viewed"], reply["steps_seen"], reply["steps_total"], reply["completed"]) == (["s1"], 1, 2, False)
    assert harness.events_of(block, "completion") == []
    harness.call(block, "view_step", {"step_id": "s2"})
    status, reply = harness.call(block, "view_step", {"step_id": "s2"})
    assert status == 200 and reply["completed"] is True
    assert harness.events_of(block, "completion") == [{"completion": 1.0}]
    assert harness.events_of(block, "grade") == [{"value": 1.0, "max_value": 1.0, "only_if_higher": None}]
    viewed = harness.events_of(block, "edx.bemotande.asylum_timeline.step_viewed")
    assert [e["step_id"] for e in viewed] == ["s1", "s2"]
    assert len(harness.events_of(block, "edx.bemotande.asylum_timeline.completed")) == 1
    # Stored on the server: the same learner sees it in a new runtime.
    again = harness.as_user(block, block.scope_ids.user_id)
    assert again.viewed == ["s1", "s2"] and again.completed


def test_order_quiz_per_position_and_best_score_kept(harness):
    block = harness.load(OLX)
    status, reply = harness.call(block, "submit_order", {"order": ["b", "a", "c"]})
    assert status == 200
    assert (reply["quiz"], reply["correct"], reply["right"], reply["total"]) == ("order-1", [False, False, True], 1, 3)
    assert reply["best"] == pytest.approx(1 / 3)
    status, reply = harness.call(block, "submit_order", {"order": ["a", "b", "c"], "quiz": "order-1"})
    assert reply["correct"] == [True, True, True] and reply["best"] == 1.0
    status, reply = harness.call(block, "submit_order", {"order": ["c", "b", "a"]})
    assert reply["correct"] == [False, True, False] and reply["last"] == pytest.approx(1 / 3)
    assert reply["best"] == 1.0 and reply["attempts"] == 3
    assert reply["score"] == {"earned": 1.0, "possible": 2.0}
    grades = harness.events_of(block, "grade")
    values = [g["value"] for g in grades]
    assert values == sorted(values) and values[-1] == 1.0 and all(g["max_value"] == 2.0 for g in grades)
    assert block.get_score().raw_earned == 1.0 and block.max_score() == 2.0


def test_match_quiz_per_step(harness):
    block = harness.load(OLX)
    status, reply = harness.call(block, "submit_match", {"answers": {"a": "mv", "b": "mv"}})
    assert status == 200 and reply["correct"] == {"a": False, "b": True} and reply["best"] == 0.5
    status, reply = harness.call(block, "submit_match", {"answers": {"a": "polisen", "b": "mv"}})
    assert reply["correct"] == {"a": True, "b": True} and reply["best"] == 1.0
    events = harness.events_of(block, "edx.bemotande.asylum_timeline.quiz_submitted")
    assert [(e["kind"], e["right"], e["total"]) for e in events] == [("match", 1, 2), ("match", 2, 2)]


def test_completion_needs_every_step_and_every_quiz(harness):
    block = harness.load(OLX)
    for step in ("a", "b", "c"):
        harness.call(block, "view_step", {"step_id": step})
    harness.call(block, "submit_order", {"order": ["a", "b", "c"]})
    assert harness.events_of(block, "completion") == []
    status, reply = harness.call(block, "submit_match", {"answers": {"a": "mv", "b": "polisen"}})
    assert reply["completed"] is True
    harness.call(block, "submit_match", {"answers": {"a": "polisen", "b": "mv"}})
    assert harness.events_of(block, "completion") == [{"completion": 1.0}]


def test_quiz_only_block_completes_with_the_quizzes(harness):
    block = harness.load(QUIZ_ONLY)
    assert block.quiz_only is True
    harness.call(block, "submit_order", {"order": ["grans", "ansokan", "beslut", "overklagande"]})
    status, reply = harness.call(block, "submit_match",
                                 {"answers": {"grans": "polisen", "ansokan": "migrationsverket",
                                              "overklagande": "domstol"}})
    assert reply["completed"] is True and reply["score"] == {"earned": 2.0, "possible": 2.0}


def test_user_state_handler_and_other_learners_untouched(harness):
    block = harness.load(OLX)
    decoy = harness.as_user(block, harness.new_user())
    harness.call(block, "view_step", {"step_id": "b"})
    harness.call(block, "submit_order", {"order": ["a", "c", "b"]})
    status, state = harness.call(block, "student_view_user_state", method="GET")
    assert status == 200
    assert state["viewed"] == ["b"] and state["quizzes"]["order-1"]["answer"] == ["a", "c", "b"]
    assert state["quizzes"]["order-1"]["correct"] == [True, False, False]
    status, other = harness.call(decoy, "student_view_user_state", method="GET")
    assert other["viewed"] == [] and other["quizzes"] == {} and other["completed"] is False


BAD = [
    ("view_step", {"step_id": "nope"}, "There is no step"),
    ("view_step", {}, "must be text"),
    ("view_step", {"step_id": 7}, "must be text"),
    ("view_step", {"step_id": "x" * 500}, "not a valid id"),
    ("submit_order", {"order": ["a", "a", "b"]}, "only once"),
    ("submit_order", {"order": ["a", "b"]}, "missing the step"),
    ("submit_order", {"order": ["a", "b", "c", "zz"]}, "not one of"),
    ("submit_order", {"order": "a b c"}, "must be a list"),
    ("submit_order", {"order": [1, 2, 3]}, "must be text"),
    ("submit_order", {"order": ["a", "b", "c"], "quiz": "match-1"}, "no quiz"),
    ("submit_order", {"order": ["a", "b", "c"], "quiz": ["x"]}, "must be text"),
    ("submit_match", {"answers": {"a": "mv"}}, "Choose an actor"),
    ("submit_match", {"answers": {"a": "mv", "b": "nobody"}}, "no actor"),
    ("submit_match", {"answers": ["mv", "mv"]}, "must be an object"),
    ("submit_match", {"answers": {"a": None, "b": "mv"}}, "must be text"),
    ("submit_match", {"answers": {"a": "mv", "b": "mv", "c": "mv"}}, "not one of"),
]


@pytest.mark.parametrize("handler, body, words", BAD)
def test_bad_input_is_refused_and_changes_nothing(harness, handler, body, words):
    block = harness.load(OLX)
    harness.call(block, "view_step", {"step_id": "a"})
    harness.call(block, "submit_order", {"order": ["b", "a", "c"]})
    before, events = stored(block), len(harness.events)
    status, reply = harness.call(block, handler, body)
    assert status == 400 and words in reply["error"]
    assert stored(block) == before and len(harness.events) == events
    assert stored(harness.as_user(block, block.scope_ids.user_id)) == before


@pytest.mark.parametrize("raw, words", [
    (b"{not json", "not valid JSON"), (b"[1, 2]", "JSON object"), (b'{"step_id": NaN}', "not finite"),
    (b"\xff\xfe", "not valid JSON"), (json.dumps({"step_id": "a", "pad": "x" * 70000}).encode(), "too large"),
])
def test_malformed_and_huge_bodies(harness, raw, words):
    block = harness.load(OLX)
    status, reply = harness.call(block, "view_step", raw=raw)
    assert status == 400 and words in reply["error"] and block.viewed == []


def test_get_only_and_post_only(harness):
    block = harness.load(OLX)
    status, _reply = harness.call(block, "view_step", method="GET")
    assert status == 405


def test_errors_are_in_the_learners_language(harness):
    block = harness.load(OLX)
    with translation.override("sv"):
        status, reply = harness.call(block, "view_step", {"step_id": "nope"})
    assert status == 400 and reply["error"] == "Det finns inget steg ”nope” i den här tidslinjen."
    with translation.override("en"):
        status, reply = harness.call(block, "view_step", {"step_id": "nope"})
    assert reply["error"] == "There is no step “nope” in this timeline."


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20)
IDS = st.sampled_from(["a", "b", "c", "mv", "polisen", "order-1", "match-1", "", "zz"])
BODIES = st.one_of(
    st.dictionaries(st.sampled_from(["step_id", "order", "answers", "quiz"]), JSON | IDS, max_size=3),
    st.fixed_dictionaries({"order": st.lists(IDS, max_size=5)}),
    st.fixed_dictionaries({"answers": st.dictionaries(IDS, IDS | JSON, max_size=4)}),
    JSON,
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(handler=st.sampled_from(["view_step", "submit_order", "submit_match"]), body=BODIES)
def test_fuzzed_handlers_never_fail_on_the_server(harness, handler, body):
    block = harness.load(OLX)
    status, reply = harness.call(block, handler, body)
    assert status in (200, 400), reply
    if status == 400:
        assert isinstance(reply["error"], str) and reply["error"] and stored(block) == ([], "{}", False, 0.0)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=st.binary(max_size=200))
def test_fuzzed_raw_bodies_never_fail_on_the_server(harness, raw):
    block = harness.load(OLX)
    status, _reply = harness.call(block, "submit_order", raw=raw)
    assert status in (200, 400)
