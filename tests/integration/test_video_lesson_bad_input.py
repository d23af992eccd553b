"""Bad input to every learner handler: HTTP 400, a translated message, and the stored state unchanged."""
import json

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

STATE_FIELDS = ("position", "watched", "reported_duration", "drafts", "answers", "completed", "progress_clock")
LESSON = """<video_lesson completion_percent="10">
  <source src="/media/test/clip.webm"/><track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="req" time="5" required="true" min_words="3" max_chars="40"><prompt>Fråga</prompt></reflection>
</video_lesson>"""
GOOD = {
    "save_progress": {"position": 3, "watched": [[0, 3]], "duration": 40},
    "save_draft": {"reflection_id": "req", "text": "utkast"},
    "submit_reflection": {"reflection_id": "req", "text": "ett två tre"},
}
BIG = b'{"text": "' + b"x" * (10 * 1024 * 1024) + b'"}'

# (handler, raw body or JSON-able body, what the message is about)
CASES = [
    ("save_progress", b"not json", "not valid JSON"),
    ("save_progress", b"\xff\xfe", "not valid JSON"),
    ("save_progress", b"[1, 2]", "JSON object"),
    ("save_progress", b'{"position": NaN, "watched": []}', "not finite"),
    ("save_progress", b'{"position": Infinity, "watched": []}', "not finite"),
    ("save_progress", BIG, "too large"),
    ("save_progress", {"watched": []}, "position"),
    ("save_progress", {"position": "12", "watched": []}, "position"),
    ("save_progress", {"position": True, "watched": []}, "position"),
    ("save_progress", {"position": -1, "watched": []}, "position"),
    ("save_progress", {"position": 1e12, "watched": []}, "position"),
    ("save_progress", {"position": 1, "watched": "0-10"}, "watched"),
    ("save_progress", {"position": 1, "watched": [[0, "10"]]}, "watched"),
    ("save_progress", {"position": 1, "watched": [[10, 0]]}, "out of order"),
    ("save_progress", {"position": 1, "watched": [[-5, 0]]}, "out of order"),
    ("save_progress", {"position": 1, "watched": [[0, 1, 2]]}, "watched"),
    ("save_progress", {"position": 1, "watched": [[0, 1]] * 501}, "Too many"),
    ("save_progress", {"position": 1, "watched": [], "duration": 0}, "duration"),
    ("save_progress", {"position": 1, "watched": [], "duration": -40}, "duration"),
    ("save_progress", {"position": 1, "watched": [], "duration": "40"}, "duration"),
    ("save_draft", {"text": "x"}, "reflection_id"),
    ("save_draft", {"reflection_id": "req"}, "text"),
    ("save_draft", {"reflection_id": 7, "text": "x"}, "reflection_id"),
    ("save_draft", {"reflection_id": "nope", "text": "x"}, "no such reflection"),
    ("save_draft", {"reflection_id": "req", "text": ["x"]}, "text"),
    ("save_draft", {"reflection_id": "req", "text": "x" * 41}, "too long"),
    ("save_draft", BIG, "too large"),
    ("submit_reflection", {"reflection_id": "nope", "text": "ett två tre"}, "no such reflection"),
    ("submit_reflection", {"reflection_id": "req", "text": "ett två"}, "too few words"),
    ("submit_reflection", {"reflection_id": "req", "text": "    "}, "Write an answer"),
    ("submit_reflection", {"reflection_id": "req", "text": "ord " * 11}, "too long"),
    ("submit_reflection", {"reflection_id": "req", "text": None}, "text"),
    ("submit_reflection", {"reflection_id": ["req"], "text": "ett två tre"}, "reflection_id"),
    ("submit_reflection", b'{"reflection_id": "req", "text": "ett tv\\u00e5 tre", "x": -Infinity}', "not finite"),
    ("submit_reflection", b"", "not valid JSON"),
]


def stored(harness, block, user):
    fresh = harness.as_user(block, user)
    return {name: getattr(fresh, name) for name in STATE_FIELDS}


def call(harness, block, handler, body):
    raw = body if isinstance(body, bytes) else None
    return harness.call(block, handler, None if raw else body, raw=raw)


@pytest.fixture
def learner(harness):
    """A learner with some state already (so 'unchanged' means something)."""
    user = harness.new_user()
    block = harness.load(LESSON, user)
    harness.call(block, "save_progress", {"position": 2, "watched": [[0, 2]], "duration": 40})
    harness.call(block, "save_draft", {"reflection_id": "req", "text": "tidigare utkast"})
    return block, user


@pytest.mark.parametrize("handler, body, about", CASES, ids=[
    "{}-{}".format(h, i) for i, (h, _, _) in enumerate(CASES)])
def test_bad_input_is_refused_and_changes_nothing(harness, learner, handler, body, about):
    block, user = learner
    before = stored(harness, block, user)
    events = len(harness.events)
    status, reply = call(harness, harness.as_user(block, user), handler, body)
    assert status == 400
    assert set(reply) == {"error"} and about.lower() in reply["error"].lower(), reply
    assert stored(harness, block, user) == before
    assert len(harness.events) == events


def test_good_input_is_accepted(harness, learner):
    block, user = learner
    for handler, body in GOOD.items():
        assert call(harness, harness.as_user(block, user), handler, body)[0] == 200


@pytest.mark.parametrize("handler, body, swedish", [
    ("submit_reflection", {"reflection_id": "req", "text": "ett"}, "Svaret har för få ord (minst: 3)."),
    ("save_draft", {"reflection_id": "nope", "text": "x"}, "Den reflektionsfrågan finns inte i den här lektionen."),
    ("save_progress", b"{", "Anropet är inte giltig JSON."),
])
def test_messages_are_in_the_learners_language(harness, learner, handler, body, swedish):
    block, user = learner
    with translation.override("sv"):
        status, reply = call(harness, harness.as_user(block, user), handler, body)
    assert status == 400
    if handler == "save_progress":  # the common catalogue's wording may change; it must be Swedish, not English
        assert reply["error"] != "The request is not valid JSON." and "JSON" in reply["error"]
    else:
        assert reply["error"] == swedish


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=60),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30)
bodies = st.one_of(
    st.dictionaries(st.sampled_from(["position", "watched", "duration", "reflection_id", "text", "completed"]),
                    json_values, max_size=6),
    st.fixed_dictionaries({"position": json_values, "watched": st.lists(st.lists(json_values, max_size=3),
                                                                         max_size=8), "duration": json_values}),
    st.fixed_dictionaries({"reflection_id": st.sampled_from(["req", "nope", ""]) | json_values,
                           "text": st.text(max_size=80) | json_values}),
    json_values.map(lambda value: json.dumps(value).encode("utf-8")),
    st.binary(max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(handler=st.sampled_from(sorted(GOOD)), body=bodies)
def test_fuzzed_bodies_never_cause_a_server_error(harness, learner, handler, body):
    block, user = learner
    before = stored(harness, block, user)
    status, reply = call(harness, harness.as_user(block, user), handler, body)
    assert status in (200, 400), (status, reply)
    if status == 400:
        assert isinstance(reply.get("error"), str) and reply["error"]
        assert stored(harness, block, user) == before
    else:
        # accepted input leaves a consistent state behind
        after = stored(harness, block, user)
        limit = after["reported_duration"] or 40
        assert all(0 <= s < e <= limit for s, e in after["watched"])
        assert after["answers"] == before["answers"] or handler == "submit_reflection"
        # restore the learner for the next example
        fresh = harness.as_user(block, user)
        for name, value in before.items():
            setattr(fresh, name, value)
        fresh.save()
