"""Merge: one event per real-world contact. Within a document, reports of the same contact
(same sides, same status, compatible dates) collapse into one event that keeps the most
specific date, place and names, and every evidence sentence."""
from __future__ import annotations

import datetime as dt

from .model import Event, Participant


def compatible_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def same_contact(a: Event, b: Event) -> bool:
    """Same sides (or, for a gathering, nearly: `_same_gathering`) and status, and dates that
    agree (an inferred date agrees with any). A report with no date and no status cue of its
    own (a headline: 'King Fahd visits Britain') is the same contact as a dated planned or
    cancelled one."""
    if a.keys() != b.keys() and not _same_gathering(a, b):
        return False
    if a.status != b.status:
        return False
    if _call_and_meeting(a, b):
        return False  # 'after their meeting in Vienna, the two ministers went on by phone'
    if _different_people(a, b):
        return False  # Balladur, then de Larosière: two French hosts, two meetings
    if compatible_dates(a.date, b.date):
        return True
    if a.status == "planned" and (a.date_inferred or b.date_inferred):
        return True  # a plan dated only by its report's month is the plan another sentence dates
    if any(e.date_inferred and len(e.date or "") == 4 for e in (a, b)):
        return True  # a year guessed for an undated page's undated report agrees with any date
    if a.date_inferred or b.date_inferred:
        # a headline dated by its publication day is the report of yesterday's talks, not of
        # a visit 'last year'
        return days_apart(a.date, b.date) <= 7
    return False


def _same_gathering(a: Event, b: Event) -> bool:
    """Two reports of one meeting of three sides or more, one of which names a state more or
    less (the host, a topic read as a side): at least three sides in common, and as many as
    half of all the sides either names."""
    ka, kb = a.keys(), b.keys()
    common = len(ka & kb)
    return len(ka) >= 3 and len(kb) >= 3 and common >= 3 and 2 * common >= len(ka | kb)


def _call_and_meeting(a: Event, b: Event) -> bool:
    """One report is a call and the other a meeting at a place the text states (a place
    guessed from context does not make a report of the call a meeting)."""
    if (a.mode == "phone") == (b.mode == "phone"):
        return False
    other = b if a.mode == "phone" else a
    return other.location is not None and not other.location.inferred


def _different_people(a: Event, b: Event) -> bool:
    """Both reports name the people of one side, and not one of them in common."""
    return different_people(named_people(a.participants()), named_people(b.participants()))


def named_people(parts: list[Participant]) -> dict[str, set[str]]:
    """Side key → the known persons it names (a half-read unknown name proves nothing, nor does
    a holder read off an office)."""
    out: dict[str, set[str]] = {}
    for p in parts:
        if p.person_id and not p.by_office:
            out.setdefault(p.key(), set()).add(p.person_id)
    return out


def different_people(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    return any(a[key] and b.get(key) and not a[key] & b[key] for key in a)


def days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO days; very many when either is not a whole day."""
    try:
        return abs((dt.date.fromisoformat(a or "") - dt.date.fromisoformat(b or "")).days)
    except ValueError:
        return 10**6


def _named(ps: list[Participant]) -> int:
    return sum(1 for p in ps if p.name)


def absorb(keep: Event, other: Event) -> None:
    """Fold `other` (a second report of the same contact) into `keep`."""
    if keep.status != other.status and keep.status == "occurred" and keep.date_inferred:
        keep.status = other.status  # the report with its own cue decides
    if keep.date_inferred and not other.date_inferred:
        keep.date, keep.date_inferred = other.date, False
    elif other.date and keep.date and not other.date_inferred and len(other.date) > len(keep.date) \
            and other.date.startswith(keep.date):
        keep.date = other.date
    elif other.date and not keep.date:
        keep.date = other.date
    if other.location and (keep.location is None or (keep.location.name is None and other.location.name)
                           or (keep.location.weak and not other.location.weak)):
        # a place the text names beats one inferred from the host ('[视频]李强会见印尼国会议长'
        # is told from Jakarta further down)
        if keep.location is not None and keep.location.weak and other.mode and other.location.country != keep.location.country:
            keep.mode, keep.actor, keep.recipient = other.mode, other.actor, other.recipient
        keep.location = other.location
    if (not keep.mode and other.mode) or (keep.mode == other.mode and
                                          _named(other.participants()) > _named(keep.participants())):
        keep.mode, keep.actor, keep.recipient = other.mode, other.actor, other.recipient
    if keep.mode == "phone":
        keep.location = None  # a call has no place, whatever a looser report of it suggested
    keep.furniture = keep.furniture and other.furniture
    keep.evidence.extend(other.evidence)
    keep.confidence = max(keep.confidence, other.confidence)


def merge_document(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        for kept in out:
            if same_contact(kept, ev):
                absorb(kept, ev)
                break
        else:
            out.append(ev)
    return out
