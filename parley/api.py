"""The Python API: `extract(text_or_html)` → list[Event]."""
from __future__ import annotations

from .ingest import content_hash
from .kb import KnowledgeBase
from .model import Event, RawDocument
from .pipeline import Options, process


def extract(text_or_html: str, published: str | None = None, url: str | None = None,
            doc_id: str | None = None, kb: KnowledgeBase | None = None,
            keep_furniture: bool = False) -> list[Event]:
    """Diplomatic contact events in one article (plain text or HTML, any language).

    `published` (ISO date) anchors relative dates ("on Monday", "15日"); without it only what
    the text fixes is kept. Each Event's `to_dict()` is the benchmark contract.
    """
    if not isinstance(text_or_html, str):
        raise TypeError("extract() takes the article as str")
    head = text_or_html.lstrip()[:300].lower()
    ctype = "text/html" if head.startswith(("<!doctype", "<html")) or "<body" in head else "text/plain"
    raw = RawDocument(doc_id=doc_id or content_hash(text_or_html), content=text_or_html,
                      content_type=ctype, url=url, published=published)
    return process(raw, kb, Options(keep_furniture=keep_furniture)).events
