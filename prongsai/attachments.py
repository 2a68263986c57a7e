"""Attachments: the files under content/ that pages link to, and what a reader needs to know of them.

Owns Attachment (type, size, PDF page count, image size), the types that are
published (PUBLISHED: nothing a browser or a web server runs) and the metadata
readers: pypdf for PDFs, Pillow for images, svg.py for drawings. A file that
cannot be opened or is empty is a problem, because an assessor who cannot open
it scores the item 0; so is a PDF that needs a password, an image or a PDF past
limits.py (decompression bombs), and an SVG with a script in it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import limits
from .problems import WARNING, Problem
from .svg import unsafe_svg

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
#: What is published from content/: documents, sheets, slides, images, archives, sound and video. Nothing else:
#: a web page, a script or a server file would run in the reader's browser or on the agency's web host.
PUBLISHED = set(FILE_TYPES) | {"pptx", "ppt", "odt", "ods", "odp", "rtf", "txt", "md", "tif", "tiff", "bmp",
                               "zip", "rar", "7z", "mp3", "m4a", "mp4", "webm"}
#: Types refused because a browser or a web server runs what they hold (the message says so and what to do instead).
RUNNABLE = {"html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svgz", "xml", "xsl", "xslt", "js", "mjs", "css",
            "php", "phtml", "phar", "asp", "aspx", "ashx", "asmx", "jsp", "jspx", "cgi", "pl", "py", "sh", "bat", "cmd",
            "ps1", "vbs", "exe", "msi", "jar", "hta", "swf", "wasm", "config", "htaccess"}
#: Wider images are published resized to this width: a phone screen needs no more, and a 3G line pays for every byte.
MAX_WIDTH = 1200
_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
#: The Pillow formats an image may be, whatever its extension says (browsers look at the bytes too; Pillow's JPEG
#: reader also opens a phone's MPO); never another one, such as EPS, which Pillow would hand to Ghostscript.
_OPEN_AS = ["JPEG", "PNG", "WEBP", "GIF"]


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


class _Refused(Exception):
    """A file that opens but may not be published as it is: carries the Thai and English reason and its hint."""

    def __init__(self, th: str, en: str, hint_th: str, hint_en: str, line: int = 0, column: int = 0,
                 severity: str = "error") -> None:
        super().__init__(en)
        self.th, self.en, self.hint_th, self.hint_en = th, en, hint_th, hint_en
        self.line, self.column, self.severity = line, column, severity

    def problem(self, shown: str) -> Problem:
        return Problem(shown, self.line, self.column, self.th, self.en, self.hint_th, self.hint_en, self.severity)


def _pdf_pages(file: Path) -> int | None:
    """The page count; a PDF that needs a password, or has more than limits.PDF_PAGES pages, is refused."""
    from pypdf import PasswordType, PdfReader  # imported when a PDF is read: most rebuilds find every count in the cache
    from pypdf.errors import DependencyError

    with file.open("rb") as stream:
        reader = PdfReader(stream)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:  # AES without a cryptography library: whether it opens cannot be told
                raise _Refused("ไฟล์ PDF นี้เข้ารหัสไว้ ตรวจไม่ได้ว่าเปิดได้โดยไม่ต้องใส่รหัสผ่าน",
                               "this PDF is encrypted; whether it opens without a password cannot be checked",
                               "เปิดไฟล์ดูเองว่าเปิดได้โดยไม่ถามรหัสผ่าน", "open it yourself to see that it asks for no password",
                               severity=WARNING) from None
            if opened == PasswordType.NOT_DECRYPTED:
                raise _Refused("ไฟล์ PDF นี้ต้องใส่รหัสผ่านจึงจะเปิดได้ ผู้ประเมินและประชาชนจะเปิดไม่ได้",
                               "this PDF asks for a password to open: assessors and citizens cannot read it",
                               "บันทึกไฟล์ใหม่โดยไม่ตั้งรหัสผ่านเปิดไฟล์", "save it again without an opening password")
        declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        if not isinstance(declared, int) or declared > limits.PDF_PAGES.value:
            raise _too_many_pages()
        pages = len(reader.pages)
        if pages > limits.PDF_PAGES.value:
            raise _too_many_pages()
        return pages


def _too_many_pages() -> _Refused:
    most = f"{limits.PDF_PAGES.value:,}"
    return _Refused(f"ไฟล์ PDF นี้มีมากกว่า {most} หน้า", f"this PDF has more than {most} pages",
                    "แบ่งเอกสารเป็นหลายไฟล์", "split the document into several files")


def _image(relative: str, file: Path, size: int, ext: str) -> Attachment:
    """An image's pixel size; one wider than MAX_WIDTH is resized (same format, deterministic bytes).

    Pillow reads only the header until the pixels are needed, so an image of more than limits.IMAGE_PIXELS is
    refused before it is decoded; and only the web's raster formats are tried (a .jpg that is an EPS file
    would otherwise be handed to Ghostscript); it is decoded in full once, so a damaged image is found.
    """
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the limit below is lower
        try:
            opened = Image.open(file, formats=_OPEN_AS)
        except Image.DecompressionBombError:
            raise _too_many_pixels() from None
    with opened as image:
        width, height = image.size
        if width * height > limits.IMAGE_PIXELS.value:
            raise _too_many_pixels(width, height)
        image.load()  # decoded once, so that a damaged or cut-off image is found here and not by a reader
        if width <= MAX_WIDTH or ext not in _FORMATS:
            return Attachment(relative, size, width=width, height=height)
        new_height = round(height * MAX_WIDTH / width)
        smaller = image.convert("RGB" if _FORMATS[ext] == "JPEG" else image.mode).resize((MAX_WIDTH, new_height), Image.LANCZOS)
    buffer = io.BytesIO()
    smaller.save(buffer, _FORMATS[ext], **({"quality": 82} if _FORMATS[ext] == "JPEG" else {}))
    data = buffer.getvalue()
    return Attachment(relative, len(data), width=MAX_WIDTH, height=new_height, published=data)


def _too_many_pixels(width: int = 0, height: int = 0) -> _Refused:
    most = f"{limits.IMAGE_PIXELS.value:,}"
    size = f" ({width:,} × {height:,})" if width else ""
    return _Refused(f"ภาพนี้มีมากกว่า {most} พิกเซล{size}", f"this image has more than {most} pixels{size}",
                    "ย่อภาพให้กว้างไม่เกิน 4,000 พิกเซลแล้ววางแทนที่ (เว็บไซต์แสดงภาพกว้างไม่เกิน 1,200 พิกเซลอยู่แล้ว)",
                    "make it at most 4,000 pixels wide and replace it (the site shows at most 1,200)")


def _inert_svg(file: Path) -> None:
    found = unsafe_svg(file)
    if found is not None:
        line, column, th, en = found
        raise _Refused(f"ภาพ SVG นี้มี{th} ซึ่งทำงานหรือเรียกไฟล์จากที่อื่นเมื่อเปิดไฟล์ในเบราว์เซอร์",
                       f"this SVG drawing holds {en}, which runs or loads something when the file is opened in a browser",
                       "ส่งออกภาพใหม่เป็น PNG หรือเป็น SVG แบบธรรมดา (Inkscape: บันทึกเป็น → Plain SVG)",
                       "export it again as PNG, or as plain SVG (Inkscape: Save As, Plain SVG)", line, column)


def read_attachment(content_root: Path, relative: str, shown: str) -> tuple[Attachment, list[Problem]]:
    """Metadata of content/<relative>, with a problem (at `shown`) if the file is empty, unreadable or unsafe."""
    file = content_root / relative
    size = file.stat().st_size
    attachment = Attachment(relative, size)
    if size == 0:
        return attachment, [Problem(shown, 0, 0, "ไฟล์นี้ว่างเปล่า (0 ไบต์)", "this file is empty (0 bytes)",
                                    "แทนที่ด้วยไฟล์ที่ถูกต้อง", "replace it with the real file")]
    try:
        if attachment.ext == "pdf":
            return Attachment(relative, size, pages=_pdf_pages(file)), []
        if attachment.ext in RASTER:
            return _image(relative, file, size, attachment.ext), []
        if attachment.ext == "svg":
            _inert_svg(file)
    except _Refused as refused:
        return attachment, [refused.problem(shown)]
    except Exception as error:  # noqa: BLE001 - a damaged or crafted file can make pypdf or Pillow raise anything
        return attachment, [Problem(shown, 0, 0, f"เปิดไฟล์ {attachment.type_th} นี้ไม่ได้ ไฟล์อาจเสีย",
                                    f"this {attachment.type_en} file cannot be opened ({type(error).__name__}: {error})",
                                    "บันทึกหรือสแกนไฟล์ใหม่แล้ววางแทนที่", "save or scan it again and replace it")]
    return attachment, []


class AttachmentCache:
    """Reads each attachment once per build, however many records name it."""

    def __init__(self, content_root: Path, show: Callable[[Path], str], memo=None, files=None, build_date=None) -> None:
        self.content_root = content_root
        #: how a file is named in problems (relative to the project folder)
        self.show = show
        #: metadata kept between rebuilds of `serve` (None: read every file)
        self.memo = memo
        #: what field checks need besides: the files under content/ (fields.ContentFiles) and the build date
        self.files = files
        self.build_date = build_date
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
