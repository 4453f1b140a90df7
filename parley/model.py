"""Plain dataclasses passed between the pipeline stages.

ingest → RawDocument → clean → Document (paragraphs, furniture flags) → language → segment
(Sentence with offsets into Document.text) → mentions (Mention) → events (Event) → resolve → merge.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MODES = ("visit", "third-party", "multilateral", "phone", "")
STATUSES = ("occurred", "planned", "cancelled")


@dataclass
class RawDocument:
    """One input document as read, before any cleaning."""

    doc_id: str
    content: str
    content_type: str = "text/plain"  # or text/html
    url: str | None = None
    published: str | None = None  # ISO date as given by the source
    source: str = ""  # where it was read from (file path, warc record...)


@dataclass
class Block:
    """A paragraph or line of the cleaned text; `start`/`end` index Document.text."""

    start: int
    end: int
    furniture: bool = False
    reason: str = ""  # why a block was judged furniture (for `parley explain`)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index into Document.blocks
    furniture: bool = False
    lang: str = ""


@dataclass
class Document:
    """A cleaned document: main text with furniture marked, language, sentences."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str = ""
    content_hash: str = ""
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Mention:
    """A span of a sentence that names something the knowledge base or lexicon knows."""

    kind: str  # person, country, org, title, place, trigger, status, counterpart, date, honorific, suppress
    start: int  # offsets into Document.text
    end: int
    text: str
    value: Any = None  # kind-specific payload (ids, role, trigger kind, resolved date...)


@dataclass
class Participant:
    name: str | None = None
    country: str | None = None
    org: str | None = None
    role: str | None = None
    person_id: str | None = None
    surface: str = ""  # the words the article used
    by_office: bool = False  # the name comes from who held the office, not from the text

    def key(self) -> str | None:
        return self.country or self.org

    def to_dict(self) -> dict[str, Any]:
        """Contract fields, plus the office held ('role'), the KB id of a known person, and a
        romanised key for a person the KB does not know."""
        d: dict[str, Any] = {"name": self.name, "country": self.country, "org": self.org}
        if self.role and self.role != "counterpart":
            d["role"] = self.role
        if self.person_id:
            d["id"] = self.person_id
        elif self.name:
            from .romanize import romanize

            d["key"] = romanize(self.name)
        return d


@dataclass
class Location:
    name: str | None = None
    country: str | None = None
    bare: bool = False  # a city the sentence names without 'in' ('the Geneva talks')
    # not stated where the contact is reported: the host's state, the place of the visit it
    # belongs to (exported as "inferred": true, so a reader can tell)
    inferred: bool = False

    @property
    def weak(self) -> bool:
        """A place any stated one beats."""
        return self.bare or self.inferred

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "country": self.country}
        if self.inferred:
            d["inferred"] = True
        return d


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: str = ""


@dataclass
class Event:
    """A CONSULT event in the benchmark contract, plus provenance."""

    mode: str = ""
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    date: str | None = None
    location: Location | None = None
    status: str = "occurred"
    type: str = "CONSULT"
    evidence: list[Evidence] = field(default_factory=list)
    furniture: bool = False
    confidence: float = 0.5
    date_inferred: bool = False  # no date in the sentence: taken from context or publication day
    doc_id: str | None = None
    lang: str = ""

    def participants(self) -> list[Participant]:
        return self.actor + self.recipient

    def keys(self) -> frozenset[str]:
        return frozenset(k for p in self.participants() if (k := p.key()))

    def to_dict(self) -> dict[str, Any]:
        """The benchmark contract, with provenance fields added."""
        d: dict[str, Any] = {
            "type": self.type,
            "mode": self.mode,
            "actor": [p.to_dict() for p in self.actor],
            "recipient": [p.to_dict() for p in self.recipient],
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status,
        }
        if self.evidence:
            ev = self.evidence[0]
            d["evidence"] = {"text": ev.sentence, "start": ev.start, "end": ev.end, "trigger": ev.trigger}
        if self.furniture:
            d["furniture"] = True
        d["confidence"] = round(self.confidence, 2)
        return d
