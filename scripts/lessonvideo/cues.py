"""Split narration into caption cues and write WebVTT.

A cue is one sentence, or a part of a long sentence, that fits a caption of at most two
lines of 42 characters (the usual broadcast limit). Each cue is also one speech clip, so the
caption is on screen exactly while its words are spoken.

Narration may write ``{112|ett ett två}``: the caption (and slide) shows the part before the bar,
the voice reads the part after it, so captions write numbers as the slide does. Such a span,
and phrases such as "12 juni 2026", "god man" or "020-50 50 50", are never broken across
caption lines or cues (see :func:`protect`).
"""

from __future__ import annotations

import re

MAX_CUE_CHARS = 90
LINE_CHARS = 42
MAX_LINES = 2

NBSP = "\u00a0"
# An encoded {display|spoken} span: OPEN display MID spoken CLOSE, spaces inside made NBSP.
OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
MARKUP_RE = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")
_ENCODED = re.compile(f"{OPEN}([^{MID}]*){MID}([^{CLOSE}]*){CLOSE}")
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# Phrases that must stay on one line: dates, "god man", a number with its unit, phone numbers.
_KEEP_TOGETHER = re.compile(
    rf"\b\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?\b|\bgod man\b|\bgode mannen\b"
    r"|\b\d[\d,–-]* (?:procent|år|timmar|månader|veckor|dagar|anställda|kr)\b"
    r"|\b0\d{1,3}-\d{2,3}(?: \d{2}){1,3}\b|\b116 \d{3}\b|\b\d{3} \d{3}\b", re.IGNORECASE)
_SPACE = re.compile(r"[^\S\u00a0]+")  # whitespace except NBSP


def words(text: str) -> list[str]:
    """Split on whitespace but never on a no-break space."""
    return [w for w in _SPACE.split(text) if w]


def protect(text: str) -> str:
    """Replace the spaces inside phrases that must not be broken by no-break spaces."""
    return _KEEP_TOGETHER.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def strip_markup(text: str) -> str:
    """``{112|ett ett två}`` → ``112`` (what slides, prompts and captions show)."""
    return MARKUP_RE.sub(lambda m: m.group(1), text)


def encode(text: str) -> str:
    """Narration with markup encoded as unbreakable spans and protected phrases (see module doc)."""
    def span(m: re.Match) -> str:
        return OPEN + m.group(1).strip().replace(" ", NBSP) + MID + m.group(2).strip().replace(" ", NBSP) + CLOSE
    return protect(MARKUP_RE.sub(span, text))


def display(cue: str) -> str:
    """What the caption shows for an encoded cue (no-break spaces kept)."""
    return _ENCODED.sub(lambda m: m.group(1), cue)


def caption(cue: str) -> str:
    """The caption text of an encoded cue, with ordinary spaces."""
    return display(cue).replace(NBSP, " ")


def speech(cue: str) -> str:
    """What the voice reads for an encoded cue."""
    return _ENCODED.sub(lambda m: m.group(2), cue).replace(NBSP, " ")

# A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by a space and a
# capital letter; a digit never starts a sentence here so "kl. 9" or "3.5" stay whole.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*[^\S\u00a0]+(?=[\"“”«(\[–—-]?[A-ZÅÄÖÉÜ\ue000])")
# Places where a long sentence may be cut: after , ; : or before a spaced dash.
_CLAUSE_BREAK = re.compile(r"(?<=[,;:])[^\S\u00a0]+|[^\S\u00a0]+(?=[–—] )")


def wrap_line(text: str, width: int = LINE_CHARS) -> list[str]:
    """Greedy word wrap to ``width`` characters (a single over-long word gets its own line)."""
    lines: list[str] = []
    for word in words(text):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def balanced_caption_lines(text: str, width: int = LINE_CHARS) -> list[str]:
    """Wrap a cue for display, making two-line captions about equally long (easier to read)."""
    lines = wrap_line(text, width)
    if len(lines) != 2:
        return lines
    parts = words(text)
    best = lines
    for cut in range(1, len(parts)):
        first, second = " ".join(parts[:cut]), " ".join(parts[cut:])
        if len(first) <= width and len(second) <= width:
            if abs(len(first) - len(second)) < abs(len(best[0]) - len(best[1])):
                best = [first, second]
    return best


def fits(text: str) -> bool:
    """True if ``text`` (plain or encoded) is short enough for one caption cue."""
    text = display(text)
    return len(text) <= MAX_CUE_CHARS and len(wrap_line(text)) <= MAX_LINES


def split_sentences(text: str) -> list[str]:
    """Split whitespace-normalised text into sentences."""
    text = " ".join(words(text))
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        parts.append(text[start:m.start()] + m.group(0).rstrip())
        start = m.end()
    if start < len(text):
        parts.append(text[start:])
    return parts


def _pack(units: list[str], limit: int) -> list[str] | None:
    """Greedily join ``units`` into chunks that fit and are ≤ ``limit`` chars; None if a unit can't."""
    chunks: list[str] = []
    for unit in units:
        joined = f"{chunks[-1]} {unit}" if chunks else unit
        if chunks and len(display(joined)) <= limit and fits(joined):
            chunks[-1] = joined
        elif len(display(unit)) <= limit and fits(unit):
            chunks.append(unit)
        else:
            return None
    return chunks


def _balanced_pack(units: list[str]) -> list[str] | None:
    """Pack with the fewest chunks, then lower the length limit as far as the count allows.

    Plain greedy packing leaves a short tail ("… i skolan." / "idag."), which flashes by as a
    caption; the smallest limit that keeps the same number of chunks evens them out.
    """
    best = _pack(units, MAX_CUE_CHARS)
    if best is None:
        return None
    for limit in range(MAX_CUE_CHARS - 1, 0, -1):
        candidate = _pack(units, limit)
        if candidate is None or len(candidate) > len(best):
            break
        best = candidate
    return best


def split_cues(text: str) -> list[str]:
    """Split narration into encoded cues (see :func:`caption`, :func:`speech`).

    ``" ".join(caption(c) for c in result)`` equals the normalised ``text`` with markup shown.
    """
    cues: list[str] = []
    for sentence in split_sentences(encode(text)):
        if fits(sentence):
            cues.append(sentence)
            continue
        clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c]
        packed = _balanced_pack(clauses)
        if packed is None:
            # A clause is itself too long: cut inside the offending clauses at word boundaries.
            units: list[str] = []
            for clause in clauses:
                units.extend([clause] if fits(clause) else _balanced_pack(words(clause)) or words(clause))
            packed = _balanced_pack(units) or units
        cues.extend(packed)
    return cues


def format_timestamp(ms: int) -> str:
    """Milliseconds → WebVTT ``HH:MM:SS.mmm``."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def build_vtt(cues: list[tuple[int, int, str]]) -> str:
    """WebVTT text for ``(start_ms, end_ms, text)`` cues (plain or encoded), numbered from 1."""
    blocks = ["WEBVTT\n"]
    for number, (start, end, text) in enumerate(cues, 1):
        lines = "\n".join(balanced_caption_lines(display(text))).replace(NBSP, " ")
        blocks.append(f"{number}\n{format_timestamp(start)} --> {format_timestamp(end)}\n{lines}\n")
    return "\n".join(blocks)


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """Minimal WebVTT reader (used by tests and sanity checks): ``(start_s, end_s, text)``."""
    if not text.startswith("WEBVTT"):
        raise ValueError("not a WebVTT file")

    def seconds(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    cues = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.splitlines()
        timing = next(i for i, line in enumerate(lines) if "-->" in line)
        start, end = (part.strip() for part in lines[timing].split("-->"))
        cues.append((seconds(start), seconds(end), " ".join(lines[timing + 1:])))
    return cues
