"""Rows for the Problem Responses report: one per learner and answered statement, streamed.

Pure (no XBlock or Django import). Course staff and the workplace's process leader use it to see
how a group's self-assessment changed; every cell is neutralised for spreadsheets (csvsafe).
"""
from ..common.csvsafe import neutralise_cell
from ..common.text import clean_text
from .assessment import clean_answers


def report_rows(assessment, user_state_iterator, limit_responses=None):
    """Yield ``(username, {"Question", "Question ID", "Role", "Answer", "Level", "Submitted at"})``.

    ``user_state_iterator`` yields objects with ``username`` and ``state`` (the stored user-state
    fields, as edx-platform's user state client returns them). Stored values that are not valid
    answers give no row. Stops after ``limit_responses`` rows when it is not None.
    """
    if limit_responses is not None and limit_responses <= 0:
        return
    levels = assessment.effective_levels()
    role = neutralise_cell(assessment.role)
    # Author cells are the same in every row: neutralised once per report.
    statements = [(s.key, neutralise_cell(s.key), neutralise_cell(clean_text(s.text)))
                  for s in assessment.effective_statements()]
    answers_cells = [neutralise_cell("{} – {}".format(value, clean_text(label)))
                     for value, label in enumerate(levels, 1)]
    count = 0
    for user_state in user_state_iterator:
        state = getattr(user_state, "state", None)
        if not isinstance(state, dict):
            continue
        answers = clean_answers(assessment, state.get("answers"))
        if not answers:
            continue
        submitted = state.get("submitted_at")
        submitted_cell = neutralise_cell(submitted if isinstance(submitted, str) else "")
        for key, id_cell, text_cell in statements:
            value = answers.get(key)
            if value is None:
                continue
            yield user_state.username, {"Question": text_cell, "Question ID": id_cell, "Role": role,
                                        "Answer": answers_cells[value - 1], "Level": value,
                                        "Submitted at": submitted_cell}
            count += 1
            if limit_responses is not None and count >= limit_responses:
                return
