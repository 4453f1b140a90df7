"""Clean: HTML → main text, title and publication date; plain text → article blocks with the
page furniture (menus, teaser lists, "read more", comment prompts, disclaimers) marked.

Furniture markers come from every lexicon's `furniture` section (they are distinctive enough to
use whatever the language), plus shape rules: repeated lines, a headline written twice in one
line, breadcrumb menus, short lines inside a teaser box.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from . import lexicon as lexmod
from .ingest import content_hash
from .model import Block, Document, RawDocument

log = logging.getLogger(__name__)
MAX_CHARS = 2_000_000  # longer texts are cut: no article is longer, and time stays bounded
_WS = re.compile(r"[ \t\u00a0\u3000\u200b]+")
_BULLETS = "•·●▪■►▶»«|-–—*>#:：。.!！ \t"
_NAV = re.compile(r"(»|›|>>|\s>\s|\s/\s).*(»|›|>>|\s>\s|\s/\s)")  # breadcrumbs: 'Home » World » Asia'
_SENTENCE_END = re.compile(r"[.!?。！？…\"”»)）]\s*$")
_DATE_LINE = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$")


@lru_cache(maxsize=1)
def furniture_markers() -> dict[str, frozenset[str] | tuple[str, ...]]:
    end: set[str] = set()
    block: set[str] = set()
    line: set[str] = set()
    nav: set[str] = set()
    for lang in lexmod.available():
        try:
            f = lexmod.get(lang).furniture
        except ValueError as e:  # a broken lexicon costs its own language, not every document
            log.warning("lexicon %s not loaded: %s", lang, e)
            continue
        end.update(_norm(x) for x in f.get("end", []))
        block.update(_norm(x) for x in f.get("block", []))
        line.update(_norm(x) for x in f.get("line", []))
        nav.update(_norm(x) for x in lexmod.get(lang).nav_words)
    return {"end": frozenset(end - {""}), "block": frozenset(block - {""}),
            "line": tuple(sorted(line - {""}, key=len, reverse=True)),
            "nav": tuple(sorted(nav - {""}, key=len, reverse=True))}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).strip(_BULLETS).lower()
    return _WS.sub(" ", s)


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


_WRAP_END = re.compile(r"[.!?。！？:：\"”’»)）]$")


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines (wire copy wrapped at ~70 columns) back into paragraphs."""
    lines = text.split("\n")
    full = [ln for ln in lines if ln.strip()]
    if len(full) < 6:
        return text
    wrapped = sum(1 for ln in full if 35 <= len(ln) <= 85 and not _WRAP_END.search(ln.rstrip()))
    if wrapped < 0.5 * len(full) or max(len(ln) for ln in full) > 100:
        return text
    out: list[str] = []
    for ln in lines:
        prev = out[-1] if out else ""
        joinable = (prev and ln.strip() and not _WRAP_END.search(prev.rstrip()) and not prev.isupper()
                    and not ln.lstrip().startswith(("-", "•", "*")) and len(prev) >= 35)
        if joinable:
            sep = "" if _is_cjk(prev[-1:]) and _is_cjk(ln.lstrip()[:1]) else " "
            out[-1] = prev.rstrip() + sep + ln.strip()
        else:
            out.append(ln)
    return "\n".join(out)


def _is_cjk(c: str) -> bool:
    return bool(c) and ("\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af")


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date of an HTML page ('' when it has no text)."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as e:  # malformed markup: trafilatura/lxml give up on some
        log.info("HTML extraction failed (%s); falling back to tag stripping", e)
        doc = None
    if doc is None:
        return _strip_tags(html), None, None
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    title = get("title")
    date = get("date")
    return text, title, (str(date)[:10] if date else None)


def _strip_tags(html: str) -> str:
    html = re.sub(r"(?is)<(script|style|nav|header|footer|aside)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]+>", "\n", html)
    import html as htmlmod

    return htmlmod.unescape(html)


def _is_doubled(line: str) -> bool:
    """'Headline Headline' — teaser lists often print a headline twice in one line."""
    n = len(line)
    if n < 20:
        return False
    half = line[: n // 2].strip()
    return len(half) > 10 and line.replace(half, "", 1).strip() == half


def mark_furniture(text: str) -> list[Block]:
    """Split into line blocks and mark furniture."""
    blocks: list[Block] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            blocks.append(Block(pos, pos + len(raw)))
        pos += len(raw) + 1
    if not blocks:
        return blocks
    markers = furniture_markers()
    lines = [text[b.start:b.end] for b in blocks]
    normed = [_norm(x) for x in lines]
    counts = Counter(n for n in normed if len(n) >= 2)
    prose_seen = 0
    ended = in_box = False
    seen_early: set[str] = set()
    for i, (b, line, n) in enumerate(zip(blocks, lines, normed)):
        prose = len(line) >= 60 and bool(_SENTENCE_END.search(line)) or len(line) >= 140
        reason = ""
        if ended:
            reason = "after end marker"
        elif n in markers["end"] and prose_seen:
            ended, reason = True, "end marker"
        elif n in markers["block"] or n in markers["end"]:
            in_box, reason = True, "teaser box marker"
        elif any(n.startswith(p) for p in markers["line"]):
            reason = "furniture line"
        elif counts.get(n, 0) >= 2 and not (i < 3 and n not in seen_early and counts[n] == 2):
            reason = "repeated line"
        elif _is_doubled(line):
            reason = "headline printed twice"
        elif len(line) < 120 and (_NAV.search(line) or any(n.startswith(w) and not n[len(w):len(w) + 1].isalnum() for w in markers["nav"])):
            reason = "navigation"
        elif _DATE_LINE.match(line):
            reason = "date line"
        elif in_box and not prose:
            reason = "teaser box"
        if i < 3:
            seen_early.add(n)  # a headline printed again as the lead: its first print is the article
        if reason:
            b.furniture, b.reason = True, reason
        else:
            if in_box and prose:
                in_box = False
            if prose:
                prose_seen += 1
    _mark_teaser_islands(blocks)
    return blocks


def _mark_teaser_islands(blocks: list[Block]) -> None:
    """A lone paragraph between two furniture blocks is a teaser's summary line."""
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if not b.furniture and blocks[i - 1].furniture and blocks[i + 1].furniture \
                and blocks[i - 1].reason != "navigation" and b.end - b.start < 600:
            b.furniture, b.reason = True, "teaser between teasers"


def clean(raw: RawDocument) -> Document:
    content = raw.content or ""
    title = None
    published = raw.published
    if raw.content_type == "text/html" or content.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        text, title, html_date = html_to_text(content[:MAX_CHARS * 2])
        published = published or html_date
    else:
        text = content
    if len(text) > MAX_CHARS:
        log.warning("%s: text cut to %d of %d characters", raw.doc_id, MAX_CHARS, len(text))
        text = text[:MAX_CHARS]
    text = unwrap_lines(normalise_text(text))
    if title and text and title.strip() not in text[:1000]:
        text = title.strip() + "\n" + text
    doc = Document(doc_id=raw.doc_id, text=text, title=title, published=published, url=raw.url,
                   content_hash=content_hash(content))
    doc.blocks = mark_furniture(text)
    if doc.title is None and doc.blocks:
        first = doc.blocks[0]
        doc.title = text[first.start:first.end][:300]
    return doc
