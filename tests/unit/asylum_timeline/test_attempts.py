"""Quiz attempts and feedback (issue 9 §3): authors limit attempts and choose what an attempt tells."""
import pytest

from xblocks.asylum_timeline import olx, progress
from xblocks.asylum_timeline.timeline import DEFAULT_FEEDBACK, DEFAULT_MAX_ATTEMPTS, from_dict, validate
from xblocks.common.errors import ContentError, InputError, OlxError

OLX = """<asylum_timeline>
  <actor id="mv" name="MV"/><actor id="p" name="Polisen"/>
  <phase id="ph" title="P">
    <step id="a" actors="p"><title>A</title></step><step id="b" actors="mv"><title>B</title></step>
    <step id="c" actors="mv"><title>C</title></step>
  </phase>
  <quiz{rules}><order steps="a b c"/></quiz>
</asylum_timeline>"""


def timeline(rules=""):
    return olx.parse_string(OLX.format(rules=rules))


def attempt(state, t, order):
    quiz = t.quiz_map()["order-1"]
    progress.check_attempt_allowed(state, t, "order-1")
    return progress.record_attempt(state, "order-1", order, progress.grade_order(quiz, order))


def test_defaults_make_a_graded_quiz_measure_something():
    t = timeline()
    assert (t.max_attempts, t.feedback) == (DEFAULT_MAX_ATTEMPTS, DEFAULT_FEEDBACK) == (3, "count")
    assert validate(t) == []


def test_unlimited_per_item_feedback_reaches_full_marks_by_elimination_but_a_limit_stops_it():
    """The issue: with unlimited attempts and per-position marks 1.0 comes in 3 tries, knowing nothing."""
    t = timeline(' max_attempts="2"')
    state = attempt(progress.empty_state(), t, ["b", "a", "c"])
    state = attempt(state, t, ["c", "a", "b"])
    with pytest.raises(InputError) as refused:
        attempt(state, t, ["a", "b", "c"])
    assert refused.value.msgid == "You have used all {limit} attempts at this quiz."
    assert state["quizzes"]["order-1"]["attempts"] == 2


def test_count_feedback_hides_which_items_are_right_until_the_last_attempt():
    t = timeline()
    state = attempt(progress.empty_state(), t, ["a", "c", "b"])  # 1 of 3 right
    view = progress.summary(state, t)["quizzes"]["order-1"]
    assert (view["right"], view["total"], view["attempts_left"]) == (1, 3, 2) and "correct" not in view
    state = attempt(attempt(state, t, ["b", "a", "c"]), t, ["c", "b", "a"])
    view = progress.summary(state, t)["quizzes"]["order-1"]
    assert view["attempts_left"] == 0 and view["correct"] == [False, True, False]


def test_a_count_of_all_or_none_shows_the_marks_it_already_implies():
    t = timeline()
    view = progress.quiz_view(t, attempt(progress.empty_state(), t, ["a", "b", "c"])["quizzes"]["order-1"])
    assert view["correct"] == [True, True, True]
    view = progress.quiz_view(t, attempt(progress.empty_state(), t, ["c", "a", "b"])["quizzes"]["order-1"])
    assert view["correct"] == [False, False, False]


def test_after_last_feedback_says_nothing_until_no_attempt_is_left():
    t = timeline(' max_attempts="2" feedback="after_last"')
    state = attempt(progress.empty_state(), t, ["a", "c", "b"])
    summary = progress.summary(state, t)
    view = summary["quizzes"]["order-1"]
    assert set(view) == {"attempts", "attempts_left", "max_attempts", "feedback", "answer"}
    assert summary["score"]["earned"] is None  # the score would tell the count
    state = attempt(state, t, ["a", "b", "c"])
    summary = progress.summary(state, t)
    assert summary["quizzes"]["order-1"]["correct"] == [True, True, True] and summary["score"]["earned"] == 1.0


def test_per_item_feedback_and_unlimited_attempts_are_the_authors_choice():
    t = timeline(' max_attempts="0" feedback="per_item"')
    state = progress.empty_state()
    for _ in range(10):
        state = attempt(state, t, ["a", "c", "b"])
    view = progress.summary(state, t)["quizzes"]["order-1"]
    assert view["attempts_left"] is None and view["correct"] == [True, False, False]


def test_rules_round_trip_through_olx_and_the_stored_form():
    for rules in ('', ' max_attempts="1"', ' feedback="per_item"', ' max_attempts="0" feedback="per_item"',
                  ' max_attempts="5" feedback="after_last"'):
        t = timeline(rules)
        text = olx.to_string(t)
        assert olx.parse_string(text) == t and from_dict(t.to_dict()) == t
        assert olx.to_string(olx.parse_string(text)) == text
        assert (rules.strip() in text) if rules else "<quiz>" in text
    bare = olx.parse_string('<asylum_timeline><quiz max_attempts="7"/></asylum_timeline>')
    assert bare.max_attempts == 7 and olx.parse_string(olx.to_string(bare)) == bare


@pytest.mark.parametrize("rules, attribute", [(' max_attempts="drei"', "max_attempts"),
                                              (' max_attempts="-1"', "max_attempts"), (' tries="2"', "tries")])
def test_bad_rule_attributes_name_the_attribute(rules, attribute):
    with pytest.raises(OlxError) as error:
        timeline(rules)
    assert error.value.attribute == attribute and error.value.element == "quiz"


@pytest.mark.parametrize("rules, location", [(' max_attempts="101"', "quiz @max_attempts"),
                                             (' feedback="always"', "quiz @feedback"),
                                             (' max_attempts="0" feedback="after_last"', "quiz @feedback")])
def test_rules_that_make_no_sense_are_validation_errors(rules, location):
    assert [e.location for e in validate(timeline(rules))] == [location]


def test_the_editor_form_may_send_the_number_as_text_but_nothing_else():
    data = timeline().to_dict()
    assert from_dict(dict(data, max_attempts="4")).max_attempts == 4
    assert from_dict(dict(data, max_attempts=None, feedback="")).max_attempts == DEFAULT_MAX_ATTEMPTS
    for junk in (True, "x", 2.5, [3]):
        with pytest.raises(ContentError):
            from_dict(dict(data, max_attempts=junk))
