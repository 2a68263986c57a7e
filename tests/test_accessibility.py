"""axe-core (WCAG 2.0/2.1 A and AA) on every page of the sample, in Debian's Chromium, opened from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import browser, site  # noqa: F401 - the module's browser and sample build

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_script() -> str:
    """axe-core as shipped inside the axe-playwright-python package (MPL-2.0), never fetched from a CDN."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def test_no_wcag_a_or_aa_violation_on_any_page(browser, site, axe_script):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    found = {}
    pages = sorted(p for p in site.rglob("*.html"))
    for file in pages:
        page.goto(file.as_uri(), wait_until="load")
        page.evaluate(axe_script)
        result = page.evaluate("options => axe.run(document, options)", {"runOnly": {"type": "tag", "values": WCAG}})
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.setdefault(file.relative_to(site).as_posix(), []).append(f"{violation['id']}: {targets}")
    context.close()
    assert len(pages) > 50
    assert found == {}
