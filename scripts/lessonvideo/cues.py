"""Split narration into caption cues and write WebVTT.

A cue is one sentence, or a part of a long sentence, that fits a caption of at most two
lines of 42 characters (the usual broadcast limit, readable at 360p). Each cue is also one
speech clip, so the caption is on screen exactly while its words are spoken.
"""

from __future__ import annotations

import re

MAX_CUE_CHARS = 90
LINE_CHARS = 42
MAX_LINES = 2

# A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by a space and a
# capital letter; a digit never starts a sentence here so "kl. 9" or "3.5" stay whole.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+(?=[\"“”«(\[–—-]?[A-ZÅÄÖÉÜ])")
# Places where a long sentence may be cut: after , ; : or before a spaced dash.
_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—] )")


def wrap_line(text: str, width: int = LINE_CHARS) -> list[str]:
    """Greedy word wrap to ``width`` characters (a single over-long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
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
    words = text.split()
    best = lines
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) <= width and len(second) <= width:
            if abs(len(first) - len(second)) < abs(len(best[0]) - len(best[1])):
                best = [first, second]
    return best


def fits(text: str) -> bool:
    """True if ``text`` is short enough for one caption cue."""
    return len(text) <= MAX_CUE_CHARS and len(wrap_line(text)) <= MAX_LINES


def split_sentences(text: str) -> list[str]:
    """Split whitespace-normalised text into sentences."""
    text = " ".join(text.split())
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
        if chunks and len(chunks[-1]) + 1 + len(unit) <= limit and fits(chunks[-1] + " " + unit):
            chunks[-1] += " " + unit
        elif len(unit) <= limit and fits(unit):
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
    """Split narration into cue texts; ``" ".join(result)`` equals the normalised ``text``."""
    cues: list[str] = []
    for sentence in split_sentences(text):
        if fits(sentence):
            cues.append(sentence)
            continue
        clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c]
        packed = _balanced_pack(clauses)
        if packed is None:
            # A clause is itself too long: cut inside the offending clauses at word boundaries.
            units: list[str] = []
            for clause in clauses:
                units.extend([clause] if fits(clause) else _balanced_pack(clause.split()) or clause.split())
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
    """WebVTT text for ``(start_ms, end_ms, text)`` cues, numbered from 1."""
    blocks = ["WEBVTT\n"]
    for number, (start, end, text) in enumerate(cues, 1):
        lines = "\n".join(balanced_caption_lines(text))
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
