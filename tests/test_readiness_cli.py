"""The readiness check on the repository's sample content/ (whole, broken, on other days) and through the command line.

The sample is loaded in process once per module; the command line runs as a real process (as in test_cli.py) on
copies of the sample in temporary project folders, each verb once per module where the tests can share it.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BUILD_DATE_EPOCH, MINIMAL_SITE_YAML, ROOT, TEMPLATES, pdf_bytes, write_files

from prongsai.framework import load_framework
from prongsai.pipeline import Paths, load_site
from prongsai.problems import ERROR, WARNING
from prongsai.readiness import check_year
from prongsai.report import itas_csv
from test_readiness import FY, MANUALS, be, element

# --- the sample content/ ---------------------------------------------------------------------------------------------

def sample_paths(project: Path, out: Path) -> Paths:
    return Paths(project=project, content=project / "content", templates=TEMPLATES, out=out)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return load_site(sample_paths(ROOT, tmp_path_factory.mktemp("sample") / "site"))


@pytest.mark.parametrize("as_of", [be(2568, 11, 26), date.today()], ids=["2568-11-26", "today"])
def test_the_sample_is_ready(sample, as_of):
    report = check_year(sample.site.years[FY], sample.site, sample.model, as_of)
    assert report.ready == len(report.items) == 28
    assert [p.format() for r in report.items.values() for p in r.problems] == []
    assert report.summary_line() == "ITA 2568: พร้อม 28/28 ข้อ | 28/28 items ready"
    assert [(i.number, i.score) for i in report.indicators] == [(9, 100.0), (10, 100.0)]
    assert all(g.passed == g.total and g.score == 100.0 for i in report.indicators for g in i.groups)
    assert report.oit == 100.0


def test_the_sample_real_result(sample):
    real = sample.site.real_result(2568)
    assert (real["indicator_9"], real["indicator_10"]) == (72, 60)
    earlier = sample.site.real_result(2567)
    assert (earlier["indicator_9"], earlier["indicator_10"]) == (Decimal("80.00"), Decimal("67.20"))
    assert sample.site.real_result(2566) is None


def copy_sample(project: Path) -> Path:
    shutil.copytree(ROOT / "content", project / "content")
    return project


def edit(file: Path, old: str, new: str = "") -> None:
    body = file.read_text(encoding="utf-8")
    assert body.count(old) == 1, (file.name, old)
    file.write_text(body.replace(old, new), encoding="utf-8", newline="\n")


def drop_month(file: Path, month: str) -> None:
    """Remove the `  - month: …` entry and everything indented under it."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - month: {month}\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    file.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8", newline="\n")
    assert f"month: {month}\n" not in file.read_text(encoding="utf-8")


def break_sample(project: Path) -> Path:
    """The sample with three mistakes: an executive's photo, November's procurement, the declaration's date."""
    items = copy_sample(project) / "content/ita/2568"
    edit(items / "O2.yaml", "    photo: files/o2/rong-nayok-1.jpg\n")
    drop_month(items / "O12.yaml", "2567-11")
    edit(items / "O21.yaml", "  signed_on: 2567-10-01\n")
    return project


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = break_sample(tmp_path_factory.mktemp("broken"))
    return load_site(sample_paths(project, project / "site"))


BROKEN_ERRORS = {
    "O2": [("content/ita/2568/O2.yaml:10:5", "รายการที่ 2 ของผู้บริหาร (นายบุญเลิศ พรมโคตร) ยังไม่มีรูปถ่าย (ช่อง photo)")],
    # where November belongs: before December's entry
    "O12": [("content/ita/2568/O12.yaml:59:5", "ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนพฤศจิกายน 2567")],
    # signed_by_head asks for the date; issued_for_fy holds a date only when there is one (said once)
    "O21": [("content/ita/2568/O21.yaml:4:3", "ยังไม่มีวันที่ลงนาม (ช่อง signed_on)")],
}


def test_the_broken_sample_fails_exactly_three_items(broken):
    report = check_year(broken.site.years[FY], broken.site, broken.model, be(2568, 11, 26))
    assert [code for code, r in report.items.items() if not r.passed] == list(BROKEN_ERRORS)
    errors = {code: [(p.location, p.th) for p in r.problems if p.severity == ERROR]
              for code, r in report.items.items() if not r.passed}
    assert errors == BROKEN_ERRORS
    assert [p for r in report.items.values() for p in r.problems if p.severity == WARNING] == []
    assert element(report.items["O21"], "signed_by_head").passed is False
    assert element(report.items["O21"], "issued_for_fy").passed is True
    assert report.summary_line() == "ITA 2568: พร้อม 25/28 ข้อ | 25/28 items ready"


def test_the_broken_sample_projected_scores_drop(broken):
    report = check_year(broken.site.years[FY], broken.site, broken.model, be(2568, 11, 26))
    groups = {g.id: (g.passed, g.total) for i in report.indicators for g in i.groups}
    assert groups == {"9.1": (3, 4), "9.2": (3, 3), "9.3": (4, 4), "9.4": (1, 2), "9.5": (3, 3),
                      "10.1": (3, 3), "10.2": (1, 1), "10.3": (3, 4), "10.4": (2, 2), "10.5": (2, 2)}
    # 9: (75 + 100 + 100 + 50 + 100) / 5 = 85; 10: (100 + 100 + 75 + 100 + 100) / 5 = 95
    assert [(i.number, i.score) for i in report.indicators] == [(9, 85.0), (10, 95.0)]
    assert report.oit == 90.0


def test_itas_explanation_claims_no_completeness_for_a_failing_item(broken):
    report = check_year(broken.site.years[FY], broken.site, broken.model, be(2568, 11, 26))
    rows = {row[0]: row for row in csv.reader(io.StringIO(itas_csv(report, broken.site)))}
    assert rows["O2"][2] == "ไม่มี"
    assert "แสดงองค์ประกอบครบ" not in rows["O2"][4]


def test_as_of_moves_what_is_due(tmp_path):
    items = copy_sample(tmp_path) / "content/ita/2568"
    drop_month(items / "O12.yaml", "2567-11")
    drop_month(items / "O19.yaml", "2567-11")
    loaded = load_site(sample_paths(tmp_path, tmp_path / "site"))
    monthly = {"O12": "monthly_nil_months", "O19": "period_coverage"}
    november = check_year(loaded.site.years[FY], loaded.site, loaded.model, be(2567, 11, 15))  # only October is due
    assert not [p for code in monthly for p in november.items[code].problems if "ยังไม่มีข้อมูล" in p.th]
    # on 15 November 2567 most of the sample is still to come: each of those items names a date after that day
    later = [r for r in november.items.values() if not r.passed]
    assert later and all(any("เลยวันที่ตรวจ (15 พฤศจิกายน 2567)" in p.th for p in r.problems) for r in later)
    april = check_year(loaded.site.years[FY], loaded.site, loaded.model, be(2568, 4, 15))
    missing = {code: [p.th for p in element(april.items[code], e).problems if "ยังไม่มีข้อมูล" in p.th]
               for code, e in monthly.items()}
    assert missing == {"O12": ["ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนพฤศจิกายน 2567"],
                       "O19": ["ยังไม่มีข้อมูลสถิติเรื่องร้องเรียนเดือนพฤศจิกายน 2567"]}


# --- the command line ------------------------------------------------------------------------------------------------

MAIN = "import sys; from prongsai.cli import main; sys.exit(main())"
FOLDERS = ("--content", "content", "--templates", str(TEMPLATES), "--out", "site")
PATH_TH = "หน้าแรก > การประเมิน ITA > ปีงบประมาณ 2568 > "


@dataclass(frozen=True)
class Ran:
    status: int
    out: str
    err: str


def run(project: Path, *args: str) -> Ran:
    """The command line as a real process in the project folder, failing on any text written in the locale's encoding."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c", MAIN, *args],
        cwd=project, env=environment, capture_output=True, timeout=120,
    )
    return Ran(result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))


@dataclass
class Row:
    attrs: dict
    text: str
    links: list


class Page(HTMLParser):
    """The links (href, text) of a page, its table rows, and every tag and href, read as a browser would."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links, self.rows, self.tags, self.hrefs = [], [], set(), []
        self._link, self._row = None, None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        self.tags.add(tag)
        self.hrefs += [attributes["href"]] if "href" in attributes else []
        if tag == "tr":
            self._row = Row(attributes, "", [])
        elif self._row and tag in ("br", "td", "th", "p", "li"):
            self._row.text += " "  # a line or cell break separates words as it does on screen
        if tag == "a":
            self._link = [attributes.get("href"), ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link:
            link = (self._link[0], " ".join(self._link[1].split()))
            self.links.append(link)
            if self._row:
                self._row.links.append(link)
            self._link = None
        if tag == "tr" and self._row:
            self._row.text = " ".join(self._row.text.split())
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._link:
            self._link[1] += data
        if self._row:
            self._row.text += data


def read_page(file: Path) -> Page:
    return Page(file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("cli-sample"))


@pytest.fixture(scope="module")
def sample_check(sample_project) -> Ran:
    return run(sample_project, "check", "--year", "2568", *FOLDERS)


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory) -> Path:
    return break_sample(tmp_path_factory.mktemp("cli-broken"))


def test_check_on_the_sample(sample_check):
    assert (sample_check.status, sample_check.err) == (0, "")
    lines = sample_check.out.splitlines()
    assert lines[0].startswith("ตรวจความพร้อม ITA ปีงบประมาณ 2568 ณ วันที่ ")
    assert len([line for line in lines if line.startswith("ผ่าน    [OK]   O")]) == 28
    assert "ไม่ผ่าน" not in sample_check.out
    assert "คะแนนประมาณการจากข้อมูลในเว็บไซต์ (ไม่ใช่ผลการประเมินจริง) | projected score, an estimate:" in lines
    assert "  ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล: 100.00   (ผลจริง ITA 2568: 72.00)" in lines
    assert "  ตัวชี้วัดที่ 10 การป้องกันการทุจริต: 100.00   (ผลจริง ITA 2568: 60.00)" in lines
    assert "  OIT (ค่าเฉลี่ยตัวชี้วัดที่ 9 และ 10): 100.00   (ผลจริง: 66.00)" in lines
    assert lines[-2:] == ["ITA 2568: พร้อม 28/28 ข้อ | 28/28 items ready",
                          "รายงานสำหรับเจ้าหน้าที่ | staff report: site-readiness-2568.html"]


def test_check_writes_the_staff_report_outside_the_site(sample_project, sample_check):
    report = sample_project / "site-readiness-2568.html"
    assert report.is_file()
    assert (sample_project / "site") not in report.parents
    page = read_page(report)
    rows = [row for row in page.rows if row.attrs.get("class") in ("pass", "fail")]
    assert [row.attrs["class"] for row in rows] == ["pass"] * 28
    assert [row.text.split()[:2] for row in rows] == [[f"O{n}", "ผ่าน"] for n in range(1, 29)]
    assert "nav" not in page.tags
    assert page.hrefs == ["data:,"]  # the favicon: no link into the public site or its navigation


def test_check_on_the_broken_sample(broken_project):
    strict = run(broken_project, "check", "--strict", "--year", "2568", "--as-of", "2568-11-26", *FOLDERS)
    assert strict.status == 1
    relaxed = run(broken_project, "check", "--year", "2568", "--as-of", "2568-11-26", *FOLDERS)
    assert (relaxed.status, relaxed.err) == (0, "")
    assert strict.out == relaxed.out
    lines = relaxed.out.splitlines()
    assert lines[0] == "ตรวจความพร้อม ITA ปีงบประมาณ 2568 ณ วันที่ 26 พฤศจิกายน 2568 (as of 2568-11-26 BE)"
    assert [line.split()[2] for line in lines if line.startswith("ไม่ผ่าน [FAIL]")] == ["O2", "O12", "O21"]
    assert "      องค์ประกอบ: รูปถ่ายของผู้บริหารแต่ละคน [H]" in lines
    assert ("      content/ita/2568/O2.yaml:10:5: ข้อผิดพลาด: รายการที่ 2 ของผู้บริหาร (นายบุญเลิศ พรมโคตร) "
            "ยังไม่มีรูปถ่าย (ช่อง photo)") in lines
    assert "      content/ita/2568/O12.yaml:59:5: ข้อผิดพลาด: ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนพฤศจิกายน 2567" in lines
    assert "      content/ita/2568/O21.yaml:4:3: ข้อผิดพลาด: ยังไม่มีวันที่ลงนาม (ช่อง signed_on)" in lines
    assert "      9.1 ข้อมูลพื้นฐาน: ผ่าน 3/4" in lines
    assert "      9.4 การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ: ผ่าน 1/2" in lines
    assert "      10.3 การป้องกันการทุจริตในประเด็นสินบน: ผ่าน 3/4" in lines
    # two of indicator 9's sixteen items fail: both in its 2-item group gives 80, both in a 4-item group 90
    assert "  ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล: 80.00–90.00   (ผลจริง ITA 2568: 72.00)" in lines
    # one of indicator 10's twelve: in its 1-item group 80, in its 4-item group 95
    assert "  ตัวชี้วัดที่ 10 การป้องกันการทุจริต: 80.00–95.00   (ผลจริง ITA 2568: 60.00)" in lines
    assert "  OIT (ค่าเฉลี่ยตัวชี้วัดที่ 9 และ 10): 80.00–92.50   (ผลจริง: 66.00)" in lines
    assert "ITA 2568: พร้อม 25/28 ข้อ | 25/28 items ready" in lines
    rows = [row for row in read_page(broken_project / "site-readiness-2568.html").rows if row.attrs.get("class")]
    assert {row.text.split()[0]: row.text.split()[1] for row in rows if row.attrs["class"] == "fail"} == \
        {"O2": "ไม่ผ่าน", "O12": "ไม่ผ่าน", "O21": "ไม่ผ่าน"}
    assert "ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนพฤศจิกายน 2567" in next(row.text for row in rows if row.text.startswith("O12"))


def test_as_of_on_the_command_line(tmp_path):
    items = copy_sample(tmp_path) / "content/ita/2568"
    drop_month(items / "O12.yaml", "2568-08")  # after March: advice, the item stays ready
    end = run(tmp_path, "check", "--strict", "--year", "2568", "--as-of", "2568-09-30", *FOLDERS)
    assert end.status == 0, end.out
    assert "ITA 2568: พร้อม 28/28 ข้อ | 28/28 items ready" in end.out
    assert "คำเตือน: ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนสิงหาคม 2568" in end.out
    drop_month(items / "O12.yaml", "2567-11")
    drop_month(items / "O19.yaml", "2567-11")
    end = run(tmp_path, "check", "--strict", "--year", "2568", "--as-of", "2568-09-30", *FOLDERS)
    assert end.status == 1
    assert "ITA 2568: พร้อม 26/28 ข้อ | 26/28 items ready" in end.out
    assert "content/ita/2568/O12.yaml:59:5: ข้อผิดพลาด: ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือนพฤศจิกายน 2567" in end.out
    assert "ข้อผิดพลาด: ยังไม่มีข้อมูลสถิติเรื่องร้องเรียนเดือนพฤศจิกายน 2567" in end.out
    early = run(tmp_path, "check", "--strict", "--year", "2568", "--as-of", "2567-11-15", *FOLDERS)
    assert early.status == 1  # most of the year's documents are dated after that day
    assert "เลยวันที่ตรวจ (15 พฤศจิกายน 2567)" in early.out


def test_a_common_era_as_of_is_refused(sample_project):
    ran = run(sample_project, "check", "--as-of", "2024-01-01", *FOLDERS)
    assert (ran.status, ran.out) == (2, "")
    assert ("prongsai: error: argument --as-of: เขียนวันที่ พ.ศ. แบบ 2568-04-15 | "
            "write a Buddhist-era date like 2568-04-15: 2024-01-01") in ran.err
    assert "Traceback" not in ran.err


def test_a_year_without_content_is_refused(sample_project):
    ran = run(sample_project, "check", "--year", "2571", *FOLDERS)  # the year after the sample's newest, not started
    assert (ran.status, ran.out) == (2, "")
    assert ran.err == ("ไม่มีข้อมูล ITA ปีงบประมาณ 2571 ใน content/ita/ (มี: 2570, 2569, 2568) | "
                       "no ITA content for fiscal year 2571 (there is: 2570, 2569, 2568)\n")
    assert not (sample_project / "site-readiness-2571.html").exists()


def test_a_missing_item_file_is_named_where_the_content_is(tmp_path):
    write_files(tmp_path / "agency/content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O8.yaml": MANUALS,
                                              "ita/2568/files/a.pdf": pdf_bytes()})
    ran = run(tmp_path, "check", "--as-of", "2568-05-01", "--content", "agency/content", "--templates", str(TEMPLATES),
              "--out", "agency/site")
    assert ran.status == 0, ran.err
    assert "      agency/content/ita/2568/O9.yaml: ข้อผิดพลาด: ยังไม่มีข้อมูลข้อ O9 " in ran.out


def test_itas_sheet(sample_project):
    ran = run(sample_project, "itas", "--year", "2568", *FOLDERS)
    assert (ran.status, ran.err) == (0, "")
    assert ran.out == "ไฟล์สำหรับระบบ ITAS (28 ข้อ) | ITAS sheet: itas-2568.csv\n"
    sheet = sample_project / "itas-2568.csv"
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    with sheet.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert len(rows) == 29
    assert rows[0] == ["ข้อ", "ชื่อข้อ", "มี/ไม่มี", "URL", "คำอธิบาย"]
    items = load_framework(FY).items
    assert [row[0] for row in rows[1:]] == [f"O{n}" for n in range(1, 29)] == list(items)
    for code, name, has, url, explanation in rows[1:]:
        assert (name, has) == (items[code].name_th, "มี")
        assert url == f"https://www.dongmueang.go.th/ita/2568/{code.lower()}.html"
        assert f"เข้าถึงได้จาก {PATH_TH}{code} {name} " in explanation
        assert explanation.startswith(f"องค์การบริหารส่วนตำบลดงเมือง เผยแพร่ข้อ {code} {name} ปีงบประมาณ พ.ศ. 2568")


@pytest.fixture(scope="module")
def built(sample_project) -> tuple[Ran, Path]:
    """A plain `build` in the project: content/ and site/ there, the bundled templates."""
    return run(sample_project, "build"), sample_project / "site"


def test_build_prints_the_readiness_summary(built, sample_project):
    ran, _ = built
    assert (ran.status, ran.err) == (0, "")
    # the summary is `check`'s of the latest fiscal year in content/ita/ (2570, being filled: how many items are ready
    # depends on the day); the folder has no build.py, so the command is prongsai
    checked = run(sample_project, "check", *FOLDERS)
    summary = [line for line in checked.out.splitlines() if line.startswith("ITA ")]
    assert len(summary) == 1 and summary[0].startswith("ITA 2570: พร้อม "), checked.out[-2000:]
    assert f"{summary[0]} (ดูรายละเอียด | details: prongsai check)" in ran.out.splitlines()


def test_the_ita_index_shows_each_items_url_and_click_path(built):
    _, site = built
    """In the fold at the end of the year's page (the table for ITAS): code, name, URL, click path."""
    rows = {row.attrs["id"]: row for row in read_page(site / "ita/2568/index.html").rows if row.attrs.get("id")}
    items = load_framework(FY).items
    assert list(rows) == [f"itas-{item.slug}" for item in items.values()]
    for code, item in items.items():
        row = rows[f"itas-{item.slug}"]
        assert row.text.startswith(f"{code} {item.name_th} ")
        assert f" https://www.dongmueang.go.th/ita/2568/{item.slug}.html " in f"{row.text} "
        assert f"หน้าแรก › การประเมิน ITA › ปีงบประมาณ 2568 › {code} {item.name_th}" in row.text
        assert row.links == [(f"{item.slug}.html", item.name_th)]
        assert (site / f"ita/2568/{item.slug}.html").is_file()


def test_the_public_site_never_mentions_the_staff_report(built):
    _, site = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    assert [p.name for p in pages if "readiness" in p.name or "readiness" in p.read_text(encoding="utf-8")] == []


def follow(site: Path, page: str, text: str) -> str:
    """The site path reached by clicking the link named `text` on `page`."""
    targets = [href for href, name in read_page(site / page).links if name == text]
    assert targets, f"no link named {text!r} on {page}"
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), targets[0]))


def test_the_click_path_follows_the_links_as_named(built):
    _, site = built
    page = "index.html"
    for step in ("การประเมิน ITA", "ปีงบประมาณ 2568"):
        page = follow(site, page, step)
    assert page == "ita/2568/index.html"
    assert follow(site, page, "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ") \
        == "ita/2568/o12.html"
