"""The chain: ingest → clean → language → segment → mentions → events → resolve → merge.
`process()` runs it on one RawDocument; store and export take its Result."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from . import lexicon as lexmod
from .clean import clean
from .events import Trace, document_events
from .kb import KnowledgeBase
from .kb import load as load_kb
from .language import UNKNOWN, detect_document
from .mentions import find_mentions
from .merge import merge_document
from .model import Document, Event, Mention, RawDocument
from .segment import segment

log = logging.getLogger(__name__)


@dataclass
class Result:
    doc: Document
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    traces: list[Trace] = field(default_factory=list)
    note: str = ""  # why a document gave no events by construction (no text, unknown language)

    def contract(self) -> dict:
        d = {"doc_id": self.doc.doc_id, "events": [e.to_dict() for e in self.events]}
        if self.doc.lang:
            d["lang"] = self.doc.lang
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class Options:
    keep_furniture: bool = False  # emit events found only in page furniture (flagged)
    explain: bool = False


def process(raw: RawDocument, kb: KnowledgeBase | None = None, options: Options | None = None) -> Result:
    kb = kb or load_kb()
    options = options or Options()
    doc = clean(raw)
    if not doc.text.strip():
        return Result(doc, note="no text")
    lang = detect_document(doc)
    segment(doc)
    if lang == UNKNOWN:
        return Result(doc, note="language not recognised")
    if lang not in lexmod.available():
        return Result(doc, note=f"no lexicon for language '{lang}'")
    mentions = find_mentions(doc, kb, lang)
    events, traces = document_events(doc, kb, mentions)
    # body reports first, so that a contact also teased in furniture keeps its body evidence
    events.sort(key=lambda e: e.furniture)
    events = merge_document(events)
    if not options.keep_furniture:
        events = [e for e in events if not e.furniture]
    return Result(doc, events, mentions if options.explain else [], traces if options.explain else [])
