"""Scaffolding: item stubs (`new`), a new fiscal year (`new-year`), a new agency's project (`init`).

Owns what a clerk starts from. A stub is the item's YAML with every field of
its kind commented out, each with its meaning, whether it is required and an
example, under a header saying what the assessor checks. A file of comments
only is an item not written yet: the site builds, and `check` lists it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from . import thai
from .framework import Item, load_framework
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


def new_year(model: Model, content: Path, fiscal_year: int) -> list[Path]:
    """Prepare a fiscal year: copy what persists from the year before (by kind), stubs for the rest."""
    framework, previous = load_framework(fiscal_year), content / "ita" / str(fiscal_year - 1)
    folder = content / "ita" / str(fiscal_year)
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"มีโฟลเดอร์ {folder} อยู่แล้ว | {folder} exists already")
    old_items = {i.kind: i for i in load_framework(fiscal_year - 1).items.values()} if previous.is_dir() else {}
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for item in framework.items.values():
        old = old_items.get(item.kind)
        source = previous / f"{old.code}.yaml" if old else None
        if item.period == CARRIED_PERIOD and source is not None and source.is_file():
            _carry(source, folder / f"{item.code}.yaml", old, item, fiscal_year)
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
GITIGNORE = "/site\n/.site-*\n/site-readiness-*.html\n/itas-*.csv\n/.prongsai-cache/\n"


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
