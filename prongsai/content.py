"""The first two stages: discover the files under content/, and load them as text and YAML.

Owns the content folder's layout:
  content/site.yaml                  the agency's settings
  content/ita/<fiscal year>/O12.yaml one file per item (O12-anything.yaml too), O12.md beside it
  content/news/*.md                  dated news posts with YAML front matter
  everything else                    attachments and images, published at the same path
Problems here are about files: a file in the wrong place, two files for one item.

Also owns what may be read at all: only real files and folders under content/
(a symbolic link, a Windows junction, a named pipe or a device is reported and
never opened, so nothing outside content/ is read or published and no loop is
followed), file sizes within limits.py, published names that work on Windows
and in links, published types that run nothing (attachments.PUBLISHED), and
item files that are empty by accident.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import limits, textfile, yamlio
from .attachments import PUBLISHED, RUNNABLE
from .framework import normalise_code, usable_years
from .problems import Problem
from .yamlio import Doc

_ITEM_FILE = re.compile(r"^([Oo]0*\d+)(?:[-_ .].*)?\.(yaml|yml|md)$")
_IGNORED = re.compile(r"^(\..*|~\$.*|Thumbs\.db|desktop\.ini|.*~)$", re.IGNORECASE)
_YAML = (".yaml", ".yml")
#: Characters a published name cannot hold: Windows refuses <>:"|?*\\ and controls; # and % break a link.
_BAD_NAME_CHARS = re.compile(r'[<>:"|?*\\#%\x00-\x1f\x7f]')
#: Names Windows keeps for devices, with any extension (NUL.pdf cannot be copied to a Windows PC).
_DEVICE_NAME = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
#: Windows' mark of a junction or other reparse point (os.stat_result.st_file_attributes).
_REPARSE_POINT = 0x400


@dataclass
class Inventory:
    """The content files, sorted, by role."""

    site_file: Path | None = None
    #: (fiscal year, item code) -> {"yaml": Path, "md": Path}
    items: dict = field(default_factory=dict)
    news: list = field(default_factory=list)
    #: every other file, relative to content/ with forward slashes
    assets: list = field(default_factory=list)
    #: files under content/ already reported and never read (a link, too large, a type not published):
    #: a field naming one says nothing more
    refused: set = field(default_factory=set)


@dataclass(frozen=True)
class ContentFile:
    """One content file's text and parsed YAML, with where its Markdown body starts."""

    doc: Doc | None
    body: str
    body_line: int
    body_path: str


def folded(path: str) -> str:
    """A path as Windows and macOS compare names: upper and lower case alike, and é typed as one character or two."""
    return unicodedata.normalize("NFC", path).casefold()


#: Control characters, which a file name may hold, as a message prints them (a newline must not break its line).
_PRINTABLE = {code: f"\\x{code:02x}" for code in [*range(32), 127]} | {10: "\\n", 13: "\\r", 9: "\\t"}


def shown(file: Path, project: Path) -> str:
    """How a path is printed in problems: relative to the project folder when inside it, on one line, and with a
    name that is not UTF-8 in \\x escapes."""
    try:
        text = file.relative_to(project).as_posix()
    except ValueError:
        text = file.as_posix()
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").translate(_PRINTABLE)


def _is_link(entry: os.DirEntry) -> bool:
    """A symbolic link, or on Windows a junction (a folder link that is not a symlink)."""
    if entry.is_symlink():
        return True
    if os.name != "nt":
        return False
    attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attributes & _REPARSE_POINT)


def _link_problem(entry: os.DirEntry, project: Path) -> Problem:
    try:
        target = os.readlink(entry.path)
    except OSError:
        target = "?"
    what_th, what_en = ("โฟลเดอร์", "folder") if os.path.isdir(entry.path) else ("ไฟล์", "file")  # False for a loop
    return Problem(shown(Path(entry.path), project), 0, 0,
                   f"{what_th}นี้เป็นทางลัด (symbolic link) ไปยัง '{target}' โปรแกรมอ่านและเผยแพร่เฉพาะไฟล์จริงในโฟลเดอร์ content/",
                   f"this {what_en} is a symbolic link to '{target}'; only real files inside content/ are read and published",
                   f"คัดลอก{what_th}จริงมาวางแทนทางลัดนี้", f"copy the real {what_en} here in place of the link")


def _special_problem(entry: os.DirEntry, project: Path) -> Problem:
    mode = entry.stat(follow_symlinks=False).st_mode
    th, en = (("ท่อข้อมูล (FIFO)", "named pipe (FIFO)") if stat.S_ISFIFO(mode) else ("ซ็อกเก็ต", "socket") if stat.S_ISSOCK(mode)
              else ("อุปกรณ์", "device"))
    return Problem(shown(Path(entry.path), project), 0, 0, f"นี่ไม่ใช่ไฟล์ธรรมดา แต่เป็น{th}", f"this is not a regular file but a {en}",
                   "ลบออกจากโฟลเดอร์ content/", "remove it from content/")


def _entries(folder: Path, project: Path, problems: list) -> list:
    try:
        with os.scandir(folder) as found:
            return sorted(found, key=lambda entry: entry.name)
    except OSError as error:
        problems.append(Problem(shown(folder, project), 0, 0, "เปิดโฟลเดอร์นี้ไม่ได้", f"this folder cannot be opened ({error.strerror})",
                                "ตรวจสิทธิ์การเข้าถึงโฟลเดอร์", "check that you may open it"))
        return []


def _walk(folder: Path, project: Path, problems: list):
    """(file, its size) of every real file under folder, by name, depth first; links and special files are reported,
    not followed. A stack rather than recursion: folders may nest a thousand deep."""
    stack = [iter(_entries(folder, project, problems))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif _IGNORED.match(entry.name):
            continue
        elif _is_link(entry):
            problems.append(_link_problem(entry, project))
        elif entry.is_dir(follow_symlinks=False):
            stack.append(iter(_entries(Path(entry.path), project, problems)))
        elif entry.is_file(follow_symlinks=False):
            yield Path(entry.path), entry.stat(follow_symlinks=False).st_size
        else:
            problems.append(_special_problem(entry, project))


def _too_large(file: Path, project: Path, size: int, limit: limits.Limit, what_th: str, what_en: str,
               hint_th: str, hint_en: str) -> Problem:
    written = f"{size / limits.MB:,.1f} MB" if size >= limits.MB else f"{size / 1024:,.0f} KB"
    return Problem(shown(file, project), 0, 0,
                   f"ไฟล์นี้ใหญ่ {written} เกินขีดจำกัดของ{what_th} ({limits.size_text(limit.value)})",
                   f"this file is {written}, more than a {what_en} may be ({limits.size_text(limit.value)})",
                   hint_th, hint_en)


def _size_problem(file: Path, relative: Path, size: int, project: Path) -> Problem | None:
    """A text file or an attachment larger than its limit (limits.py); it is then never read."""
    if file.suffix in _YAML and size > limits.YAML_BYTES.value:
        return _too_large(file, project, size, limits.YAML_BYTES, "ไฟล์ YAML", "YAML file",
                          "แบ่งข้อมูลเป็นหลายไฟล์ หรือตรวจว่าไม่ได้วางข้อมูลอื่นปนเข้ามา",
                          "split the data, or check that nothing else was pasted into it")
    if file.suffix == ".md" and len(relative.parts) <= 3 and size > limits.MARKDOWN_BYTES.value:
        return _too_large(file, project, size, limits.MARKDOWN_BYTES, "ข้อความ Markdown", "Markdown text",
                          "แบ่งเป็นหลายข่าวหรือหลายหน้า หรือแนบเอกสารยาวเป็นไฟล์ PDF",
                          "split it into several posts, or attach a long document as a PDF")
    if size > limits.ATTACHMENT_BYTES.value:
        return _too_large(file, project, size, limits.ATTACHMENT_BYTES, "ไฟล์แนบ", "published file",
                          "ลดขนาดไฟล์: สแกนใหม่ที่ 150–200 dpi แบบขาวดำ บีบอัดไฟล์ PDF หรือแบ่งเป็นหลายไฟล์",
                          "make it smaller: scan again at 150-200 dpi in grey, compress the PDF, or split it")
    return None


def _name_problem(file: Path, relative: Path, project: Path) -> Problem | None:
    """A published path whose names Windows refuses, a link breaks, or that are not UTF-8, or that is too long."""
    if len(relative.as_posix()) > limits.PUBLISHED_PATH_CHARS.value:
        most = limits.PUBLISHED_PATH_CHARS.value
        return Problem(shown(file, project), 0, 0, f"ทางไปไฟล์นี้ยาวเกิน {most} ตัวอักษร เมื่อแตกไฟล์ site.zip บน Windows จะเปิดไม่ได้",
                       f"this file's path is longer than {most} characters: Windows cannot open it once site.zip is unzipped",
                       "ตั้งชื่อโฟลเดอร์และไฟล์ให้สั้นลง และซ้อนโฟลเดอร์ให้น้อยลง", "shorten the folder and file names, and nest fewer folders")
    for name in relative.parts:
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return Problem(shown(file, project), 0, 0, "ชื่อไฟล์หรือโฟลเดอร์นี้ไม่ได้เขียนด้วย UTF-8 (อาจตั้งชื่อบนเครื่องที่ใช้ TIS-620)",
                           "this file or folder name is not UTF-8 (perhaps named on a TIS-620 system)",
                           "ตั้งชื่อไฟล์ใหม่บนเครื่องนี้", "rename it on this computer")
        bad = " ".join(character.translate(_PRINTABLE) for character in sorted(set(_BAD_NAME_CHARS.findall(name))))
        why = ((f"มีเครื่องหมาย {bad} ซึ่ง Windows ไม่รับหรือทำให้ลิงก์เสีย", f"it holds {bad}, which Windows refuses or which "
                "break a link") if bad else
               ("เป็นชื่อที่ Windows สงวนไว้สำหรับอุปกรณ์", "Windows keeps this name for a device") if _DEVICE_NAME.match(name) else
               ("ลงท้ายด้วยช่องว่างหรือจุด ซึ่ง Windows ตัดทิ้ง", "it ends in a space or a dot, which Windows drops")
               if name != name.rstrip(" .") else None)
        if why is not None:
            printed = name.translate(_PRINTABLE)
            return Problem(shown(file, project), 0, 0, f"ชื่อ '{printed}' ใช้เป็นชื่อไฟล์ในเว็บไซต์ไม่ได้ เพราะ{why[0]}",
                           f"'{printed}' cannot be the name of a published file: {why[1]}",
                           "เปลี่ยนชื่อ ใช้ตัวอักษร ตัวเลข - และ _", "rename it with letters, digits, - and _")
    return None


def _type_problem(file: Path, project: Path) -> Problem | None:
    """An attachment of a type that is not published (attachments.PUBLISHED)."""
    ext = file.suffix.lower().lstrip(".") or (file.name.lstrip(".") if file.name.startswith(".") else "")
    if ext in PUBLISHED:
        return None
    allowed = ", ".join(sorted(PUBLISHED))
    if ext in RUNNABLE:
        return Problem(shown(file, project), 0, 0, f"เผยแพร่ไฟล์ชนิด .{ext} ไม่ได้ เพราะเบราว์เซอร์ของผู้อ่านหรือเครื่องแม่ข่ายเว็บทำงานตามคำสั่งในไฟล์ได้",
                       f".{ext} files are not published: a reader's browser or the web server can run what they hold",
                       "ถ้าเป็นหน้าเว็บที่บันทึกไว้ ให้พิมพ์เป็น PDF (Ctrl+P → บันทึกเป็น PDF) แล้วแนบไฟล์ PDF แทน",
                       "for a saved web page, print it to PDF (Ctrl+P, Save as PDF) and attach the PDF instead")
    if ext == "lnk":
        return Problem(shown(file, project), 0, 0, "ไฟล์นี้เป็นทางลัด (shortcut) ของ Windows ไม่ใช่ตัวไฟล์",
                       "this is a Windows shortcut, not the file itself",
                       "คัดลอกไฟล์จริงมาวางแทน", "copy the real file here instead")
    return Problem(shown(file, project), 0, 0, f"เผยแพร่ไฟล์ชนิด '.{ext}' ไม่ได้" if ext else "ไฟล์นี้ไม่มีนามสกุล (เช่น .pdf) จึงไม่รู้ว่าเป็นไฟล์ชนิดใด",
                   f"'.{ext}' files are not published" if ext else "this file has no extension (like .pdf), so its type is unknown",
                   f"ใช้ไฟล์ชนิด {allowed}", f"use one of: {allowed}")


def _add_asset(inventory: Inventory, problems: list, file: Path, relative: Path, project: Path) -> None:
    """A file published as it is, unless its name or type may not be published."""
    refusal = _name_problem(file, relative, project) or _type_problem(file, project)
    if refusal is None:
        inventory.assets.append(relative.as_posix())
    else:
        problems.append(refusal)
        inventory.refused.add(relative.as_posix())


def discover(content: Path, project: Path) -> tuple[Inventory, list[Problem]]:
    """Sort every file under content/ into its role, and report misplaced ones and those that may not be read."""
    inventory, problems = Inventory(), []
    if not content.is_dir():
        return inventory, [Problem(shown(content, project), 0, 0, "ไม่พบโฟลเดอร์เนื้อหา", "the content folder does not exist",
                                   "สร้างโฟลเดอร์ content/ หรือบอกตำแหน่งด้วย --content", "create it, or name it with --content")]
    for file, size in _walk(content, project, problems):
        relative = file.relative_to(content)
        parts = relative.parts
        too_large = _size_problem(file, relative, size, project)
        if too_large is not None:
            problems.append(too_large)
            inventory.refused.add(relative.as_posix())
            continue
        if parts == ("site.yaml",) or parts == ("site.yml",):
            inventory.site_file = file
        elif parts[0] == "ita" and len(parts) == 3:
            _add_item_file(inventory, problems, file, project)
        elif parts[0] == "news" and len(parts) == 2 and file.suffix == ".md":
            inventory.news.append(file)
        elif file.suffix in _YAML or (file.suffix == ".md" and len(parts) <= 2):
            problems.append(_misplaced(file, project))
        else:
            _add_asset(inventory, problems, file, relative, project)
    if inventory.site_file is None:
        problems.append(Problem(shown(content / "site.yaml", project), 0, 0, "ไม่พบไฟล์ site.yaml (ข้อมูลหน่วยงาน)",
                                "content/site.yaml (the agency's settings) is missing",
                                "สร้างไฟล์ content/site.yaml โดยดูตัวอย่างใน README", "create it; the README has an example"))
    _check_bodies_have_yaml(inventory, problems, project)
    return inventory, problems


def _misplaced(file: Path, project: Path) -> Problem:
    return Problem(shown(file, project), 0, 0, "ไม่รู้ว่าไฟล์นี้เป็นข้อมูลของส่วนใด", "Prongsai does not know what this file is for",
                   "ไฟล์ข้อมูล ITA ไว้ที่ content/ita/<ปีงบประมาณ>/O1.yaml ข่าวไว้ที่ content/news/<วันที่>-<ชื่อ>.md",
                   "ITA items go in content/ita/<fiscal year>/O1.yaml, news in content/news/<date>-<name>.md")


def _add_item_file(inventory: Inventory, problems: list, file: Path, project: Path) -> None:
    year_text = file.parent.name
    match = _ITEM_FILE.match(file.name)
    if not re.match(r"^\d{4}$", year_text) or int(year_text) not in usable_years(project):
        usable = usable_years(project)
        years = ", ".join(str(y) for y in usable)
        problems.append(Problem(shown(file, project), 0, 0, f"ไม่มีเกณฑ์ ITA ของปีงบประมาณ '{year_text}'",
                                f"there is no ITA framework for fiscal year '{year_text}'",
                                f"ใช้โฟลเดอร์ปีงบประมาณ {years} (ปี {usable[-1]} ใช้เกณฑ์ปี {usable[-2]} ชั่วคราว) "
                                f"หรือเพิ่มเกณฑ์ของปีนั้นเป็นไฟล์ frameworks/ita-<ปี>.yaml ตาม README",
                                f"use a fiscal-year folder of {years} ({usable[-1]} with the {usable[-2]} criteria as "
                                f"provisional), "
                                f"or add that year's criteria as frameworks/ita-<year>.yaml as the README says"))
        return
    if not match:
        if file.suffix in _YAML or file.suffix == ".md":
            problems.append(Problem(shown(file, project), 0, 0, "ชื่อไฟล์ต้องขึ้นต้นด้วยรหัสข้อ เช่น O12.yaml",
                                    "an item file's name must start with its code, e.g. O12.yaml",
                                    "เปลี่ยนชื่อไฟล์เป็น O<เลขข้อ>.yaml", "rename it O<number>.yaml"))
        else:  # an attachment kept beside the item files
            _add_asset(inventory, problems, file, file.relative_to(file.parents[2]), project)
        return
    code, ext = normalise_code(match.group(1)), "md" if match.group(2) == "md" else "yaml"
    slot = inventory.items.setdefault((int(year_text), code), {})
    if ext in slot:
        problems.append(Problem(shown(file, project), 0, 0, f"มีไฟล์ของข้อ {code} มากกว่าหนึ่งไฟล์: {slot[ext].name} และ {file.name}",
                                f"two files for item {code}: {slot[ext].name} and {file.name}",
                                "รวมข้อมูลไว้ในไฟล์เดียว แล้วลบอีกไฟล์", "merge them into one file and delete the other"))
        return
    slot[ext] = file


def _check_bodies_have_yaml(inventory: Inventory, problems: list, project: Path) -> None:
    for (year, code), slot in sorted(inventory.items.items()):
        if "yaml" not in slot:
            problems.append(Problem(shown(slot["md"], project), 0, 0, f"มีไฟล์ข้อความของข้อ {code} แต่ไม่มีไฟล์ {code}.yaml",
                                    f"there is a Markdown body for {code} but no {code}.yaml beside it",
                                    f"สร้างไฟล์ {code}.yaml ในโฟลเดอร์เดียวกัน", f"create {code}.yaml in the same folder"))


def _empty(path: str) -> Problem:
    return Problem(path, 0, 0, "ไฟล์นี้ว่างเปล่า ข้อมูลอาจหายไปเพราะโปรแกรมแก้ไขปิดตัวกลางคันหรือคัดลอกไฟล์ไม่สำเร็จ",
                   "this file is empty: its content may have been lost (an editor that crashed, a copy that failed)",
                   "กู้ไฟล์คืนจากสำเนา (เช่น Recycle Bin หรือ git) หรือเขียนใหม่ ถ้ายังไม่มีข้อมูล ใช้ python build.py new <รหัสข้อ> "
                   "สร้างไฟล์เริ่มต้น หรือลบไฟล์นี้",
                   "restore it from a copy (the Recycle Bin, git) or write it again; for an item not written yet, "
                   "python build.py new <code> writes a stub, or delete the file")


def load_yaml(file: Path, project: Path) -> tuple[Doc | None, list[Problem]]:
    """Parse one YAML file (site settings or an item). An empty or blank file is a problem: a file of comments only
    is an item not written yet, but one with nothing at all has lost what it held."""
    text, problems = textfile.read_text(file, shown(file, project))
    if text is None:
        return None, problems
    if not text.strip():
        return None, [_empty(shown(file, project))]
    return yamlio.parse(text, shown(file, project))


def load_body(file: Path | None, project: Path) -> tuple[ContentFile, list[Problem]]:
    """The Markdown body beside an item's YAML, if any (an empty one is a problem, as for YAML)."""
    if file is None:
        return ContentFile(None, "", 1, ""), []
    text, problems = textfile.read_text(file, shown(file, project))
    if text is not None and not text.strip():
        problems = [_empty(shown(file, project))]
    return ContentFile(None, text or "", 1, shown(file, project)), problems


def load_news(file: Path, project: Path) -> tuple[ContentFile, list[Problem]]:
    """A news post: YAML front matter between --- lines, then Markdown."""
    path = shown(file, project)
    text, problems = textfile.read_text(file, path)
    if text is None:
        return ContentFile(None, "", 1, path), problems
    front, body, body_line = yamlio.split_front_matter(text)
    if front is None:
        return ContentFile(None, body, body_line, path), [Problem(
            path, 1, 1, "ข่าวต้องขึ้นต้นด้วยส่วนหัวระหว่างบรรทัด --- (หัวข้อข่าวและวันที่)",
            "a news post must start with front matter between --- lines (title and date)",
            "เริ่มไฟล์ด้วย  ---  แล้ว  title: ...  date: 2567-10-15  แล้วปิดด้วย  ---",
            "start the file with ---, then title: and date: lines, then ---")]
    doc, yaml_problems = yamlio.parse(front, path, line_offset=1)
    return ContentFile(doc, body, body_line, path), problems + yaml_problems

