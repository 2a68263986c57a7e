"""Editor help: JSON Schemas of the content model, wired into VS Code's YAML extension (redhat.vscode-yaml).

Owns the translation of schema.Field (kinds.yaml) into JSON Schema and the
files under .vscode/: a schema per kind, for site.yaml and for news front
matter in .vscode/prongsai-schemas/, and the `yaml.schemas` entries of
settings.json that map content files to them. A clerk gets field names to pick
from, each field's Thai meaning on hover, and a red underline under a wrong value.

The schemas accept what fields.py accepts as the extension reads YAML 1.2:
`2568` arrives as a number, `true` as a boolean, `0123` as 123. Only keywords
draft 7 also has are used (older versions of the extension know only draft 7);
its own `errorMessage`/`patternErrorMessage` carry a Thai message, not a regex.
Where they still differ, as JSON cannot tell: `True` is a boolean to the editor
but not to the build; `3.0` is a whole number to the editor only; an empty ""
or [] in an optional field other than text is flagged by the editor, ignored
by the build; only the build knows whether an attached file exists. News front
matter sits in .md files, which the YAML extension does not check, so
news_post.schema.json is written (for other tools) but not mapped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import thai
from .framework import Framework, available_years, load_framework
from .schema import Field, Model

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: where the schemas go, relative to the project folder
SCHEMA_FOLDER = ".vscode/prongsai-schemas"
EDITOR_SETTINGS = {"files.encoding": "utf8", "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2}}


class SettingsError(ValueError):
    """.vscode/settings.json is not plain JSON (VS Code allows comments), so it is left as it is."""


def _digits(chars: str) -> str:
    """A regex class of the Arabic digits in `chars` and their Thai twins: "4-6" -> "[4-6๔-๖]"."""
    return f"[{chars}{thai.to_thai_digits(chars)}]"


_D, _Z, _ONE, _TWO, _ANY = _digits("0-9"), _digits("0"), _digits("1"), _digits("2"), "[0-9๐-๙,]*"
#: a Buddhist-era year fields.py accepts: 2400-2700
_YEAR = f"(?:{_TWO}{_digits('4-6')}{_D}{_D}|{_TWO}{_digits('7')}{_Z}{_Z})"
#: Buddhist-era leap years: CE = BE - 543 divisible by 4, but not 2443 (1900) or 2643 (2100)
_LEAP = (f"(?!{_TWO}{_digits('46')}{_digits('4')}{_digits('3')}){_TWO}{_digits('4-6')}"
         f"(?:{_digits('02468')}{_digits('37')}|{_digits('13579')}{_digits('159')})")
_MONTH, _NOT_FEB = f"(?:{_Z}?{_digits('1-9')}|{_ONE}{_digits('0-2')})", f"(?:{_Z}?{_digits('13-9')}|{_ONE}{_digits('0-2')})"
_LONG_MONTH, _29 = f"(?:{_Z}?{_digits('13578')}|{_ONE}{_digits('02')})", f"{_TWO}{_digits('9')}"
#: days 1-28 of any month, 29-30 of all but February, 31 of the long months, 29 February of a leap year
_DAYS = (f"{_MONTH}-(?:{_Z}?{_digits('1-9')}|{_ONE}{_D}|{_TWO}{_digits('0-8')})|{_NOT_FEB}-(?:{_29}|{_digits('3')}{_Z})"
         f"|{_LONG_MONTH}-{_digits('3')}{_ONE}")
_PATTERNS = {
    "date": rf"^\s*(?:{_YEAR}-(?:{_DAYS})|{_LEAP}-{_Z}?{_TWO}-{_29})\s*$",
    "month": rf"^\s*{_YEAR}-{_MONTH}\s*$",
    "year": rf"^\s*{_YEAR}\s*$",
    "int": rf"^\s*,*-?{_ANY}{_D}{_ANY}\s*$",
    # Python's Decimal, after fields.py takes the commas out; money is never negative
    **{kind: rf"^\s*,*{sign}(?=,*(?:\.,*)?{_D}){_ANY}(?:\.{_ANY})?(?:[eE],*[+-]?(?=,*{_D}){_ANY})?\s*$"
       for kind, sign in (("money", r"\+?"), ("decimal", "[+-]?"))},
    "url": r"^\s*https?://[^\s/]+[^\s]*\s*$",
    "email": r"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$",
    "phone": r"^(?:[+()\s,/ต่อ.-]*[0-9๐-๙]){3}[0-9๐-๙+()\s,/ต่อ.-]*$",
}
#: what each type takes, in Thai: the hover text's second line and the message under a wrong value
_HINTS = {
    "text": 'ข้อความ (ตัวเลขหรือรหัสที่ขึ้นต้นด้วย 0 ให้ใส่ในเครื่องหมายคำพูด เช่น "0123")',
    "date": "วันที่ พ.ศ. แบบ ปี-เดือน-วัน เช่น 2567-10-01 (ใช้เลขไทยได้)",
    "month": "เดือน พ.ศ. แบบ ปี-เดือน เช่น 2567-10 (ใช้เลขไทยได้)",
    "year": "ปี พ.ศ. 4 หลัก เช่น 2568 (ใช้เลขไทยได้)",
    "int": "จำนวนเต็ม เขียนเป็นตัวเลขอย่างเดียว เช่น 12",
    "money": "จำนวนเงิน (บาท) เป็นตัวเลขอย่างเดียว ไม่ต้องมีคำว่า บาท เช่น 125000 หรือ 125,000.50",
    "decimal": "ตัวเลข เช่น 15.2345",
    "url": "ลิงก์เต็ม ขึ้นต้นด้วย https:// เช่น https://www.example.go.th/",
    "email": "อีเมล เช่น saraban@dongmueang.go.th",
    "phone": 'หมายเลขโทรศัพท์ในเครื่องหมายคำพูด เช่น "0 4412 3456" หรือเลขสั้น "1669"',
    "bool": "เขียน true (ใช่) หรือ false (ไม่ใช่)",
    "counts": "ชื่องานบริการ: จำนวนครั้ง แต่ละบริการในบรรทัดใหม่ ย่อหน้า 2 ช่องว่าง เช่น  ชำระภาษี: 12 (ไม่มีให้เขียน 0)",
}
#: the JSON types a value arrives as, when not only a string (an unquoted 0812345678 is a number in YAML 1.2)
_TYPES = {"int": ["integer", "string"], "year": ["integer", "string"], "money": ["number", "string"],
          "decimal": ["number", "string"], "phone": ["string", "integer"]}
_LIMITS = {"money": {"minimum": 0}, "phone": {"minimum": 0}, "year": {"minimum": thai.BE_YEAR_MIN, "maximum": thai.BE_YEAR_MAX}}


def _hint(field: Field) -> str:
    if field.type == "choice":
        return "ค่าที่ใช้ได้: " + ", ".join(f"{key} ({label})" for key, label in field.choices.items())
    if field.type in ("file", "image"):
        return f"ทางไปไฟล์ เทียบกับไฟล์ YAML นี้ เช่น files/o12/report.pdf (ชนิดไฟล์: {', '.join(field.ext)})"
    return _HINTS.get("text" if field.type == "longtext" else field.type, "")


def _file_pattern(field: Field) -> str:
    """A path that stays inside content/ (no / or C: in front) and ends in an allowed extension, in any case."""
    exts = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in ext) for ext in field.ext)
    return rf"^(?!\s*(?:[/\\]|[A-Za-z]:))(?:.*[/\\]|\s*)[^/\\\s][^/\\]*\.(?:{exts})\s*$"


def _scalar(field: Field) -> dict:
    """The schema of one written value of a scalar type, never empty."""
    kind, message = field.type, _hint(field)
    if kind == "choice":
        return {"enum": list(dict.fromkeys([*field.choices, *field.choices.values()])), "errorMessage": message}
    if kind == "bool":
        return {"enum": [True, False, "true", "false"], "errorMessage": message}
    if kind in ("text", "longtext"):
        return {"type": ["string", "number"], "minLength": 1,
                "errorMessage": "ช่องนี้รับค่าเดียว เขียนต่อจากเครื่องหมาย : ในบรรทัดเดียวกัน (ไม่ใช่รายการหรือกลุ่มช่อง)"}
    pattern = _file_pattern(field) if kind in ("file", "image") else _PATTERNS[kind]
    schema = {"type": _TYPES.get(kind, "string"), "pattern": pattern, "errorMessage": message, "patternErrorMessage": message}
    return {**schema, **_LIMITS.get(kind, {})}


def _record(field: Field) -> dict:
    schema = {"type": "object", "properties": {f.name: _property(f) for f in field.fields}, "additionalProperties": False}
    required = [f.name for f in field.fields if f.required]
    return {**schema, "required": required} if required else schema


def _list(field: Field) -> dict:
    """An array of non-empty entries; one value alone is a list of one, when the entries are scalars."""
    item = _value(field.item)
    array = {"type": "array", "items": item, **({"minItems": 1} if field.required else {})}
    return array if field.item.type in ("record", "counts") else {"anyOf": [array, item]}


def _value(field: Field) -> dict:
    """The schema of a written (non-empty) value of the field, without its help text."""
    if field.type == "counts":
        return {"type": "object", "additionalProperties": _scalar(Field(field.name, "int")), "errorMessage": _HINTS["counts"]}
    return {"record": _record, "list": _list}.get(field.type, _scalar)(field)


def _allow_empty(schema: dict) -> dict:
    """An optional field may be left empty (`updated:`), as fields.py reads it as not written."""
    if "enum" in schema:
        return {**schema, "enum": schema["enum"] + [None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": schema["anyOf"] + [{"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    schema = {**schema, "type": types + ["null"]}
    return {k: v for k, v in schema.items() if k != "minLength"}


def _description(th: str, en: str, hint: str = "") -> str:
    text = " / ".join(part for part in (th, en) if part)
    return f"{text}\n{hint}" if hint else text


def _property(field: Field) -> dict:
    schema = _value(field) if field.required else _allow_empty(_value(field))
    hint = _hint(field.item if field.type == "list" else field)
    return {"title": field.label or field.th, "description": _description(field.th, field.en, hint), **schema}


def schema_for(record: Field, title_th: str) -> dict:
    """The JSON Schema (draft 2020-12) of one YAML file whose whole content is `record`."""
    return {"$schema": DRAFT, "title": title_th, "description": _description(title_th, record.en), **_record(record)}


def _usage(kind_id: str, frameworks: list[Framework]) -> list[tuple[int, str]]:
    """(year, item code) of every item that uses the kind, by year then item order."""
    return [(fw.year, code) for fw in sorted(frameworks, key=lambda f: f.year) for code, item in fw.items.items()
            if item.kind == kind_id]


def json_schemas(model: Model, frameworks: list[Framework]) -> dict[str, dict]:
    """{file name: schema}: site.schema.json, news_post.schema.json (news front matter; news.schema.json is
    the `news` kind's) and <kind>.schema.json per kind. `frameworks` (a list or {year: Framework}) name the
    items that use each kind in its description."""
    frameworks = list(frameworks.values() if isinstance(frameworks, dict) else frameworks)
    schemas = {
        "site.schema.json": {**schema_for(model.site, "ข้อมูลหน่วยงาน (content/site.yaml)"),
                             "description": "ข้อมูลหน่วยงาน แสดงทุกหน้าของเว็บไซต์ / the agency itself, shown on every page"},
        "news_post.schema.json": {**schema_for(model.news_post, "ส่วนหัวของข่าว (content/news/*.md)"),
                             "description": "ส่วนหัวของข่าว ระหว่างบรรทัด --- / a news post's front matter, between --- lines"},
    }
    for kind_id, kind in sorted(model.kinds.items()):
        used = "; ".join(f"ITA {year} ข้อ {code}" for year, code in _usage(kind_id, frameworks))
        schema = schema_for(kind.record, kind.th)
        schema["description"] = _description(kind.th, kind.en, f"ใช้กับ {used}" if used else "")
        schemas[f"{kind_id}.schema.json"] = schema
    return schemas


def _associations(model: Model, frameworks: list[Framework]) -> dict[str, list[str]]:
    """yaml.schemas: schema path (relative to the project) -> the content files it checks."""
    found = {f"./{SCHEMA_FOLDER}/site.schema.json": ["content/site.yaml"]}
    for kind_id in sorted(model.kinds):
        globs = [f"content/ita/{year}/{code}{end}" for year, code in _usage(kind_id, frameworks) for end in (".yaml", "-*.yaml")]
        if globs:
            found[f"./{SCHEMA_FOLDER}/{kind_id}.schema.json"] = globs
    return found


def _read_settings(file: Path) -> dict:
    try:
        settings = json.loads(file.read_text(encoding="utf-8-sig")) if file.exists() else {}
    except ValueError as error:
        settings = error
    if not isinstance(settings, dict):
        raise SettingsError(f"{file} ไม่ใช่ JSON ธรรมดา (อาจมีหมายเหตุ // อยู่) จึงไม่ได้แก้ไข | "
                            f"{file} is not a plain JSON object (comments, perhaps), so it was left unchanged: {settings}")
    return settings


def _settings(settings: dict, associations: dict) -> dict:
    """The settings with Prongsai's entries set and everything else kept, in its order."""
    ours = f"./{SCHEMA_FOLDER}/"
    schemas = settings.get("yaml.schemas") if isinstance(settings.get("yaml.schemas"), dict) else {}
    schemas = {key: value for key, value in schemas.items() if not key.startswith(ours)}
    yaml_editor = settings.get("[yaml]") if isinstance(settings.get("[yaml]"), dict) else {}
    return {**settings, **EDITOR_SETTINGS, "[yaml]": {**yaml_editor, **EDITOR_SETTINGS["[yaml]"]},
            "yaml.schemas": {**schemas, **dict(sorted(associations.items()))}}


def _write(file: Path, content: dict, sort_keys: bool) -> Path:
    """Write JSON as UTF-8 with a final newline, only when the bytes differ (so VS Code reloads nothing unchanged)."""
    data = (json.dumps(content, sort_keys=sort_keys, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if not file.exists() or file.read_bytes() != data:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
    return file


def write_editor_files(model: Model, years: list[int], project: Path) -> list[Path]:
    """Write the schemas and .vscode/settings.json for the ITA years `years`; return their paths (settings.json last).

    Raises SettingsError, before writing anything, when settings.json is not plain JSON."""
    unknown = sorted(set(years) - set(available_years()))
    if unknown:
        raise ValueError(f"ไม่มีเกณฑ์ ITA ปี {unknown} | there is no ITA framework for {unknown}")
    frameworks = [load_framework(year) for year in sorted(set(years))]
    settings_file = project / ".vscode" / "settings.json"
    settings = _read_settings(settings_file)
    folder = project / SCHEMA_FOLDER
    schemas = json_schemas(model, frameworks)
    written = [_write(folder / name, schema, sort_keys=True) for name, schema in sorted(schemas.items())]
    for stale in sorted(set(folder.glob("*.schema.json")) - set(written)):
        stale.unlink()
    extensions = project / ".vscode" / "extensions.json"
    if not extensions.exists():  # VS Code then offers to install the YAML extension the schemas need
        _write(extensions, {"recommendations": ["redhat.vscode-yaml"]}, sort_keys=False)
    written.append(extensions)
    written.append(_write(settings_file, _settings(settings, _associations(model, frameworks)), sort_keys=False))
    return written
