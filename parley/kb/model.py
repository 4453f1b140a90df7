"""Entities of the knowledge base: states, organisations, offices, persons, places."""
from __future__ import annotations

from dataclasses import dataclass, field

# roles that one person holds at a time for a given (country or org, body)
SINGLE_HOLDER_ROLES = frozenset({
    "head_of_state", "head_of_government", "vice_president", "foreign_minister",
    "defence_minister", "intelligence_chief", "national_security_adviser", "military_chief",
    "speaker", "party_leader", "crown_prince", "igo_chief", "igo_official",
})
ROLES = SINGLE_HOLDER_ROLES | {
    "deputy_head_of_government", "deputy_foreign_minister", "minister", "ambassador", "envoy",
    # people received by officials without holding office themselves (GUIDELINES: a foreign
    # business leader or public figure received by an official counts)
    "royal", "business_leader", "public_figure", "official",
}
LANGS = ("en", "zh", "vi", "ru", "ar", "de", "fr", "es", "ja", "ko")


@dataclass
class Office:
    role: str
    country: str | None = None
    org: str | None = None
    body: str | None = None
    portfolio: str | None = None
    to: str | None = None  # ambassadors/envoys: the state or org they are sent to
    start: str | None = None  # ISO date, may be YYYY or YYYY-MM
    end: str | None = None

    def holds_on(self, day: str | None) -> bool:
        """True when the term covers `day` (an ISO date of any precision); no day → any time."""
        if not day:
            return True
        lo = _pad(self.start, "0000-01-01")
        hi = _pad(self.end, "9999-12-31", upper=True)
        d_lo = _pad(day, "0000-01-01")
        d_hi = _pad(day, "9999-12-31", upper=True)
        return lo <= d_hi and d_lo <= hi

    @property
    def seat(self) -> str | None:
        return self.country or self.org


def _pad(iso: str | None, default: str, upper: bool = False) -> str:
    """Widen a partial ISO date to a full day: '2022' → '2022-01-01' (or '2022-12-31')."""
    if not iso:
        return default
    iso = str(iso)
    if len(iso) == 4:
        return iso + ("-12-31" if upper else "-01-01")
    if len(iso) == 7:
        return iso + ("-31" if upper else "-01")
    return iso[:10]


@dataclass
class Person:
    id: str
    name: str
    names: dict[str, list[str]] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    wikidata: str | None = None

    def offices_on(self, day: str | None) -> list[Office]:
        return [o for o in self.offices if o.holds_on(day)]

    def seat_on(self, day: str | None) -> tuple[str | None, str | None]:
        """(country, org) the person acts for on `day`; with no day, or no office then, the
        latest office (Mogherini undated is the EU's, not Italy's)."""
        latest_first = sorted(self.offices, key=lambda o: _pad(o.start, ""), reverse=True)
        offices = (self.offices_on(day) if day else []) or latest_first[:1]
        for o in offices:
            if o.country:
                return o.country, None
        for o in offices:
            if o.org:
                return None, o.org
        return None, None

    @property
    def home(self) -> str | None:
        """The country of the person's first state office (used for naming conventions)."""
        for o in self.offices:
            if o.country:
                return o.country
        return None


@dataclass
class Country:
    iso3: str
    name: str
    capital: str | None = None
    names: dict[str, set[str]] = field(default_factory=dict)
    adjectives: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class Organisation:
    id: str
    name: str
    kind: str = "igo"
    country: str | None = None  # armed/political groups belong to a country
    names: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Place:
    name: str
    country: str
    names: dict[str, list[str]] = field(default_factory=dict)
    population: int = 0
    venue_of: str | None = None  # for venues: the city they stand for
