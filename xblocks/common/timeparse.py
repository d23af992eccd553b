"""Times as authors write them: ``75``, ``75.5``, ``1:15``, ``1:02:03`` (and back)."""
import math
import re

from .errors import N_, ContentError

_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


def parse_time(text, location=""):
    """Return seconds (float) for ``text``.

    Accepts plain seconds (``75`` or ``75.5``), ``M:SS`` and ``H:MM:SS`` (seconds may carry a
    decimal part). Raises :class:`ContentError` for anything else, including seconds or
    minutes ≥ 60 in clock notation and non-finite values.
    """
    value = (text or "").strip() if isinstance(text, str) else text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and _SECONDS.match(value):
        seconds = float(value)
    elif isinstance(value, str) and _CLOCK.match(value):
        hours, minutes, secs = _CLOCK.match(value).groups()
        if float(secs) >= 60 or (hours is not None and int(minutes) >= 60):
            raise ContentError(N_("“{value}” is not a valid time: minutes and seconds must be below 60."),
                               location=location, value=value)
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    else:
        raise ContentError(N_("“{value}” is not a valid time. Write seconds (75) or minutes:seconds (1:15)."),
                           location=location, value=value if isinstance(value, str) else repr(value))
    if not math.isfinite(seconds) or seconds < 0:
        raise ContentError(N_("“{value}” is not a valid time."), location=location, value=str(value))
    return seconds


def format_time(seconds):
    """Format seconds as ``M:SS`` or ``H:MM:SS``, keeping a decimal part when there is one.

    ``parse_time(format_time(x)) == x`` for every time with at most 3 decimals.
    """
    seconds = round(float(seconds), 3)
    whole = int(seconds)
    frac = round(seconds - whole, 3)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    sec_text = "{:02d}".format(secs)
    if frac:
        sec_text += ("{:.3f}".format(frac)[1:]).rstrip("0")
    if hours:
        return "{}:{:02d}:{}".format(hours, minutes, sec_text)
    return "{}:{}".format(minutes, sec_text)


def format_clock(seconds):
    """A time as learners read it: whole seconds, rounded down (``M:SS`` or ``H:MM:SS``).

    The one rule for every clock a learner sees: the browser's own video controls, the player's
    clock (``VL.clock`` in vl_core.js) and labels such as "Question at 3:42". A point at 137.5 s
    reads 2:17 everywhere; authors keep the exact value (:func:`format_time`).
    """
    whole = max(0, math.floor(float(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return "{}:{:02d}:{:02d}".format(hours, minutes, secs)
    return "{}:{:02d}".format(minutes, secs)
