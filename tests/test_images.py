"""Images are published no wider than a phone needs, with their size written in the page."""

from __future__ import annotations

import io

from conftest import png_bytes
from PIL import Image

from prongsai import build_site

O2 = """\
executives:
  - name: นายหนึ่ง ใจดี
    position: นายก อบต.
    role: chief
    photo: files/{name}
"""


def jpeg_bytes(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def test_a_wide_photo_is_resized_and_the_page_says_its_new_size(scratch):
    big = jpeg_bytes(2400, 1800)
    paths = scratch({"ita/2568/O2.yaml": O2.format(name="nayok.jpg"), "ita/2568/files/nayok.jpg": big})
    build_site(paths)
    published = (paths.out / "ita/2568/files/nayok.jpg").read_bytes()
    with Image.open(io.BytesIO(published)) as image:
        assert image.size == (1200, 900) and image.format == "JPEG"
    assert len(published) < len(big)
    page = (paths.out / "ita/2568/o2.html").read_text(encoding="utf-8")
    assert 'src="files/nayok.jpg" alt="รูปถ่าย นายหนึ่ง ใจดี" width="1200" height="900"' in page
    (paths.out.parent / "again").mkdir()
    build_site(paths.__class__(paths.project, paths.content, paths.templates, paths.out.parent / "again" / "site"))
    assert (paths.out.parent / "again" / "site/ita/2568/files/nayok.jpg").read_bytes() == published


def test_a_small_image_is_published_as_it_is(scratch):
    small = png_bytes(300, 400)
    paths = scratch({"ita/2568/O2.yaml": O2.format(name="nayok.png"), "ita/2568/files/nayok.png": small})
    build_site(paths)
    assert (paths.out / "ita/2568/files/nayok.png").read_bytes() == small
    assert 'width="300" height="400"' in (paths.out / "ita/2568/o2.html").read_text(encoding="utf-8")


def test_every_sample_photo_stays_under_60_kb(tmp_path):
    from conftest import ROOT

    photos = sorted((ROOT / "content/ita/2568/files/o2").glob("*.jpg"))
    assert photos and all(photo.stat().st_size <= 60 * 1024 for photo in photos)
