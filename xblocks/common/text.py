"""Text that UTF-8 can carry (pure: no XBlock or Django import).

A Python ``str`` may hold a lone UTF-16 surrogate (U+D800-U+DFFF; JSON's ``"\\ud800"`` decodes to
one), which no UTF-8 page, reply or report can encode.
"""
import re

#: A UTF-16 surrogate code point; in a Python str it is always a lone one.
SURROGATE = re.compile("[\\ud800-\\udfff]")
REPLACEMENT = "\ufffd"


def has_surrogate(text):
    """True when ``text`` holds a lone UTF-16 surrogate (which UTF-8 cannot encode)."""
    return bool(SURROGATE.search(text))


def clean_text(text):
    """``text`` with every lone surrogate replaced by U+FFFD (and NUL, which XML cannot hold, dropped)."""
    if not isinstance(text, str):
        return text
    return SURROGATE.sub(REPLACEMENT, text).replace("\x00", "")
