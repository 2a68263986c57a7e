"""Write the golden site's attachments: small real PNG, JPEG and PDF files made with Pillow.

Run it from anywhere: `python tests/golden/make_files.py`. The output is byte-stable
(Pillow's PNG and JPEG writers are deterministic, and the PDF dates are fixed here),
so running it again leaves the committed files unchanged.
"""

from __future__ import annotations

import time
from pathlib import Path

from PIL import Image, ImageDraw

CONTENT = Path(__file__).resolve().parent / "content"

#: A fixed creation date for the PDFs (Pillow writes the current time by default).
PDF_DATE = time.gmtime(1735689600)  # 1 January 2025 UTC

GREEN, GOLD, WHITE, GREY = (20, 83, 45), (202, 138, 4), (255, 255, 255), (120, 120, 120)


def picture(width: int, height: int, background: tuple, mark: tuple) -> Image.Image:
    """A flat picture with a diagonal bar, so each file is a real, viewable image."""
    image = Image.new("RGB", (width, height), background)
    ImageDraw.Draw(image).line([(0, height - 1), (width - 1, 0)], fill=mark, width=max(2, height // 8))
    return image


def page(number: int) -> Image.Image:
    """One A-series-shaped page with `number` short lines of "text"."""
    image = Image.new("RGB", (62, 88), WHITE)
    draw = ImageDraw.Draw(image)
    for line in range(number + 2):
        draw.line([(8, 10 + 8 * line), (54, 10 + 8 * line)], fill=GREY, width=2)
    return image


def save_pdf(target: Path, pages: int) -> None:
    first, *rest = [page(n + 1) for n in range(pages)]
    first.save(target, "PDF", save_all=True, append_images=rest, resolution=72.0,
               creationDate=PDF_DATE, modDate=PDF_DATE, title=target.stem)


FILES = {
    "images/logo.png": lambda t: picture(48, 48, GREEN, GOLD).save(t, "PNG"),
    "ita/2568/files/chart.png": lambda t: picture(120, 80, WHITE, GREEN).save(t, "PNG"),
    "ita/2568/files/map.png": lambda t: picture(96, 64, (220, 235, 220), GOLD).save(t, "PNG"),
    "ita/2568/files/person.jpg": lambda t: picture(60, 80, (200, 200, 210), GREEN).save(t, "JPEG", quality=80),
    "ita/2568/files/activity.jpg": lambda t: picture(120, 90, (180, 210, 240), GREEN).save(t, "JPEG", quality=80),
    "ita/2568/files/one-page.pdf": lambda t: save_pdf(t, 1),
    "ita/2568/files/two-pages.pdf": lambda t: save_pdf(t, 2),
    "news/images/meeting.jpg": lambda t: picture(160, 90, (240, 220, 180), GREEN).save(t, "JPEG", quality=80),
    "news/files/notice.pdf": lambda t: save_pdf(t, 1),
}


def main() -> None:
    for name, make in FILES.items():
        target = CONTENT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)
        print(f"{target.stat().st_size:6d}  {name}")


if __name__ == "__main__":
    main()
