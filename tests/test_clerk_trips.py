"""What a new clerk tripped on (a เทศบาลตำบล written from the README alone), each now a test.

Three-digit hotlines, a comments-only stub, the wording that follows the kind of agency, one missing field
reported once, and a year whose criteria the NACC has not published yet (a framework file added by the project
for a year, with no code change).
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from conftest import MINIMAL_SITE_YAML, png_bytes

from prongsai import build_site
from prongsai.framework import available_years, framework_file
from prongsai.pipeline import load_site
from prongsai.readiness import check_item, check_year
from prongsai.report import check_text

FY = 2568
MAY_2568 = date(2025, 5, 1)


@pytest.mark.parametrize("hotline", ["191", "199", "1111", "1669", "๑๙๑", "0 4386 1550 ต่อ 110"])
def test_thai_short_codes_are_phone_numbers(scratch, hotline):
    site = MINIMAL_SITE_YAML.replace('phones: ["0 4300 0000"]', f'phones: ["0 4300 0000", "{hotline}"]')
    loaded = load_site(scratch({"site.yaml": site}))
    assert [p for p in loaded.warnings if p.severity == "error"] == []


def test_a_phone_that_is_not_a_number_says_what_to_write(scratch):
    from prongsai.problems import SiteError

    site = MINIMAL_SITE_YAML.replace('phones: ["0 4300 0000"]', 'phones: ["โทรหาเรา"]')
    with pytest.raises(SiteError) as raised:
        load_site(scratch({"site.yaml": site}))
    assert [p.format() for p in raised.value.problems] == [
        "content/site.yaml:8:10: ข้อผิดพลาด: ช่อง 'phones' (หมายเลขโทรศัพท์) ต้องเป็นหมายเลขโทรศัพท์ แต่เขียนว่า 'โทรหาเรา'\n"
        "    error: 'phones' must be a phone number, got 'โทรหาเรา'\n"
        '    วิธีแก้: เขียนเฉพาะตัวเลข ช่องว่าง - และคำว่า ต่อ เช่น "0 4412 3456", "0 4412 3456 ต่อ 101" หรือเลขสั้น "1669"\n'
        '    fix: write digits, spaces, - and ต่อ only, e.g. "0 4412 3456", "0 4412 3456 ต่อ 101" or a short code "1669"']


def test_a_comments_only_stub_is_not_written_yet_not_missing(scratch):
    loaded = load_site(scratch({"ita/2568/O8.yaml": "# O8 คู่มือ\n# manuals:\n"}))
    report = check_year(loaded.site.years[FY], loaded.site, loaded.model, MAY_2568)
    [problem] = report.items["O8"].problems
    assert problem.th == "ยังไม่ได้เขียนข้อมูลข้อ O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่ (ไฟล์มีแต่บรรทัดหมายเหตุ #)"
    assert problem.en == "item O8 is not written yet (its file holds comments only)"
    assert "สร้างไฟล์" not in problem.hint_th and "create" not in problem.hint_en


MUNICIPALITY = MINIMAL_SITE_YAML.replace("องค์การบริหารส่วนตำบลทดสอบ", "เทศบาลตำบลทดสอบ")
MUNICIPALITY = MUNICIPALITY.replace("agency_kind: sao", "agency_kind: subdistrict_municipality")
EXECUTIVES = """\
executives:
  - name: นายหนึ่ง ใจดี
    position: นายกเทศมนตรีตำบลทดสอบ
    role: chief
    photo: files/a.png
    phone: "0 4300 0001"
"""


def test_a_municipality_reads_its_own_titles(scratch):
    paths = scratch({"site.yaml": MUNICIPALITY, "ita/2568/O2.yaml": EXECUTIVES, "ita/2568/files/a.png": png_bytes()})
    build_site(paths)
    page = (paths.out / "ita/2568/o2.html").read_text(encoding="utf-8")
    assert "ผู้บริหารสูงสุด (นายกเทศมนตรี)" in page and "ปลัดเทศบาล" in page
    assert "อบต." not in page
    loaded = load_site(paths)
    text = check_text(check_year(loaded.site.years[FY], loaded.site, loaded.model, MAY_2568), loaded.site)
    assert "ปลัดเทศบาล" in text and "นายก อบต." not in text and "{" not in text


def test_another_kind_of_agency_is_not_asked_for_a_permanent_side(scratch):
    other = MINIMAL_SITE_YAML.replace("agency_kind: sao", "agency_kind: other")
    loaded = load_site(scratch({"site.yaml": other, "ita/2568/O2.yaml": EXECUTIVES.replace("role: chief", "role: chief"),
                                "ita/2568/files/a.png": png_bytes()}))
    result = check_item(loaded.site.years[FY].items["O2"], loaded.site, loaded.model, MAY_2568)
    assert next(e for e in result.elements if e.element.id == "permanent_side").passed


def test_one_missing_field_is_reported_once(scratch):
    """Two elements that need the same field: check prints the problem once and points the second element to it."""
    from prongsai.framework import Element
    from prongsai.readiness import ItemResult, check_element
    from prongsai.reach import RuleContext
    from prongsai.report import _item_lines

    loaded = load_site(scratch({"ita/2568/O8.yaml": "manuals:\n  - title: คู่มือการจัดเก็บภาษี\n"}))
    entry = loaded.site.years[FY].items["O8"]
    ctx = RuleContext(entry, loaded.site, loaded.model, MAY_2568)
    needs_file = [Element(f"e{n}", f"องค์ประกอบ {n}", f"element {n}", "H", ("manuals.file",)) for n in (1, 2)]
    result = ItemResult(entry, tuple(check_element(e, ctx) for e in needs_file))
    lines = _item_lines(result, set())
    said = [line for line in lines if "ยังไม่มีไฟล์คู่มือ" in line]
    assert len(said) == 1
    assert lines[-1] == "      content/ita/2568/O8.yaml:2:5: ดูข้อผิดพลาดเดียวกันข้างบน | the same problem as above"


# --- a year with no published criteria ----------------------------------------------------------------------------

def test_a_framework_file_added_by_the_project_builds_a_year(scratch, tmp_path):
    """When the NACC publishes a year's list, the project adds frameworks/ita-<year>.yaml: no code change."""
    made_up = available_years()[-1] + 5
    folder = tmp_path / "frameworks"
    folder.mkdir()
    text = framework_file(available_years()[-1]).read_text(encoding="utf-8")
    text = text.replace(f"assessment_year: {available_years()[-1]}", f"assessment_year: {made_up}", 1)
    (folder / f"ita-{made_up}.yaml").write_text(text, encoding="utf-8")
    paths = scratch({f"ita/{made_up}/O8.yaml": "manuals:\n  - title: คู่มือการจัดเก็บภาษี\n    covers: งานจัดเก็บรายได้\n"})
    result = build_site(paths)
    assert (paths.out / f"ita/{made_up}/o8.html").is_file()
    assert result.site.years[made_up].framework.provisional_from is None
    page = (paths.out / f"ita/{made_up}/index.html").read_text(encoding="utf-8")
    assert "ชั่วคราว" not in page


def test_the_year_after_the_latest_is_provisional_on_check_but_not_on_the_site(scratch):
    latest = available_years()[-1]
    paths = scratch({f"ita/{latest + 1}/O8.yaml": "manuals:\n  - title: คู่มือการจัดเก็บภาษี\n"})
    build_site(paths)
    loaded = load_site(paths)
    report = check_year(loaded.site.years[latest + 1], loaded.site, loaded.model, date(2026, 12, 2))
    text = check_text(report, loaded.site)
    assert f"ยังไม่มีเกณฑ์การประเมิน ITA ปี {latest + 1}" in text and "provisional" in text
    for page in (paths.out / f"ita/{latest + 1}").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "ชั่วคราว" not in html and "provisional" not in html, page.name


def test_a_year_two_after_the_latest_needs_a_framework_file(scratch):
    from prongsai.problems import SiteError

    latest = available_years()[-1]
    with pytest.raises(SiteError) as raised:
        load_site(scratch({f"ita/{latest + 2}/O8.yaml": "manuals:\n  - title: คู่มือ\n"}))
    [problem] = raised.value.problems
    assert "frameworks/ita-<year>.yaml" in problem.hint_en


def test_new_year_starts_the_provisional_year(tmp_path):
    from prongsai.scaffold import new_year
    from prongsai.schema import load_model

    latest = available_years()[-1]
    content = tmp_path / "content"
    shutil.copytree(__import__("conftest").ROOT / "tests/golden/content", content)
    written = new_year(load_model(), content, latest + 1) if (content / "ita" / str(latest)).is_dir() else \
        new_year(load_model(), content, latest + 1)
    assert (content / "ita" / str(latest + 1)).is_dir() and written
