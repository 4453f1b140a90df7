"""Resolve: dates against the publication date and the sentence's own reference day, persons
by name, office and date, 'his counterpart' to the other side's office holder."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .kb import SINGLE_HOLDER_ROLES, KnowledgeBase, Person
from .model import Mention, Participant


# ---------------------------------------------------------------- dates
@dataclass
class DateValue:
    """A date at some precision: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        try:
            return dt.date(self.year, self.month or 1, self.day or 1)
        except ValueError:
            return None


def parse_iso(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        try:
            return dt.date(int(str(s)[:4]), int(str(s)[5:7] or 1), 1)
        except ValueError:
            return None


def _shift_month(d: dt.date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def resolve_explicit(value: dict, anchor: dt.date | None, future: bool) -> DateValue | None:
    """y/m/d parts from a date pattern, completed from the anchor (publication or reference
    day). A day without month takes the anchor's month; a date without a year takes the
    anchor's year, moved back a year when that would put a past event months ahead."""
    y, m, d = value.get("y"), value.get("m"), value.get("d")
    if y is not None and not 1900 <= y <= 2100:
        return None
    if y is not None:
        return _valid(DateValue(y, m, d if m else None))
    if anchor is None:
        return None  # "3/11" without a known year stays unresolved (GUIDELINES)
    if m is None:
        if d is None:
            return None
        cand = _valid(DateValue(anchor.year, anchor.month, d))
        if cand and not future and cand.as_date() and cand.as_date() > anchor + dt.timedelta(days=2):
            yy, mm = _shift_month(anchor, -1)
            cand = _valid(DateValue(yy, mm, d))
        elif cand and future and cand.as_date() and cand.as_date() < anchor - dt.timedelta(days=2):
            yy, mm = _shift_month(anchor, 1)
            cand = _valid(DateValue(yy, mm, d))
        return cand
    cand = _valid(DateValue(anchor.year, m, d))
    if cand is None:
        return None
    cd = cand.as_date()
    # with no tense cue, a day a few weeks ahead is a plan ('the visit from April 29', read on
    # March 31); months ahead, it is last year's
    if cd and not future and cd > anchor + dt.timedelta(days=31 if d is None else 45):
        cand.year -= 1
    elif cd and future and cd < anchor - dt.timedelta(days=60):
        cand.year += 1
    return _valid(cand)


def _valid(v: DateValue) -> DateValue | None:
    if v.month is not None and not 1 <= v.month <= 12:
        return None
    if v.day is not None:
        try:
            dt.date(v.year, v.month or 1, v.day)
        except ValueError:
            return None
    return v


def resolve_relative(kind: str, n: int, anchor: dt.date | None, future: bool) -> DateValue | None:
    """'yesterday', 'Monday', 'next week'... against the anchor day."""
    if anchor is None:
        return None
    if kind == "same_day":
        return None  # resolved by the caller from the day the article last named
    if kind == "day":
        d = anchor + dt.timedelta(days=n)
        return DateValue(d.year, d.month, d.day)
    if kind == "weekday":
        delta = (anchor.weekday() - n) % 7
        if future:
            fwd = (n - anchor.weekday()) % 7
            d = anchor + dt.timedelta(days=fwd)
        else:
            d = anchor - dt.timedelta(days=delta)
        return DateValue(d.year, d.month, d.day)
    if kind == "this_weekday":
        # 'ce vendredi' is the Friday of the report's week (Monday to Sunday), past or ahead
        d = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=n)
        return DateValue(d.year, d.month, d.day)
    if kind in ("this_week", "next_week", "last_week"):
        shift = {"this_week": 0, "next_week": 7, "last_week": -7}[kind]
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=shift)
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return DateValue(monday.year, monday.month)
        if monday.year == sunday.year:
            return DateValue(monday.year)
        return None
    if kind in ("this_month", "next_month", "last_month"):
        y, m = _shift_month(anchor, {"this_month": 0, "next_month": 1, "last_month": -1}[kind])
        return DateValue(y, m)
    if kind in ("this_year", "next_year", "last_year"):
        return DateValue(anchor.year + {"this_year": 0, "next_year": 1, "last_year": -1}[kind])
    return None


def resolve_date_mention(m: Mention, anchor: dt.date | None, future: bool) -> DateValue | None:
    if m.kind == "date":
        return resolve_explicit(m.value, anchor, future)
    if m.kind == "reldate":
        kind, n = m.value
        return resolve_relative(kind, n, anchor, future)
    return None


# ---------------------------------------------------------------- persons
def choose_person(kb: KnowledgeBase, candidates: list[str], day: str | None,
                  country: str | None = None, role: str | None = None) -> Person | None:
    """Among persons sharing a name form, the one that fits country, office and date."""
    best: tuple[float, Person] | None = None
    for pid in candidates:
        p = kb.persons.get(pid)
        if p is None:
            continue
        score = 0.0
        current = p.offices_on(day)
        if current:
            score += 4
        if country and any(o.country == country for o in (current or p.offices)):
            score += 3
        if role and any(o.role == role for o in (current or p.offices)):
            score += 2
        # prominent offices make the likelier referent of a bare surname
        score += 0.1 * sum(o.role in ("head_of_state", "head_of_government", "foreign_minister")
                           for o in p.offices)
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


def person_participant(kb: KnowledgeBase, p: Person, day: str | None, role: str | None,
                       surface: str) -> Participant:
    country, org = p.seat_on(day)
    roles = [o.role for o in p.offices_on(day)] or [o.role for o in p.offices]
    # the office the text writes beside the name, if he ever held it: on an undated page the
    # day is a guess ('Chủ tịch nước Trần Đại Quang', though the guessed year finds a minister)
    written = role is not None and any(o.role == role for o in p.offices)
    return Participant(name=p.name, country=country, org=org if not country else None,
                       role=role if role in roles or written else (roles[0] if roles else role),
                       person_id=p.id, surface=surface)


def office_participant(kb: KnowledgeBase, role: str | None, seat: str, is_org: bool,
                       day: str | None, surface: str) -> Participant:
    """'the US Secretary of State' → Antony Blinken on 2022-11-03; unknown holder → name None."""
    # only an office one person holds at a time names someone: 'the Russian minister' or 'the
    # US ambassador' could be any of several
    holder = kb.holder(role, seat, day) if role in SINGLE_HOLDER_ROLES else None
    if holder is not None:
        part = person_participant(kb, holder, day, role, surface)
        part.by_office = True
        if is_org:
            part.country, part.org = None, seat
        else:
            part.country, part.org = seat, None
        return part
    return Participant(name=None, country=None if is_org else seat, org=seat if is_org else None,
                       role=role, surface=surface)
