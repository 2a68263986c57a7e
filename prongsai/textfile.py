"""Reading a content text file (YAML or Markdown): UTF-8, and nothing in it that a clerk cannot see.

Owns the bytes-to-text step every content file goes through: UTF-8 with or
without Notepad's byte-order mark; a file saved as ANSI/TIS-620, as UTF-16
("Unicode" in Notepad) or that is not text at all, explained with how to save
it again; and every control character (a NUL from a damaged file, a vertical
tab from Word's Shift+Enter, a second byte-order mark) reported at its line and
column, because the value it sits in would otherwise break a page or a
spreadsheet far from where the clerk can see it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

#: Characters no content text may hold: C0 and C1 controls but tab and newline, DEL, a byte-order mark after the
#: start, and the two non-characters. Word pastes a vertical tab for Shift+Enter; a NUL means a damaged file.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_CONTROL_NAMES = {
    "\x00": ("NUL", "NUL"), "\x0b": ("แท็บแนวตั้ง จาก Shift+Enter ใน Word", "vertical tab, from Shift+Enter in Word"),
    "\x0c": ("ตัวแบ่งหน้า", "form feed, a page break"), "\ufeff": ("BOM กลางไฟล์", "a byte-order mark (BOM) after the start"),
}
#: Problems of one kind reported per file; the rest are counted in the last one.
_MAX_REPORTED = 10
_SAVE_AS_UTF8 = ("เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น (Save As) → การเข้ารหัส (Encoding) เป็น UTF-8",
                 "open it in Notepad, Save As, and choose the UTF-8 encoding")


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """Read a text file as UTF-8 (a Notepad BOM is fine); explain a file saved as ANSI/cp874 or UTF-16, a binary
    file, and every control character with its line and column."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 0, 0, "เปิดอ่านไฟล์นี้ไม่ได้", f"this file cannot be read ({error.strerror or error})",
                              "ตรวจสิทธิ์การอ่านไฟล์ หรือปิดโปรแกรมที่เปิดไฟล์นี้ค้างไว้",
                              "check that you may read it, or close the program that holds it open")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown_as, 0, 0, "ไฟล์นี้บันทึกเป็น Unicode (UTF-16) ไม่ใช่ UTF-8",
                              "this file is saved as Unicode (UTF-16), not UTF-8", *_SAVE_AS_UTF8)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        if b"\x00" in raw[:8192]:
            return None, [Problem(shown_as, 0, 0, "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (อาจเป็นไฟล์ PDF ภาพ หรือไฟล์อื่นที่ตั้งชื่อผิด)",
                                  "this is not a text file (perhaps a PDF, an image or another file given this name)",
                                  "ใส่ไฟล์ข้อความที่ถูกต้อง แล้วย้ายไฟล์นี้ไปไว้ที่อื่น", "put the right text file here and move this one")]
        return None, [Problem(
            shown_as, line, 1,
            "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (อาจบันทึกเป็น ANSI หรือ TIS-620) อ่านภาษาไทยไม่ได้",
            "this file is not saved as UTF-8 (perhaps ANSI or TIS-620), so its Thai text cannot be read", *_SAVE_AS_UTF8,
        )]
    text = text.replace("\r\n", "\n")
    problems = control_characters(text, shown_as)
    return (None, problems) if problems else (text, [])


def control_name(character: str) -> tuple[str, str]:
    code = f"U+{ord(character):04X}"
    th, en = _CONTROL_NAMES.get(character, (code, code))
    return (th, en) if th == code else (f"{th}, {code}", f"{en}, {code}")


def control_characters(text: str, shown_as: str, first_line: int = 1) -> list[Problem]:
    """A problem at the line and column of each control character (the first of each line, ten lines at most)."""
    problems, lines_with = [], 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = CONTROL.search(line)
        if found is None:
            continue
        lines_with += 1
        if lines_with > _MAX_REPORTED:
            continue
        th, en = control_name(found.group())
        problems.append(Problem(
            shown_as, number, found.start() + 1, f"มีอักขระควบคุมที่มองไม่เห็น ({th})", f"an invisible control character ({en})",
            "ลบอักขระนั้นออก หรือแทนด้วยช่องว่าง (มักติดมากับข้อความที่คัดลอกจาก Word หรือ Excel)",
            "delete it or write a space instead (it often comes with text copied from Word or Excel)"))
    if lines_with > _MAX_REPORTED:
        last = problems[-1]
        problems[-1] = Problem(last.path, last.line, last.column, last.th + f" และอีก {lines_with - _MAX_REPORTED} บรรทัดถัดไป",
                               last.en + f", and on {lines_with - _MAX_REPORTED} more lines after this one",
                               last.hint_th, last.hint_en)
    return problems
