"""Draw 1280×720 slide images with Pillow (text stays crisp when the player is full screen).

Layout is computed first (:func:`layout_slide` returns positioned text boxes) and drawn
afterwards, so tests can check that nothing overflows without looking at pixels. Fonts
shrink step by step when text is long; as a last resort lines are cut with an ellipsis —
text never runs off the image.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .cues import protect, words

SCALE = 2  # the layout was designed at 640×360; every length below is multiplied by SCALE
WIDTH, HEIGHT = 640 * SCALE, 360 * SCALE
MARGIN = 36 * SCALE
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
DRAFT_LABEL = "Utkast – syntetisk röst"

# Dark text on an off-white background: every text colour pair is far above WCAG AA (4.5:1),
# which also survives VP9 compression at a low bit rate.
BACKGROUND = (250, 250, 247)
TEXT = (26, 26, 26)
MUTED = (74, 74, 74)
ACCENT = (31, 78, 121)
LABEL_TEXT = (255, 255, 255)
COLOUR_PAIRS = {"text": (TEXT, BACKGROUND), "muted": (MUTED, BACKGROUND),
                "bullet": (ACCENT, BACKGROUND), "label": (LABEL_TEXT, ACCENT)}

TITLE_SIZES = tuple(s * SCALE for s in (30, 28, 26, 24, 22, 20))
BULLET_SIZES = tuple(s * SCALE for s in (22, 21, 20, 19, 18, 17, 16, 15))
HEADER_SIZE, LABEL_SIZE = 16 * SCALE, 14 * SCALE
BULLET_INDENT = 24 * SCALE
BULLET_GAP = 10 * SCALE
LABEL_PAD = (8 * SCALE, 3 * SCALE)
RULE_Y = 40 * SCALE
HEADER_Y, TITLE_Y, TITLE_GAP = 14 * SCALE, 56 * SCALE, 14 * SCALE


class FontMissingError(RuntimeError):
    """DejaVu Sans is not installed."""


@dataclass
class TextBox:
    """One line of text at a position; ``width``/``height`` are its pixel extent."""

    text: str
    font: str
    size: int
    x: int
    y: int
    width: int
    height: int
    colour: tuple[int, int, int]


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two colours (1–21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@cache
def font(name: str, size: int, font_dir: str = str(FONT_DIR)) -> ImageFont.FreeTypeFont:
    """Load a DejaVu font, failing with an install hint if it is missing."""
    path = Path(font_dir) / name
    if not path.is_file():
        raise FontMissingError(f"font {path} not found: install the Debian package fonts-dejavu-core")
    # BASIC layout: Swedish needs no complex shaping, and it gives the same pixels whether or
    # not libraqm happens to be installed (part of keeping renders byte-identical).
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _line_height(size: int) -> int:
    return round(size * 1.3)


def wrap_pixels(text: str, fnt: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrap ``text`` so each line is at most ``width`` pixels; over-long words are cut.

    Dates, "god man", numbers with their unit and phone numbers are never split (see
    :func:`lessonvideo.cues.protect`); they are drawn with no-break spaces.
    """
    lines: list[str] = []
    for word in words(protect(text)):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and fnt.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while fnt.getlength(word) > width:  # e.g. a long URL: break between characters
            cut = len(word) - 1
            while cut > 1 and fnt.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def _ellipsize(line: str, fnt: ImageFont.FreeTypeFont, width: int) -> str:
    """Shorten ``line`` and append '…' so that it fits ``width`` pixels."""
    line = line.rstrip()
    while line and fnt.getlength(line + "…") > width:
        line = line[:-1].rstrip()
    return line + "…"


def _fit_title(title: str, width: int, font_dir: str) -> tuple[int, list[str]]:
    for size in TITLE_SIZES:
        lines = wrap_pixels(title, font(BOLD, size, font_dir), width)
        if len(lines) <= 2:
            return size, lines
    fnt = font(BOLD, TITLE_SIZES[-1], font_dir)
    return TITLE_SIZES[-1], [lines[0], _ellipsize(lines[1], fnt, width)]


def _bullet_lines(bullets: list[str], size: int, width: int, font_dir: str) -> tuple[list[list[str]], int]:
    fnt = font(REGULAR, size, font_dir)
    wrapped = [wrap_pixels(b, fnt, width - BULLET_INDENT) for b in bullets]
    height = sum(len(w) for w in wrapped) * _line_height(size) + BULLET_GAP * (len(wrapped) - 1)
    return wrapped, height


def layout_slide(lesson_title: str, slide_title: str, bullets: list[str], number: int, total: int,
                 font_dir: str = str(FONT_DIR)) -> list[TextBox]:
    """Position every text line of a slide; all boxes lie inside the image and above the label."""
    boxes: list[TextBox] = []
    inner = WIDTH - 2 * MARGIN

    def add(text: str, name: str, size: int, x: int, y: int, colour) -> TextBox:
        fnt = font(name, size, font_dir)
        left, top, right, bottom = fnt.getbbox(text or " ")
        box = TextBox(text, name, size, x, y, int(right), max(int(bottom), _line_height(size) - 2), colour)
        boxes.append(box)
        return box

    # Header: lesson title (small, left) and slide number (right).
    counter = f"{number} / {total}"
    header_font = font(REGULAR, HEADER_SIZE, font_dir)
    counter_w = int(header_font.getlength(counter))
    add(counter, REGULAR, HEADER_SIZE, WIDTH - MARGIN - counter_w, HEADER_Y, MUTED)
    header_w = inner - counter_w - 16 * SCALE
    header = lesson_title if header_font.getlength(lesson_title) <= header_w else _ellipsize(
        lesson_title, header_font, header_w)
    add(header, REGULAR, HEADER_SIZE, MARGIN, HEADER_Y, MUTED)

    # Label box: bottom right; bullets must end above it.
    label_font = font(REGULAR, LABEL_SIZE, font_dir)
    label_w = int(label_font.getlength(DRAFT_LABEL))
    label_y = HEIGHT - 12 * SCALE - _line_height(LABEL_SIZE)
    add(DRAFT_LABEL, REGULAR, LABEL_SIZE, WIDTH - MARGIN - label_w, label_y, LABEL_TEXT)
    area_bottom = label_y - LABEL_PAD[1] - 8 * SCALE

    size, title_lines = _fit_title(slide_title, inner, font_dir)
    y = TITLE_Y
    for line in title_lines:
        add(line, BOLD, size, MARGIN, y, TEXT)
        y += _line_height(size)
    y += TITLE_GAP

    for bsize in BULLET_SIZES:
        wrapped, height = _bullet_lines(bullets, bsize, inner, font_dir)
        if y + height <= area_bottom:
            break
    line_h = _line_height(bsize)
    bfont = font(REGULAR, bsize, font_dir)
    for lines in wrapped:
        if y + line_h > area_bottom:
            break
        add("•", REGULAR, bsize, MARGIN + 2 * SCALE, y, ACCENT)
        for i, line in enumerate(lines):
            if y + line_h > area_bottom:
                break
            last_fitting = y + 2 * line_h > area_bottom and i < len(lines) - 1
            text = _ellipsize(line, bfont, inner - BULLET_INDENT) if last_fitting else line
            add(text, REGULAR, bsize, MARGIN + BULLET_INDENT, y, TEXT)
            y += line_h
        y += BULLET_GAP
    return boxes


def render_slide(path: Path, lesson_title: str, slide_title: str, bullets: list[str], number: int,
                 total: int, font_dir: str = str(FONT_DIR)) -> None:
    """Draw one slide to a PNG file at ``path``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((MARGIN, RULE_Y, WIDTH - MARGIN, RULE_Y + 2 * SCALE), fill=ACCENT)  # rule under the header
    for box in layout_slide(lesson_title, slide_title, bullets, number, total, font_dir):
        if box.text == DRAFT_LABEL:
            draw.rounded_rectangle((box.x - LABEL_PAD[0], box.y - LABEL_PAD[1], box.x + box.width + LABEL_PAD[0],
                                    box.y + box.height + LABEL_PAD[1]), radius=4 * SCALE, fill=ACCENT)
        draw.text((box.x, box.y), box.text, font=font(box.font, box.size, font_dir), fill=box.colour)
    # optimize=False and no metadata: the PNG bytes depend only on the pixels.
    image.save(path, format="PNG", optimize=False)
