"""Round-trip editing (prongsai/yamledit.py): a changed value changes its own lines and nothing else.

Every test reads the result back with the project's own reader (yamlio), so what is written is what the build
will see; diffs are compared line by line with difflib.
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path

import pytest

from prongsai import yamledit, yamlio
from prongsai.yamledit import Entries, Typed

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted((ROOT / "content").rglob("*.yaml"))


def read(text: str):
    doc, problems = yamlio.parse(text, "t.yaml")
    assert not problems, [p.format() for p in problems]
    return doc.data


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def leaves(data, key=()):
    """Every scalar's key path in a document."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from leaves(value, key + (name,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, key + (index,))
    elif data is not None:
        yield key


def set_at(data, key, value):
    for part in key[:-1]:
        data = data[part]
    data[key[-1]] = value


@pytest.mark.parametrize("file", SAMPLE_FILES, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_the_same_data_leaves_every_sample_file_byte_for_byte(file):
    text = file.read_text(encoding="utf-8")
    assert yamledit.update(text, read(text)) == text


@pytest.mark.parametrize("file", SAMPLE_FILES, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_changing_any_one_value_of_a_sample_file_changes_only_its_own_lines(file):
    text = file.read_text(encoding="utf-8")
    data = read(text)
    for key in list(leaves(data))[:25]:
        new = copy.deepcopy(data)
        set_at(new, key, "ค่าใหม่ new value")
        result = yamledit.update(text, new)
        assert read(result) == new, key
        removed = [line for line in changed_lines(text, result) if line.startswith("-")]
        added = [line for line in changed_lines(text, result) if line.startswith("+")]
        assert len(added) == 1 and "ค่าใหม่ new value" in added[0], (key, added)
        old_lines = text.splitlines()
        # only the lines of the old value go (a folded value spans several)
        assert all(line[1:] in old_lines for line in removed)
        assert 1 <= len(removed) <= 8, (key, removed)


EXAMPLE = """\
# O12 รายการจัดซื้อจัดจ้าง  (a comment at the top)
updated: 2567-11-05   # ปรับปรุงทุกเดือน
months:
  # ตุลาคม
  - month: 2567-10
    rows:
      - name: ซื้อกระดาษ
        egp_no: "67105844132"
        vendor: 'ร้าน ''ดงเมือง'''
  - month: 2567-11
    no_procurement: true   # ไม่มีการจัดซื้อ
summary: >-
  ข้อความยาวที่พับบรรทัด
  ต่อบรรทัดที่สอง
"""


def test_one_field_edit_changes_exactly_that_line_and_keeps_comments():
    data = read(EXAMPLE)
    data["updated"] = Typed("2567-12-01")
    result = yamledit.update(EXAMPLE, data)
    assert changed_lines(EXAMPLE, result) == ["-updated: 2567-11-05   # ปรับปรุงทุกเดือน",
                                                "+updated: 2567-12-01   # ปรับปรุงทุกเดือน"]


def test_a_changed_value_keeps_its_quoting_style():
    data = read(EXAMPLE)
    data["months"][0]["rows"][0]["egp_no"] = "67105844999"
    data["months"][0]["rows"][0]["vendor"] = "ร้าน 'ใหม่'"
    result = yamledit.update(EXAMPLE, data)
    assert changed_lines(EXAMPLE, result) == [
        '-        egp_no: "67105844132"', "-        vendor: 'ร้าน ''ดงเมือง'''",
        '+        egp_no: "67105844999"', "+        vendor: 'ร้าน ''ใหม่'''"]
    assert read(result) == data


def test_a_folded_value_stays_folded():
    data = read(EXAMPLE)
    data["summary"] = "ข้อความใหม่ " * 20
    data["summary"] = data["summary"].strip()
    result = yamledit.update(EXAMPLE, data)
    assert "summary: >-\n  ข้อความใหม่" in result
    assert read(result) == data
    assert result.startswith(EXAMPLE.split("summary:")[0])


@pytest.mark.parametrize("value", ["0123", "no", "on", "off", "yes", "y", "true", "null", "~", "0812345678", "12:30",
                                   "1e3", "- item", "a: b", "ข้อความ # ไม่ใช่ความเห็น", "#hashtag", "2567-10-01", " lead"])
def test_new_text_that_yaml_would_misread_is_quoted_and_reads_back_as_written(value):
    result = yamledit.update("a: x\n", {"a": "x", "b": value})
    assert read(result) == {"a": "x", "b": value}
    assert result.split("b: ", 1)[1].startswith('"'), result


def test_typed_values_are_written_plain_as_the_content_writes_them():
    result = yamledit.update("a: x\n", {"a": "x", "date": Typed("2567-10-01"), "money": Typed("125000"), "ok": Typed("true")})
    assert result == "a: x\ndate: 2567-10-01\nmoney: 125000\nok: true\n"


def test_new_keys_go_in_the_order_given_with_the_content_indentation():
    text = "# head\nupdated: 2567-10-01\nchanges:\n  - date: 2567-10-01\n    note: ก\n"
    data = {"updated": Typed("2567-10-01"),
            "executives": [{"name": "นายสมชาย", "position": "นายก", "photos": ["files/o2/a.jpg"]}],
            "changes": [{"date": Typed("2567-10-01"), "note": "ก"}]}
    result = yamledit.update(text, data)
    assert result == ("# head\nupdated: 2567-10-01\nexecutives:\n  - name: นายสมชาย\n    position: นายก\n    photos:\n"
                      "      - files/o2/a.jpg\nchanges:\n  - date: 2567-10-01\n    note: ก\n")
    assert read(result) == data


def test_a_removed_key_takes_its_lines_and_its_comment_with_it():
    data = read(EXAMPLE)
    del data["months"][1]["no_procurement"]
    data["months"][1]["rows"] = [{"name": "จ้างเหมา"}]
    result = yamledit.update(EXAMPLE, data)
    assert "ไม่มีการจัดซื้อ" not in result and "  - month: 2567-11\n    rows:\n      - name: จ้างเหมา\n" in result
    assert read(result) == data


def test_deleting_the_first_key_of_an_entry_keeps_the_dash():
    data = read(EXAMPLE)
    del data["months"][0]["rows"][0]["name"]
    result = yamledit.update(EXAMPLE, data)
    assert '      - egp_no: "67105844132"\n' in result
    assert read(result) == data


def test_entries_removed_added_and_reordered_keep_their_comments():
    data = read(EXAMPLE)
    months = data["months"]
    third = {"month": Typed("2567-12"), "no_procurement": Typed("true")}
    data["months"] = Entries([months[1], months[0], third], origins=[1, 0, None])
    result = yamledit.update(EXAMPLE, data)
    assert read(result) == {**data, "months": [months[1], months[0], {"month": "2567-12", "no_procurement": "true"}]}
    assert "# ไม่มีการจัดซื้อ" in result and "  # ตุลาคม\n  - month: 2567-10" in result
    assert result.index("2567-11") < result.index("2567-10") < result.index("2567-12")
    # removing one entry removes its lines only
    data = read(EXAMPLE)
    data["months"] = Entries([data["months"][1]], origins=[1])
    result = yamledit.update(EXAMPLE, data)
    assert "2567-10" not in result and "ซื้อกระดาษ" not in result and "# ไม่มีการจัดซื้อ" in result
    assert changed_lines(EXAMPLE, result) == [f"-{line}" for line in EXAMPLE.splitlines()[3:9]]


def test_a_stub_of_comments_only_keeps_its_title_and_gets_the_values():
    stub = "# O7 ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568\n# ช่วงเวลา\n\n# intro: ...  # คำอธิบาย\n"
    result = yamledit.update(stub, {"intro": "ข่าวของ อบต."})
    assert result == "# O7 ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568\n# ช่วงเวลา\n\nintro: ข่าวของ อบต.\n"


def test_multi_line_text_is_written_as_a_literal_block():
    result = yamledit.update("a: x\n", {"a": "บรรทัดหนึ่ง\nบรรทัดสอง"})
    assert result == "a: |-\n  บรรทัดหนึ่ง\n  บรรทัดสอง\n"
    assert read(result) == {"a": "บรรทัดหนึ่ง\nบรรทัดสอง"}


def test_a_text_that_was_empty_or_flow_becomes_block():
    text = "map: {lat: 16.0, lon: 103.0}\nempty:\nlast: z\n"
    data = {"map": {"lat": Typed("16.5"), "lon": Typed("103.0")}, "empty": ["ก", "ข"], "last": "z"}
    result = yamledit.update(text, data)
    assert read(result) == data
    assert result.endswith("last: z\n")


def test_text_that_is_not_yaml_is_refused():
    with pytest.raises(yamledit.EditError):
        yamledit.update("a: [unclosed\n", {"a": "b"})
