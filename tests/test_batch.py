"""`python build.py batch`: many copies of the sample project built by one process pool, one of them broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE_EPOCH, ROOT

from prongsai import batch

MAIN = "import sys; from prongsai.cli import main; sys.exit(main())"
SAMPLE_PAGES = 207  # the sample site's HTML pages, checked against the files on disk below
THAI_FOLDER = "อบต ดงเมือง"
BROKEN_LOCATION = "c/content/site.yaml:5:14: ข้อผิดพลาด: ช่อง 'agency_kind' (ประเภทหน่วยงาน) ไม่มีค่า 'saoo' ให้เลือก"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`python build.py batch …` as a real process, in `cwd`, failing on any text read without an encoding."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c", MAIN, "batch", *args],
        cwd=cwd, env=environment, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )


def sample_copy(folder: Path, templates: bool = True) -> Path:
    """The repository's sample project (content/, and templates/ unless told not to) copied into `folder`."""
    shutil.copytree(ROOT / "content", folder / "content")
    if templates:
        shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


def break_site_yaml(folder: Path) -> None:
    site_yaml = folder / "content" / "site.yaml"
    body = site_yaml.read_text(encoding="utf-8")
    assert body.count("\nagency_kind: sao\n") == 1
    site_yaml.write_text(body.replace("\nagency_kind: sao\n", "\nagency_kind: saoo\n"), encoding="utf-8", newline="\n")


def ok_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("ok  ")]


def test_a_broken_agency_fails_alone(tmp_path):
    sample_copy(tmp_path / "a")
    sample_copy(tmp_path / "b", templates=False)  # falls back to the bundled templates
    break_site_yaml(sample_copy(tmp_path / "c"))
    result = run(tmp_path, "a", "b", "c", "--jobs", "2")
    assert result.returncode == 1, result.stderr
    assert [line.split("  ")[:2] for line in ok_lines(result.stdout)] == [["ok", "a"], ["ok", "b"]]
    assert all(f"  {SAMPLE_PAGES} หน้า/pages  " in line for line in ok_lines(result.stdout))
    for folder in ("a", "b"):
        assert len(list((tmp_path / folder / "site").rglob("*.html"))) == SAMPLE_PAGES
    assert not (tmp_path / "c" / "site").exists()
    assert result.stderr.startswith("FAILED c\n")
    assert f"\n  {BROKEN_LOCATION}\n" in result.stderr
    assert "  Build failed: 1 errors in 1 files. c/site/ was not changed." in result.stderr
    assert "Traceback" not in result.stderr
    assert f"Built 2 agencies, 1 failed, 0 skipped: {2 * SAMPLE_PAGES} pages in " in result.stdout
    assert f"สร้างสำเร็จ 2 หน่วยงาน ไม่สำเร็จ 1 หน่วยงาน ข้าม 0 โฟลเดอร์ รวม {2 * SAMPLE_PAGES} หน้า" in result.stdout


def test_folders_that_are_not_projects_are_skipped_with_exit_2(tmp_path):
    sample_copy(tmp_path / "a", templates=False)
    (tmp_path / "empty").mkdir()
    result = run(tmp_path, "empty", "a", "missing")
    assert result.returncode == 2, result.stderr
    assert "skipped empty: not an agency's project folder (no content/ inside)" in result.stderr
    assert "skipped missing: no such folder" in result.stderr
    assert [line.split("  ")[:2] for line in ok_lines(result.stdout)] == [["ok", "a"]]
    assert (tmp_path / "a" / "site" / "index.html").is_file()
    assert not (tmp_path / "empty" / "site").exists()
    assert "Built 1 agencies, 0 failed, 2 skipped" in result.stdout


def test_list_file_with_a_thai_folder_name_and_one_job(tmp_path):
    sample_copy(tmp_path / THAI_FOLDER, templates=False)
    listing = tmp_path / "agencies.txt"
    listing.write_text(f"\ufeff# อบต. ในจังหวัดกาฬสินธุ์\n\n  {THAI_FOLDER}  \n{THAI_FOLDER}\n", encoding="utf-8")
    result = run(tmp_path, "--list", "agencies.txt", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert [line.split("  ")[:2] for line in ok_lines(result.stdout)] == [["ok", THAI_FOLDER]]  # listed twice, built once
    assert (tmp_path / THAI_FOLDER / "site" / "index.html").is_file()
    assert f"Built 1 agencies, 0 failed, 0 skipped: {SAMPLE_PAGES} pages in " in result.stdout


def test_an_unreadable_list_is_exit_2_and_builds_nothing(tmp_path):
    sample_copy(tmp_path / "a", templates=False)
    (tmp_path / "ansi.txt").write_bytes(b"a\n" + "อบต".encode("cp874") + b"\n")
    result = run(tmp_path, "a", "--list", "ansi.txt")
    assert result.returncode == 2
    assert "cannot read the list of folders (it must be UTF-8 text): ansi.txt" in result.stderr
    assert not (tmp_path / "a" / "site").exists()


def test_an_output_folder_over_the_content_is_exit_2(tmp_path):
    project = tmp_path / "a"
    shutil.copytree(ROOT / "content", project / "site" / "content")
    try:
        (project / "content").symlink_to(project / "site" / "content", target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    result = run(tmp_path, "a")
    assert result.returncode == 2
    out, content = project.resolve() / "site", (project / "site" / "content").resolve()
    assert result.stderr.startswith(
        "FAILED a\n  ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n"
        f"  โฟลเดอร์ผลลัพธ์ {out} จะเขียนทับ {content} เลือกโฟลเดอร์อื่นด้วย --out | "
        f"the output folder {out} would overwrite {content}: choose another with --out\n")
    assert (project / "site" / "content" / "site.yaml").is_file()


def test_a_bug_comes_back_as_text_not_as_an_exception(tmp_path):
    outcome = batch.build_one("bad\0folder", False, tmp_path)  # a NUL in a path: the program fails, not the content
    assert (outcome.folder, outcome.status, outcome.pages) == ("bad\0folder", batch.BUG, 0)
    assert outcome.message.startswith("ข้อบกพร่องของโปรแกรมโปร่งใส ไม่ใช่ของเนื้อหา")
    assert "Traceback (most recent call last):" in outcome.message
    assert outcome.message.endswith("ValueError: embedded null byte")


def test_read_list_skips_comments_and_blank_lines(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("# header\r\nagencies/a\r\n\r\n   # indented comment\r\nagencies/#b\r\n", encoding="utf-8")
    assert batch.read_list(listing) == ["agencies/a", "agencies/#b"]


def test_main_help_names_batch_and_batch_must_come_first(tmp_path):
    result = subprocess.run([sys.executable, "-c", MAIN, "--help"], cwd=tmp_path, capture_output=True, text=True,
                            encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, check=False)
    assert "batch DIR… [--jobs N] [--list FILE]" in result.stdout
    late = subprocess.run([sys.executable, "-c", MAIN, "--strict", "batch"], cwd=tmp_path, capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, check=False)
    assert late.returncode == 2
    assert "batch must come first" in late.stderr
    assert not (tmp_path / "site").exists()
