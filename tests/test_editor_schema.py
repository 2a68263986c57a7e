"""The editor's JSON Schemas say what the build's validator says, and the VS Code files are written safely and byte-for-byte the same."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import PROCUREMENT_YAML, ROOT, pdf_bytes, png_bytes
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from prongsai import thai, yamlio
from prongsai.editor_schema import SCHEMA_FOLDER, SettingsError, json_schemas, schema_for, write_editor_files
from prongsai.fields import Reader, check_record
from prongsai.framework import available_years, load_framework
from prongsai.problems import ERROR
from prongsai.schema import Field, load_model

MODEL = load_model()
FRAMEWORK = load_framework(2568)
SCHEMAS = json_schemas(MODEL, [FRAMEWORK])


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as VS Code's YAML extension does (YAML 1.2 core schema): no dates, `yes` is text, `0123` is 123."""


_REPLACED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                                   list("-+0123456789"))
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _yaml12_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)  # "0123" is 123, not YAML 1.1's octal 83


EditorLoader.add_constructor("tag:yaml.org,2002:int", _yaml12_int)


def editor_data(text: str) -> object:
    return yaml.load(text, Loader=EditorLoader)  # noqa: S506 - a SafeLoader subclass


def schema_says(schema_name: str, text: str) -> bool:
    return Draft202012Validator(SCHEMAS[schema_name]).is_valid(editor_data(text))


def validator_says(record, text: str, content: Path, folder: Path) -> bool:
    """The build's verdict on one file's text: True when check_record finds no error."""
    doc, problems = yamlio.parse(text, "case.yaml")
    assert doc is not None and not problems
    found: list = []
    reader = Reader(doc=doc, folder=folder, content_root=content, attach=lambda relative: relative, problems=found)
    check_record(record, doc.data if doc.data is not None else {}, (), reader)
    return not [p for p in found if p.severity == ERROR]


def record_of(target: str):
    return {"site": MODEL.site, "news_post": MODEL.news_post}.get(target) or MODEL.kinds[target].record


EX = """\
executives:
  - name: นายทดสอบ ใจดี
    position: นายก
    role: chief
"""
PROC = PROCUREMENT_YAML
SITE = """\
name_th: องค์การบริหารส่วนตำบลทดสอบ
name_en: Test SAO
agency_kind: sao
address: 99 หมู่ 1
district: เมือง
province: ขอนแก่น
ministry: กระทรวงมหาดไทย
phones: ["0 4300 0000"]
email: saraban@test.go.th
"""
PLAN = """\
plan:
  title: แผนพัฒนาท้องถิ่น
  file: files/plan.pdf
period_from: 2566
period_to: 2570
"""
STATS = """\
services: [ชำระภาษี, ขออนุญาตก่อสร้าง]
months:
  - month: 2567-10
    counts:
      ชำระภาษี: 12
      ขออนุญาตก่อสร้าง: "๓"
"""
RISK = """\
assessment: {title: รายงานการประเมินความเสี่ยง, url: https://www.example.go.th/risk.pdf}
assessment_fy: 2568
risks:
  - process: การออกใบอนุญาต
    event: เรียกรับเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น
    likelihood: 2
    impact: "4"
    level: ปานกลาง
    measures: เผยแพร่ขั้นตอนและระยะเวลาให้ประชาชนทราบ
"""

#: (case id, a kind or "site" or "news_post" (news front matter), the YAML text, is it valid)
CASES = [
    ("executives minimal", "executives", EX, True),
    ("executives full: Thai choice label, image, unquoted phone", "executives",
     EX.replace("role: chief", "role: ผู้บริหารสูงสุด\n    photo: ../../images/nayok.png\n    phone: 0812345678\n"
                                "    email: nayok@test.go.th"), True),
    ("procurement minimal", "procurement", PROC, True),
    ("procurement: a month with none", "procurement", "months:\n  - month: 2567-11\n    no_procurement: true\n", True),
    ("procurement: money with commas, Thai digits", "procurement",
     PROC.replace("budget: 15000", 'budget: "125,000.50"').replace("month: 2567-10", "month: ๒๕๖๗-๑๐"), True),
    ("procurement: common fields", "procurement",
     "updated: 2568-10-05\nchanges:\n  - date: 2568-10-05\n    note: เพิ่มเดือนกันยายน\n"
     "attachments:\n  - title: แบบ สขร.1\n    file: files/sor-kor-ror.pdf\n" + PROC, True),
    ("procurement: unquoted e-GP number is text", "procurement", PROC.replace('egp_no: "67105844132"', "egp_no: 67105844132"), True),
    ("procurement: leap day 2567-02-29", "procurement", PROC.replace("contract_date: 2567-10-08", "contract_date: 2567-02-29"), True),
    ("service_statistics with counts", "service_statistics", STATS, True),
    ("strategic_plan: year as number", "strategic_plan", PLAN, True),
    ("annual_report: one problem written without a list", "annual_report",
     "report: {title: รายงานผล}\ncovers_fy: 2567\nproblems: ไม่มี\n", True),
    ("bribery_risk: Thai label, digit string, single measure", "bribery_risk", RISK, True),
    ("complaint_statistics with previous_fy", "complaint_statistics",
     "months:\n  - month: 2567-10\n    received: 0\n    finished: 0\n    in_progress: 0\n"
     "previous_fy: {fy: 2567, received: 3, finished: 3, in_progress: 0}\n", True),
    ("structure: optional fields left empty", "structure", "updated:\nchart:\nlegal_basis:\npolitical:\n", True),
    ("e_services with http link", "e_services", "services:\n  - name: ขออนุญาต\n    url: http://eservice.test.go.th/\n", True),
    ("site minimal", "site", SITE, True),
    ("site full", "site", SITE + "map: {lat: 16.61, lon: -103.7}\ndigits: เลขไทย (๐-๙)\nsample_data: false\n"
                                 "logo: images/logo.png\nita_results:\n  - {year: 2568, total: 88.09, indicator_9: 72, indicator_10: '60.5'}\n",
     True),
    ("news minimal", "news_post", "title: ประชุมประชาคม\ndate: 2567-10-15\n", True),
    ("unknown field", "executives", EX + "foo: bar\n", False),
    ("unknown field in an entry", "executives", EX + "    nickname: ต้น\n", False),
    ("missing required field", "executives", EX.replace("    role: chief\n", ""), False),
    ("bad choice", "executives", EX.replace("role: chief", "role: boss"), False),
    ("Christian-era date", "procurement", "updated: 2024-10-01\n" + PROC, False),
    ("month 13", "procurement", PROC.replace("month: 2567-10", "month: 2567-13"), False),
    ("29 February of a common year", "procurement", PROC.replace("contract_date: 2567-10-08", "contract_date: 2568-02-29"), False),
    ("30 February", "procurement", PROC.replace("contract_date: 2567-10-08", "contract_date: 2567-02-30"), False),
    ("31 April", "procurement", PROC.replace("contract_date: 2567-10-08", "contract_date: 2567-04-31"), False),
    ("date written day first", "news_post", "title: ข่าว\ndate: 15-10-2567\n", False),
    ("wrong file extension for an image", "executives", EX + "    photo: files/plan.pdf\n", False),
    ("wrong file extension for a document", "strategic_plan", PLAN.replace("plan.pdf", "plan.txt"), False),
    ("a path outside content/", "strategic_plan", PLAN.replace("files/plan.pdf", "/home/clerk/plan.pdf"), False),
    ("a list where text is expected", "executives", EX.replace("name: นายทดสอบ ใจดี", "name: [นายทดสอบ, ใจดี]"), False),
    ("words where money is expected", "procurement", PROC.replace("budget: 15000", "budget: หนึ่งหมื่นห้าพันบาท"), False),
    ("money with the word baht", "procurement", PROC.replace("budget: 15000", "budget: 15000 บาท"), False),
    ("negative money", "procurement", PROC.replace("budget: 15000", "budget: -15000"), False),
    ("words where a whole number is expected", "bribery_risk", RISK.replace("likelihood: 2", "likelihood: สูง"), False),
    ("Christian-era year as a number", "strategic_plan", PLAN.replace("period_from: 2566", "period_from: 2023"), False),
    ("a link without https://", "e_services", "services:\n  - name: ขออนุญาต\n    url: www.test.go.th\n", False),
    ("not an e-mail", "site", SITE.replace("saraban@test.go.th", "saraban at test.go.th"), False),
    ("a phone number too short", "site", SITE.replace('"0 4300 0000"', '"12"'), False),
    ("yes is not true", "procurement", "months:\n  - month: 2567-11\n    no_procurement: yes\n", False),
    ("one mapping where a list of entries is expected", "executives", "executives:\n  name: ก\n  position: ข\n  role: chief\n", False),
    ("a required list left empty", "executives", "executives: []\n", False),
    ("a required text left empty", "executives", EX.replace("position: นายก", 'position: ""'), False),
    ("an empty entry in a list", "site", SITE.replace('phones: ["0 4300 0000"]', "phones:\n  - 0 4300 0000\n  -\n"), False),
    ("a count that is not a number", "service_statistics", STATS.replace("ชำระภาษี: 12", "ชำระภาษี: หลายครั้ง"), False),
    ("a count left empty", "service_statistics", STATS.replace("ชำระภาษี: 12", "ชำระภาษี:"), False),
    ("news without a date", "news_post", "title: ประชุมประชาคม\n", False),
    ("site: unknown agency kind", "site", SITE.replace("agency_kind: sao", "agency_kind: อบต."), False),
]

#: Where the editor cannot say what the build says, because JSON holds the value differently (see the module docstring).
KNOWN_DIFFERENCES = [
    # (case id, kind, YAML text, validator's verdict, schema's verdict)
    ("True is a boolean to the editor, not to the build", "procurement",
     "months:\n  - month: 2567-11\n    no_procurement: True\n", False, True),
    ("3.0 is a whole number to the editor", "bribery_risk", RISK.replace("likelihood: 2", "likelihood: 3.0"), False, True),
    ('an empty "" in an optional date', "procurement", 'updated: ""\n' + PROC, True, False),
]


@pytest.fixture
def project(scratch):
    """A content folder holding every file the cases name."""
    paths = scratch({
        "images/nayok.png": png_bytes(), "images/logo.png": png_bytes(),
        "ita/2568/files/plan.pdf": pdf_bytes(), "ita/2568/files/plan.txt": "ไม่ใช่ PDF", "ita/2568/files/sor-kor-ror.pdf": pdf_bytes(),
    })
    return paths.content


@pytest.mark.parametrize("case_id, target, text, valid", CASES, ids=[c[0] for c in CASES])
def test_schema_and_validator_agree(project, case_id, target, text, valid):
    folder = project if target == "site" else project / "ita" / "2568"
    assert validator_says(record_of(target), text, project, folder) is valid, "validator"
    assert schema_says(f"{target}.schema.json", text) is valid, "JSON Schema"


def test_there_are_enough_cases_of_both_verdicts():
    assert len(CASES) >= 30
    assert sum(valid for *_, valid in CASES) >= 12 and sum(not valid for *_, valid in CASES) >= 20


@pytest.mark.parametrize("case_id, target, text, validator, schema", KNOWN_DIFFERENCES, ids=[c[0] for c in KNOWN_DIFFERENCES])
def test_known_differences_are_as_documented(project, case_id, target, text, validator, schema):
    assert validator_says(record_of(target), text, project, project / "ita" / "2568") is validator
    assert schema_says(f"{target}.schema.json", text) is schema


def _sample_files() -> list:
    content = ROOT / "content"
    items = sorted((content / "ita" / "2568").glob("*.yaml"))
    return [pytest.param(f, id=f.relative_to(ROOT).as_posix()) for f in [content / "site.yaml", *items]]


@pytest.mark.parametrize("file", _sample_files())
def test_every_sample_file_is_valid_for_both(file):
    content = ROOT / "content"
    if file.name == "site.yaml":
        record, name = MODEL.site, "site.schema.json"
    else:
        kind = FRAMEWORK.item_for(re.match(r"^(O\d+)", file.name).group(1)).kind
        record, name = MODEL.kinds[kind].record, f"{kind}.schema.json"
    text = file.read_text(encoding="utf-8")
    assert validator_says(record, text, content, file.parent)
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in Draft202012Validator(SCHEMAS[name]).iter_errors(editor_data(text))]
    assert errors == []


@pytest.mark.parametrize("file", sorted((ROOT / "content" / "news").glob("*.md")), ids=lambda f: f.name)
def test_every_sample_news_front_matter_is_valid_for_both(file):
    front, _, _ = yamlio.split_front_matter(file.read_text(encoding="utf-8"))
    assert validator_says(MODEL.news_post, front, ROOT / "content", file.parent)
    assert Draft202012Validator(SCHEMAS["news_post.schema.json"]).is_valid(editor_data(front))


def test_every_kind_has_a_schema_and_every_schema_is_valid():
    assert set(SCHEMAS) == {"site.schema.json", "news_post.schema.json"} | {f"{kind}.schema.json" for kind in MODEL.kinds}
    assert len(SCHEMAS) == len(MODEL.kinds) + 2  # no kind shares a file name with site.yaml or the news front matter
    for schema in SCHEMAS.values():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["additionalProperties"] is False


def test_schema_help_is_in_thai_from_kinds_yaml():
    procurement = SCHEMAS["procurement.schema.json"]
    assert procurement["title"] == "รายการจัดซื้อจัดจ้างและความก้าวหน้า"
    assert "ITA 2568 ข้อ O12" in procurement["description"]
    assert {"updated", "changes", "attachments"} <= set(procurement["properties"])
    row = procurement["properties"]["months"]["items"]["properties"]["rows"]["items"]
    assert row["properties"]["budget"]["description"].startswith("วงเงินงบประมาณที่ได้รับจัดสรร (บาท) / allocated budget (baht)")
    assert {"planned", "อยู่ระหว่างระยะสัญญา"} <= set(row["properties"]["status"]["enum"])
    assert "vendor" in row["required"] and "contract_no" not in row["required"]
    assert "2567-10-01" in procurement["properties"]["updated"]["description"]
    assert "เครื่องหมายคำพูด" in row["properties"]["egp_no"]["description"]
    structure = schema_for(MODEL.kinds["structure"].record, "โครงสร้าง")
    assert structure["title"] == "โครงสร้าง" and structure["properties"]["chart"]["title"] == "ภาพแผนผังโครงสร้างองค์กร"


def _one_field(kind: str) -> Field:
    return Field(name="r", type="record", fields=(Field(name="f", type=kind, required=True),))


def scalar_verdicts(kind: str, text: str) -> tuple[bool, bool]:
    """(validator, schema) on one quoted value of a field type."""
    record, found = _one_field(kind), []
    reader = Reader(doc=yamlio.Doc("case.yaml", {"f": text}), folder=ROOT, content_root=ROOT, attach=str, problems=found)
    check_record(record, {"f": text}, (), reader)
    return not found, Draft202012Validator(schema_for(record, "t")).is_valid({"f": text})


@pytest.mark.parametrize("kind, parse", [("date", thai.parse_be_date), ("month", thai.parse_be_month), ("year", thai.parse_be_year)])
def test_calendar_patterns_match_the_validator_on_every_day(kind, parse):
    pattern = re.compile(schema_for(_one_field(kind), "t")["properties"]["f"]["pattern"])
    years = (2399, 2400, 2419, 2443, 2500, 2543, 2567, 2568, 2571, 2643, 2699, 2700, 2701, 2024)
    written = {f"{y}-{m:{pad}}-{d:{pad}}" if kind == "date" else f"{y}-{m:{pad}}" if kind == "month" else str(y)
               for y in years for m in range(14) for d in range(33) for pad in ("", "02")}
    written |= {thai.to_thai_digits(text) for text in written if text.endswith("9")}

    def accepted(text: str) -> bool:
        try:
            parse(text)
        except thai.DateError:
            return False
        return True

    assert [t for t in sorted(written) if accepted(t) != (pattern.search(t) is not None)] == []


NUMBERISH = st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙,.eE+-", min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(["int", "decimal", "money", "phone"]), text=NUMBERISH)
def test_number_patterns_match_the_validator(kind, text):
    if kind == "money" and text.lstrip(",").startswith("-"):
        text = text.replace("-", "")  # negative money is a case above; only "-0" would differ
    validator, schema = scalar_verdicts(kind, text)
    assert validator == schema


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["url", "email"]), text=st.text(alphabet="htps:/w.x@ ก", min_size=1, max_size=14))
def test_address_patterns_match_the_validator(kind, text):
    validator, schema = scalar_verdicts(kind, text)
    assert validator == schema


def test_a_link_needs_an_address_after_https():
    assert scalar_verdicts("url", "https://")[0] is False


def _patterns(node) -> set:
    if isinstance(node, dict):
        return ({node["pattern"]} if isinstance(node.get("pattern"), str) else set()) | set().union(*map(_patterns, node.values()))
    if isinstance(node, list):
        return set().union(*map(_patterns, node)) if node else set()
    return set()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node: VS Code runs the patterns as JavaScript regular expressions")
def test_patterns_mean_the_same_in_javascript():
    patterns = sorted(set().union(*map(_patterns, SCHEMAS.values())))
    probes = ["2567-10-01", "๒๕๖๗-๑๐-๐๑", "2419-02-29", "๒๕๖๗-๐๒-๒๙", "2567-2-29", "2568-02-29", "2443-02-29", "2543-02-29", "2024-10-01", "2567-10", "2567-13",
              "2568", "2700", "2701", "1,250.50", "-3", ".5", "e5", "0 4300 0000", "12", "a@b.co", "https://x.go.th/a b",
              "files/o12/a.PDF", "/etc/a.pdf", "C:\\a.pdf", "a.docx", "ข้อความ"]
    # with and without the u flag: versions of the extension differ
    script = ("const [patterns, probes] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(['', 'u'].map(f => patterns.map(p => probes.map(s => new RegExp(p, f).test(s))))));")
    run = subprocess.run(["node", "-e", script], input=json.dumps([patterns, probes]), capture_output=True, text=True,
                         encoding="utf-8", check=True)
    python = [[re.search(p, s) is not None for s in probes] for p in patterns]
    assert json.loads(run.stdout) == [python, python]


def _settings(project: Path) -> dict:
    return json.loads((project / ".vscode" / "settings.json").read_text(encoding="utf-8"))


def test_write_editor_files_keeps_other_settings_and_is_byte_identical(tmp_path):
    settings_file = tmp_path / ".vscode" / "settings.json"
    settings_file.parent.mkdir()
    settings_file.write_text(json.dumps({"editor.fontSize": 16, "[yaml]": {"editor.formatOnSave": True},
                                         "yaml.schemas": {"https://example.org/other.json": "other/*.yaml"}}), encoding="utf-8")
    years = available_years()
    written = write_editor_files(MODEL, years, tmp_path)
    first = {path: path.read_bytes() for path in written}
    assert write_editor_files(MODEL, years, tmp_path) == written
    assert {path: path.read_bytes() for path in written} == first
    assert settings_file in written and len(written) == len(SCHEMAS) + 2  # the schemas, extensions.json, settings.json

    vscode = _settings(tmp_path)
    assert vscode["editor.fontSize"] == 16
    assert vscode["files.encoding"] == "utf8"
    assert vscode["[yaml]"] == {"editor.formatOnSave": True, "editor.insertSpaces": True, "editor.tabSize": 2}
    schemas = vscode["yaml.schemas"]
    assert schemas["https://example.org/other.json"] == "other/*.yaml"
    assert schemas["./.vscode/prongsai-schemas/site.schema.json"] == ["content/site.yaml"]
    procurement = schemas["./.vscode/prongsai-schemas/procurement.schema.json"]
    assert "content/ita/2568/O12.yaml" in procurement and "content/ita/2568/O12-*.yaml" in procurement
    assert "./.vscode/prongsai-schemas/news_post.schema.json" not in schemas  # front matter in .md: not checkable
    assert "content/ita/2568/O4.yaml" in schemas["./.vscode/prongsai-schemas/news.schema.json"]  # the news kind's item file
    for key in schemas:
        if key.startswith("./"):
            assert (tmp_path / key).is_file()


def test_schema_files_are_sorted_utf8_json_with_a_final_newline(tmp_path):
    write_editor_files(MODEL, [2568], tmp_path)
    file = tmp_path / SCHEMA_FOLDER / "procurement.schema.json"
    text = file.read_bytes().decode("utf-8")
    assert text.endswith("}\n") and "\r" not in text and "จัดซื้อ" in text
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(text) == SCHEMAS["procurement.schema.json"]


def test_a_stale_schema_is_removed_but_other_files_stay(tmp_path):
    folder = tmp_path / SCHEMA_FOLDER
    folder.mkdir(parents=True)
    (folder / "old_kind.schema.json").write_text("{}", encoding="utf-8")
    (folder / "notes.txt").write_text("ของผู้ใช้", encoding="utf-8")
    write_editor_files(MODEL, [2568], tmp_path)
    assert not (folder / "old_kind.schema.json").exists() and (folder / "notes.txt").exists()


def test_settings_with_comments_are_left_alone(tmp_path):
    settings_file = tmp_path / ".vscode" / "settings.json"
    settings_file.parent.mkdir()
    original = textwrap.dedent("""\
        {
          // ขนาดตัวอักษร
          "editor.fontSize": 16,
        }
        """)
    settings_file.write_text(original, encoding="utf-8")
    with pytest.raises(SettingsError):
        write_editor_files(MODEL, [2568], tmp_path)
    assert settings_file.read_text(encoding="utf-8") == original
    assert not (tmp_path / SCHEMA_FOLDER).exists()


def test_an_unknown_year_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_editor_files(MODEL, [2599], tmp_path)


def test_the_committed_editor_files_are_up_to_date(tmp_path):
    """The repository's own .vscode/ is what `python build.py schema` writes today."""

    from prongsai.framework import available_years

    written = write_editor_files(load_model(), available_years(), tmp_path)
    for file in written:
        committed = ROOT / file.relative_to(tmp_path)
        assert committed.read_bytes() == file.read_bytes(), f"run python build.py schema: {committed} is stale"
