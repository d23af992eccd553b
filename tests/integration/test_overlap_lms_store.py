"""Overlapping requests of one learner under a store that behaves like the LMS's (issue 9 §2).

The LMS keeps a block's learner state as one JSON document per learner and block, read when a
request starts and written whole when it ends (:mod:`devsite.lms_store`). These tests
document what that means for our handlers: two requests that overlap lose the first one's
acknowledged write, whichever handlers they are; the same two requests one after the other lose
nothing. The page therefore sends one request at a time per block (``BemotandeHttp.queue``), which
the browser tests check end to end.
"""
import pytest

from .runtime import BlockHarness

LESSON = """<video_lesson display_name="Test" completion_percent="80">
  <source src="/media/test/clip.webm"/>
  <reflection id="r1" time="5"><prompt>Ett</prompt></reflection>
  <reflection id="r2" time="20"><prompt>Två</prompt></reflection>
</video_lesson>"""

TIMELINE = """<asylum_timeline display_name="Test">
  <actor id="mv" name="Migrationsverket"/><actor id="polisen" name="Polisen"/>
  <phase id="p1" title="Början">
    <step id="a" actors="polisen"><title>A</title></step><step id="b" actors="mv"><title>B</title></step>
  </phase>
  <quiz><order steps="a b"/><match steps="a b"/></quiz>
</asylum_timeline>"""

#: (olx, first call, second call, check(stored block) -> (first kept, second kept))
PAIRS = {
    "two drafts": (LESSON, ("save_draft", {"reflection_id": "r1", "text": "utkast ett"}),
                   ("save_draft", {"reflection_id": "r2", "text": "utkast två"}),
                   lambda b: ("r1" in b.drafts, "r2" in b.drafts)),
    "two answers": (LESSON, ("submit_reflection", {"reflection_id": "r1", "text": "svar ett"}),
                    ("submit_reflection", {"reflection_id": "r2", "text": "svar två"}),
                    lambda b: ("r1" in b.answers, "r2" in b.answers)),
    "answer and draft": (LESSON, ("submit_reflection", {"reflection_id": "r1", "text": "svar ett"}),
                         ("save_draft", {"reflection_id": "r2", "text": "utkast två"}),
                         lambda b: ("r1" in b.answers, "r2" in b.drafts)),
    "progress and answer": (LESSON, ("save_progress", {"position": 12, "watched": [[0, 12]], "duration": 40}),
                            ("submit_reflection", {"reflection_id": "r1", "text": "svar ett"}),
                            lambda b: (b.position == 12, "r1" in b.answers)),
    "two steps viewed": (TIMELINE, ("view_step", {"step_id": "a"}), ("view_step", {"step_id": "b"}),
                         lambda b: ("a" in b.viewed, "b" in b.viewed)),
    "two quizzes": (TIMELINE, ("submit_order", {"order": ["a", "b"]}),
                    ("submit_match", {"answers": {"a": "polisen", "b": "mv"}}),
                    lambda b: (len(b.quiz_results) == 2, len(b.quiz_results) >= 1)),
}


@pytest.fixture
def lms():
    """A harness whose learner state is stored as the LMS stores it."""
    return BlockHarness(store="lms")


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_overlapping_requests_lose_the_first_acknowledged_write(lms, name):
    olx, (h1, b1), (h2, b2), kept = PAIRS[name]
    block = lms.load(olx)
    first, second = lms.request(block), lms.request(block)   # both start: each reads the document
    assert lms.call(first, h1, b1)[0] == 200                 # acknowledged ...
    assert lms.call(second, h2, b2)[0] == 200                # ... and overwritten by the later write
    assert kept(lms.request(block)) == (False, True)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_the_same_requests_one_after_the_other_lose_nothing(lms, name):
    olx, (h1, b1), (h2, b2), kept = PAIRS[name]
    block = lms.load(olx)
    assert lms.call(lms.request(block), h1, b1)[0] == 200
    assert lms.call(lms.request(block), h2, b2)[0] == 200
    assert kept(lms.request(block)) == (True, True)


def test_the_store_writes_the_whole_document_once_per_request(lms):
    block = lms.load(LESSON)
    request = lms.request(block)
    store = request.runtime.service(request, "field-data").store
    assert lms.call(request, "submit_reflection", {"reflection_id": "r1", "text": "svar"})[0] == 200
    assert store.writes == 1
    fresh = lms.request(block)
    assert fresh.answers["r1"]["text"] == "svar"
    # Another learner's document is a different row and stays untouched.
    other = lms.request(block, user_id=lms.new_user())
    assert other.answers == {} and other.drafts == {}


def test_the_workbench_store_hides_the_loss_between_fields():
    """Why the store above is needed: the workbench re-reads its row on every field write."""
    harness = BlockHarness()
    block = harness.load(LESSON)
    first, second = harness.request(block), harness.request(block)
    harness.call(first, "save_progress", {"position": 12, "watched": [[0, 12]], "duration": 40})
    harness.call(second, "submit_reflection", {"reflection_id": "r1", "text": "svar ett"})
    fresh = harness.request(block)
    assert fresh.position == 12 and "r1" in fresh.answers
