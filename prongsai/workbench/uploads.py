"""Uploaded files: where they go, what they may be, and how photos are made small enough.

Owns the checks on one uploaded file before anything is written: its name
made safe (security.safe_name: Thai kept, never a path from the browser), its
type allowed by the field (the content model's `ext`) and confirmed by its
first bytes (a PDF starts %PDF, an image opens in Pillow, Office files are
ZIP or OLE), its size capped, and where it goes: an item's files under
`ita/<year>/files/<item>/`, a post's photos under `news/images/`, the agency's
logo under `images/`. A photo wider than the build publishes is stored
resized exactly as the build would resize it (attachments.py).
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass

from ..attachments import MAX_WIDTH, RASTER
from ..schema import IMAGE_EXTENSIONS, Field
from .security import safe_name

#: One file's size limit.
MAX_FILE = 20 * 1024 * 1024
#: Extensions a file field takes when the model names none.
DOCUMENTS = ("pdf", "xlsx", "xls", "docx", "doc", "jpg", "jpeg", "png")
_SIGNATURES = {
    "pdf": (b"%PDF",), "xlsx": (b"PK\x03\x04",), "docx": (b"PK\x03\x04",),
    "xls": (b"\xd0\xcf\x11\xe0",), "doc": (b"\xd0\xcf\x11\xe0",), "svg": (b"<svg", b"<?xml"),
}


class Refused(ValueError):
    """Why an upload is not kept: Thai, English."""

    def __init__(self, th: str, en: str, status: int = 400) -> None:
        super().__init__(en)
        self.th, self.en, self.status = th, en, status


@dataclass(frozen=True)
class Placed:
    """Where an accepted upload goes."""

    #: under content/
    relative: str
    #: as written in the YAML file (relative to it)
    written: str
    data: bytes


def field_at(record: Field, slot: str) -> Field | None:
    """The field a dotted slot (`executives.photo`, list indexes left out) names in a record."""
    field = record
    for part in [p for p in slot.split(".") if p]:
        while field is not None and field.type == "list":
            field = field.item
        field = field.sub(part) if field is not None and field.type == "record" else None
    while field is not None and field.type == "list":
        field = field.item
    return field if field is not None and field.type in ("file", "image") else None


def folder_for(target_relative: str, item_slug: str | None, image: bool) -> str:
    """The folder under content/ an upload for this file goes to."""
    parent = posixpath.dirname(target_relative)
    if item_slug:
        return f"{parent}/files/{item_slug}"
    if parent == "news":
        return "news/images" if image else "news/files"
    return "images" if image else "files"


def accept(field: Field, filename: str, data: bytes) -> tuple[str, bytes]:
    """(safe file name, the bytes to keep) or Refused."""
    if len(data) > MAX_FILE:
        raise Refused(f"ไฟล์ใหญ่เกิน {MAX_FILE // (1024 * 1024)} MB ย่อไฟล์หรือสแกนใหม่ที่ความละเอียดต่ำลง",
                      f"the file is larger than {MAX_FILE // (1024 * 1024)} MB: make it smaller", 413)
    if not data:
        raise Refused("ไฟล์ว่างเปล่า", "the file is empty")
    name = safe_name(filename)
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    allowed = field.ext or (IMAGE_EXTENSIONS if field.type == "image" else DOCUMENTS)
    if ext not in allowed:
        raise Refused(f"ช่องนี้รับไฟล์ชนิด {', '.join(allowed)} เท่านั้น ไม่รับ .{ext or '(ไม่มีนามสกุล)'}",
                      f"this field takes {', '.join(allowed)} files, not .{ext or '(none)'}", 415)
    if ext in RASTER:
        return name, _image(data, ext)
    if ext in _SIGNATURES and not data.lstrip()[:8].startswith(_SIGNATURES[ext]):
        raise Refused(f"เนื้อไฟล์ไม่ใช่ไฟล์ .{ext} จริง (อาจเปลี่ยนนามสกุลมา) บันทึกจากโปรแกรมต้นทางเป็น .{ext} ใหม่",
                      f"the file's content is not a real .{ext} file (renamed?): save it again as .{ext}", 415)
    return name, data


def _image(data: bytes, ext: str) -> bytes:
    """An image that opens; wider than the build publishes: resized as the build would (same format and quality)."""
    from PIL import Image, UnidentifiedImageError

    from ..attachments import _FORMATS

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width <= MAX_WIDTH or ext not in _FORMATS:
                return data
            fmt = _FORMATS[ext]
            smaller = image.convert("RGB" if fmt == "JPEG" else image.mode).resize(
                (MAX_WIDTH, round(height * MAX_WIDTH / width)), Image.LANCZOS)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise Refused("เปิดภาพนี้ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ภาพ", "this image cannot be opened: damaged, or not an image",
                      415) from None
    buffer = io.BytesIO()
    smaller.save(buffer, fmt, **({"quality": 82} if fmt == "JPEG" else {}))
    return buffer.getvalue()
