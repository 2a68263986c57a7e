"""The site's search index: search-index.js, read by templates/static/search.js in the browser.

Owns the index's two tiers and the text rule shared by both sides. The browser splits a query into words
(Intl.Segmenter for Thai, spaces otherwise: search.js words()); a page matches when its normalised text holds
every word as a substring. Python has no Thai word splitter, so matches() below splits at spaces only: the
same rule for a query written with spaces. normalize() below and normalize() in templates/static/search.js
must stay the same function (tests/test_browser.py runs the JS one in a real browser and compares):

  1. drop invisible characters: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM;
  2. write SARA AM typed as two characters (NIKHAHIT + SARA AA, a tone mark allowed between) as ำ;
  3. Unicode NFC;
  4. collapse every run of whitespace (an explicit list of characters, the same in both languages)
     to one space and trim the ends;                                  -- steps 1-4: clean()
  5. lower-case A-Z (ASCII only, so no language's case rules differ), write Thai digits ๐-๙ as 0-9
     and every dash look-alike (‐ ‑ ‒ – — ― − ﹘ ﹣ －) as "-".            -- step 5: fold(), one character for one

The index stores each page's text cleaned (steps 1-4) but not folded, so the browser shows snippets as
the page writes them (Thai digits stay Thai) and folds them itself: fold() maps one character to one,
so a hit found in the folded text is at the same place in the stored text.

Two tiers, so that a phone on a slow link gets results from a small first file:
  * search-index.js (INDEX_FILE), loaded when the search box is used: every page's URL, title and headings,
    the strings kept once in a table (the years repeat their titles):
    `window.PRONGSAI_INDEX={"strings":[...],"pages":[[url, title_i, heading_i...], ...],
    "texts":[["search-text-1.js", first page's number], ...]}`;
  * search-text-N.js, loaded one after another by the search page only: the text of <main> of consecutive
    pages, `(window.PRONGSAI_TEXT=window.PRONGSAI_TEXT||[]).push(["search-text-N.js", [text, ...]]);`,
    each file about TEXT_FILE_BYTES, cut where the pages' URLs allow. A file holds its own name, not the number
    of its first page (which the index holds), so a page added before it does not make it again: one post
    rewrites the index and the one text file it falls in.
Both are plain scripts, not JSON, so that they load from disk (file://), where fetch() and XHR do not
work. The text is that of <main> without navigation (the header, menu and footer are outside <main>; the
breadcrumb is a <nav>) and without an element marked data-nosearch: the lists of news on the home page, the
news index and O4 repeat the posts' titles (the posts are found themselves), and would change with every post.
A table cell whose text was already kept on the page is left out, so a long table with repeated values stays
small.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from html.parser import HTMLParser

#: Written at the site root; search.js adds it as a <script> only when the search box is used.
INDEX_FILE = "search-index.js"
#: The page texts: search-text-1.js, search-text-2.js... at the site root, loaded by the search page.
TEXT_FILE = "search-text-{}.js"
#: About how large a text file grows (a page's text is never split): on a 400 kbps link, one second.
TEXT_FILE_BYTES = 48 * 1024

#: Pages that are not searched: the page shown at any missing URL, the search page itself, and the offline download
#: page (offline.py), which is made after the index, from the sizes of every file.
NOT_INDEXED = ("404.html", "search.html", "offline.html")
#: Folders whose pages are not searched: the notice-board posters repeat their item pages (posters.py).
NOT_INDEXED_FOLDERS = ("posters/",)

_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_SPACES = re.compile("[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
#: The dash look-alikes written as "-": hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar,
#: minus sign, small em dash, small hyphen-minus, fullwidth hyphen-minus.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ๐๑๒๓๔๕๖๗๘๙" + DASHES,
                      "abcdefghijklmnopqrstuvwxyz0123456789" + "-" * len(DASHES))


def clean(text: str) -> str:
    """Steps 1-4: the text as stored in the index (invisible characters gone, NFC, single spaces)."""
    text = _SARA_AM.sub("\\1\u0e33", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip(" ")


def fold(text: str) -> str:
    """Step 5: ASCII lower case, Arabic digits, "-" for dashes; one character for one, so positions do not move."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """The matching form of a page's text or of a query (the same function as search.js normalize())."""
    return fold(clean(text))


def matches(query: str, text: str) -> bool:
    """Whether every term of the query occurs in the text: the rule search.js applies."""
    haystack = normalize(text)
    return all(term in haystack for term in normalize(query).split(" ") if term)


#: Elements whose text is not the page's content.
_SKIPPED = {"nav", "script", "style", "template", "noscript", "button", "select", "textarea"}
#: Elements that end a run of text: a space goes between them (never inside a Thai word split by <a>, <strong>...).
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "img", "label", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CELLS = {"td", "th"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _MainText(HTMLParser):
    """The headings and the text of a page's <main>, with table cells kept once each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.body: list[str] = []
        self._main = 0
        self._skip = 0
        self._unsearched: list | None = None  # [tag, depth] of the data-nosearch element being passed over
        self._heading: list | None = None
        self._cell: list | None = None
        self._cells_seen: set = set()

    def _put(self, text: str) -> None:
        if self._heading is not None:
            self._heading.append(text)
        elif self._cell is not None:
            self._cell.append(text)
        else:
            self.body.append(text)

    def _end_cell(self) -> None:
        if self._cell is not None:
            text = clean("".join(self._cell))
            self._cell = None
            if text and text not in self._cells_seen:
                self._cells_seen.add(text)
                self.body.append(f" {text} ")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "main":
            self._main += 1
        if not self._main or tag in _VOID and tag not in _BLOCKS:
            return
        if self._unsearched is None and any(name == "data-nosearch" for name, _ in attrs):
            self._unsearched = [tag, 0]
        if self._unsearched is not None:
            self._unsearched[1] += tag == self._unsearched[0]
            return
        if tag in _SKIPPED:
            self._skip += 1
        elif self._skip:
            return
        elif tag in _HEADINGS and self._heading is None:
            self._heading = []
        elif tag in _CELLS or tag in ("tr", "table"):
            self._end_cell()
            if tag in _CELLS:
                self._cell = []
        if tag in _BLOCKS and not self._skip:
            self._put(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self._main:
            return
        if self._unsearched is not None:
            self._unsearched[1] -= tag == self._unsearched[0]
            if not self._unsearched[1]:
                self._unsearched = None
            return
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif self._skip:
            return
        elif tag in _HEADINGS and self._heading is not None:
            text = clean("".join(self._heading))
            self._heading = None
            if text:
                self.headings.append(text)
        elif tag in _CELLS or tag in ("tr", "table"):
            self._end_cell()
        if tag in _BLOCKS:
            self._put(" ")
        if tag == "main":
            self._main -= 1

    def handle_data(self, data: str) -> None:
        if self._main and not self._skip and self._unsearched is None:
            self._put(data)


def page_entry(path: str, title: str, html: str, enough: int | None = None) -> list:
    """[url, title, headings, text] of one page, every string cleaned; the text may stop once `enough` is read."""
    parser = _MainText()
    if enough is None:
        parser.feed(html)
    else:  # read the page a piece at a time, and stop when there is enough text
        for start in range(0, len(html), 2048):
            parser.feed(html[start:start + 2048])
            if parser._main and sum(map(len, parser.body)) > 2 * enough:
                break
    parser.close()
    title = clean(title)
    headings = list(dict.fromkeys(h for h in parser.headings if h != title))
    return [path, title, headings, clean("".join(parser.body))]


#: A news post is searched by its title, headings and opening text only: at thousands of posts a full-text
#: index would be tens of megabytes for a phone to download; ITA pages keep all their text.
NEWS_TEXT_CHARS = 400


def indexed(page) -> bool:
    """Whether a page (PageInfo) is searched."""
    return (page.path.endswith(".html") and page.path not in NOT_INDEXED
            and not page.path.startswith(NOT_INDEXED_FOLDERS) and not page.extra.get("standalone"))


def index_line(page, html: str) -> str:
    """The page's entry in search-index.js as one line of JSON, or "" when the page is not searched."""
    if not indexed(page):
        return ""
    if "post" in page.extra:
        path, title, headings, text = page_entry(page.path, page.title, html, NEWS_TEXT_CHARS)
        entry = [path, title, headings, text[:NEWS_TEXT_CHARS]]
    else:
        entry = page_entry(page.path, page.title, html)
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _cut_after(path: str) -> bool:
    """Whether a text file may end after this page: decided by the page's URL alone, so that a page whose text grows
    or shrinks moves no other page to another file (an edit rewrites one text file, not all that follow)."""
    return hashlib.blake2b(path.encode("utf-8"), digest_size=2).digest()[0] % 4 == 0


def index_files(entries: list[list]) -> list[tuple[str, tuple[int, int], object]]:
    """The index's files from the pages' entries (index_line's lines read back), in page order: [(site path, (first,
    end) of the entries it is made from, make() -> its bytes)], the titles file (made from them all) first, then each
    text file. A text file ends after a page _cut_after() allows once it holds TEXT_FILE_BYTES / 2, or once it holds
    1.5 × TEXT_FILE_BYTES. The bytes are made only for the files the build writes again (emit.py)."""
    groups, size, first = [], 0, 0
    for number, entry in enumerate(entries):
        size += len(entry[3].encode("utf-8")) + 4
        if size >= TEXT_FILE_BYTES * 3 // 2 or size >= TEXT_FILE_BYTES // 2 and _cut_after(entry[0]):
            groups.append((first, number + 1))
            first, size = number + 1, 0
    if first < len(entries):
        groups.append((first, len(entries)))
    names = [TEXT_FILE.format(n) for n in range(1, len(groups) + 1)]
    texts = [[name, start] for name, (start, _) in zip(names, groups)]
    files = [(INDEX_FILE, (0, len(entries)), lambda: _titles(entries, texts))]
    for name, (start, end) in zip(names, groups):
        files.append((name, (start, end), lambda name=name, start=start, end=end: _texts(name, entries, start, end)))
    return files


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _titles(entries: list, texts: list) -> bytes:
    strings: dict[str, int] = {}
    rows = [[url, *(strings.setdefault(s, len(strings)) for s in (title, *headings))]
            for url, title, headings, _ in entries]
    return (b'window.PRONGSAI_INDEX={"texts":' + _dump(texts) + b',\n"pages":[\n' + b",\n".join(map(_dump, rows))
            + b'],\n"strings":[\n' + b",\n".join(map(_dump, strings)) + b"\n]};\n")


def _texts(name: str, entries: list, start: int, end: int) -> bytes:
    return (b"(window.PRONGSAI_TEXT=window.PRONGSAI_TEXT||[]).push([" + _dump(name) + b",[\n"
            + b",\n".join(_dump(entry[3]) for entry in entries[start:end]) + b"\n]]);\n")


def read_index(site) -> list:
    """The entries [url, title, [headings], text] of a built site's index files (for tests and bench/)."""
    text = (site / INDEX_FILE).read_text(encoding="utf-8")
    index = json.loads(text[text.index("{"):text.rindex("}") + 1])
    strings = index["strings"]
    entries = [[row[0], strings[row[1]], [strings[i] for i in row[2:]], ""] for row in index["pages"]]
    for name, start in index["texts"]:
        part = (site / name).read_text(encoding="utf-8")
        _, texts = json.loads(part[part.index(".push(") + 6:part.rindex(")")])
        for offset, body in enumerate(texts):
            entries[start + offset][3] = body
    return entries


__all__ = ["DASHES", "INDEX_FILE", "NOT_INDEXED", "NOT_INDEXED_FOLDERS", "TEXT_FILE", "TEXT_FILE_BYTES", "clean", "fold",
           "index_files", "index_line", "indexed", "matches", "normalize", "page_entry", "read_index"]
