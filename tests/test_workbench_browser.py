"""The workbench in Debian's Chromium (Playwright): a clerk's morning, every kind saved through its form and the site
built from the result, axe-core on every workbench page at 1366×768 and 390 px, and the README's screenshots.

Screenshots go to the test's temporary folder; with `--update-screenshots` they are written to docs/workbench/,
where the README shows them.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TEMPLATES, pdf_bytes, png_bytes
from test_browser import browser  # noqa: F401 - Debian's Chromium, or a skip (a failure in CI)
from test_workbench import procurement_sheet, GOOD_ROW
from workbench_server import TODAY, Running, sample_project

from prongsai import Paths, build_site, yamlio

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "docs" / "workbench"
README_SHOTS = ("dashboard.png", "form-error.png", "import-preview.png", "phone-form.png")


@pytest.fixture(scope="module")
def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def shots(request, tmp_path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    yield folder
    if request.config.getoption("--update-screenshots"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for file in folder.glob("*.png"):
            shutil.copyfile(file, SCREENSHOTS / file.name)


class Clerk:
    """A browser tab on the workbench, with every page error and outside request recorded."""

    def __init__(self, browser, running: Running, width: int = 1366, height: int = 768) -> None:  # noqa: F811
        self.running = running
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
                     and self.errors.append(message.text))
        self.page.on("request", lambda r: r.url.startswith(running.base) or r.url.startswith(("data:", "blob:"))
                     or self.outside.append(r.url))
        self.page.goto(f"{running.base}/?token={running.token}")

    def go(self, path: str):
        self.page.goto(running_url(self.running, path))
        return self.page

    def close(self) -> None:
        self.context.close()


def running_url(running: Running, path: str) -> str:
    return running.base + path


def morning_project(tmp_path: Path) -> Path:
    """The sample, with O12 missing February and March 2568 (so it is not ready): the clerk fills them in."""
    project = sample_project(tmp_path)
    file = project / "content/ita/2568/O12.yaml"
    text = file.read_text(encoding="utf-8")
    data = yamlio.parse(text, "x")[0].data
    for month in ("2568-02", "2568-03"):
        start = text.index(f"  - month: {month}")
        following = [m["month"] for m in data["months"] if m["month"] > month]
        end = text.index(f"  - month: {following[0]}") if following else len(text)
        text = text[:start] + text[end:]
    file.write_text(text, encoding="utf-8")
    return project


def row_state(page, code: str) -> str:
    return page.locator(f"tr:has(a[href='/item/2568/{code}']) .state").first.get_attribute("class").split()[-1]


def test_a_clerks_morning(browser, tmp_path, shots):  # noqa: F811
    running = Running(morning_project(tmp_path))
    clerk = Clerk(browser, running)
    page = clerk.page
    try:
        # the dashboard: every item of every year with its state; O12 is missing two months
        assert page.url == running.base + "/"
        assert page.locator("table.items tbody tr").count() >= 28
        assert row_state(page, "O12") == "missing"
        o12 = page.locator("tr:has(a[href='/item/2568/O12'])").bounding_box()
        page.screenshot(path=str(shots / "dashboard.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": 1366, "height": o12["y"] + o12["height"] + 16})

        # add an executive with a photo
        page.click("a[href='/item/2568/O2']")
        executives = page.locator("#f-executives")
        before = executives.locator(":scope > .entries > .entry").count()
        executives.locator(":scope > button[data-add]").click()
        entry = executives.locator(":scope > .entries > .entry").last
        entry.locator("input[name$='.name']").fill("นางสาวทดลอง ใจดี")
        entry.locator("input[name$='.position']").fill("รองนายกองค์การบริหารส่วนตำบล")
        entry.locator("select[name$='.role']").select_option("deputy")
        photo = io.BytesIO(png_bytes(1600, 1200))
        entry.locator("input[type=file][data-slot='executives.photo']").set_input_files(
            files=[{"name": "รูป รองนายก.png", "mimeType": "image/png", "buffer": photo.getvalue()}])
        path_input = entry.locator("input[name$='.photo']")
        page.wait_for_function("el => el.value !== ''", arg=path_input.element_handle())
        assert path_input.input_value() == "files/o2/รูป-รองนายก.png"
        # a mistake: an e-mail without @; the problem shows beside its field, nothing is written
        entry.locator("input[name$='.email']").fill("rongnayok.dongmueang.go.th")
        page.click("button[value=save]")
        problem = entry.locator(".problems").first
        assert page.locator(".notice.error").is_visible()
        email_field = page.locator(f"#f-executives-{before}-email")
        assert email_field.get_attribute("aria-invalid") == "true"
        assert "ต้องเป็นอีเมล" in page.locator(f"#f-executives-{before}-email-problems").inner_text()
        assert "นางสาวทดลอง" not in (running.paths.content / "ita/2568/O2.yaml").read_text(encoding="utf-8")
        # the summary links to the field; fixing it saves
        page.locator(".notice.error a").first.click()
        assert page.evaluate("document.activeElement.id") == f"f-executives-{before}-email"
        page.evaluate("window.scrollBy(0, -260)")  # the screenshot shows the entry's other fields above it
        page.screenshot(path=str(shots / "form-error.png"), full_page=False)
        email_field.fill("rongnayok@dongmueang.go.th")
        page.click("button[value=save]")
        assert page.locator(".notice.ok").is_visible()
        saved = (running.paths.content / "ita/2568/O2.yaml").read_text(encoding="utf-8")
        assert "- name: นางสาวทดลอง ใจดี" in saved and "photo: files/o2/รูป-รองนายก.png" in saved
        assert problem.count() == 0 or not problem.is_visible()
        assert not running.bench.preview.progress.failed, running.bench.preview.problems

        # import March 2568 from an XLSX, merged by month after a preview
        page.goto(running.base + "/item/2568/O12/import")
        sheet = procurement_sheet("มีนาคม 2568", [GOOD_ROW[:10] + ["2568-03-07"]])
        page.set_input_files("#sheet", files=[{"name": "สขร1-มีนาคม.xlsx", "mimeType": "application/octet-stream",
                                               "buffer": sheet}])
        page.click("button.primary")
        assert "ซื้อวัสดุสำนักงาน" in page.locator("main").inner_text()
        assert "เพิ่ม" in page.locator(".changes").inner_text()
        page.screenshot(path=str(shots / "import-preview.png"), full_page=False)
        page.click("button.primary")
        assert page.locator(".notice.ok").is_visible()

        # February had no procurement: one click
        page.goto(running.base + "/item/2568/O12/months")
        page.locator("form:has(input[value='2568-02']) button").click()
        assert page.locator(".notice.ok").is_visible()
        o12 = (running.paths.content / "ita/2568/O12.yaml").read_text(encoding="utf-8")
        assert "  - month: 2568-02\n    no_procurement: true\n" in o12 and "ซื้อวัสดุสำนักงาน" in o12

        # the items turn ready
        page.goto(running.base + "/")
        assert row_state(page, "O12") == "ready" and row_state(page, "O2") == "ready"

        # the preview, as citizens will see it
        page.goto(running.base + "/item/2568/O12")
        with page.expect_popup() as popup:
            page.click("text=ดูหน้านี้บนเว็บไซต์")
        preview = popup.value
        preview.wait_for_load_state()
        assert preview.url.endswith("/preview/ita/2568/o12.html") and "ซื้อวัสดุสำนักงาน" in preview.inner_text("main")
        preview.close()

        # restore the version of O2 from before the executive was added
        page.goto(running.base + "/item/2568/O2")
        page.click("a[href^='/history']")
        page.locator("ol.history > li").last.locator("button").click()
        assert "นางสาวทดลอง" not in (running.paths.content / "ita/2568/O2.yaml").read_text(encoding="utf-8")
        assert clerk.errors == [] and clerk.outside == []
        assert not running.bench.preview.progress.failed, running.bench.preview.problems
    finally:
        clerk.close()
        running.close()


def fill_needed(page, item_form_url: str) -> None:
    """Fill every field the record cannot do without, as a clerk would: type, pick, upload."""
    page.wait_for_selector("form.item-form")
    if page.locator("[data-fill]").count() == 0:  # a kind with no required field: write its first one
        page.locator("form.item-form textarea:not([name=body])").first.fill("ข้อความทดสอบ")
    for counts in page.locator("[data-fill=counts]").all():
        counts.locator(":scope > button[data-add]").click()
        counts.locator("input[name$='.k']").last.fill("ชำระภาษี")
        counts.locator("input[name$='.n']").last.fill("3")
    for field in page.locator("div[data-fill]").all():
        kind = field.get_attribute("data-fill")
        if kind in ("date", "month"):
            selects = field.locator("select")
            if kind == "date":
                selects.nth(0).select_option("1")
            selects.nth(selects.count() - 2).select_option("10")
            selects.nth(selects.count() - 1).select_option("2567")
        elif kind == "choice":
            select = field.locator("select")
            select.select_option(index=1)
        elif kind == "bool":
            field.locator("select").select_option("true")
        elif kind in ("file", "image"):
            data, name = (png_bytes(), "photo.png") if kind == "image" else (pdf_bytes(2), "document.pdf")
            upload = field.locator("input[type=file]")
            text = field.locator("input[data-path]")
            upload.set_input_files(files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
            page.wait_for_function("el => el.value !== ''", arg=text.element_handle())
        else:
            value = {"number": "1", "money": "1000", "year": "2568", "url": "https://www.example.go.th/",
                     "email": "saraban@example.go.th", "phone": "0 4300 0000"}.get(kind, "ข้อความทดสอบ")
            field.locator("input[type=text], textarea").first.fill(value)


def init_project(tmp_path: Path) -> Path:
    from prongsai.schema import load_model
    from prongsai.scaffold import init_project as init

    project = tmp_path / "agency"
    init(load_model(), project, TEMPLATES, 2568)
    return project


def test_every_kind_is_saved_through_its_form_and_the_site_builds(browser, tmp_path):  # noqa: F811
    from prongsai.framework import load_framework

    project = init_project(tmp_path)
    running = Running(project)
    clerk = Clerk(browser, running)
    page = clerk.page
    framework = load_framework(2568)
    first_of_kind = {}
    for item in framework.items.values():
        first_of_kind.setdefault(item.kind, item)
    assert len(first_of_kind) == 24
    try:
        for kind, item in first_of_kind.items():
            page.goto(f"{running.base}/item/2568/{item.code}")
            fill_needed(page, page.url)
            page.click("button[value=save]")
            notice = page.locator(".notice").first.inner_text()
            assert page.locator(".notice.ok").count() == 1, (kind, notice, page.locator(".problems").all_inner_texts())
            written = yamlio.parse((project / f"content/ita/2568/{item.code}.yaml").read_text(encoding="utf-8"), "x")[0]
            assert written.data, kind
        assert clerk.errors == [] and clerk.outside == []
    finally:
        clerk.close()
        running.close()
    result = build_site(Paths(project, project / "content", TEMPLATES, tmp_path / "site"))
    assert result.pages > 28


WORKBENCH_PAGES = ["/", "/item/2568/O2", "/item/2568/O12", "/item/2568/O19", "/item/2568/O8", "/settings", "/news", "/news/new",
                   "/news/edit/2568-03-05-ngot-phao", "/trash", "/year/new?year=2569", "/history?file=ita/2568/O2.yaml",
                   "/raw?file=ita/2568/O2.yaml", "/item/2568/O12/import", "/item/2568/O12/months", "/publish"]


def axe_violations(page, axe_script) -> list[str]:
    page.evaluate(axe_script)
    result = page.evaluate("options => axe.run(document, options)", {"runOnly": {"type": "tag", "values": WCAG}})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_no_axe_violation_on_any_workbench_page_and_no_sideways_scrolling(browser, tmp_path, axe_script, shots, width, height):  # noqa: F811
    running = Running(sample_project(tmp_path))
    clerk = Clerk(browser, running, width, height)
    page = clerk.page
    found = {}
    try:
        # a history to show, an error shown beside its field, a conflict, an import preview
        page.goto(running.base + "/item/2568/O3")
        page.locator("#f-office_hours").fill("ทุกวันทำการ")
        page.click("button[value=save]")
        pages = list(WORKBENCH_PAGES)
        for path in pages:
            page.goto(running.base + path)
            found[path] = axe_violations(page, axe_script)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width + 1, (path, wide)
        page.goto(running.base + "/item/2568/O2")
        page.locator("#f-executives-0-email").fill("ไม่ใช่อีเมล")
        page.click("button[value=save]")
        found["form with an error"] = axe_violations(page, axe_script)
        if width < 500:
            page.screenshot(path=str(shots / "phone-form.png"), full_page=False)
        other = clerk.context.new_page()
        other.goto(running.base + "/item/2568/O3")
        other.locator("#f-office_hours").fill("จากแท็บที่สอง")
        page.goto(running.base + "/item/2568/O3")
        page.locator("#f-office_hours").fill("จากแท็บแรก")
        page.click("button[value=save]")
        other.click("button[value=save]")
        assert other.locator(".versions").is_visible()
        found["conflict"] = axe_violations(other, axe_script)
        page.goto(running.base + "/item/2568/O12/import")
        page.set_input_files("#sheet", files=[{"name": "s.xlsx", "mimeType": "application/octet-stream",
                                               "buffer": procurement_sheet("กันยายน 2568", [GOOD_ROW[:10] + ["2568-09-07"]])}])
        page.click("button.primary")
        found["import preview"] = axe_violations(page, axe_script)
        refused = clerk.context.browser.new_context(viewport={"width": width, "height": height}).new_page()
        refused.goto(running.base + "/")
        found["403"] = axe_violations(refused, axe_script)
        refused.context.close()
        assert clerk.errors == [] and clerk.outside == []
    finally:
        clerk.close()
        running.close()
    assert {path: v for path, v in found.items() if v} == {}


def test_the_keyboard_alone_adds_reorders_and_removes_entries(browser, tmp_path):  # noqa: F811
    running = Running(sample_project(tmp_path))
    clerk = Clerk(browser, running)
    page = clerk.page
    try:
        page.goto(running.base + "/item/2568/O2")
        add = page.locator("#f-executives > button[data-add]")
        add.focus()
        page.keyboard.press("Enter")
        focused = page.evaluate("document.activeElement.name")
        assert re.match(r"v\.executives\.n[0-9a-f]+\.name", focused)
        page.keyboard.type("นายคีย์บอร์ด ล้วน")
        entries = page.locator("#f-executives > .entries > .entry")
        count = entries.count()
        up = entries.last.locator("button[data-up]")
        up.focus()
        page.keyboard.press("Enter")
        assert entries.nth(count - 2).locator("input[name$='.name']").input_value() == "นายคีย์บอร์ด ล้วน"
        entries.nth(count - 2).locator("button[data-remove]").focus()
        page.keyboard.press("Enter")
        assert entries.count() == count - 1
        assert page.evaluate("document.activeElement.hasAttribute('data-add')")
    finally:
        clerk.close()
        running.close()


def test_the_readme_shows_the_screenshots_the_tests_make():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"\]\((docs/workbench/[^)]+\.png)\)", readme)
    assert sorted(Path(name).name for name in named) == sorted(README_SHOTS)
    for name in named:
        assert (ROOT / name).is_file(), name


def test_today_is_fixed_for_the_tests():
    assert TODAY.isoformat() == "2026-12-02"
