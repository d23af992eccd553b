"""Draw the course image (course_export/static/images/course_image.png).

A calm, abstract 1280x720 design with the course title: a soft vertical gradient, two large
overlapping circles (two people meeting) and a few thin arcs. Pillow and Debian's DejaVu fonts
only; no photos, no external assets, no randomness, so the same Pillow gives the same bytes.

Usage: .venv/bin/python scripts/make_course_image.py [--out PATH]
"""
import argparse
import os
import sys

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TARGET = os.path.join(REPO, "course_export", "static", "images", "course_image.png")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"

WIDTH, HEIGHT = 1280, 720
TOP, BOTTOM = (22, 52, 74), (34, 92, 98)          # deep blue to teal
TITLE = "Bättre bemötande"
SUBTITLE = ("att möta asylsökande", "och nyanlända")
FOOTER = "Kurs på svenska · i egen takt"
WHITE = (255, 255, 255)
SOFT_WHITE = (226, 238, 240)


def font(name, size):
    """A DejaVu font; fails with a clear message when Debian's fonts-dejavu-core is missing."""
    path = os.path.join(FONT_DIR, name)
    if not os.path.isfile(path):
        raise SystemExit("make_course_image: {} is missing (apt-get install fonts-dejavu-core)".format(path))
    return ImageFont.truetype(path, size)


def gradient():
    """The background: a vertical blend from TOP to BOTTOM."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    return image


def shapes(base):
    """Two overlapping translucent circles and thin arcs, right of the title.

    Each shape is drawn on its own layer and composited, so the overlap blends the two colours.
    """
    image = base.convert("RGBA")

    def composite(draw_on):
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw_on(ImageDraw.Draw(layer))
        return Image.alpha_composite(image, layer)

    for i, radius in enumerate((250, 290, 330)):
        box = (1070 - radius, 360 - radius, 1070 + radius, 360 + radius)
        image = composite(lambda d, box=box, i=i: d.arc(box, start=195 + i * 10, end=335 - i * 8,
                                                     fill=(255, 255, 255, 64 - i * 14), width=3))
    image = composite(lambda d: d.ellipse((890, 160, 1190, 460), fill=(244, 196, 140, 110)))   # warm sand
    image = composite(lambda d: d.ellipse((1010, 250, 1310, 550), fill=(150, 214, 204, 110)))  # soft mint
    image = composite(lambda d: d.rectangle((96, 300, 196, 306), fill=(244, 196, 140, 255)))  # accent
    return image


def text(image):
    """Title, subtitle and footer, left-aligned on the calm side of the picture."""
    draw = ImageDraw.Draw(image)
    draw.text((96, 200), TITLE, font=font("DejaVuSans-Bold.ttf", 76), fill=WHITE)
    y = 336
    for line in SUBTITLE:
        draw.text((96, y), line, font=font("DejaVuSans.ttf", 42), fill=SOFT_WHITE)
        y += 56
    draw.text((96, 600), FOOTER, font=font("DejaVuSans.ttf", 26), fill=SOFT_WHITE)
    return image


def make(target=TARGET):
    """Write the PNG to ``target`` and return its path."""
    image = text(shapes(gradient())).convert("RGB")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    image.save(target, format="PNG", optimize=True)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=TARGET)
    args = parser.parse_args(argv)
    print(os.path.relpath(make(args.out), REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
