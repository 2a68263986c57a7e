"""Shared fixtures: small sites written inline from strings, real attachment files made on the spot, the sample
site built once per session into a temporary folder, and a session-wide check that no test writes into the
checkout."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from prongsai import Paths, build_site

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
BUILD_DATE_EPOCH = "1796169600"  # 2 December 2026 UTC (2 ธันวาคม 2569): the sample's today; byte-identical output

MINIMAL_SITE_YAML = """\
name_th: องค์การบริหารส่วนตำบลทดสอบ
name_en: Test Subdistrict Administrative Organization
agency_kind: sao
address: 99 หมู่ 1 ตำบลทดสอบ อำเภอเมือง จังหวัดขอนแก่น 40000
district: เมืองขอนแก่น
province: ขอนแก่น
ministry: กระทรวงมหาดไทย
phones: ["0 4300 0000"]
email: saraban@test.go.th
"""


#: A news post that builds: front matter on lines 1-4, its text on line 5.
NEWS_POST = "---\ntitle: ประชุมประชาคม\ndate: 2567-10-15\n---\nเนื้อข่าว\n"

#: One month of procurement with one complete row: an O12 file that builds.
PROCUREMENT_YAML = """\
months:
  - month: 2567-10
    rows:
      - name: ซื้อกระดาษ
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านดงเมืองพาณิชย์
        egp_no: "67105844132"
        contract_date: 2567-10-08
"""


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 83, 45)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    images = [Image.new("RGB", (60, 80), (255, 255, 255)) for _ in range(pages)]
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def write_files(root: Path, files: dict) -> None:
    for name, body in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(textwrap.dedent(body), encoding="utf-8")


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A project folder: call it with {path under content/: text or bytes}; site.yaml is added if absent."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)

    def make(files: dict, with_site: bool = True) -> Paths:
        content = tmp_path / "content"
        if with_site and "site.yaml" not in files:
            files = {"site.yaml": MINIMAL_SITE_YAML, **files}
        write_files(content, files)
        return Paths(project=tmp_path, content=content, templates=TEMPLATES, out=tmp_path / "site")

    return make


def leftovers(parent: Path, name: str = "site") -> list[str]:
    """What builds left beside an output folder apart from the current site (the link's target), the lock and the
    manifest: scratch folders of a build that failed or was killed, which must never stay."""
    out = parent / name
    current = {os.readlink(out) if out.is_symlink() else "", f".{name}-lock", f".{name}-manifest.json"}
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}-") and p.name not in current)


def build(paths: Paths):
    return build_site(paths)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The repository's sample content/ built once per test session into a temporary folder, with a fixed build
    date and its cache beside it (never in the checkout). Shared by many modules: read it, never change it."""
    folder = tmp_path_factory.mktemp("sample-site")
    paths = Paths(project=ROOT, content=ROOT / "content", templates=TEMPLATES, out=folder / "site",
                  cache=folder / ".prongsai-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
        build_site(paths)
    return paths.out


#: What tools write into a checkout while tests run (bytecode, pytest's and Hypothesis's own state): not test output.
TOOL_STATE = ("__pycache__", ".pytest_cache", ".hypothesis")


def checkout_state() -> str | None:
    """Every file git sees in the checkout, tracked or not, ignored or not, with what it holds (or its size and
    time, for ignored files); None outside a git checkout."""
    try:
        status = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"], cwd=ROOT,
                                capture_output=True, check=True).stdout.decode("utf-8", "replace")
        diff = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = [line for line in status.splitlines() if not any(part in TOOL_STATE for part in line[3:].split("/"))]
    stamps = []
    for line in lines:
        entry = ROOT / line[3:].strip('"')
        if line.startswith(("??", "!!")) and entry.is_file():
            stamps.append(f"{line[3:]} {entry.stat().st_size} {entry.stat().st_mtime_ns}")
    return "\n".join(lines + stamps + [hashlib.sha256(diff).hexdigest()])


@pytest.fixture(scope="session", autouse=True)
def checkout_unchanged(request):
    """No test writes into the checkout: every test builds into a temporary folder (a build into the checkout would
    leave .prongsai-cache/ or site/ behind, and later runs would reuse them, hiding what only a clean build shows).
    --update-golden and --update-screenshots are asked to write there."""
    if request.config.getoption("--update-golden") or request.config.getoption("--update-screenshots"):
        yield
        return
    before = checkout_state()
    yield
    after = checkout_state()
    if before is not None and after != before:
        changed = sorted(set(after.splitlines()) ^ set(before.splitlines()))
        pytest.fail("tests wrote into the checkout " + str(ROOT) + ":\n" + "\n".join(changed[:40]), pytrace=False)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/expected/ from the current build instead of comparing with it")
    parser.addoption("--update-screenshots", action="store_true", default=False,
                     help="write the workbench screenshots the README shows to docs/workbench/ (else they stay in the test's "
                          "temporary folder)")
