"""The output folder is only Prongsai's: what --out accepts and refuses, the deploy files it keeps, the
permissions it gives, how it is swapped where links cannot be made, and what the build remembers beside it
(items that were ready). Plus the command line's quiet end on a closed pipe, and the cache key's libraries."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE_EPOCH, ROOT, TEMPLATES, leftovers, write_files
from test_output import AS_OF, NEW, OLD, tree

from prongsai import depend, sitefolder
from prongsai.pipeline import Paths, build_site
from prongsai.problems import WARNING, Problem, SiteError

MAIN = "import sys; from prongsai.cli import main; sys.exit(main())"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Paths:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    write_files(tmp_path / "content", OLD)
    return Paths(project=tmp_path, content=tmp_path / "content", templates=TEMPLATES, out=tmp_path / "site")


def build(paths: Paths, **options):
    return build_site(paths, jobs=1, as_of=AS_OF, **options)


def run(root: Path, *args: str, umask: int | None = None, **options) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", MAIN, *(args or ("--templates", str(TEMPLATES)))], cwd=root,
                          env=environment, capture_output=True, encoding="utf-8", timeout=120,
                          preexec_fn=None if umask is None else (lambda: os.umask(umask)), **options)


def refused(out: Path, what_th: str, what_en: str) -> str:
    return (f"ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n"
            f"{out} เป็น{what_th} โปร่งใสจะไม่เขียนทับ: เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่างด้วย --out หรือย้ายไฟล์ในนั้นไปไว้ที่อื่นก่อน "
            f"(ไฟล์สำหรับนำขึ้นเว็บ เช่น .git, CNAME, .well-known เก็บไว้ในโฟลเดอร์ผลลัพธ์ได้) | "
            f"{out} is {what_en}, which Prongsai will not overwrite: choose a new or empty folder with --out, or move its "
            f"files elsewhere first (deploy files such as .git, CNAME and .well-known may stay in it)\n")


# ---------------------------------------------------------------------------------------------------------
# What --out accepts


def test_a_folder_of_someone_elses_files_is_refused_and_left_alone(project):
    write_files(project.out, {"thesis.docx": b"a clerk's own work", "photos/a.jpg": b"\xff\xd8"})
    result = run(project.project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == refused(project.out, "โฟลเดอร์ที่มีไฟล์อื่นอยู่แล้ว", "a folder that already holds other files")
    assert (project.out / "thesis.docx").read_bytes() == b"a clerk's own work" and (project.out / "photos/a.jpg").is_file()
    assert sorted(p.name for p in project.project.iterdir()) == [".site-lock", "content", "site"]


def test_a_link_prongsai_did_not_make_is_refused(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("www")
    (elsewhere / "index.html").write_text("the host's page", encoding="utf-8")
    project.out.symlink_to(elsewhere, target_is_directory=True)
    result = run(project.project)
    assert (result.returncode, result.stderr) == (2, refused(project.out, "ลิงก์ที่โปร่งใสไม่ได้สร้าง", "a link Prongsai did not make"))
    assert os.readlink(project.out) == str(elsewhere) and (elsewhere / "index.html").is_file()


def test_a_file_in_the_way_is_refused(project):
    project.out.write_text("notes", encoding="utf-8")
    result = run(project.project)
    assert (result.returncode, result.stderr) == (2, refused(project.out, "ไฟล์", "a file"))
    assert project.out.read_text(encoding="utf-8") == "notes"


def test_a_folder_holding_only_deploy_files_is_used_and_they_are_kept(project):
    """`git clone` of the deploy repository into site/, with CNAME and .well-known: the build fills it."""
    write_files(project.out, {".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "www.test.go.th\n",
                              ".well-known/security.txt": "Contact: mailto:saraban@test.go.th\n"})
    build(project)
    assert project.out.is_symlink() and (project.out / "index.html").is_file()
    assert (project.out / ".git/HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (project.out / "CNAME").is_file() and (project.out / ".well-known/security.txt").is_file()
    write_files(project.content, NEW)
    build(project)
    assert (project.out / ".git/HEAD").is_file() and (project.out / "CNAME").is_file()
    assert (project.out / ".well-known/security.txt").is_file() and leftovers(project.project) == []


def test_a_site_written_by_an_earlier_prongsai_is_taken_over(project, tmp_path_factory):
    """A real site/ folder (written before links, or on Windows) is recognised by its search index and becomes a link."""
    build(project, output=sitefolder.Options(swap=sitefolder.RENAME))
    assert project.out.is_dir() and not project.out.is_symlink()
    (project.project / ".site-manifest.json").unlink()  # as an earlier Prongsai left it: no record beside it
    write_files(project.out, {"CNAME": "www.test.go.th\n", "stale.html": "a page no build makes any more"})
    write_files(project.content, NEW)
    build(project)
    assert project.out.is_symlink() and not (project.out / "stale.html").exists()
    assert (project.out / "CNAME").read_text(encoding="utf-8") == "www.test.go.th\n"
    assert leftovers(project.project) == []


def test_keep_adds_names_and_anything_else_put_in_site_by_hand_goes(project):
    build(project)
    write_files(project.out, {"googlef00d.html": "google-site-verification", "notes.txt": "by hand"})
    build(project, output=sitefolder.Options(keep=sitefolder.KEEP + ("googlef00d.html",)))  # nothing else changed
    assert (project.out / "googlef00d.html").is_file() and not (project.out / "notes.txt").exists()
    result = run(project.project, "--templates", str(TEMPLATES), "--keep", "googlef00d.html")
    assert result.returncode == 0 and (project.out / "googlef00d.html").is_file()


def test_an_unchanged_build_leaves_the_same_folder_in_place(project):
    build(project)
    target = os.readlink(project.out)
    assert build(project).changed == () and os.readlink(project.out) == target


def test_a_warm_build_links_unchanged_files_instead_of_copying_them(project):
    build(project)
    before = {path: (project.out / path).stat().st_ino for path in tree(project.out)}
    write_files(project.content, NEW)
    changed = set(build(project).changed)
    after = {path: (project.out / path).stat().st_ino for path in tree(project.out)}
    kept = [path for path in after if path in before and path not in changed]
    assert kept and all(after[path] == before[path] for path in kept)
    assert all(after[path] != before.get(path) for path in changed)


def test_without_hard_links_the_files_are_copied_and_the_next_build_is_still_warm(project, monkeypatch):
    build(project)
    write_files(project.content, NEW)

    def no_links(source, target, **_):
        raise OSError(1, "Operation not permitted (a FAT USB stick)", str(target))

    monkeypatch.setattr(os, "link", no_links)
    build(project)
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    clean = project.project / "clean"
    build_site(Paths(project.project, project.content, TEMPLATES, clean), use_cache=False, as_of=AS_OF)
    assert tree(project.out) == tree(clean)
    assert build(project).changed == ()


def test_where_links_cannot_be_made_the_folder_is_swapped_by_renames(project, monkeypatch):
    """As on Windows without developer mode, or on a FAT stick: site/ is a real folder, whole after each build."""

    def no_symlinks(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    build(project)
    write_files(project.out, {"CNAME": "www.test.go.th\n"})
    write_files(project.content, NEW)
    build(project)
    assert project.out.is_dir() and not project.out.is_symlink() and (project.out / "CNAME").is_file()
    assert leftovers(project.project) == []
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    write_files(project.content, {"ita/2568/O2.md": "# ประวัติ\n"})
    build(project, output=sitefolder.Options(swap=sitefolder.LINK))  # links are possible again: it becomes one
    assert project.out.is_symlink() and (project.out / "CNAME").is_file() and leftovers(project.project) == []


# ---------------------------------------------------------------------------------------------------------
# Permissions


@pytest.mark.parametrize("umask, folders, files", [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_the_site_gets_the_permissions_the_umask_gives(project, umask, folders, files):
    """rsync -a copies modes: a site/ of mode 700 would be unreadable to the web server."""
    assert run(project.project, umask=umask).returncode == 0
    site = project.out.resolve()
    entries = [site, *site.rglob("*")]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in entries if p.is_dir()} == {oct(folders)}
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in entries if p.is_file()} == {oct(files)}


# ---------------------------------------------------------------------------------------------------------
# Items that were ready


def sample_project(tmp_path: Path) -> Paths:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return Paths(project=tmp_path, content=tmp_path / "content", templates=TEMPLATES, out=tmp_path / "site")


NO_LONGER_READY = Problem(
    "content/ita/2568/O3.yaml", 0, 0,
    "ข้อ O3 ปีงบประมาณ 2568 พร้อมเมื่อสร้างเว็บไซต์ครั้งก่อน แต่ตอนนี้ไม่พร้อมแล้ว ผู้ประเมินจะให้ข้อนี้ 0 คะแนน",
    "O3 (fiscal year 2568) was ready at the last successful build and is not ready now: an assessor would score it 0",
    "ดูว่าขาดอะไร: python build.py check --year 2568", "see what is missing: python build.py check --year 2568",
    severity=WARNING)


def test_an_item_that_was_ready_and_is_not_now_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    paths = sample_project(tmp_path)
    assert build(paths).warnings == []
    assert "O3" in (tmp_path / ".site-manifest.json").read_text(encoding="utf-8")
    (paths.content / "ita/2568/O3.yaml").write_text("# ยังไม่ได้เขียน\n", encoding="utf-8")  # emptied by accident
    before = tree(paths.out)
    with pytest.raises(SiteError) as failed:
        build(paths, strict=True)
    assert failed.value.problems == [NO_LONGER_READY] and tree(paths.out) == before
    assert build(paths).warnings == [NO_LONGER_READY]
    assert build(paths).warnings == []  # said at the build that lost it; the record now holds what is ready


def test_the_command_line_says_it_loudly_and_strict_fails(tmp_path):
    paths = sample_project(tmp_path)
    assert run(tmp_path, "--templates", str(TEMPLATES)).returncode == 0
    (paths.content / "ita/2568/O3.yaml").write_text("# ยังไม่ได้เขียน\n", encoding="utf-8")
    loud = "!!! ข้อที่เคยพร้อมแต่ตอนนี้ไม่พร้อมแล้ว: O3 2568 | no longer ready: O3 2568 !!!\n"
    strict = run(tmp_path, "--templates", str(TEMPLATES), "--strict")
    assert strict.returncode == 1
    assert strict.stderr.endswith("Build failed: 1 warnings (--strict) in 1 files. site/ was not changed.\n" + loud)
    built = run(tmp_path, "--templates", str(TEMPLATES))
    assert (built.returncode, built.stderr) == (0, NO_LONGER_READY.format() + "\n" + loud)


# ---------------------------------------------------------------------------------------------------------
# The command line and the cache key


def test_a_closed_pipe_ends_quietly(project):
    """`prongsai check | head`: the reader is gone before the first line; no BrokenPipeError traceback."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", MAIN, "check", "--templates", str(TEMPLATES)], cwd=project.project,
                               env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    error = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert (process.wait(timeout=60), error) == (141, "")


@pytest.mark.parametrize("library", depend.LIBRARIES)
def test_the_cache_key_holds_every_library_whose_output_it_keeps(library, monkeypatch):
    import importlib.metadata

    before = depend.code_version()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: real(name) + ".1" if name == library else real(name))
    assert depend.code_version() != before
    assert {"pillow", "pypdf", "openpyxl"} <= set(depend.LIBRARIES)
