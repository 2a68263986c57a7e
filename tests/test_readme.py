"""The README's promises: the two commands come first, and every item's example is valid content."""

from __future__ import annotations

import re

from conftest import ROOT, pdf_bytes, png_bytes

from prongsai import build_site
from prongsai.framework import load_framework

README = (ROOT / "README.md").read_text(encoding="utf-8")
_EXAMPLE = re.compile(r"^### (O\d+) .*?```yaml\n(.*?)```", re.S | re.M)
_FILE = re.compile(r"(?:[:-])\s+(\S+\.(pdf|png|jpg|jpeg|xlsx|docx))\s*$", re.M)


def test_readme_starts_with_the_build_and_test_commands():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert "pip install -e . && python build.py" in blocks[0]
    assert 'pip install -e ".[test]"' in blocks[1] and "pytest" in blocks[1]
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").count("python -m pytest") == 1


def test_readme_has_an_example_for_every_item():
    codes = [code for code, _ in _EXAMPLE.findall(README)]
    assert codes == list(load_framework(2568).items)


def test_every_readme_example_builds(scratch):
    files = {}
    for code, text in _EXAMPLE.findall(README):
        files[f"ita/2568/{code}.yaml"] = text
        for path, ext in _FILE.findall(text):
            files[f"ita/2568/{path}"] = pdf_bytes() if ext == "pdf" else png_bytes() if ext in ("png", "jpg", "jpeg") else b"PK\x03\x04"
    result = build_site(scratch(files))
    assert result.pages > 28
