"""The file and image fields: a path written in YAML to a file under content/.

Owns what such a path may be: relative to the YAML file that names it, inside
content/, of a type the field takes, and one of the files content.discover
found (ContentFiles), named exactly: a name that differs only in upper and
lower case, or in its Unicode form, is explained rather than called missing,
because a Windows PC finds it and the web host does not. A file already
reported (a link, too large, a type not published) adds no second problem.
Called by fields.py with its Reader; knows nothing else of the content model.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field as dataclass_field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .content import folded
from .schema import Field
from .yamlio import Key

if TYPE_CHECKING:  # fields.py imports this module
    from .fields import Reader


def _label(field: Field) -> str:
    return f"'{field.name}' ({field.th})" if field.th else f"'{field.name}'"


@dataclass(frozen=True)
class ContentFiles:
    """The files an attachment field may name: content.discover's inventory, looked up by exact name."""

    assets: frozenset
    #: files reported already (a link, too large, a type not published): naming one adds no second problem
    refused: frozenset = frozenset()
    #: folded (content.folded) path -> the real paths, to explain a name that differs only in case or encoding
    by_fold: dict = dataclass_field(default_factory=dict)

    @classmethod
    def of(cls, assets, refused=()) -> "ContentFiles":
        by_fold: dict = {}
        for path in assets:
            by_fold.setdefault(folded(path), []).append(path)
        return cls(frozenset(assets), frozenset(refused), by_fold)


def attachment_field(field: Field, value: str, key: Key, reader: Reader) -> object:
    written = value.strip().replace("\\", "/")
    relative = _inside_content(written, field, key, reader)
    if relative is None:
        return None
    ext = relative.suffix.lower().lstrip(".")
    if field.ext and ext not in field.ext:
        reader.problem(key, f"ช่อง {_label(field)} ใช้ไฟล์ .{ext} ไม่ได้", f"'{field.name}' cannot take a .{ext} file",
                       f"ใช้ไฟล์ชนิด {', '.join(field.ext)}", f"use a {', '.join(field.ext)} file")
        return None
    path = relative.as_posix()
    files = reader.files
    if files is not None and path in files.refused:
        return None  # reported at the file itself
    if files is None and not (reader.content_root / relative).is_file():
        _missing_file(field, written, relative, key, reader)
        return None
    if files is not None and path not in files.assets:
        _not_published(field, written, relative, key, reader, files)
        return None
    return reader.attach(path)


def _not_published(field: Field, written: str, relative: PurePosixPath, key: Key, reader: Reader, files: ContentFiles) -> None:
    """A name not among the files: one that differs only in case or Unicode form is named; else did-you-mean."""
    path = relative.as_posix()
    same = files.by_fold.get(folded(path), [])
    if not same:
        _missing_file(field, written, relative, key, reader)
        return
    here = reader.folder.relative_to(reader.content_root).as_posix()
    real = posixpath.relpath(same[0], here)
    if unicodedata.normalize("NFC", path) == unicodedata.normalize("NFC", same[0]):
        reader.problem(key, f"ชื่อไฟล์ '{real}' บนดิสก์ใช้รหัสอักขระต่างจากที่เขียนไว้ แม้จะดูเหมือนกัน (มักเกิดกับไฟล์ที่คัดลอกมาจากเครื่อง Mac)",
                       f"the name of '{real}' on disk is encoded differently from what is written, though it looks the "
                       "same (Unicode normalisation: files copied from a Mac do this)",
                       "ตั้งชื่อไฟล์ใหม่โดยพิมพ์ชื่อเอง", "rename the file by typing its name again")
        return
    reader.problem(key, f"ไม่พบไฟล์ '{written}' แต่มีไฟล์ '{real}' ซึ่งต่างกันเพียงตัวพิมพ์เล็กและตัวพิมพ์ใหญ่",
                   f"file not found: '{written}'; there is '{real}', whose name differs only in upper and lower case "
                   "(a web host tells them apart)",
                   f"เขียนชื่อไฟล์ให้ตรงทุกตัวอักษร: {real}", f"write the name exactly: {real}")


def _inside_content(written: str, field: Field, key: Key, reader: Reader) -> PurePosixPath | None:
    """The path relative to content/, or None (with a problem) when it leads outside."""
    here = reader.folder.relative_to(reader.content_root).as_posix()
    parts: list[str] = [] if here == "." else here.split("/")
    leads_out = written.startswith("/") or re.match(r"^[A-Za-z]:", written) is not None
    for part in [] if leads_out else written.split("/"):
        if part == "..":
            leads_out = leads_out or not parts
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    if leads_out or not parts:
        reader.problem(key, f"ไฟล์ '{written}' อยู่นอกโฟลเดอร์ content/", f"'{written}' leads outside the content/ folder",
                       "วางไฟล์ไว้ในโฟลเดอร์ content/ แล้วเขียนทางไปไฟล์เทียบกับไฟล์ YAML นี้ เช่น files/o12/report.pdf",
                       "put the file inside content/ and write its path relative to this YAML file, e.g. files/o12/report.pdf")
        return None
    return PurePosixPath(*parts)


def _missing_file(field: Field, written: str, relative: PurePosixPath, key: Key, reader: Reader) -> None:
    folder = reader.content_root / relative.parent
    siblings = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    close = difflib.get_close_matches(relative.name, siblings, n=1, cutoff=0.6)
    hint_th = f"หมายถึง '{close[0]}' ใช่ไหม" if close else f"วางไฟล์ไว้ที่ content/{relative.as_posix()} หรือแก้ทางไปไฟล์ให้ถูก"
    hint_en = f"did you mean '{close[0]}'?" if close else f"put the file at content/{relative.as_posix()} or correct the path"
    reader.problem(key, f"ไม่พบไฟล์ '{written}'", f"file not found: '{written}' (looked for content/{relative.as_posix()})", hint_th, hint_en)
