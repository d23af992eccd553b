"""WebVTT captions as plain text (for the search index). Pure; the browser parses its own copy."""
import html
import re

_TAG = re.compile(r"<[^>]*>")


def cues(text):
    """``[(start, end, text), ...]`` from a WebVTT document; malformed blocks are skipped."""
    found = []
    for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        for index, line in enumerate(lines):
            if "-->" not in line:
                continue
            start_text, _, rest = line.partition("-->")
            try:
                start, end = _seconds(start_text), _seconds(rest.split()[0])
            except (ValueError, IndexError):
                break
            body = " ".join(html.unescape(_TAG.sub("", part)).strip() for part in lines[index + 1:])
            if body.strip():
                found.append((start, end, " ".join(body.split())))
            break
    return found


def _seconds(stamp):
    parts = stamp.strip().split(":")
    if not 2 <= len(parts) <= 3:
        raise ValueError(stamp)
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def transcript_text(text):
    """All cue texts of a WebVTT document joined into one paragraph."""
    return " ".join(body for _, _, body in cues(text))
