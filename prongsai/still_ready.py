"""Items that were ready at the last successful build and are not now: said loudly, so nothing is lost by accident.

Owns the comparison. Each successful build notes which items of each fiscal
year were ready (readiness.check_year, as of the build's day) beside its output
(sitefolder.SiteFolder.record); the next build names every item that was ready
then and is not now, as a warning, which `--strict` turns into a failure. An
item emptied by accident, an attachment deleted, a month that fell due: the
clerk hears of it at the build, not from the assessor.
"""

from __future__ import annotations

import re
from datetime import date

from .problems import WARNING, Problem
from .readiness import check_year

_EN = "{code} (fiscal year {year}) was ready at the last successful build and is not ready now: an assessor would score it 0"
_EN_PATTERN = re.compile(re.escape(_EN).replace(r"\{code\}", r"(?P<code>\S+)").replace(r"\{year\}", r"(?P<year>\d+)"))


def ready_items(site, model, as_of: date, content: str) -> dict:
    """{fiscal year: [codes of the items ready as of that day]}, for every year of the site."""
    ready = {}
    for fiscal_year, year in site.years.items():
        report = check_year(year, site, model, as_of, content)
        ready[str(fiscal_year)] = [code for code, result in report.items.items() if result.passed]
    return ready


def no_longer_ready(before: dict, now: dict, site, content: str) -> list[Problem]:
    """A warning for each item ready at the last build and not now (years no longer in the site are left alone)."""
    problems = []
    for fiscal_year, year in site.years.items():
        was, is_now = before.get(str(fiscal_year), []), set(now.get(str(fiscal_year), []))
        for code in was:
            if code in is_now or code not in year.items:
                continue
            entry = year.items[code]
            path = entry.source or f"{content}/ita/{fiscal_year}/{code}.yaml"
            problems.append(Problem(
                path, 0, 0,
                f"ข้อ {code} ปีงบประมาณ {fiscal_year} พร้อมเมื่อสร้างเว็บไซต์ครั้งก่อน แต่ตอนนี้ไม่พร้อมแล้ว "
                f"ผู้ประเมินจะให้ข้อนี้ 0 คะแนน",
                _EN.format(code=code, year=fiscal_year),
                f"ดูว่าขาดอะไร: python build.py check --year {fiscal_year}",
                f"see what is missing: python build.py check --year {fiscal_year}",
                severity=WARNING,
            ))
    return problems


def named(problems: list) -> list[str]:
    """The items these problems say are no longer ready, as "O12 2568", for the one loud line after a build."""
    found = (_EN_PATTERN.fullmatch(p.en) for p in problems)
    return sorted({f"{m['code']} {m['year']}" for m in found if m})
