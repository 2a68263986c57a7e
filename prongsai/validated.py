"""The validated site: immutable values that templates read.

Owns Site, YearSite, ItemPage and NewsPost. Built by validate.py, read by
pagelist.py and the templates; nothing here reads files or knows about YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .framework import Framework, Item
from .thai import fiscal_year_of
from .yamlio import Doc


@dataclass(frozen=True)
class ItemPage:
    """One item's content for one fiscal year, ready to render."""

    item: Item
    fiscal_year: int
    #: the checked fields of the item's kind; None when the clerk has not written the file yet
    values: dict | None
    #: sanitised HTML of the Markdown body beside the YAML, "" if none
    body_html: str
    #: the content files this page comes from, relative to the project folder
    source: str
    body_source: str
    #: when the clerk says the item was last updated (the `updated` field)
    updated: date | None
    #: the parsed YAML with the line of every value, for problems that point into it
    doc: Doc | None = None

    @property
    def path(self) -> str:
        """The page's stable URL inside the site: ita/2568/o12.html."""
        return f"ita/{self.fiscal_year}/{self.item.slug}.html"

    @property
    def click_path(self) -> tuple:
        """How an assessor reaches the page from the home page, as the menus and links name it."""
        return ("หน้าแรก", "การประเมิน ITA", f"ปีงบประมาณ {self.fiscal_year}", f"{self.item.code} {self.item.name_th}")


@dataclass(frozen=True)
class YearSite:
    """One fiscal year's ITA section: its framework and every item's page."""

    fiscal_year: int
    framework: Framework
    #: by item code, in framework order
    items: dict

    @property
    def path(self) -> str:
        return f"ita/{self.fiscal_year}/index.html"


@dataclass(frozen=True)
class Body:
    """Where a post's Markdown text is and what it hashes to; its HTML is made only when a page needs it."""

    #: the file, and the line its Markdown starts on
    file: str
    first_line: int
    #: hash of the Markdown text (depend.digest)
    text_digest: bytes


@dataclass(frozen=True)
class NewsPost:
    """A dated news post (evidence for the news item, O4 in 2568).

    Its body's HTML is not held (10,000 posts would not fit in a small memory): templates read
    `post.body_html` through depend.PostView, which asks the build's Bodies (bodies.py).
    """

    slug: str
    title: str
    date: date
    summary: str
    image: object
    image_alt: str
    documents: list
    body: Body
    source: str
    #: the line and column its date is written on, for problems about it
    date_at: tuple = (0, 0)

    @property
    def path(self) -> str:
        return f"news/{self.slug}.html"

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.date)


@dataclass(frozen=True)
class Site:
    """Everything the render stage needs, already checked."""

    settings: dict
    #: by fiscal year, newest first
    years: dict
    #: newest first
    news: tuple
    #: every file under content/ that is published as it is (attachments, images)
    assets: tuple
    #: the date printed as the build date (SOURCE_DATE_EPOCH when set)
    build_date: date
    #: site.yaml as parsed, with the line of every value
    settings_doc: Doc | None = None
    #: attachments the build resized: site path -> the bytes published instead of the file
    resized: dict = field(default_factory=dict)

    @property
    def digits(self) -> str:
        choice = self.settings.get("digits")
        return choice.key if choice else "arabic"

    def public_url(self, path: str) -> str:
        """A site path on the public base URL (what is submitted in ITAS), or the path when none is set."""
        base = self.settings.get("base_url")
        return f"{base.rstrip('/')}/{path}" if base else path

    def real_result(self, year: int) -> dict | None:
        """The agency's real ITA result for an assessment year, from site.yaml."""
        return next((r for r in self.settings.get("ita_results") or [] if r["year"] == year), None)

    @property
    def current_year(self) -> YearSite | None:
        return next(iter(self.years.values()), None)
