"""Thai calendar and number writing: Buddhist-era dates, fiscal years, Thai digits.

Pure functions with fixed tables, so every machine prints the same text: no
locale, no strftime("%B"), no Babel (Babel prints the Christian-era year).
Dates are held as datetime.date (proleptic Gregorian); only their display and
parsing know about the Buddhist era.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

#: Buddhist-era year = Christian-era year + 543.
BE_OFFSET = 543

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

#: A Buddhist-era year below this is almost surely a Christian-era year typed by mistake.
BE_YEAR_MIN = 2400
BE_YEAR_MAX = 2700


def to_thai_digits(text: str) -> str:
    """Write the Arabic digits of text as Thai digits (๐–๙)."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Fold Thai digits to Arabic ones, as official documents often use both."""
    return text.translate(_TO_ARABIC)


def with_digits(text: str, digits: str) -> str:
    """Apply the site's digit setting ("thai" or "arabic") to text."""
    return to_thai_digits(text) if digits == "thai" else text


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, e.g. ตุลาคม 2567. `year` is the Christian-era year."""

    year: int
    month: int

    @property
    def be_year(self) -> int:
        return self.year + BE_OFFSET

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(date(self.year, self.month, 1))

    @property
    def iso(self) -> str:
        """The month as written in content files: Buddhist-era YYYY-MM."""
        return f"{self.be_year:04d}-{self.month:02d}"


def fiscal_year_of(day: date) -> int:
    """The Buddhist-era fiscal year a day falls in: it starts on 1 October."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def fiscal_year_start(fiscal_year: int) -> date:
    """1 October of the year before: FY 2568 starts on 1 October 2567 (2024 CE)."""
    return date(fiscal_year - BE_OFFSET - 1, 10, 1)


def fiscal_year_end(fiscal_year: int) -> date:
    """30 September: FY 2568 ends on 30 September 2568 (2025 CE)."""
    return date(fiscal_year - BE_OFFSET, 9, 30)


def fiscal_months(fiscal_year: int) -> list[Month]:
    """The twelve months of a fiscal year, October first."""
    start = fiscal_year - BE_OFFSET - 1
    return [Month(start, m) for m in (10, 11, 12)] + [Month(start + 1, m) for m in range(1, 10)]


def format_date(day: date, digits: str = "arabic") -> str:
    """1 ตุลาคม 2567"""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year + BE_OFFSET}"
    return with_digits(text, digits)


def be_iso(day: date) -> str:
    """A date as clerks write it in content files: Buddhist-era YYYY-MM-DD (2567-10-01)."""
    return f"{day.year + BE_OFFSET:04d}-{day.month:02d}-{day.day:02d}"


def format_date_short(day: date, digits: str = "arabic") -> str:
    """1 ต.ค. 2567"""
    text = f"{day.day} {MONTHS_ABBR[day.month - 1]} {day.year + BE_OFFSET}"
    return with_digits(text, digits)


def format_month(month: Month, digits: str = "arabic") -> str:
    """ตุลาคม 2567"""
    return with_digits(f"{MONTHS[month.month - 1]} {month.be_year}", digits)


def format_year(year: int, digits: str = "arabic") -> str:
    """A Buddhist-era year as text, in the site's digits."""
    return with_digits(str(year), digits)


def format_number(value: int | Decimal, digits: str = "arabic", places: int = 0) -> str:
    """1,234,567 or, with places=2, 1,234,567.00."""
    text = f"{value:,.{places}f}" if places else f"{int(value):,}"
    return with_digits(text, digits)


class DateError(ValueError):
    """Why a written date could not be read; `reason` names the case for messages."""

    def __init__(self, reason: str, suggestion: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^\d{4}$")


def _check_be_year(year: int, rest: str) -> None:
    if year < BE_YEAR_MIN:
        raise DateError("christian_era", f"{year + BE_OFFSET}{rest}")
    if year > BE_YEAR_MAX:
        raise DateError("year_out_of_range")


def parse_be_date(text: str) -> date:
    """Read a Buddhist-era date written YYYY-MM-DD (Thai digits allowed)."""
    text = to_arabic_digits(text.strip())
    match = _DATE.match(text)
    if not match:
        raise DateError("format")
    year, month, day = (int(part) for part in match.groups())
    _check_be_year(year, f"-{month:02d}-{day:02d}")
    try:
        return date(year - BE_OFFSET, month, day)
    except ValueError:
        raise DateError("no_such_day") from None


def parse_be_month(text: str) -> Month:
    """Read a Buddhist-era month written YYYY-MM (Thai digits allowed)."""
    text = to_arabic_digits(text.strip())
    match = _MONTH.match(text)
    if not match:
        raise DateError("format")
    year, month = (int(part) for part in match.groups())
    _check_be_year(year, f"-{month:02d}")
    if not 1 <= month <= 12:
        raise DateError("no_such_month")
    return Month(year - BE_OFFSET, month)


def parse_be_year(text: str) -> int:
    """Read a Buddhist-era year written YYYY (Thai digits allowed)."""
    text = to_arabic_digits(text.strip())
    if not _YEAR.match(text):
        raise DateError("format")
    year = int(text)
    _check_be_year(year, "")
    return year
