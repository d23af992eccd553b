"""Issue 9 §5: every report cell is neutralised against CSV injection (OWASP), not only a plain '='."""
import pytest

from xblocks.common.csvsafe import is_formula_like, neutralise_cell, neutralise_row

FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "  \n =HYPERLINK(\"x\")",
            "\u200b=1", "\ufeff=1", "\u2060+1", "\u00a0=1", "\uff1dcmd", "\ufe66cmd", "\uff0b1", "\uff0d1",
            "\uff20x", "\u200b \u200c\u200d@x", "\tplain", "\rplain", "\nplain"]
PLAIN = ["Hej", "", "  hej = 1", "a=1", "1-2", "Svar: =1", "'=1", "ä", "\u200bhej", " 5"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_cells_get_a_quote(text):
    assert is_formula_like(text)
    assert neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_left_alone(text):
    assert neutralise_cell(text) == text


def test_other_values_and_rows():
    assert [neutralise_cell(v) for v in (1, 0.5, True, None)] == [1, 0.5, True, None]
    assert neutralise_row({"=q": "=1", "n": 3, "s": "a\ud800"}) == {"'=q": "'=1", "n": 3, "s": "a\ufffd"}
