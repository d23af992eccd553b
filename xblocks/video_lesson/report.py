"""Rows for the Problem Responses report: one per learner and answered question, streamed.

Pure (no XBlock or Django import) so it can be measured over many synthetic learners; memory
use does not grow with the number of learners.
"""
from ..common.csvsafe import neutralise_cell
from ..common.timeparse import format_time
from .lesson import plain_text

__all__ = ["neutralise_cell", "report_rows"]


def report_rows(lesson, user_state_iterator, limit_responses=None):
    """Yield ``(username, {"Question", "Question ID", "Time", "Answer", "Submitted at"})``.

    ``user_state_iterator`` yields objects with ``username`` and ``state`` (the stored user-state
    fields, as edx-platform's user state client returns them). Questions come in time order;
    unanswered questions give no row. Stops after ``limit_responses`` rows when it is not None.
    """
    if limit_responses is not None and limit_responses <= 0:
        return
    # Author cells and column names are the same in every row: neutralise them once, not per row.
    questions = [(r.id, neutralise_cell(r.id), neutralise_cell(plain_text(r.prompt)),
                  neutralise_cell(format_time(r.time))) for r in lesson.in_time_order()]
    count = 0
    for user_state in user_state_iterator:
        answers = (getattr(user_state, "state", None) or {}).get("answers") or {}
        if not isinstance(answers, dict):
            continue
        for question_id, id_cell, question_cell, time_cell in questions:
            answer = answers.get(question_id)
            if not isinstance(answer, dict) or not isinstance(answer.get("text"), str):
                continue
            yield user_state.username, {  # every cell neutralised: learner and author text alike
                "Question": question_cell,
                "Question ID": id_cell,
                "Time": time_cell,
                "Answer": neutralise_cell(answer["text"]),
                "Submitted at": neutralise_cell(str(answer.get("submitted_at") or "")),
            }
            count += 1
            if limit_responses is not None and count >= limit_responses:
                return
