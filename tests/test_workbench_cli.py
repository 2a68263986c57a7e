"""The command line around the workbench, run as real processes: `edit`, `import … --into`, the launchers and next
steps `init` writes, `python -m prongsai`, and which year `new` writes into (issue 10 point 7, issue 12 point 1)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML, ROOT, write_files
from test_workbench import procurement_sheet, GOOD_ROW

from prongsai import yamlio


def run(cwd: Path, *args: str, module: bool = False) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning"]
    command += ["-m", "prongsai", *args] if module else ["-c", "import sys; from prongsai.cli import main; sys.exit(main())", *args]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, encoding="utf-8", timeout=180)


# ---- edit ----------------------------------------------------------------------------------------------------

def test_edit_without_a_browser_prints_its_tokenised_address_and_refuses_requests_without_it(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML})
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "prongsai", "edit", "--no-browser", "--port", "0"], cwd=tmp_path,
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        address = ""
        for _ in range(20):
            line = process.stdout.readline()
            if line.startswith("http://127.0.0.1:"):
                address = line.strip()
                break
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{20,})", address)
        assert match, address
        port, token = match.groups()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)
        assert refused.value.code == 403
        refused.value.close()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # keeps the cookie, as a browser does
        with browser.open(address, timeout=60) as answer:
            assert answer.status == 200 and "แผงควบคุม" in answer.read().decode("utf-8")
    finally:
        process.terminate()
        process.communicate(timeout=30)


# ---- import --into -------------------------------------------------------------------------------------------

ITEM = """\
# O12 ปีงบประมาณ 2568: ความเห็นนี้ต้องอยู่ต่อ
updated: 2568-03-05
months:
  - month: 2567-10   # ตุลาคม
    no_procurement: true
  - month: 2568-01
    no_procurement: true
documents:
  - title: แบบ สขร.1
    url: https://www.example.go.th/sorkhor.pdf
"""


def test_import_into_adds_months_by_date_keeping_the_rest_and_says_what_changed(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O12.yaml": ITEM})
    (tmp_path / "nov.xlsx").write_bytes(procurement_sheet("พฤศจิกายน 2567", [GOOD_ROW[:10] + ["2567-11-07"]]))
    result = run(tmp_path, "import", "procurement", "nov.xlsx", "--into", "content/ita/2568/O12.yaml")
    assert result.returncode == 0, result.stderr
    assert "พฤศจิกายน 2567 (2567-11): เพิ่ม | added" in result.stdout
    text = (tmp_path / "content/ita/2568/O12.yaml").read_text(encoding="utf-8")
    assert text.startswith("# O12 ปีงบประมาณ 2568: ความเห็นนี้ต้องอยู่ต่อ\nupdated: 2568-03-05\n")
    assert "  - month: 2567-10   # ตุลาคม\n" in text and text.endswith(ITEM[ITEM.index("documents:"):])
    months = [m["month"] for m in yamlio.parse(text, "x")[0].data["months"]]
    assert months == ["2567-10", "2567-11", "2568-01"]
    assert 'egp_no: "68109000001"' in text
    # the same month again: kept unless --replace; the file keeps its history
    (tmp_path / "nov2.xlsx").write_bytes(procurement_sheet("พฤศจิกายน 2567", [["1", "จ้างซ่อมถนน"] + GOOD_ROW[2:10] + ["2567-11-20"]]))
    kept = run(tmp_path, "import", "procurement", "nov2.xlsx", "--into", "content/ita/2568/O12.yaml")
    assert kept.returncode == 0 and "ไม่แทนที่" in kept.stdout and "--replace" in kept.stdout
    assert (tmp_path / "content/ita/2568/O12.yaml").read_text(encoding="utf-8") == text
    replaced = run(tmp_path, "import", "procurement", "nov2.xlsx", "--into", "content/ita/2568/O12.yaml", "--replace")
    assert replaced.returncode == 0 and "แทนที่ | replaced" in replaced.stdout
    after = (tmp_path / "content/ita/2568/O12.yaml").read_text(encoding="utf-8")
    assert "จ้างซ่อมถนน" in after and "ซื้อวัสดุสำนักงาน" not in after and "# ตุลาคม" in after
    assert len(list((tmp_path / ".prongsai/history/ita/2568/O12.yaml").iterdir())) == 2


def test_import_into_a_broken_item_file_writes_nothing_and_says_so(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O12.yaml": "months: [unclosed\n"})
    (tmp_path / "nov.xlsx").write_bytes(procurement_sheet("พฤศจิกายน 2567", [GOOD_ROW[:10] + ["2567-11-07"]]))
    result = run(tmp_path, "import", "procurement", "nov.xlsx", "--into", "content/ita/2568/O12.yaml")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "อ่านไฟล์" in result.stderr
    assert (tmp_path / "content/ita/2568/O12.yaml").read_text(encoding="utf-8") == "months: [unclosed\n"


def complaints_sheet(month: str) -> bytes:
    from openpyxl import Workbook

    from prongsai.sheets import workbook_bytes

    book = Workbook()
    book.active.append(["เดือน", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"])
    book.active.append([month, 1, 1, 0])
    return workbook_bytes(book)


def test_the_import_hint_names_the_item_file_of_the_kind_in_that_years_framework(tmp_path):
    from prongsai.framework import available_years, load_framework

    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O1.yaml": "# stub\n"})
    (tmp_path / "c.xlsx").write_bytes(complaints_sheet("ตุลาคม 2567"))
    result = run(tmp_path, "import", "complaints", "c.xlsx")
    assert result.returncode == 0, result.stderr
    assert "--into content/ita/2568/O19.yaml" in result.stdout
    if 2569 in available_years():
        code = next(i.code for i in load_framework(2569).items.values() if i.kind == "complaint_statistics")
        (tmp_path / "c2.xlsx").write_bytes(complaints_sheet("ตุลาคม 2568"))
        result = run(tmp_path, "import", "complaints", "c2.xlsx")
        assert f"--into content/ita/2569/{code}.yaml" in result.stdout and code != "O19"


# ---- init and python -m prongsai -----------------------------------------------------------------------------

def test_init_writes_double_click_launchers_and_ends_with_commands_that_work_there(tmp_path):
    project = tmp_path / "เทศบาล ใหม่"
    result = run(tmp_path, "init", str(project), "--year", "2568")
    assert result.returncode == 0, result.stderr
    bat = (project / "edit-website.bat").read_bytes()
    assert bat.isascii() and b"\r\n" in bat and b"chcp 65001" in bat and b"-m prongsai edit" in bat
    assert b'cd /d "%~dp0"' in bat
    unix = project / "edit-website.command"
    assert unix.read_text(encoding="ascii").startswith("#!/bin/sh\n") and os.access(unix, os.X_OK)
    assert "-m prongsai edit" in unix.read_text(encoding="ascii")
    steps = result.stdout[result.stdout.index("ขั้นต่อไป | next steps:"):]
    assert "python build.py" not in steps and "python -m prongsai check" in steps and "edit-website.bat" in steps
    assert not (project / "build.py").exists()
    checked = run(project, "check", "--as-of", "2568-04-15", module=True)
    assert checked.returncode == 0, checked.stderr
    assert "python build.py" not in run(project, module=True).stdout  # the build's own hint names a command that works
    assert ".prongsai/" in (project / ".gitignore").read_text(encoding="utf-8")


# ---- new: which year -----------------------------------------------------------------------------------------

def test_new_without_year_writes_into_the_latest_existing_year_and_says_why(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O1.yaml": "# stub\n"})
    result = run(tmp_path, "new", "o7")
    assert result.returncode == 0, result.stderr
    assert "ปีงบประมาณ 2568: ปีล่าสุดที่มีอยู่ใน content/ita/" in result.stdout and "latest year" in result.stdout
    assert (tmp_path / "content/ita/2568/O7.yaml").is_file()
    assert sorted(p.name for p in (tmp_path / "content/ita").iterdir()) == ["2568"]


def test_new_never_starts_a_year_that_does_not_exist_yet(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O1.yaml": "# stub\n"})
    result = run(tmp_path, "new", "O7", "--year", "2569")
    assert result.returncode == 1 and "new-year 2569" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "content/ita/2569").exists()


def test_new_in_a_project_with_no_year_uses_todays_framework_and_says_so(tmp_path):
    from datetime import date

    from prongsai import thai
    from prongsai.framework import usable_years

    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML})
    result = run(tmp_path, "new", "O1")
    assert result.returncode == 0, result.stderr
    today = thai.fiscal_year_of(date.today())
    expected = today if today in usable_years() else max(y for y in usable_years() if y <= today)
    assert f"ปีงบประมาณ {expected}: ยังไม่มีปีใดใน content/ita/" in result.stdout
    assert (tmp_path / f"content/ita/{expected}/O1.yaml").is_file()
