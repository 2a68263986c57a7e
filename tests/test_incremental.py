"""Builds that reuse the last one: after every kind of edit, a warm build equals a clean build byte for byte.

The sample project is built once cold; then each edit below is made, the project is rebuilt with its cache
(into the same site/) and without any cache (into a fresh folder), and the two trees are compared file by file.
Where the edit is narrow, the test also names exactly what the warm build had to write.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DATE_EPOCH, ROOT, leftovers, pdf_bytes

from prongsai.pipeline import Paths, build_site

POST = "2568-05-20-big-cleaning-day"
OTHER_POST = "2568-06-05-wan-singwaetlom"


def tree(folder: Path) -> dict:
    return {f.relative_to(folder).as_posix(): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def assert_same_tree(warm: Path, clean: Path) -> None:
    warm_files, clean_files = tree(warm), tree(clean)
    assert sorted(warm_files) == sorted(clean_files)
    different = [path for path in clean_files if warm_files[path] != clean_files[path]]
    assert different == []


MAIN_LIST = "offline/www.dongmueang.go.th.json"


def replace_in(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_post_body(project: Path) -> None:
    with (project / "content/news" / f"{POST}.md").open("a", encoding="utf-8") as post:
        post.write("\nมีผู้ร่วมกิจกรรมเพิ่มเติมอีก 12 คนจากหมู่ที่ 5\n")


def edit_post_title(project: Path) -> None:
    replace_in(project / "content/news" / f"{POST}.md", "title: ", "title: (แก้ไข) ")


def add_post(project: Path) -> None:
    (project / "content/news/2568-09-30-prachum-prajam-duean.md").write_text(
        "---\ntitle: ประชุมประจำเดือนกันยายน 2568\ndate: 2568-09-30\nsummary: สรุปการประชุมพนักงาน\n---\n"
        "ที่ประชุมรับทราบผลการเบิกจ่ายงบประมาณ [ดูแผนการจัดซื้อ](../ita/2568/o12.html)\n", encoding="utf-8")


def delete_post(project: Path) -> None:
    (project / "content/news" / f"{OTHER_POST}.md").unlink()


def edit_procurement(project: Path) -> None:
    replace_in(project / "content/ita/2568/O12.yaml", "\n", "\n# แก้ไขล่าสุดโดยเจ้าหน้าที่พัสดุ\n")


def edit_item_text(project: Path) -> None:
    with (project / "content/ita/2568/O1.md").open("a", encoding="utf-8") as body:
        body.write("\nแก้ไขแผนผังโครงสร้างเมื่อเดือนกันยายน 2568\n")


def replace_attachment(project: Path) -> None:
    pdf = sorted((project / "content/news/files").glob("*.pdf"))[0]
    pdf.write_bytes(pdf_bytes(pages=3))


def edit_template(project: Path) -> None:
    replace_in(project / "templates/base.html", "ติดตามข่าว (Atom)", "ติดตามข่าวประชาสัมพันธ์ (Atom)")


def edit_settings(project: Path) -> None:
    replace_in(project / "content/site.yaml", '"0 4386 1551"', '"0 4386 1552"')


EDITS = [edit_post_body, edit_post_title, add_post, delete_post, edit_procurement, edit_item_text,
         replace_attachment, edit_template, edit_settings]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incremental")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


def paths_of(project: Path, out: Path) -> Paths:
    return Paths(project, project / "content", project / "templates", out)


def test_warm_builds_after_a_series_of_edits_equal_clean_builds(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    site = project / "site"
    first = build_site(paths_of(project, site))
    assert first.written == first.pages + first.files  # cold: everything is made
    unchanged = build_site(paths_of(project, site))
    assert unchanged.changed == ()
    for number, edit in enumerate(EDITS):
        edit(project)
        warm = build_site(paths_of(project, site))
        clean_out = tmp_path / f"clean-{number}"
        build_site(paths_of(project, clean_out), use_cache=False)
        assert_same_tree(site, clean_out)
        assert warm.written < warm.pages + warm.files or edit in (edit_template, edit_settings), edit.__name__


def test_editing_a_posts_text_rewrites_only_that_page_and_what_holds_its_text(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = paths_of(tmp_path, tmp_path / "site")
    build_site(paths)
    edit_post_body(tmp_path)
    # the offline download's page (it shows the parts' sizes; the lists of files are the same),
    # and of the search index, only the text file that holds the post's text (search.py: cut where URLs allow)
    changed = build_site(paths).changed
    assert changed[:2] == (f"news/{POST}.html", "offline.html"), changed
    assert len(changed) == 3 and changed[2].startswith("search-text-"), changed
    edit_post_title(tmp_path)
    changed = build_site(paths).changed
    # the lists that show its title, and nothing about other posts; no text file (the lists of news are not searched)
    assert {f"news/{POST}.html", "news/2568.html", "ita/2568/o4.html", "search-index.js"} <= set(changed)
    assert f"news/{OTHER_POST}.html" not in changed and MAIN_LIST not in changed
    assert [path for path in changed if path.startswith("search-text-")] == [], changed
    assert "ita/2568/o12.html" not in changed


def test_a_file_changed_by_hand_in_site_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = paths_of(tmp_path, tmp_path / "site")
    build_site(paths)
    page = tmp_path / "site/contact.html"
    original = page.read_bytes()
    page.write_bytes(b"changed by hand, and longer than it was before")
    (tmp_path / "site/stray.html").write_text("not made by the build", encoding="utf-8")
    assert build_site(paths).changed == ("contact.html",)
    assert page.read_bytes() == original
    assert not (tmp_path / "site/stray.html").exists()


def test_a_content_error_in_a_warm_build_leaves_site_and_cache_as_they_were(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    paths = paths_of(tmp_path, tmp_path / "site")
    build_site(paths)
    before = tree(tmp_path / "site")
    replace_in(tmp_path / "templates/news.html", "{{ post.title }}</h1>", "{{ post.title + 1 }}</h1>")
    from prongsai.problems import SiteError

    with pytest.raises(SiteError):
        build_site(paths)
    assert tree(tmp_path / "site") == before
    assert leftovers(tmp_path) == []
    replace_in(tmp_path / "templates/news.html", "{{ post.title + 1 }}</h1>", "{{ post.title }}</h1>")
    assert build_site(paths).changed == ()


def test_a_damaged_cache_file_is_no_reason_to_fail(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / ".prongsai-cache").mkdir()
    (tmp_path / ".prongsai-cache/cache.sqlite3").write_bytes(b"not a database, e.g. half copied from a USB stick" * 100)
    paths = paths_of(tmp_path, tmp_path / "site")
    result = build_site(paths)
    build_site(paths_of(tmp_path, tmp_path / "clean"), use_cache=False)
    assert result.written == result.pages + result.files
    assert_same_tree(tmp_path / "site", tmp_path / "clean")


def preview_only(path: str) -> bool:
    """The preview makes no offline download (its lists and page), keeps nothing offline, lists no sitemap."""
    return path in ("sw.js", "sitemap.xml", "offline.html") or path.startswith("offline/")


def test_serve_rebuilds_after_each_edit_equal_a_clean_build(tmp_path, monkeypatch):
    """The preview's shortcuts (files named by the watcher, unchanged objects known fresh) change nothing."""
    from prongsai.serve import Preview

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    folder = tmp_path / "preview-copy"
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    preview = Preview(paths_of(folder, folder / "site"), tmp_path / "preview")
    preview.rebuild(set())
    assert not preview.failed
    for number, edit in enumerate(EDITS):
        before = {str(f): f.stat().st_mtime_ns for f in folder.rglob("*") if f.is_file()}
        edit(folder)
        after = {str(f): f.stat().st_mtime_ns for f in folder.rglob("*") if f.is_file()}
        changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        preview.rebuild(changed)  # what the watcher reports
        assert not preview.failed, edit.__name__
        clean = tmp_path / f"clean-{number}"
        build_site(paths_of(folder, clean), use_cache=False)
        shown, built = tree(tmp_path / "preview"), tree(clean)
        assert sorted(p for p in shown if not preview_only(p)) == sorted(p for p in built if not preview_only(p)), edit.__name__
        assert [path for path in built if not preview_only(path) and shown[path] != built[path]] == [], edit.__name__
