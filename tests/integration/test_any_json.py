"""Issue 9 "done when": every handler of both blocks, called with any JSON through the real runtime
(lone surrogates and deep nesting included): no server error, and a refused call changes nothing.

After every accepted call the block must still render every view, its state and its report.
"""
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .hostile import LESSON, SURROGATES, TIMELINE, deep_json, handlers_of, render_everything, snapshot
from .runtime import BlockHarness

KEYS = ["position", "watched", "duration", "reflection_id", "text", "event", "speed", "language", "step_id",
        "order", "answers", "quiz", "timeline", "olx", "display_name", "weight", "quiz_only", "use_default",
        "sources", "tracks", "reflections", "completion_percent", "id", "phases", "actors", "steps"]
IDS = ["req", "ansokan", "utredning", "beslut", "q1", "order-0", "match-0", "mv", "played", "sv", "off"]
TEXT = st.text(max_size=30) | st.sampled_from(SURROGATES + IDS) | st.builds(
    lambda a, s, b: a + s + b, st.text(max_size=5), st.sampled_from(SURROGATES), st.text(max_size=5))
SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**9) | st.floats(allow_nan=False, allow_infinity=False)
           | TEXT)
VALUES = st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(TEXT | st.sampled_from(KEYS),
                                                                                         kids, max_size=4),
                      max_leaves=20)
BODIES = st.one_of(
    st.dictionaries(st.sampled_from(KEYS) | TEXT, VALUES, max_size=6).map(
        lambda body: json.dumps(body, ensure_ascii=True).encode("ascii")),
    st.integers(30, 3000).map(deep_json),
    st.sampled_from([b"", b"[]", b"null", b"{", b'{"text": NaN}', b"\xff"]),
)
SOURCES = {"video_lesson": LESSON, "asylum_timeline": TIMELINE}


def _check(harness, kind, handler, raw):
    block = harness.load(SOURCES[kind])
    before = snapshot(block)
    if handler == "student_view_user_state":
        status, reply = BlockHarness.call(block, handler, method="GET")
    else:
        status, reply = BlockHarness.call(block, handler, raw=raw)
    assert status < 500, (status, reply)
    if status != 200:
        assert status in (400, 403, 405, 415), status
        assert reply.get("error"), reply
        assert snapshot(block) == before
    if status == 200:  # what was accepted must not poison this learner's views, or anyone else's
        render_everything(harness.as_user(block, block.scope_ids.user_id))
        render_everything(harness.as_user(block, harness.new_user()))


def _strategy():
    pairs = []
    for kind, source in SOURCES.items():
        block = BlockHarness().load(source)
        pairs += [(kind, name) for name in handlers_of(block)]
    return st.sampled_from(sorted(pairs))


#: BEMOTANDE_FUZZ_EXAMPLES=2000 for a long run (measured for issue 9: see the lead's notes).
EXAMPLES = int(os.environ.get("BEMOTANDE_FUZZ_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=_strategy(), raw=BODIES)
def test_any_json_to_any_handler(harness, target, raw):
    kind, handler = target
    _check(harness, kind, handler, raw)
