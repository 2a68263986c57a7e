"""Invariants of every page of a whole built site: the repository's sample content/ and tests/golden.

Each site is built once per session; every test walks every HTML page and reports all the pages that break
the rule at once. Links and ids are read with html.parser, as a browser would, not with regular expressions.
The sample holds fiscal years 2568 and 2569 (assessed; 26 items under the 2569 framework) and 2570 (started on
1 October 2569 with `new-year`, as on 2 December 2569, under the 2569 framework as provisional), the golden site
2568; at the end, `check` on the sample's three years, and the fiscal years its measures items analyse.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import BUILD_DATE_EPOCH, ROOT, TEMPLATES
from test_golden import copy_golden
from test_readiness_cli import run

from prongsai import SiteError, build_site
from prongsai.framework import load_framework
from prongsai.problems import format_report
from prongsai.yamlio import parse

FISCAL_YEAR = 2568
#: The number of items of each fiscal year's framework.
ITEMS = {2568: 28, 2569: 26, 2570: 26}
SAMPLE_NOTICE = "ข้อมูลตัวอย่าง"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
#: Attributes that load or lead to another resource.
_LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "action", "formaction"}


class PageParser(HTMLParser):
    """What the tests need from one page: lang, title, text, ids and every link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang, self.title, self.ids, self.links, self._text = None, "", [], [], []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._code = tag in ("script", "style")  # their text is code, not what a reader sees
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self._in_title = self._in_title or tag == "title"
        for name, value in attrs:
            if name == "id":
                self.ids.append(value or "")
            elif name in _LINK_ATTRIBUTES and value is not None:
                targets = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
                self.links += [(tag, name, target.strip()) for target in targets]

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        self._code = False

    def handle_data(self, data: str) -> None:
        self.title += data if self._in_title else ""
        if not getattr(self, "_code", False):
            self._text.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self._text))


@dataclass
class BuiltSite:
    name: str
    out: Path
    settings: dict
    pages: dict  # site path -> PageParser


def _settings(content: Path) -> dict:
    doc, problems = parse((content / "site.yaml").read_text(encoding="utf-8-sig"), "site.yaml")
    assert doc is not None and not problems, problems
    return doc.data


@pytest.fixture(scope="module", params=["sample", "golden"])
def site(request, tmp_path_factory) -> BuiltSite:
    """The sample content/ of the repository (built once per session), or tests/golden/content, built into a
    temporary folder."""
    if request.param == "sample":
        out = request.getfixturevalue("sample_site")
        return BuiltSite("sample", out, _settings(ROOT / "content"), _parsed(out))
    paths = copy_golden(tmp_path_factory.mktemp(request.param))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
        try:
            build_site(paths)
        except SiteError as error:
            pytest.fail(f"the {request.param} content does not build:\n{format_report(error.problems, 'site')[:2000]}")
    return BuiltSite(request.param, paths.out, _settings(paths.content), _parsed(paths.out))


def _parsed(out: Path) -> dict:
    pages = {}
    for file in sorted(out.rglob("*.html")):
        parser = PageParser()
        parser.feed(file.read_text(encoding="utf-8"))
        parser.close()
        pages[file.relative_to(out).as_posix()] = parser
    return pages


def no_failures(failures: list, rule: str) -> None:
    assert not failures, f"{len(failures)} problem(s), rule: {rule}\n" + "\n".join(failures[:60])


def in_digits(site: BuiltSite, text: str) -> str:
    thai = site.settings.get("digits") == "thai"
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai else text


def test_every_page_is_thai_titled_and_names_the_agency(site):
    name = site.settings["name_th"]
    failures = [f"{path}: <html lang={page.lang!r}>" for path, page in site.pages.items() if page.lang != "th"]
    failures += [f"{path}: empty <title>" for path, page in site.pages.items() if not page.title.strip()]
    failures += [f"{path}: no {name}" for path, page in site.pages.items() if name not in page.text]
    no_failures(failures, "lang th, a title, the agency's name")


def test_every_page_carries_the_sample_data_notice(site):
    assert site.settings.get("sample_data") == "true", "both test sites are sample data"
    no_failures([path for path, page in site.pages.items() if SAMPLE_NOTICE not in page.text], SAMPLE_NOTICE)


def years_of(site: BuiltSite) -> list[int]:
    """The fiscal years the site has an ITA index for."""
    years = sorted(int(m.group(1)) for path in site.pages if (m := re.fullmatch(r"ita/(\d{4})/index\.html", path)))
    assert FISCAL_YEAR in years
    return years


def test_the_sample_holds_fiscal_years_2568_to_2570(site):
    assert years_of(site) == ([2568, 2569, 2570] if site.name == "sample" else [2568])


@pytest.mark.parametrize("site", ["sample"], indirect=True)
def test_the_ita_section_lists_the_years_newest_first_and_keeps_the_urls_of_2568(site):
    """Assessors judge the URL the agency submitted in ITAS: starting a year adds pages and moves none."""
    linked = [resolve("ita/index.html", value)[0] for tag, _, value in site.pages["ita/index.html"].links if tag == "a"]
    years = [path for path in linked if re.fullmatch(r"ita/\d{4}/index\.html", path)]
    assert years == ["ita/2570/index.html", "ita/2569/index.html", "ita/2568/index.html"]
    fy2568 = sorted(path for path in site.pages if path.startswith("ita/2568/"))
    assert fy2568 == sorted(["ita/2568/index.html", *(f"ita/2568/o{n}.html" for n in range(1, 29))])


@pytest.mark.parametrize("site", ["sample"], indirect=True)
def test_no_public_page_says_the_criteria_are_provisional(site):
    """FY 2570 is checked against the 2569 framework as provisional: `check` and the staff report say so, never the site."""
    assert any(path.startswith("ita/2570/") for path in site.pages)
    failures = [f"{path}: {word!r}" for path, page in site.pages.items() for word in ("ชั่วคราว", "provisional")
                if word in page.text.lower()]
    no_failures(failures, "no public page calls the criteria provisional")


def test_every_ita_page_shows_the_fiscal_year(site):
    failures = []
    for fiscal_year in years_of(site):
        year = in_digits(site, str(fiscal_year))
        ita = [path for path in site.pages if path.startswith(f"ita/{fiscal_year}/")]
        assert len(ita) == ITEMS[fiscal_year] + 1, fiscal_year
        failures += [path for path in ita if year not in site.pages[path].text]
    no_failures(failures, "an ITA page shows its fiscal year")


def test_every_item_has_its_page_with_code_and_thai_name(site):
    failures = []
    for fiscal_year in years_of(site):
        failures += item_pages_missing(site, fiscal_year)
    no_failures(failures, "ita/<year>/oN.html shows its code and Thai name")


def item_pages_missing(site: BuiltSite, fiscal_year: int) -> list:
    items = load_framework(fiscal_year).items
    assert list(items) == [f"O{n}" for n in range(1, ITEMS[fiscal_year] + 1)]
    failures = []
    for code, item in items.items():
        path = f"ita/{fiscal_year}/o{code[1:]}.html"
        page = site.pages.get(path)
        if page is None:
            failures.append(f"{path}: missing")
            continue
        if code not in page.text:
            failures.append(f"{path}: no {code}")
        if re.sub(r"\s+", " ", item.name_th) not in page.text:
            failures.append(f"{path}: no name {item.name_th!r}")
    return failures


def test_year_index_links_every_item(site):
    missing = []
    for year in years_of(site):
        index = f"ita/{year}/index.html"
        linked = {resolve(index, value)[0] for tag, _, value in site.pages[index].links if tag == "a"}
        missing += [f"{index} -> o{n}.html" for n in range(1, ITEMS[year] + 1) if f"ita/{year}/o{n}.html" not in linked]
    no_failures(missing, "each year's index links every item")


def test_fixed_pages_exist(site):
    for path in ("index.html", "ita/index.html", "news/index.html", "contact.html", "404.html"):
        assert path in site.pages, path


def resolve(page: str, link: str) -> tuple[str, str]:
    """(site path of the file, decoded fragment) a relative link on `page` leads to."""
    target, _, fragment = link.partition("#")
    target = target.split("?")[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target))) if target else page
    return path, unquote(fragment)


def is_external(link: str) -> bool:
    return link.startswith("//") or (_SCHEME.match(link) is not None)


def test_the_news_index_holds_the_newest_year_and_each_earlier_year_has_its_page(sample_site):
    """Every post is listed on one page of news: the index (the newest fiscal year's) or its year's page, each linked
    from the others; so the index stays the size of one year's news, whatever the years behind it hold."""
    posts = sorted(p.stem for p in (ROOT / "content/news").glob("*.md"))
    fiscal_year = {post: int(post[:4]) + (int(post[5:7]) >= 10) for post in posts}  # 2567-10-01 is in 2568
    pages = {"news/index.html": max(fiscal_year.values())}
    pages.update({f"news/{year}.html": year for year in set(fiscal_year.values()) - {max(fiscal_year.values())}})
    assert sorted(pages) == ["news/2567.html", "news/2568.html", "news/2569.html", "news/index.html"]
    listed = {}
    for path, year in pages.items():
        html = (sample_site / path).read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)\.html">', html.split('class="news-list"', 1)[1].split("</ul>", 1)[0])
        listed[path] = {posixpath.basename(link) for link in links}
        assert listed[path] == {post for post in posts if fiscal_year[post] == year}, path
        others = [other for other in pages if other != path]
        assert all(f'href="{posixpath.basename(other)}"' in html for other in others), path
    assert sum(len(names) for names in listed.values()) == len(posts)


def test_internal_links_lead_to_files(site):
    failures = []
    for path, page in site.pages.items():
        for tag, attribute, link in page.links:
            where = f"{path}: <{tag} {attribute}={link!r}>"
            scheme = _SCHEME.match(link)
            if link == "data:,":  # the standalone 404 page's "no favicon" marker: requests nothing
                continue
            if scheme and scheme.group(1).lower() not in ("http", "https", "mailto", "tel"):
                failures.append(f"{where} uses the {scheme.group(1)}: scheme")
            elif is_external(link) or link.startswith("#"):
                continue
            elif not link:
                failures.append(f"{where} is empty")
            elif link.startswith("/"):
                failures.append(f"{where} is root-absolute")
            else:
                target, _ = resolve(path, link)
                if target.startswith("../") or link.split("#")[0].split("?")[0].endswith("/"):
                    failures.append(f"{where} leads outside the site or to a folder")
                elif not (site.out / target).is_file():
                    failures.append(f"{where} leads to {target}, which is not a file of the site")
    no_failures(failures, "every internal link leads to a file of the site")


def test_fragments_lead_to_ids(site):
    failures = []
    for path, page in site.pages.items():
        for tag, _, link in page.links:
            if "#" not in link or is_external(link):
                continue
            target, fragment = resolve(path, link)
            if target in site.pages and fragment not in site.pages[target].ids:
                failures.append(f"{path}: <{tag}> {link!r} but {target} has no id {fragment!r}")
    no_failures(failures, "every #fragment names an id of its page")


def test_nothing_is_loaded_from_another_host(site):
    failures = [
        f"{path}: <{tag} {attribute}={link!r}>"
        for path, page in site.pages.items() for tag, attribute, link in page.links
        if tag not in ("a", "area") and is_external(link) and not link.lower().startswith(("mailto:", "tel:", "data:"))
    ]
    for css in sorted(site.out.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        if "@import" in text or re.search(r"url\(\s*['\"]?(https?:|//)", text):
            failures.append(f"{css.relative_to(site.out).as_posix()}: loads from another host")
    no_failures(failures, "resources come from the site itself (hyperlinks may leave it)")


def test_no_duplicate_ids(site):
    failures = []
    for path, page in site.pages.items():
        seen: set = set()
        duplicates = sorted({i for i in page.ids if i in seen or seen.add(i)})
        failures += [f"{path}: id {i!r} appears more than once" for i in duplicates]
        failures += [f"{path}: an empty id" for i in page.ids if not i.strip()]
    no_failures(failures, "ids are unique on each page")


@pytest.mark.parametrize("site", ["sample"], indirect=True)
def test_no_page_carries_a_placeholder_link(site):
    """No public page of the sample links to a made-up form (its online routes are the site's own forms)."""
    failures = [f"{path}: {word}" for path, page in site.pages.items() for word in ("forms.gle", "ลิงก์สมมุติ")
                if word in page.text or any(word in link for _, _, link in page.links)]
    no_failures(failures, "no placeholder links or notes about them")


# --- check on the sample's two years, and what its measures analyse ---------------------------------------------------

@pytest.mark.parametrize(("year", "as_of"), [(2569, "2569-12-02"), (2568, "2568-09-30")])
def test_check_finds_every_item_of_the_sample_ready(tmp_path, year, as_of):
    """`check` on the sample as on the day it is assessed (2569: today; 2568: the last day of that year)."""
    ran = run(tmp_path, "check", "--strict", "--year", str(year), "--as-of", as_of, "--content", str(ROOT / "content"),
              "--templates", str(TEMPLATES), "--out", "site")
    assert (ran.status, ran.err) == (0, ""), ran.out[-3000:]
    items = ITEMS[year]
    assert f"ITA {year}: พร้อม {items}/{items} ข้อ | {items}/{items} items ready" in ran.out.splitlines()
    assert "[FAIL]" not in ran.out


def item_data(year: int, code: str) -> dict:
    path = ROOT / "content" / "ita" / str(year) / f"{code}.yaml"
    doc, problems = parse(path.read_text(encoding="utf-8-sig"), path.name)
    assert doc is not None and not problems, problems
    return doc.data


#: The items of FY 2570 written by 2 December 2569: the carried ones confirmed current, the news, October and November
#: (procurement, complaints), and the two reports of FY 2569 finished in November. Every other item is a stub.
READY_2570 = ("O1", "O2", "O3", "O4", "O7", "O8", "O9", "O10", "O11", "O16", "O17", "O18", "O24")


def test_check_of_2570_shows_what_is_ready_and_what_is_due_later(tmp_path):
    """2 December 2569: the provisional warning first, the items written ready, every stub due by 1 March 2570."""
    ran = run(tmp_path, "check", "--strict", "--year", "2570", "--as-of", "2569-12-02", "--content", str(ROOT / "content"),
              "--templates", str(TEMPLATES), "--out", "site")
    assert (ran.status, ran.err) == (0, ""), ran.out[-3000:]
    lines = [line for line in ran.out.splitlines() if line.strip()]
    assert lines[0] == "ตรวจความพร้อม ITA ปีงบประมาณ 2570 ณ วันที่ 2 ธันวาคม 2569 (as of 2569-12-02 BE)"
    assert lines[1].startswith("คำเตือน: ยังไม่มีเกณฑ์การประเมิน ITA ปี 2570 ที่สำนักงาน ป.ป.ช. ประกาศ "
                               "จึงใช้เกณฑ์ปี 2569 เป็นการชั่วคราว")
    assert lines[2].startswith("warning: The NACC has not published the ITA 2570 criteria yet, so the 2569 framework is used as "
                               "provisional")
    states = {m.group(2): m.group(1) for line in lines if (m := re.match(r"\S+ +\[(OK|DUE|FAIL)\] +(O\d+) ", line))}
    assert list(states) == [f"O{n}" for n in range(1, 27)]
    assert sorted(code for code, state in states.items() if state == "OK") == sorted(READY_2570)
    due = [code for code, state in states.items() if state == "DUE"]
    assert due == [code for code in states if code not in READY_2570]
    items = load_framework(2570).items
    for line in (line for line in lines if "[DUE]" in line):
        code = line.split()[2]
        assert line.endswith(f"{items[code].name_th}: ยังไม่ได้เขียน ต้องเผยแพร่ภายใน 1 มีนาคม 2570 | not written yet, "
                             f"due by 2570-03-01 BE ({ROOT / 'content/ita/2570' / code}.yaml)"), line
    ready, later = len(READY_2570), 26 - len(READY_2570)
    assert lines[-2] == (f"ITA 2570: พร้อม {ready}/26 ข้อ | {ready}/26 items ready; ยังไม่ถึงกำหนด {later} ข้อ "
                         f"(ต้องเผยแพร่ภายใน 1 มีนาคม 2570) | {later} not due yet (due by 2570-03-01 BE)")
    assert "ข้อผิดพลาด" not in ran.out and "คำแนะนำ" not in ran.out


def test_the_items_carried_into_2570_are_confirmed_and_the_rest_are_stubs():
    """new-year's "carried over: check it is current" header is gone once the clerk confirmed the item; what is not
    written yet is still the stub new-year wrote (comments only)."""
    for path in sorted((ROOT / "content/ita/2570").glob("O*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "ยกมาจาก" not in text, path.name
        written = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        assert bool(written) == (path.stem in READY_2570), path.name


def test_the_complaint_totals_of_2569_agree_with_its_months():
    """FY 2570's O18 repeats FY 2569 in total: the same numbers as FY 2569's own months."""
    months = item_data(2569, "O18")["months"]
    assert [m["month"] for m in months] == [f"{2568 + (n > 3)}-{(n + 8) % 12 + 1:02d}" for n in range(1, 13)]
    totals = {key: str(sum(int(m[key]) for m in months)) for key in ("received", "finished", "in_progress")}
    assert item_data(2570, "O18")["previous_fy"] == {"fy": "2569", **totals}


def test_the_reports_of_2569_answer_its_plans():
    """FY 2570's O24 reports on every project of FY 2569's anti-corruption plan (O23) with its budget, O7 on every
    strategy of FY 2569's annual plan (O6); each report's totals are the sums of its rows."""
    plan = item_data(2569, "O23")["projects"]
    report = item_data(2570, "O24")
    assert [(r["topic"], r["budget"]) for r in report["results"]] == [(p["name"], p["budget"]) for p in plan]
    performance = item_data(2570, "O7")
    strategies = {p["strategy"].split()[1] for p in item_data(2569, "O6")["projects"]}
    assert strategies <= {r["topic"].split()[1] for r in performance["results"]}
    for data in (report, performance):
        assert int(data["covers_fy"]) == 2569 and data["report"]["signed_on"].startswith("2569-11-")
        for total, key in (("budget_total", "budget"), ("spent_total", "spent")):
            assert int(data[total]) == sum(int(r[key]) for r in data["results"]), total


@pytest.mark.parametrize(("year", "code"), [(2568, "O27"), (2569, "O25")])
def test_the_measures_of_a_year_analyse_the_ita_of_the_year_before(year, code):
    """FY 2568's measures come from ITA 2567, FY 2569's (the agency's real document) from ITA 2568; every measure
    starts and ends inside its fiscal year (1 October of the year before to 30 September)."""
    data = item_data(year, code)
    assert (int(data["measures_fy"]), int(data["ita_result"]["year"])) == (year, year - 1)
    assert data["ita_result"]["total"] == {2568: "88.90", 2569: "88.09"}[year]
    first, last = (year - 1, 10), (year, 9)
    for measure in data["measures"]:
        start, end = (tuple(int(part) for part in measure[key].split("-")) for key in ("start", "end"))
        assert first <= start <= end <= last, measure["name"]
    scores = {int(i["number"]): i["score"] for i in data["ita_result"]["indicators"]}
    if year == 2569:
        assert len(data["measures"]) == 7 and (scores[9], scores[10]) == ("72.00", "60.00")


#: Guidance for staff that once reached public pages: writing instructions, the research's doubts, placeholders.
STAFF_WORDING = ("ใช้รหัส", "แหล่งข้อมูลขัดกัน", "จึงควรเผยแพร่", "ยังไม่ได้ตรวจทาน", "คู่มือการประเมิน ITA", "หน่วยงานที่พบ",
                 "ลิงก์สมมุติ", "forms.gle", "เกณฑ์ชั่วคราว", "ความมั่นใจต่ำ", "ระดับความมั่นใจ", "python build.py", "วิธีแก้")


def _model_names() -> set:
    """Names a clerk writes in YAML that mean nothing to a citizen: snake_case fields, choices, period codes, rules."""
    from prongsai.framework import PERIODS
    from prongsai.readiness import RULES
    from prongsai.schema import load_model

    model, names, stack = load_model(), set(PERIODS) | set(RULES), []
    stack += [kind.record for kind in model.kinds.values()] + [model.site, model.news_post]
    while stack:
        field = stack.pop()
        names.add(field.name)
        names.update(field.choices)
        stack += list(field.fields) + ([field.item] if field.item else [])
    return {name for name in names if "_" in name}


def test_public_pages_carry_nothing_for_staff(site):
    """Field names, writing instructions and the research's doubts go to the staff report, never to a public page."""
    names = _model_names()
    failures = []
    for path, page in site.pages.items():
        text = page.text
        failures += [f"{path}: {phrase!r}" for phrase in STAFF_WORDING if phrase in text]
        failures += [f"{path}: field name {word!r}" for word in sorted(set(re.findall(r"[a-z]+(?:_[a-z0-9]+)+", text)) & names)]
    no_failures(failures, "no staff guidance, field names or placeholders on public pages")

