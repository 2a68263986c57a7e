"""Shared fixtures: small sites written inline from strings, and real attachment files made on the spot."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from prongsai import Paths, build_site

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
BUILD_DATE_EPOCH = "1764115200"  # 26 November 2025 UTC: a fixed build date for byte-identical output

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


def build(paths: Paths):
    return build_site(paths)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/expected/ from the current build instead of comparing with it")
    parser.addoption("--update-screenshots", action="store_true", default=False,
                     help="write the workbench screenshots the README shows to docs/workbench/ (else they stay in the test's "
                          "temporary folder)")
