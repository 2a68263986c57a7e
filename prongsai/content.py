"""The first two stages: discover the files under content/, and load them as text and YAML.

Owns the content folder's layout:
  content/site.yaml                  the agency's settings
  content/ita/<fiscal year>/O12.yaml one file per item (O12-anything.yaml too), O12.md beside it
  content/news/*.md                  dated news posts with YAML front matter
  everything else                    attachments and images, published at the same path
Problems here are about files: a file in the wrong place, two files for one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .framework import normalise_code, usable_years
from .problems import Problem
from .yamlio import Doc

_ITEM_FILE = re.compile(r"^([Oo]0*\d+)(?:[-_ .].*)?\.(yaml|yml|md)$")
_IGNORED = re.compile(r"^(\..*|~\$.*|Thumbs\.db|desktop\.ini|.*~)$", re.IGNORECASE)
_YAML = (".yaml", ".yml")


@dataclass
class Inventory:
    """The content files, sorted, by role."""

    site_file: Path | None = None
    #: (fiscal year, item code) -> {"yaml": Path, "md": Path}
    items: dict = field(default_factory=dict)
    news: list = field(default_factory=list)
    #: every other file, relative to content/ with forward slashes
    assets: list = field(default_factory=list)


@dataclass(frozen=True)
class Loaded:
    """One content file's text and parsed YAML, with where its Markdown body starts."""

    doc: Doc | None
    body: str
    body_line: int
    body_path: str


def shown(file: Path, project: Path) -> str:
    """How a path is printed in problems: relative to the project folder when inside it."""
    try:
        return file.relative_to(project).as_posix()
    except ValueError:
        return file.as_posix()


def _walk(folder: Path):
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if _IGNORED.match(entry.name):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        else:
            yield entry


def discover(content: Path, project: Path) -> tuple[Inventory, list[Problem]]:
    """Sort every file under content/ into its role, and report misplaced ones."""
    inventory, problems = Inventory(), []
    if not content.is_dir():
        return inventory, [Problem(shown(content, project), 0, 0, "ไม่พบโฟลเดอร์เนื้อหา", "the content folder does not exist",
                                   "สร้างโฟลเดอร์ content/ หรือบอกตำแหน่งด้วย --content", "create it, or name it with --content")]
    for file in _walk(content):
        relative = file.relative_to(content)
        parts = relative.parts
        if parts == ("site.yaml",) or parts == ("site.yml",):
            inventory.site_file = file
        elif parts[0] == "ita" and len(parts) == 3:
            _add_item_file(inventory, problems, file, project)
        elif parts[0] == "news" and len(parts) == 2 and file.suffix == ".md":
            inventory.news.append(file)
        elif file.suffix in _YAML or (file.suffix == ".md" and len(parts) <= 2):
            problems.append(_misplaced(file, project))
        else:
            inventory.assets.append(relative.as_posix())
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
            inventory.assets.append(file.relative_to(file.parents[2]).as_posix())
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


def load_yaml(file: Path, project: Path) -> tuple[Doc | None, list[Problem]]:
    """Parse one YAML file (site settings or an item)."""
    text, problems = yamlio.read_text(file, shown(file, project))
    if text is None:
        return None, problems
    return yamlio.parse(text, shown(file, project))


def load_body(file: Path | None, project: Path) -> tuple[Loaded, list[Problem]]:
    """The Markdown body beside an item's YAML, if any."""
    if file is None:
        return Loaded(None, "", 1, ""), []
    text, problems = yamlio.read_text(file, shown(file, project))
    return Loaded(None, text or "", 1, shown(file, project)), problems


def load_news(file: Path, project: Path) -> tuple[Loaded, list[Problem]]:
    """A news post: YAML front matter between --- lines, then Markdown."""
    path = shown(file, project)
    text, problems = yamlio.read_text(file, path)
    if text is None:
        return Loaded(None, "", 1, path), problems
    front, body, body_line = yamlio.split_front_matter(text)
    if front is None:
        return Loaded(None, body, body_line, path), [Problem(
            path, 1, 1, "ข่าวต้องขึ้นต้นด้วยส่วนหัวระหว่างบรรทัด --- (หัวข้อข่าวและวันที่)",
            "a news post must start with front matter between --- lines (title and date)",
            "เริ่มไฟล์ด้วย  ---  แล้ว  title: ...  date: 2567-10-15  แล้วปิดด้วย  ---",
            "start the file with ---, then title: and date: lines, then ---")]
    doc, yaml_problems = yamlio.parse(front, path, line_offset=1)
    return Loaded(doc, body, body_line, path), problems + yaml_problems
