"""prongsai/thai.py: Buddhist-era dates, fiscal years, Thai digits and numbers."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prongsai import thai
from prongsai.thai import DateError, Month

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


@pytest.mark.parametrize(("day", "digits", "expected"), [
    (date(2024, 10, 1), "arabic", "1 ตุลาคม 2567"),
    (date(2024, 10, 1), "thai", "๑ ตุลาคม ๒๕๖๗"),
    (date(2024, 2, 29), "arabic", "29 กุมภาพันธ์ 2567"),
    (date(2025, 1, 31), "arabic", "31 มกราคม 2568"),
    (date(2025, 12, 5), "thai", "๕ ธันวาคม ๒๕๖๘"),
])
def test_format_date(day, digits, expected):
    assert thai.format_date(day, digits) == expected


@pytest.mark.parametrize(("day", "digits", "expected"), [
    (date(2024, 10, 1), "arabic", "1 ต.ค. 2567"),
    (date(2024, 10, 1), "thai", "๑ ต.ค. ๒๕๖๗"),
    (date(2025, 5, 15), "arabic", "15 พ.ค. 2568"),
    (date(2025, 12, 31), "arabic", "31 ธ.ค. 2568"),
])
def test_format_date_short(day, digits, expected):
    assert thai.format_date_short(day, digits) == expected


@pytest.mark.parametrize(("month", "digits", "expected"), [
    (Month(2024, 10), "arabic", "ตุลาคม 2567"),
    (Month(2024, 10), "thai", "ตุลาคม ๒๕๖๗"),
    (Month(2025, 9), "arabic", "กันยายน 2568"),
])
def test_format_month(month, digits, expected):
    assert thai.format_month(month, digits) == expected


def test_month_properties():
    month = Month(2024, 10)
    assert (month.be_year, month.iso, month.fiscal_year) == (2567, "2567-10", 2568)
    assert Month(2025, 9).fiscal_year == 2568
    assert Month(2024, 12) < Month(2025, 1)


@pytest.mark.parametrize(("day", "fiscal_year"), [
    (date(2024, 9, 30), 2567),
    (date(2024, 10, 1), 2568),
    (date(2024, 12, 31), 2568),
    (date(2025, 1, 1), 2568),
    (date(2025, 9, 30), 2568),
    (date(2025, 10, 1), 2569),
])
def test_fiscal_year_of(day, fiscal_year):
    assert thai.fiscal_year_of(day) == fiscal_year


def test_fiscal_year_bounds():
    assert thai.fiscal_year_start(2568) == date(2024, 10, 1)
    assert thai.fiscal_year_end(2568) == date(2025, 9, 30)


def test_fiscal_months():
    months = thai.fiscal_months(2568)
    assert len(months) == 12
    assert months[0] == Month(2024, 10)
    assert months[-1] == Month(2025, 9)
    assert months == sorted(months)
    assert {m.fiscal_year for m in months} == {2568}


@pytest.mark.parametrize(("text", "expected"), [
    ("2567-10-01", date(2024, 10, 1)),
    ("2567-1-5", date(2024, 1, 5)),
    (" 2568-09-30 ", date(2025, 9, 30)),
    ("2567-02-29", date(2024, 2, 29)),
    ("๒๕๖๗-๑๐-๐๑", date(2024, 10, 1)),
])
def test_parse_be_date(text, expected):
    assert thai.parse_be_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2567-10", Month(2024, 10)),
    ("2568-9", Month(2025, 9)),
    ("๒๕๖๗-๑๐", Month(2024, 10)),
])
def test_parse_be_month(text, expected):
    assert thai.parse_be_month(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("2568", 2568), ("๒๕๖๘", 2568), (" 2567 ", 2567)])
def test_parse_be_year(text, expected):
    assert thai.parse_be_year(text) == expected


@pytest.mark.parametrize(("parse", "text", "reason", "suggestion"), [
    (thai.parse_be_date, "1 ต.ค. 2567", "format", ""),
    (thai.parse_be_date, "01/10/2567", "format", ""),
    (thai.parse_be_date, "2567-10", "format", ""),
    (thai.parse_be_date, "2024-10-01", "christian_era", "2567-10-01"),
    (thai.parse_be_date, "2568-02-29", "no_such_day", ""),
    (thai.parse_be_date, "2567-13-01", "no_such_day", ""),
    (thai.parse_be_date, "2999-01-01", "year_out_of_range", ""),
    (thai.parse_be_month, "ตุลาคม 2567", "format", ""),
    (thai.parse_be_month, "2024-10", "christian_era", "2567-10"),
    (thai.parse_be_month, "2567-13", "no_such_month", ""),
    (thai.parse_be_month, "2567-00", "no_such_month", ""),
    (thai.parse_be_month, "2999-01", "year_out_of_range", ""),
    (thai.parse_be_year, "68", "format", ""),
    (thai.parse_be_year, "2025", "christian_era", "2568"),
    (thai.parse_be_year, "2999", "year_out_of_range", ""),
])
def test_parse_errors(parse, text, reason, suggestion):
    with pytest.raises(DateError) as caught:
        parse(text)
    assert caught.value.reason == reason
    assert caught.value.suggestion == suggestion
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("value", "digits", "places", "expected"), [
    (1234567, "arabic", 0, "1,234,567"),
    (1234567, "thai", 0, "๑,๒๓๔,๕๖๗"),
    (Decimal("1234567"), "arabic", 2, "1,234,567.00"),
    (Decimal("1234.5"), "arabic", 2, "1,234.50"),
    (Decimal("125000.505"), "arabic", 2, "125,000.50"),  # Decimal's round-half-even
    (0, "arabic", 0, "0"),
    (999, "arabic", 0, "999"),
])
def test_format_number(value, digits, places, expected):
    assert thai.format_number(value, digits, places=places) == expected


@pytest.mark.parametrize(("arabic", "thai_text"), [
    ("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
    ("ปี 2568 ข้อ O12", "ปี ๒๕๖๘ ข้อ O๑๒"),
    ("", ""),
])
def test_digit_conversion(arabic, thai_text):
    assert thai.to_thai_digits(arabic) == thai_text
    assert thai.to_arabic_digits(thai_text) == arabic
    assert thai.with_digits(arabic, "thai") == thai_text
    assert thai.with_digits(arabic, "arabic") == arabic


def test_format_year():
    assert thai.format_year(2568) == "2568"
    assert thai.format_year(2568, "thai") == "๒๕๖๘"


# --- properties -------------------------------------------------------------

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31))


@given(days)
def test_parse_be_date_reads_every_written_date(day):
    assert thai.parse_be_date(f"{day.year + 543:04d}-{day.month:02d}-{day.day:02d}") == day


@given(days)
def test_parse_be_date_reads_thai_digits(day):
    assert thai.parse_be_date(thai.to_thai_digits(f"{day.year + 543}-{day.month}-{day.day}")) == day


@given(days, st.sampled_from(["arabic", "thai"]))
def test_format_date_is_buddhist_era_and_thai(day, digits):
    text = thai.format_date(day, digits)
    assert thai.to_arabic_digits(text).endswith(f" {day.year + 543}")
    assert str(day.year + 543) in thai.to_arabic_digits(text)
    assert not re.search(r"[A-Za-z]", text)
    if digits == "thai":
        assert not re.search(r"[0-9]", text)


@given(days)
def test_format_date_contains_the_be_year(day):
    assert str(day.year + 543) in thai.format_date(day)


@given(days)
def test_fiscal_year_contains_the_day(day):
    fiscal_year = thai.fiscal_year_of(day)
    assert fiscal_year in (day.year + 543, day.year + 544)
    assert thai.fiscal_year_start(fiscal_year) <= day <= thai.fiscal_year_end(fiscal_year)
    assert Month(day.year, day.month) in thai.fiscal_months(fiscal_year)


@given(st.text(alphabet=st.characters(blacklist_characters=THAI_DIGITS)))
def test_digit_round_trip(text):
    # The round trip holds for text without Thai digits: to_arabic_digits folds ๑ to 1 by design.
    assert thai.to_arabic_digits(thai.to_thai_digits(text)) == text


@given(st.text())
def test_thai_digits_leave_no_arabic_digits(text):
    assert not re.search(r"[0-9]", thai.to_thai_digits(text))
    assert thai.to_thai_digits(thai.to_arabic_digits(text)) == thai.to_thai_digits(text)
