"""Dates resolved against the publication day and the sentence's own reference day."""
import datetime as dt

import pytest

from parley.resolve import resolve_explicit, resolve_relative

PUB = dt.date(2022, 11, 15)  # a Tuesday


@pytest.mark.parametrize("value,future,expected", [
    ({"y": None, "m": None, "d": 14}, False, "2022-11-14"),      # 14日
    ({"y": None, "m": None, "d": 28}, False, "2022-10-28"),      # 28日 read on the 15th: last month
    ({"y": None, "m": None, "d": 28}, True, "2022-11-28"),       # ...unless planned
    ({"y": None, "m": 1, "d": 21}, False, "2022-01-21"),         # 1月21日
    ({"y": None, "m": 12, "d": 20}, False, "2022-12-20"),        # five weeks ahead: a coming event
    ({"y": None, "m": 12, "d": 31}, False, "2021-12-31"),        # further ahead, no cue: last year's
    ({"y": None, "m": 1, "d": 10}, True, "2023-01-10"),          # planned for January: next year
    ({"y": 2023, "m": 11, "d": None}, False, "2023-11"),         # tháng 11/2023
    ({"y": 2024, "m": None, "d": None}, False, "2024"),
    ({"y": None, "m": 2, "d": 30}, False, None),                 # no such day
])
def test_explicit(value, future, expected):
    got = resolve_explicit(value, PUB, future)
    assert (got.iso() if got else None) == expected


def test_without_publication_date_a_bare_day_month_stays_unknown():
    assert resolve_explicit({"y": None, "m": 11, "d": 3}, None, False) is None
    assert resolve_explicit({"y": 2022, "m": 11, "d": 3}, None, False).iso() == "2022-11-03"


@pytest.mark.parametrize("kind,n,future,expected", [
    ("day", -1, False, "2022-11-14"),          # yesterday
    ("day", 0, False, "2022-11-15"),           # today
    ("weekday", 0, False, "2022-11-14"),       # 周一 (Monday) before a Tuesday
    ("weekday", 1, False, "2022-11-15"),       # Tuesday = the day itself
    ("weekday", 3, True, "2022-11-17"),        # next Thursday, planned
    ("weekday", 4, False, "2022-11-11"),       # last Friday
    ("next_week", 0, True, "2022-11"),         # 21-27 Nov: month precision
    ("last_month", 0, False, "2022-10"),
    ("next_year", 0, True, "2023"),
])
def test_relative(kind, n, future, expected):
    got = resolve_relative(kind, n, PUB, future)
    assert (got.iso() if got else None) == expected


def test_week_across_months_keeps_only_the_year():
    assert resolve_relative("next_week", 0, dt.date(2024, 7, 26), True).iso() == "2024"
