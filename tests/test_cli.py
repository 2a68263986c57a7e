"""prongsai/cli.py run as a real process: exit codes, what is printed, and what is left on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE_EPOCH, MINIMAL_SITE_YAML, ROOT, TEMPLATES, leftovers, png_bytes, write_files

MAIN = "import sys; from prongsai.cli import main; sys.exit(main())"
GOOD = {
    "site.yaml": MINIMAL_SITE_YAML + "logo: images/logo.png\n",
    "images/logo.png": png_bytes(),
    "ita/2568/O2.yaml": "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n",
    "ita/2568/O2.md": "# ประวัติ\n\nผู้บริหาร **ทดสอบ**\n",
    "news/2567-10-15-prachakhom.md": "---\ntitle: ประชุมประชาคม\ndate: 2567-10-15\n---\nเนื้อข่าว\n",
}
BROKEN = {"ita/2568/O2.yaml": "executives:\n  - name: นายทดสอบ\n    position: นายก\n    role: cheif\n"}
NON_UTF8_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}


@pytest.fixture
def project(tmp_path) -> Path:
    write_files(tmp_path / "content", GOOD)
    return tmp_path


def run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line, in the project folder, with the bundled templates and a fixed build date."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONPATH": str(ROOT), **(env or {})}
    arguments = args or ("--content", "content", "--templates", str(TEMPLATES), "--out", "site")
    return subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c", MAIN, *arguments],
        cwd=project, env=environment, capture_output=True, timeout=120,
    )


def tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_good_site_exits_0(project):
    result = run(project)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert out.startswith("สร้างเว็บไซต์สำเร็จ: ")
    assert "Built " in out
    for page in ("index.html", "ita/2568/o2.html", "ita/2568/index.html", "news/2567-10-15-prachakhom.html", "images/logo.png"):
        assert (project / "site" / page).is_file(), page
    assert leftovers(project) == []


def test_default_folders_and_build_verb(project):
    result = run(project, "build")
    assert result.returncode == 0, result.stderr.decode()
    assert (project / "site" / "index.html").is_file()  # content/ and site/ in the project; bundled templates


def test_broken_site_exits_1_with_located_thai_message(project):
    write_files(project / "content", BROKEN)
    result = run(project)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert "Traceback" not in err
    assert "content/ita/2568/O2.yaml:4:11: ข้อผิดพลาด: ช่อง 'role' (บทบาท) ไม่มีค่า 'cheif' ให้เลือก" in err
    assert "สร้างเว็บไซต์ไม่สำเร็จ: พบข้อผิดพลาด 1 รายการใน 1 ไฟล์ โฟลเดอร์ site/ ยังเป็นเหมือนเดิม ไม่ถูกเปลี่ยนแปลง" in err
    assert "Build failed: 1 errors in 1 files. site/ was not changed." in err
    assert not (project / "site").exists()


def test_failed_build_leaves_the_previous_site_unchanged(project):
    assert run(project).returncode == 0
    before = tree(project / "site")
    write_files(project / "content", BROKEN)
    (project / "content" / "ita/2568/O2.md").write_text("# เปลี่ยนแล้ว\n", encoding="utf-8")
    result = run(project)
    assert result.returncode == 1
    assert tree(project / "site") == before
    assert leftovers(project) == []


def test_rebuild_replaces_the_site_and_leaves_no_staging_folders(project):
    assert run(project).returncode == 0
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    (project / "content" / "ita/2568/O2.md").write_text("# เปลี่ยนแล้ว\n", encoding="utf-8")
    assert run(project).returncode == 0
    assert not (project / "site" / "stale.html").exists()
    assert "เปลี่ยนแล้ว" in (project / "site/ita/2568/o2.html").read_text(encoding="utf-8")
    assert leftovers(project) == []


@pytest.mark.parametrize("out", ["content", "content/site", ".", "templates"])
def test_output_over_the_content_is_refused(project, out):
    (project / "templates").mkdir()
    before = tree(project / "content")
    templates = "templates" if out == "templates" else str(TEMPLATES)
    result = run(project, "--content", "content", "--templates", templates, "--out", out)
    assert result.returncode == 2
    assert "cannot use this output folder" in result.stderr.decode("utf-8")
    assert "Traceback" not in result.stderr.decode("utf-8")
    assert tree(project / "content") == before
    assert not (project / "content" / "site").exists()


def test_two_builds_are_byte_identical(project):
    assert run(project, "--content", "content", "--templates", str(TEMPLATES), "--out", "first").returncode == 0
    assert run(project, "--content", "content", "--templates", str(TEMPLATES), "--out", "second").returncode == 0
    first, second = tree(project / "first"), tree(project / "second")
    assert len(first) > 30
    assert first == second


def test_build_date_comes_from_source_date_epoch(monkeypatch):
    # no published page prints the build date (it would rewrite every page each day); what is due and which fiscal
    # year is current are reckoned from it
    from datetime import date

    from prongsai.pipeline import build_date_from_environment
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    assert build_date_from_environment() == date(2026, 12, 2)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "เมื่อวาน")
    assert build_date_from_environment() == date.today()


def test_non_utf8_locale_still_writes_thai(project):
    result = run(project, env=NON_UTF8_LOCALE)
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    assert "Traceback" not in result.stderr.decode("ascii", "replace")
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "องค์การบริหารส่วนตำบลทดสอบ" in home
    assert "ผู้บริหาร <strong>ทดสอบ</strong>" in (project / "site/ita/2568/o2.html").read_text(encoding="utf-8")


def test_non_utf8_locale_reports_problems_without_a_traceback(project):
    write_files(project / "content", BROKEN)
    result = run(project, env=NON_UTF8_LOCALE)
    err = result.stderr.decode("ascii", "replace")
    assert result.returncode == 1
    assert "Traceback" not in err
    assert "content/ita/2568/O2.yaml:4:11:" in err  # the Thai is replaced on an ASCII console, the location is not


def test_unknown_verb_is_a_usage_error(project):
    result = run(project, "deploy")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr
