"""Every limit on what the build reads, in one place, each with its reason.

Content comes from clerks pasting from Word and Excel, and on a shared host from
many agencies at once: whatever arrives, the build must end within seconds with
a message, never a traceback, a hang or all the machine's memory. Each limit is
far above what a real agency writes (the reason says what that is) and low
enough that the work it allows stays small. The modules that enforce a limit
import it from here, and the README's table "Hostile input and limits" is
checked against this module by a test.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    """A limit, what it counts, and why it is where it is."""

    value: int
    #: what is counted, in Thai and English ("ไบต์", "bytes")
    unit_th: str
    unit_en: str
    why: str


#: One YAML file (site.yaml, an item, a news post's front matter).
YAML_BYTES = Limit(
    4 * MB, "ไบต์", "bytes",
    "a year of procurement of a large agency (8,000 rows) is 4 MB of YAML and builds in about 10 s with 200 MB of "
    "memory; parsing takes about 30 bytes of memory per byte of YAML, so an unlimited file (50 MB) takes gigabytes")

#: How deep lists and groups may nest in YAML.
YAML_DEPTH = Limit(
    32, "ชั้น", "levels",
    "the deepest item (procurement: months, rows, fields) nests 4 levels; the parser and the checker recurse once "
    "per level, and 10,000 levels end in RecursionError")

#: How many values a YAML file may hold once its aliases (*name) are expanded.
YAML_VALUES = Limit(
    250_000, "ค่า", "values",
    "8,000 procurement rows are about 100,000 values; a few lines of nested aliases (a 'billion laughs' file) "
    "expand to billions of values and gigabytes")

#: Digits before the decimal point of an amount (money in baht, scores), leading zeros aside.
NUMBER_DIGITS = Limit(
    13, "หลัก", "digits",
    "just under ten trillion baht, above Thailand's whole budget (3.75 trillion in 2568); amounts are written in "
    "digits only (no 1e309, which overflowed the spreadsheet writer, and no 1e999999999, which took minutes)")

#: Digits of a whole number (counts of complaints, services, gifts; minutes), leading zeros aside.
COUNT_DIGITS = Limit(
    9, "หลัก", "digits",
    "just under a billion: Thailand has 66 million people, so a longer count is a typo or a pasted phone number; "
    "Python refuses whole numbers of more than 4,300 digits (ValueError)")

#: One Markdown text (an item's body or a news post).
MARKDOWN_BYTES = Limit(
    128 * 1024, "ไบต์", "bytes",
    "a long news post is 16 KB, and 128 KB is some 40,000 Thai characters, 15 pages; Python-Markdown converts about "
    "40 KB a second of the slowest text that keeps the other Markdown limits, so the largest text takes 3 s")

#: One paragraph, list or table of Markdown: the lines between two blank lines.
MARKDOWN_BLOCK_CHARS = Limit(
    32_000, "ตัวอักษร", "characters",
    "ten pages of Thai, or a 300-row table; Python-Markdown's work on a paragraph grows with the square of its length "
    "(64,000 characters of short code spans or tags take 2 s, 500,000 take 40 s)")

#: How deep lists, quotes, brackets and raw HTML elements may nest in Markdown.
MARKDOWN_DEPTH = Limit(
    40, "ชั้น", "levels",
    "real text nests lists 3 or 4 levels; Python-Markdown recurses once per level (300 nested lists end in "
    "RecursionError) and the sanitiser slows down with every level of nested HTML")

#: Characters Python-Markdown and html.parser scan again in vain: for marks never closed, and after each heading or
#: rule that splits a paragraph.
MARKDOWN_RESCAN = Limit(
    2_000_000, "ตัวอักษร", "characters",
    "each '[' without ']', '](' without ')' and '<' without '>' makes Python-Markdown or html.parser look ahead to "
    "the end of the paragraph or text, and each heading or rule (---, ***) inside a paragraph makes Python-Markdown "
    "read the rest of it again: 4,000 unclosed '[' in 12 KB take 9 s, 4,000 lines of *** in one paragraph 2 s, "
    "while real text rescans a few thousand characters; 2 million take about half a second")

#: One attachment (PDF, image, spreadsheet…) or any other file published from content/.
ATTACHMENT_BYTES = Limit(
    50 * MB, "ไบต์", "bytes",
    "a 200-page scanned plan at 200 dpi is 20-40 MB; a larger file cannot be opened on a phone over a rural "
    "connection, many shared hosts refuse the upload, and the offline ZIPs carry every file")

#: Characters in the path of a published file (ita/2568/files/…), which the offline ZIPs keep.
PUBLISHED_PATH_CHARS = Limit(
    160, "ตัวอักษร", "characters",
    "Windows opens paths of at most 260 characters, and a citizen unzips an offline ZIP into a folder such as "
    "C:\\Users\\<name>\\Downloads\\site\\ (some 60 more); the sample's longest path is 70 characters")

#: Pixels of one image (width × height).
IMAGE_PIXELS = Limit(
    50_000_000, "พิกเซล", "pixels",
    "a 50-megapixel phone photo; decoding one to resize it takes 150 MB of memory, and a few kilobytes of PNG can "
    "claim 400 megapixels (a decompression bomb) and take gigabytes")

#: Pages of one PDF (read to show "12 หน้า" beside its link).
PDF_PAGES = Limit(
    3_000, "หน้า", "pages",
    "the thickest document an agency publishes, a budget ordinance, has a few hundred pages; counting the pages of "
    "a PDF walks its page tree, which a crafted file can make enormous")


def size_text(size: int) -> str:
    """4 MB, 512 KB: a size as the limit messages print it."""
    return f"{size // MB} MB" if size >= MB and size % MB == 0 else f"{size // 1024:,} KB" if size >= 1024 else f"{size} B"


#: Every limit by name, for the README table and its test.
ALL = {name: value for name, value in dict(globals()).items() if isinstance(value, Limit)}
