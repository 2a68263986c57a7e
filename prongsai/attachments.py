"""Attachments: the files under content/ that pages link to, and what a reader needs to know of them.

Owns Attachment (type, size, PDF page count, image size) and the metadata
readers: pypdf for PDFs, Pillow for images. A file that cannot be opened or is
empty is a problem, because an assessor who cannot open it scores the item 0.
"""

from __future__ import annotations

import io

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


from .problems import Problem

#: extension -> (Thai label, English label)
FILE_TYPES = {
    "pdf": ("PDF", "PDF"),
    "xlsx": ("Excel", "Excel"), "xls": ("Excel", "Excel"),
    "docx": ("Word", "Word"), "doc": ("Word", "Word"),
    "csv": ("CSV", "CSV"),
    "jpg": ("ภาพ JPEG", "JPEG image"), "jpeg": ("ภาพ JPEG", "JPEG image"),
    "png": ("ภาพ PNG", "PNG image"), "webp": ("ภาพ WebP", "WebP image"),
    "gif": ("ภาพ GIF", "GIF image"), "svg": ("ภาพ SVG", "SVG image"),
}
RASTER = {"jpg", "jpeg", "png", "webp", "gif"}
#: Wider images are published resized to this width: a phone screen needs no more, and a 3G line pays for every byte.
MAX_WIDTH = 1200
_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


@dataclass(frozen=True)
class Attachment:
    """A file under content/, published at the same relative path in the site."""

    #: path relative to content/ (and to the site), with forward slashes
    path: str
    size: int
    #: number of pages, for PDFs
    pages: int | None = None
    #: pixel size, for images (as published: after resizing)
    width: int | None = None
    height: int | None = None
    #: the bytes published instead of the file, when the build resized it
    published: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def ext(self) -> str:
        return self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""

    @property
    def type_th(self) -> str:
        return FILE_TYPES.get(self.ext, (self.ext.upper(), ""))[0]

    @property
    def type_en(self) -> str:
        return FILE_TYPES.get(self.ext, ("", self.ext.upper()))[1]

    @property
    def is_image(self) -> bool:
        return self.ext in RASTER or self.ext == "svg"


def _pdf_pages(file: Path) -> int:
    from pypdf import PdfReader  # imported when a PDF is read: most rebuilds find every count in the cache

    with file.open("rb") as stream:
        return len(PdfReader(stream).pages)


def _image(relative: str, file: Path, size: int, ext: str) -> Attachment:
    """An image's pixel size; one wider than MAX_WIDTH is resized (same format, deterministic bytes)."""
    from PIL import Image

    with Image.open(file) as image:
        width, height = image.size
        if width <= MAX_WIDTH or ext not in _FORMATS:
            return Attachment(relative, size, width=width, height=height)
        new_height = round(height * MAX_WIDTH / width)
        smaller = image.convert("RGB" if _FORMATS[ext] == "JPEG" else image.mode).resize((MAX_WIDTH, new_height), Image.LANCZOS)
    buffer = io.BytesIO()
    smaller.save(buffer, _FORMATS[ext], **({"quality": 82} if _FORMATS[ext] == "JPEG" else {}))
    data = buffer.getvalue()
    return Attachment(relative, len(data), width=MAX_WIDTH, height=new_height, published=data)


def read_attachment(content_root: Path, relative: str, shown: str) -> tuple[Attachment, list[Problem]]:
    """Metadata of content/<relative>, with a problem (at `shown`) if the file is empty or unreadable."""
    file = content_root / relative
    size = file.stat().st_size
    attachment = Attachment(relative, size)
    if size == 0:
        return attachment, [Problem(shown, 0, 0, "ไฟล์นี้ว่างเปล่า (0 ไบต์)", "this file is empty (0 bytes)",
                                    "แทนที่ด้วยไฟล์ที่ถูกต้อง", "replace it with the real file")]
    from PIL import UnidentifiedImageError
    from pypdf.errors import PdfReadError

    try:
        if attachment.ext == "pdf":
            return Attachment(relative, size, pages=_pdf_pages(file)), []
        if attachment.ext in RASTER:
            return _image(relative, file, size, attachment.ext), []
    except (PdfReadError, UnidentifiedImageError, OSError, ValueError) as error:
        return attachment, [Problem(shown, 0, 0, f"เปิดไฟล์ {attachment.type_th} นี้ไม่ได้ ไฟล์อาจเสีย",
                                    f"this {attachment.type_en} file cannot be opened ({error})",
                                    "บันทึกหรือสแกนไฟล์ใหม่แล้ววางแทนที่", "save or scan it again and replace it")]
    return attachment, []


class AttachmentCache:
    """Reads each attachment once per build, however many records name it."""

    def __init__(self, content_root: Path, show: Callable[[Path], str], memo=None) -> None:
        self.content_root = content_root
        #: how a file is named in problems (relative to the project folder)
        self.show = show
        #: metadata kept between rebuilds of `serve` (None: read every file)
        self.memo = memo
        self.found: dict = {}
        self.problems: list = []

    def __call__(self, relative: str) -> Attachment:
        if relative not in self.found:
            file, shown = self.content_root / relative, self.show(self.content_root / relative)
            read = lambda: read_attachment(self.content_root, relative, shown)  # noqa: E731
            attachment, problems = self.memo.get("attachment", file, read) if self.memo else read()
            self.found[relative] = attachment
            self.problems.extend(problems)
        return self.found[relative]
