"""Report rows, caption text for the index, and JSON that is safe inside a <script> element."""
import json
import tracemalloc
from types import SimpleNamespace

from xblocks.video_lesson import report, views, vtt
from xblocks.video_lesson.lesson import Lesson, Reflection

LESSON = Lesson(reflections=(Reflection("b", 30, "<p>Andra <em>frågan</em></p>"), Reflection("a", 5, "Första")))


def learners(count):
    for i in range(count):
        answers = {"a": {"text": "svar {}".format(i), "submitted_at": "2026-01-01T00:00:00+00:00"}}
        if i % 2:
            answers["b"] = {"text": "=HYPERLINK(\"http://x\")", "submitted_at": "t"}
        yield SimpleNamespace(username="user{}".format(i), state={"answers": answers})


def test_one_row_per_learner_and_answered_question_in_time_order():
    rows = list(report.report_rows(LESSON, learners(2)))
    assert rows == [
        ("user0", {"Question": "Första", "Question ID": "a", "Time": "0:05", "Answer": "svar 0",
                   "Submitted at": "2026-01-01T00:00:00+00:00"}),
        ("user1", {"Question": "Första", "Question ID": "a", "Time": "0:05", "Answer": "svar 1",
                   "Submitted at": "2026-01-01T00:00:00+00:00"}),
        ("user1", {"Question": "Andra frågan", "Question ID": "b", "Time": "0:30",
                   "Answer": "'=HYPERLINK(\"http://x\")", "Submitted at": "t"}),
    ]


def test_limit_and_odd_states():
    assert len(list(report.report_rows(LESSON, learners(10), limit_responses=4))) == 4
    assert list(report.report_rows(LESSON, learners(10), limit_responses=0)) == []
    odd = [SimpleNamespace(username="x", state=None), SimpleNamespace(username="y", state={"answers": []}),
           SimpleNamespace(username="z", state={"answers": {"a": "text"}})]
    assert list(report.report_rows(LESSON, odd)) == []


def test_report_memory_does_not_grow_with_learners():
    def peak(count):
        rows = report.report_rows(LESSON, learners(count))
        tracemalloc.start()
        for _ in rows:
            pass
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result
    assert peak(20000) < peak(200) * 3 + 20000


def test_vtt_cues_and_text():
    text = ("WEBVTT\n\n1\n00:00.000 --> 00:02.500 align:start\n<v Anna>Hej &amp; <b>välkommen</b></v>\n\n"
            "00:01:02.000 --> 00:01:04.000\nrad ett\nrad två\n\nNOTE bara en kommentar\n\nbroken --> x\ntext\n")
    assert vtt.cues(text) == [(0.0, 2.5, "Hej & välkommen"), (62.0, 64.0, "rad ett rad två")]
    assert vtt.transcript_text(text) == "Hej & välkommen rad ett rad två"


def test_json_for_script_cannot_close_the_script_element():
    payload = {"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "&amp;", "d": "\u2028"}
    text = str(views.json_for_script(payload))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == payload
