"""The service pages of the sample site: O9 manuals with step flows, O10 e-services whose online route is the page's own
mailto request form, the complaint channels (2568 O18, 2569 O17) with the corruption-only e-mail channel as an on-page
form. Pages are read with html.parser, as a browser would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from prongsai.yamlio import parse

YEAR = "ita/2568"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None) -> None:
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, attrs, parent, [], []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(p if isinstance(p, str) else p.text for p in self.parts)).strip()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                found.append(child)
            found += child.find_all(tag, cls)
        return found

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.find_all() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]


class TreeParser(HTMLParser):
    """A small element tree: enough to find elements by tag, class and id and read their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.parts.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.parts.append(data)


def read_yaml(path: Path) -> dict:
    doc, problems = parse(path.read_text(encoding="utf-8-sig"), path.name)
    assert doc is not None and not problems, problems
    return doc.data


@pytest.fixture(scope="module")
def built(sample_site) -> Path:
    """The sample site, built once per session (conftest.sample_site)."""
    return sample_site


def page(built: Path, name: str) -> Node:
    parser = TreeParser()
    parser.feed((built / YEAR / name).read_text(encoding="utf-8"))
    parser.close()
    return parser.root


def content(code: str) -> dict:
    return read_yaml(ROOT / "content" / YEAR / f"{code}.yaml")


def duration(minutes: int) -> str:
    """What the page prints for a number of minutes: working days of 480 minutes, hours, minutes."""
    days, rest = divmod(minutes, 480)
    parts = [f"{days} วันทำการ"] if days else []
    parts += [f"{rest // 60} ชั่วโมง"] if rest // 60 else []
    parts += [f"{rest % 60} นาที"] if rest % 60 or not minutes else []
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------------------
# O9


def test_o9_has_one_flow_per_service_with_every_step_and_its_time(built):
    services = content("O9")["services"]
    root = page(built, "o9.html")
    articles = root.find_all("article", "service")
    assert [a.find_all("h3")[0].text for a in articles] == [s["title"] for s in services]
    assert len({a.attrs["id"] for a in articles}) == len(services), "each service has its own id"
    for article, service in zip(articles, services):
        flows = article.find_all("ol", "flow")
        assert len(flows) == 1, service["title"]
        boxes = flows[0].find_all("li", "flow-step")
        assert len(boxes) == len(service["steps"]), service["title"]
        for number, (box, step) in enumerate(zip(boxes, service["steps"]), 1):
            assert f"ขั้นตอนที่ {number}" in box.text
            assert step["step"] in box.text
            times = box.find_all("span", "flow-time")
            assert len(times) == 1 and step["time"] in times[0].text, (service["title"], number)


def test_o9_shows_the_total_time_summed_from_minutes(built):
    services = content("O9")["services"]
    totals = [a.find_all("p", "flow-total") for a in page(built, "o9.html").find_all("article", "service")]
    assert [len(t) for t in totals] == [1] * len(services)
    for (total,), service in zip(totals, services):
        assert "ระยะเวลาทั้งสิ้น" in total.text
        assert duration(sum(int(step["minutes"]) for step in service["steps"])) in total.text, total.text
    assert "45 วันทำการ" in totals[3][0].text, "480 + 3360 + 14400 + 3360 minutes"


def test_o9_links_each_manual_file_and_every_service_from_the_top(built):
    root = page(built, "o9.html")
    hrefs = [a.attrs.get("href") for a in root.find_all("a")]
    for service in content("O9")["services"]:
        assert service["file"] in hrefs
    ids = [a.attrs["id"] for a in root.find_all("article", "service")]
    assert all(f"#{i}" in hrefs for i in ids)
    assert root.by_id("f-services")


# ---------------------------------------------------------------------------------------------------------
# O10


def test_o10_has_a_mailto_form_to_the_agency(built):
    email = read_yaml(ROOT / "content" / "site.yaml")["email"]
    forms = [f for f in page(built, "o10.html").find_all("form") if f.attrs.get("action", "").startswith("mailto:")]
    assert len(forms) == 1
    form = forms[0]
    assert form.attrs["action"].split("?")[0] == f"mailto:{email}"
    assert form.attrs.get("method") == "post" and form.attrs.get("enctype") == "text/plain"
    services = [o.text for o in form.find_all("option")]
    assert all(s["name"] in services for s in content("O10")["services"])
    assert "window.print()" in page(built, "o10.html").by_id("request").find_all("script")[0].text


def test_o10_every_field_of_the_form_has_a_label(built):
    form = page(built, "o10.html").by_id("request").find_all("form")[0]
    labelled = {label.attrs.get("for") for label in form.find_all("label") if label.text}
    fields = [n for n in form.find_all() if n.tag in ("input", "select", "textarea")]
    assert len(fields) == 4, "name, contact, service, details"
    for field in fields:
        assert field.attrs.get("id") in labelled, field.attrs
        assert field.attrs.get("name"), field.attrs
        if "required" in field.attrs:
            assert field.attrs.get("type") != "hidden" and "hidden" not in field.attrs


def test_o10_links_every_service_to_its_form(built):
    """A service with a url links to it; one without links to the request form below, at an anchor inside its section."""
    root = page(built, "o10.html")
    request = root.by_id("request")
    anchors = {n.attrs["id"] for n in request.find_all() if n.attrs.get("id", "").startswith("request-")}
    options = [o.text for o in request.find_all("option")]
    services = content("O10")["services"]
    assert any("url" not in s for s in services), "the sample shows the page's own request form as the online route"
    for number, (card, service) in enumerate(zip(root.by_id("f-services").find_all("li", "card"), services), 1):
        assert service["name"] in card.text
        hrefs = [a.attrs.get("href") for a in card.find_all("a")]
        if service.get("url"):
            assert service["url"] in hrefs
        else:
            assert hrefs == [f"#request-{number}"], hrefs
            assert f"request-{number}" in anchors
            assert options[number] == service["name"], "option N of the form is service N (option 0 is the prompt)"


@pytest.mark.parametrize("year", ["2568", "2569"])
def test_no_placeholder_form_links(built, year):
    for name in ("o10.html", "o18.html" if year == "2568" else "o17.html"):
        text = (built / "ita" / year / name).read_text(encoding="utf-8")
        assert "forms.gle" not in text and "ลิงก์สมมุติ" not in text, f"{year}/{name}"


# ---------------------------------------------------------------------------------------------------------
# O18


def test_o18_shows_every_channel_the_promises_and_the_national_channels(built):
    data = content("O18")
    root = page(built, "o18.html")
    channels = root.by_id("f-channels")
    for channel in data["channels"]:
        assert channel["name"] in channels.text
        if channel.get("url"):
            assert channel["url"] in [a.attrs.get("href") for a in channels.find_all("a")]
    squash = lambda text: re.sub(r"\s+", " ", text).strip()  # noqa: E731
    assert squash(data["confidentiality"]) in root.by_id("f-confidentiality").text
    assert squash(data["anonymous"]) in root.by_id("f-anonymous").text
    national = root.by_id("f-national")
    links = {a.attrs.get("href"): a.text for a in national.find_all("a")}
    for agency in data["national"]:
        assert links.get(agency["url"]) == agency["name"]
        assert f"tel:{agency['phone']}" in links
    assert all(name in national.text for name in ("ป.ป.ช.", "ป.ป.ท.", "ศูนย์ดำรงธรรม"))


def test_o18_groups_channels_by_type(built):
    channels = page(built, "o18.html").by_id("f-channels")
    headings = [h.text for h in channels.find_all("h3")]
    assert headings == ["อีเมล", "โทรศัพท์", "LINE", "จดหมาย", "ยื่นด้วยตนเอง", "ตู้รับเรื่องร้องเรียน"]
    assert "mailto:anticorruption@dongmueang.go.th" in [a.attrs.get("href") for a in channels.find_all("a")]


def test_o18_offers_the_corruption_only_email_channel_as_a_form(built):
    """The e-mail channel kept for corruption complaints is an on-page form composing that e-mail; name not required."""
    only = [c for c in content("O18")["channels"] if c.get("corruption_only") == "true"]
    assert [c["type"] for c in only] == ["email"]
    root = page(built, "o18.html")
    forms = [f for f in root.by_id("f-channels").find_all("form") if f.attrs.get("action", "").startswith("mailto:")]
    assert len(forms) == 1
    form = forms[0]
    assert form.attrs["action"].split("?")[0] == f"mailto:{only[0]['value']}"
    assert form.attrs.get("method") == "post" and form.attrs.get("enctype") == "text/plain"
    labelled = {label.attrs.get("for") for label in form.find_all("label") if label.text}
    fields = [n for n in form.find_all() if n.tag in ("input", "textarea")]
    assert len(fields) == 3 and all(f.attrs.get("id") in labelled and f.attrs.get("name") for f in fields)
    assert not any("ชื่อ-นามสกุล" in (f.attrs.get("name") or "") for f in fields), "no name asked: anonymous is possible"
    assert "ไม่ต้องใส่ชื่อ" in form.text
