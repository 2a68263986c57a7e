"""Notice-board posters: A4 pages with a QR code that leads to an ITA item's page.

Owns the QR code markup. Each item gets posters/<fiscal year>/o<N>.html and each
year posters/<fiscal year>/index.html (planned in pagelist.py, drawn by
templates/poster.html). The QR code is inline SVG made at build time by segno,
a pure-Python library: no script, no image file, nothing fetched, and the same
URL always gives the same markup (error level, mask choice and size are fixed
by the URL alone), so builds stay byte-identical.
"""

from __future__ import annotations

import functools
import io
import re

import segno
from markupsafe import Markup, escape

#: Pixels per module and quiet-zone modules: scale 8 prints a version-3 code about 8 cm wide on A4.
QR_SCALE = 8
#: The quiet zone QR readers need around the code, in modules (ISO/IEC 18004 asks for 4).
QR_BORDER = 4
#: Error correction level M: survives a smudge or a pin through the poster.
QR_ERROR = "m"


def qr_code(url: str) -> segno.QRCode:
    """The QR code for a URL: always a full QR code (phones do not read Micro QR), level M, not boosted."""
    return segno.make(url, error=QR_ERROR, micro=False, boost_error=False)


@functools.lru_cache(maxsize=4096)  # a pure function of the URL; `serve` redraws a year's posters on every edit
def qr_svg(url: str, scale: int = QR_SCALE) -> Markup:
    """Inline SVG (valid HTML: no XML declaration, one line) of the QR code for a URL, named for screen readers."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="svg", xmldecl=False, svgns=True, nl=False, scale=scale, border=QR_BORDER,
                      title=f"QR code: {url}", svgclass="qr", lineclass=None, encoding="utf-8")
    svg = buffer.getvalue().decode("utf-8")
    label = escape(f"คิวอาร์โค้ดไปยัง {url}")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def poster_path(fiscal_year: int, slug: str = "index") -> str:
    """Where a poster is in the site: posters/2568/o12.html for an item, posters/2568/index.html for the year."""
    return f"posters/{fiscal_year}/{slug}.html"


_SEGMENT = re.compile(r"h(\d+)")


def dark_modules_drawn(svg: str) -> int:
    """How many dark modules the SVG path draws (segno draws each run of dark modules as one hN)."""
    path = re.search(r'<path[^>]* d="([^"]*)"', svg)
    return sum(int(n) for n in _SEGMENT.findall(path.group(1))) if path else 0


__all__ = ["QR_BORDER", "QR_ERROR", "QR_SCALE", "dark_modules_drawn", "poster_path", "qr_code", "qr_svg"]
