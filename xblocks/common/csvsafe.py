"""Report cells that spreadsheet programs cannot run (CSV injection, OWASP's guidance).

A cell whose text a spreadsheet reads as a formula (``=``, ``+``, ``-``, ``@``; a leading tab or
carriage return, which some programs strip before deciding) can run commands or leak data when
course staff open the Problem Responses report. Programs also skip leading spaces, newlines and
invisible characters, and some fold full-width ``＝`` or small ``﹦`` to ``=``. So the first
*visible* character decides, compared after NFKC folding; such a cell gets a leading ``'`` (shown by
spreadsheets as text, not run). Lone surrogates are replaced too, so the report can be written as
UTF-8. Every text cell we produce goes through :func:`neutralise_cell`, author text included.
"""
import unicodedata

from .text import clean_text

FORMULA_START = frozenset("=+-@")
#: Characters that, first in a cell, make some program skip on to the next (or that are formulas).
LEADING_CONTROL = frozenset("\t\r\n")


def _invisible(char):
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def is_formula_like(text):
    """True when a spreadsheet could read ``text`` as a formula (see the module docstring)."""
    if not text:
        return False
    first = text[0]
    if first in LEADING_CONTROL:
        return True
    if first < "\x80" and first.isalnum():  # the common case: an ASCII letter or digit decides at once
        return False
    for char in text:
        if _invisible(char):
            continue
        return unicodedata.normalize("NFKC", char)[:1] in FORMULA_START
    return False


def neutralise_cell(value):
    """``value`` safe for a report cell: text made valid and, if formula-like, prefixed with ``'``.

    Numbers, booleans and None are returned as they are.
    """
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "'" + text if is_formula_like(text) else text


def neutralise_row(row):
    """A report row (dict) with every key and text value neutralised."""
    return {neutralise_cell(key): neutralise_cell(value) for key, value in row.items()}
