"""Scaffolding: item stubs (`new`), a new fiscal year (`new-year`), a new agency's project (`init`).

Owns what a clerk starts from. A stub is the item's YAML with every field of
its kind commented out, each with its meaning, whether it is required and an
example, under a header saying what the assessor checks. A file of comments
only is an item not written yet: the site builds, and `check` lists it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import thai
from .framework import Framework, Item, load_framework, usable_years
from .schema import Field, Kind, Model

#: Kinds whose content stays true from one fiscal year to the next (period "current"): copied by new-year.
CARRIED_PERIOD = "current"


def _example(field: Field, item: Item, fiscal_year: int) -> str:
    start = thai.fiscal_year_start(fiscal_year)
    examples = {
        "date": f"{start.year + thai.BE_OFFSET}-10-01", "month": f"{start.year + thai.BE_OFFSET}-10",
        "year": str(fiscal_year), "money": "0", "int": "0", "decimal": "0", "bool": "false",
        "url": "https://", "email": "saraban@example.go.th", "phone": '"0 0000 0000"',
        "file": f"files/{item.slug}/{field.name}.{(field.ext or ('pdf',))[0]}",
        "image": f"files/{item.slug}/{field.name}.jpg",
    }
    if field.type == "choice":
        return next(iter(field.choices))
    return examples.get(field.type, "")


def _comment(field: Field) -> str:
    required = "(ต้องมี) " if field.required else ""
    options = f" ค่าที่ใช้ได้: {', '.join(f'{k} ({v})' for k, v in field.choices.items())}" if field.choices else ""
    return f"{required}{field.th}{options}"


def _field_lines(field: Field, indent: str, item: Item, fiscal_year: int, bullet: str = "") -> list[str]:
    """Commented lines for one field (and its sub-fields), aligned like the YAML they stand for."""
    lead = f"#{indent}{bullet}"
    if field.type == "record":
        lines = [f"{lead}{field.name}:  # {_comment(field)}"]
        return lines + [line for sub in field.fields for line in _field_lines(sub, indent + "  ", item, fiscal_year)]
    if field.type == "list" and field.item.type == "record":
        lines = [f"{lead}{field.name}:  # {_comment(field)}"]
        subs = field.item.fields
        lines += _field_lines(subs[0], indent + "  ", item, fiscal_year, "- ")
        return lines + [line for sub in subs[1:] for line in _field_lines(sub, indent + "    ", item, fiscal_year)]
    if field.type == "list":
        example = _example(field.item, item, fiscal_year)
        return [f"{lead}{field.name}:  # {_comment(field)}", f"#{indent}  - {example}"]
    if field.type == "counts":
        return [f"{lead}{field.name}:  # {_comment(field)}", f"#{indent}  ชื่องานบริการ: 0"]
    return [f"{lead}{field.name}: {_example(field, item, fiscal_year)}  # {_comment(field)}"]


def item_stub(item: Item, kind: Kind, fiscal_year: int) -> str:
    """The YAML a clerk starts an item from: everything commented, with what the assessor checks."""
    start, end = thai.fiscal_year_start(fiscal_year), thai.fiscal_year_end(fiscal_year)
    lines = [
        f"# {item.code} {item.name_th} ปีงบประมาณ พ.ศ. {fiscal_year}",
        f"# ({thai.format_date(start)} – {thai.format_date(end)})",
        f"# ช่วงเวลาของข้อมูล: {item.period_note_th}",
        "# ผู้ประเมินตรวจ (ระดับความมั่นใจ H สูง M กลาง L ต่ำ):",
        *(f"#   - {e.th} [{e.confidence}]" for e in item.elements),
        "# วิธีใช้: ลบ \"# \" (เครื่องหมาย # กับช่องว่างหนึ่งช่อง) หน้าบรรทัดที่จะกรอก แล้วเขียนค่าแทนตัวอย่าง ช่องที่ไม่ใช้ให้ลบทิ้ง",
        "# วันที่ทุกช่องเป็นปี พ.ศ. แบบ ปี-เดือน-วัน เช่น 2567-10-01 ตรวจผลด้วย python build.py check",
        "",
    ]
    if kind.body_th:
        lines.insert(-1, f"# ข้อความยาว ({kind.body_label}) เขียนในไฟล์ {item.code}.md ข้างไฟล์นี้")
    lines += [line for field in kind.record.fields for line in _field_lines(field, " ", item, fiscal_year)]
    return "\n".join(lines) + "\n"


class ScaffoldError(Exception):
    """A file that would be overwritten, or a year without a framework: said in Thai and English."""


def new_item(model: Model, content: Path, code: str, fiscal_year: int) -> Path:
    """Write content/ita/<year>/<code>.yaml as a stub; never overwrite."""
    framework = load_framework(fiscal_year)
    item = framework.item_for(code)
    if item is None:
        raise ScaffoldError(f"เกณฑ์ ITA ปี {fiscal_year} ไม่มีข้อ {code} | ITA {fiscal_year} has no item {code}")
    target = content / "ita" / str(fiscal_year) / f"{item.code}.yaml"
    if target.exists():
        raise ScaffoldError(f"มีไฟล์ {target} อยู่แล้ว ไม่เขียนทับ | {target} exists; not overwritten")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(item_stub(item, model.kinds[item.kind], fiscal_year), encoding="utf-8", newline="\n")
    return target


def _carry(source: Path, target: Path, old: Item, new: Item, fiscal_year: int) -> None:
    text = source.read_text(encoding="utf-8-sig")
    header = f"# {new.code} {new.name_th} ปีงบประมาณ พ.ศ. {fiscal_year} (ยกมาจาก {old.code} ปี {fiscal_year - 1}: ตรวจว่ายังเป็นปัจจุบัน)\n"
    body = "\n".join(line for line in text.split("\n") if not (line.startswith("# ") and old.code in line.split()[1:2]))
    target.write_text(header + body, encoding="utf-8", newline="\n")


@dataclass(frozen=True)
class Step:
    """What starting a fiscal year does for one item: carry the previous year's file over, or write a stub."""

    item: Item
    #: "carry" or "stub"
    action: str
    #: the previous year's item it comes from (carry)
    source: Item | None = None
    #: the previous year's file, relative to content/ (carry)
    source_file: str = ""


def plan_new_year(model: Model, content: Path, fiscal_year: int, framework: Framework | None = None) -> list[Step]:
    """What new_year would write, item by item, without writing anything (the workbench shows it first)."""
    framework = framework or load_framework(fiscal_year)
    previous = content / "ita" / str(fiscal_year - 1)
    old_items = {i.kind: i for i in load_framework(fiscal_year - 1).items.values()} if previous.is_dir() else {}
    steps = []
    for item in framework.items.values():
        old = old_items.get(item.kind)
        source = _item_file(previous, old.code) if old else None
        if item.period == CARRIED_PERIOD and source is not None:
            steps.append(Step(item, "carry", old, source.relative_to(content).as_posix()))
        else:
            steps.append(Step(item, "stub"))
    return steps


def _item_file(folder: Path, code: str) -> Path | None:
    """An item's YAML in a year folder: O12.yaml, or O12-anything.yaml."""
    exact = folder / f"{code}.yaml"
    if exact.is_file():
        return exact
    found = sorted(p for p in folder.glob(f"{code}[-_ .]*.yaml")) if folder.is_dir() else []
    return found[0] if found else None


def new_year(model: Model, content: Path, fiscal_year: int, framework: Framework | None = None) -> list[Path]:
    """Prepare a fiscal year: copy what persists from the year before (by kind), stubs for the rest."""
    framework = framework or load_framework(fiscal_year)
    previous, folder = content / "ita" / str(fiscal_year - 1), content / "ita" / str(fiscal_year)
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"มีโฟลเดอร์ {folder} อยู่แล้ว | {folder} exists already")
    steps = plan_new_year(model, content, fiscal_year, framework)
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for step in steps:
        item = step.item
        if step.action == "carry":
            old = step.source
            _carry(content / step.source_file, folder / f"{item.code}.yaml", old, item, fiscal_year)
            if (previous / f"{old.code}.md").is_file():
                shutil.copyfile(previous / f"{old.code}.md", folder / f"{item.code}.md")
            _copy_files(previous, folder, old, item)
        else:
            (folder / f"{item.code}.yaml").write_text(item_stub(item, model.kinds[item.kind], fiscal_year),
                                                      encoding="utf-8", newline="\n")
        written.append(folder / f"{item.code}.yaml")
    return written


def _copy_files(previous: Path, folder: Path, old: Item, new: Item) -> None:
    """The carried item's attachments keep their relative paths, so its YAML stays valid."""
    source = previous / "files" / old.slug
    if source.is_dir():
        shutil.copytree(source, folder / "files" / old.slug, dirs_exist_ok=True)


SITE_YAML = """\
# ข้อมูลหน่วยงาน: แก้ทุกช่องให้เป็นข้อมูลจริง แล้วเปลี่ยน sample_data เป็น false
name_th: องค์การบริหารส่วนตำบล(ชื่อหน่วยงาน)  # ชื่อหน่วยงานภาษาไทย
name_en: (Agency name) Subdistrict Administrative Organization
agency_kind: sao  # sao, subdistrict_municipality, town_municipality, city_municipality, pao, other
address: (เลขที่ หมู่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์)
district: (อำเภอ)
province: (จังหวัด)
ministry: กระทรวงมหาดไทย
phones:
  - "0 0000 0000"
email: saraban@example.go.th
# map: {lat: 16.0, lon: 103.0, url: https://maps.google.com/?q=16.0,103.0}
# channels:
#   - {name: Facebook, type: facebook, url: https://www.facebook.com/}
# logo: images/logo.png
# base_url: https://www.example.go.th/
digits: arabic  # arabic หรือ thai (เลขไทย)
sample_data: true  # ลบบรรทัดนี้หรือเขียน false เมื่อข้อมูลเป็นข้อมูลจริงแล้ว
"""

#: site is a link (or a folder) and .site-* the folders beside it that builds make (sitefolder.py)
GITIGNORE = "/site\n/.site-*\n/site-readiness-*.html\n/itas-*.csv\n/.prongsai-cache/\n/.prongsai/\n"


def init_project(model: Model, target: Path, templates: Path, fiscal_year: int) -> list[Path]:
    """A new agency's project: settings, every item of the year as a stub, the templates. It builds at once."""
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(f"โฟลเดอร์ {target} มีไฟล์อยู่แล้ว | {target} is not empty")
    content = target / "content"
    (content / "news").mkdir(parents=True)
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8", newline="\n")
    (target / ".gitignore").write_text(GITIGNORE, encoding="utf-8", newline="\n")
    shutil.copytree(templates, target / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    framework = load_framework(fiscal_year)
    folder = content / "ita" / str(fiscal_year)
    folder.mkdir(parents=True)
    for item in framework.items.values():
        (folder / f"{item.code}.yaml").write_text(item_stub(item, model.kinds[item.kind], fiscal_year),
                                                  encoding="utf-8", newline="\n")
    return sorted(p for p in target.rglob("*") if p.is_file())


# ---- which year `new` writes into ---------------------------------------------------------------------------

def existing_years(content: Path) -> list[int]:
    """The fiscal-year folders under content/ita/, oldest first."""
    folder = content / "ita"
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit()) if folder.is_dir() else []


def choose_year(content: Path, asked: int | None, today: date) -> tuple[int, str, str]:
    """(year, why in Thai, why in English) for `new`: never a year whose public section does not exist yet.

    Without --year: the latest year under content/ita/ (or, with none, the fiscal year of today's framework).
    A year folder that does not exist is refused: a year starts with `new-year`, which carries over what persists.
    """
    years = existing_years(content)
    if asked is not None:
        if asked not in years and years:
            raise ScaffoldError(
                f"ยังไม่มีปีงบประมาณ {asked} ใน content/ita/ (มี: {', '.join(map(str, years))}) ถ้าจะเริ่มปีใหม่ ให้สั่ง new-year {asked} "
                f"ซึ่งยกข้อมูลที่ยังเป็นปัจจุบันมาด้วย | there is no fiscal year {asked} in content/ita/; to start it, run "
                f"new-year {asked}, which carries over what is still current")
        return asked, "ปีที่ระบุด้วย --year", "the year given with --year"
    if years:
        return years[-1], "ปีล่าสุดที่มีอยู่ใน content/ita/ (ใช้ --year เพื่อเลือกปีอื่นที่มีอยู่ ปีใหม่เริ่มด้วย new-year)", (
            "the latest year in content/ita/ (--year picks another existing year; a new year starts with new-year)")
    today_year = thai.fiscal_year_of(today)
    known = usable_years()  # with the year after the latest framework, provisional
    year = today_year if today_year in known else max([y for y in known if y <= today_year] or known)
    return year, "ยังไม่มีปีใดใน content/ita/ จึงใช้ปีงบประมาณของเกณฑ์ที่ใช้อยู่วันนี้", (
        "content/ita/ has no year yet, so the fiscal year of today's framework")


# ---- launchers and next steps written by init -----------------------------------------------------------------

#: Windows: cmd.exe reads a .bat file in the console's code page, so the file itself stays ASCII; chcp 65001 makes the
#: console print the workbench's Thai as UTF-8, and PYTHONUTF8 makes Python read and write UTF-8 whatever the locale.
WINDOWS_LAUNCHER = """\
@echo off
REM Double-click: opens the Prongsai workbench (edit this website in your browser).
REM Leave this window open while you work; close it to stop.
chcp 65001 > nul
set PYTHONUTF8=1
set PYTHONIOENCODING=utf-8
cd /d "%~dp0"
set PY=python
where py > nul 2> nul && set PY=py
if exist ".venv\\Scripts\\python.exe" set PY=.venv\\Scripts\\python.exe
"%PY%" -m prongsai edit
if errorlevel 1 (
  echo.
  echo Prongsai could not start. Install it first: py -m pip install prongsai
  pause
)
"""

UNIX_LAUNCHER = """\
#!/bin/sh
# Double-click (or run ./edit-website.command): opens the Prongsai workbench in the browser.
# Leave the window open while you work; close it or press Ctrl+C to stop.
cd "$(dirname "$0")" || exit 1
export PYTHONUTF8=1
if [ -x .venv/bin/python ]; then PY=.venv/bin/python
elif command -v python3 > /dev/null 2>&1; then PY=python3
else PY=python
fi
"$PY" -m prongsai edit || { echo; echo "Prongsai could not start: python3 -m pip install prongsai"; printf 'Enter: '; read _; }
"""

LAUNCHERS = {"edit-website.bat": WINDOWS_LAUNCHER, "edit-website.command": UNIX_LAUNCHER}


def write_launchers(target: Path) -> list[Path]:
    """The double-click launchers of the workbench: a .bat for Windows (CRLF), a .command for Linux and macOS."""
    written = []
    for name, text in LAUNCHERS.items():
        file = target / name
        file.write_text(text, encoding="ascii", newline="\r\n" if name.endswith(".bat") else "\n")
        if name.endswith(".command"):
            file.chmod(0o755)
        written.append(file)
    return written


def command_for(project: Path) -> str:
    """The command that runs Prongsai in a project folder: `python build.py` where there is one, else the module."""
    return "python build.py" if (project / "build.py").is_file() else "python -m prongsai"


def next_steps(target: Path) -> str:
    """What init prints last: how to go on, with commands that work in that folder."""
    run = command_for(target)
    return (
        "ขั้นต่อไป | next steps:\n"
        f"  cd \"{target}\"\n"
        f"  1. แก้ไขในเบราว์เซอร์: ดับเบิลคลิก edit-website.bat (Windows) หรือ edit-website.command (Linux/macOS) หรือสั่ง {run} edit\n"
        f"     edit in the browser: double-click edit-website.bat / edit-website.command, or run: {run} edit\n"
        f"  2. ตรวจความพร้อม ITA | check ITA readiness: {run} check\n"
        f"  3. สร้างเว็บไซต์ลงโฟลเดอร์ site/ | build the site into site/: {run}"
    )
