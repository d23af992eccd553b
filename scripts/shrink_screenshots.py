"""Shrink README screenshots (at most 1000 px wide, 128-colour PNG) so they stay small in git."""
import sys

from PIL import Image


def main(paths):
    for path in paths:
        image = Image.open(path).convert("RGB")
        if image.width > 1000:
            image = image.resize((1000, round(image.height * 1000 / image.width)), Image.LANCZOS)
        image.quantize(128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1:])
