"""Issue 9 §5: the Problem Responses rows of both blocks, with hostile learner and author text."""
from xblocks.common.csvsafe import is_formula_like

from tests.unit.test_csvsafe import FORMULAS

VIDEO = """<video_lesson><source src="/media/test/clip.webm"/>
  <track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="q" time="5"><prompt>{prompt}</prompt></reflection></video_lesson>"""
TIMELINE = """<asylum_timeline><actor id="a" name="A"/><phase id="p" title="P">
  <step id="s1" actors="a"><title>1</title></step><step id="s2" actors="a"><title>2</title></step></phase>
  <quiz><order steps="s1 s2"/></quiz></asylum_timeline>"""


class UserState:
    def __init__(self, username, state):
        self.username, self.state = username, state


def _cells(rows):
    for _username, row in rows:
        for key, value in row.items():
            yield key
            if isinstance(value, str):
                yield value


def test_video_lesson_report_neutralises_answers_and_questions(harness):
    for formula in FORMULAS:
        block = harness.load(VIDEO.format(prompt=formula.replace("\t", " ").replace("\r", " ")))
        states = [UserState("u{}".format(i), {"answers": {"q": {"text": formula, "submitted_at": formula}}})
                  for i in range(2)]
        rows = list(block.generate_report_data(iter(states)))
        assert len(rows) == 2
        for cell in _cells(rows):
            assert not is_formula_like(cell), repr(cell)
        assert rows[0][1]["Answer"] == "'" + formula


def test_asylum_timeline_report_cells_are_safe_even_with_stored_junk(harness):
    block = harness.load(TIMELINE)
    states = [UserState("u", {"viewed": ["s1", "=x", 5], "quiz_results": {"=1": {"best": "=1"}, "q1": "junk"}}),
              UserState("v", {"quiz_results": {"order-0": {"best": "\ud800", "attempts": [1]}}}), UserState("w", None)]
    rows = list(block.generate_report_data(iter(states)))
    assert len(rows) == 3
    for cell in _cells(rows):
        assert not is_formula_like(cell), repr(cell)
        cell.encode("utf-8")


SELF = """<self_assessment role="after"><level value="1">{label}</level><level value="2">Trygg</level>
  <statement key="a"><text>{text}</text></statement><statement key="b"><text>Andra</text></statement>
</self_assessment>"""


def test_self_assessment_report_rows_are_safe_and_skip_junk(harness):
    """Issue 10: the course team can report the self-assessment answers ("kursteamet kan ta fram dem")."""
    for formula in FORMULAS:
        safe = formula.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip() or "x"
        block = harness.load(SELF.format(label=safe, text=safe))
        states = [UserState("u", {"answers": {"a": 1, "b": 2}, "submitted_at": formula}),
                  UserState("v", {"answers": {"a": 3, "b": True, "=c": 1, "a ": "1"}}),  # junk: no rows
                  UserState("w", None), UserState("x", {"answers": ["a"]})]
        rows = list(block.generate_report_data(iter(states)))
        assert [(user, row["Question ID"], row["Level"]) for user, row in rows] == [("u", "a", 1), ("u", "b", 2)]
        assert rows[1][1]["Answer"] == "2 – Trygg" and rows[0][1]["Role"] == "after"
        for cell in _cells(rows):
            assert not is_formula_like(cell), repr(cell)
    block = harness.load(SELF.format(label="L", text="T"))
    many = (UserState("u{}".format(i), {"answers": {"a": 1, "b": 1}}) for i in range(10))
    assert len(list(block.generate_report_data(many, limit_responses=3))) == 3
