"""Segment: sentences with character offsets into the cleaned text (sentencex per block)."""
from __future__ import annotations

import re

from . import lexicon as lexmod
from .language import block_language
from .model import Document, Sentence

# long lines without sentence punctuation are still cut at clause-ending marks
_FALLBACK = re.compile(r"(?<=[.!?。！？])\s*")


# full-width stops end a sentence even when digits follow ('交谈。1月21日'), which sentencex
# keeps together; they occur only in Chinese and Japanese text, so this holds for any language
_FULL_STOP = re.compile(r"(?<=[。！？])(?=[^”」』）)\]’\"])")


def _split(lang: str, text: str) -> list[str]:
    parts: list[str] = []
    for piece in _FULL_STOP.split(text):
        if piece.strip():
            parts.extend(_sentencex(lang, piece))
    return parts or [text]


def _sentencex(lang: str, text: str) -> list[str]:
    try:
        import sentencex

        return list(sentencex.segment(lang or "en", text)) or [text]
    except Exception:
        return [p for p in _FALLBACK.split(text) if p] or [text]


def _abbreviations(lang: str) -> tuple[str, ...]:
    return lexmod.get(lang).abbreviations  # cached; empty for a language with no lexicon


def _ends_with_abbreviation(text: str, abbreviations: tuple[str, ...]) -> bool:
    """'M. Lecornu', 'т. е.': a stop that ends a title or abbreviation ends no sentence."""
    return any(text == a or text.endswith((" " + a, "\u00a0" + a, "\n" + a)) for a in abbreviations)


def segment(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    for bi, block in enumerate(doc.blocks):
        text = doc.text[block.start:block.end]
        lang = block_language(text, doc.lang)
        cursor = 0
        for part in _split(lang, text):
            stripped = part.strip()
            if not stripped:
                continue
            at = text.find(stripped, cursor)
            if at < 0:
                at = cursor
            cursor = at + len(stripped)
            start, end = block.start + at, block.start + cursor
            sentences.append(Sentence(start, end, doc.text[start:end], bi, block.furniture, lang))
    sentences = _rejoin_abbreviations(doc, sentences)
    doc.sentences = sentences
    return sentences


def _rejoin_abbreviations(doc: Document, sentences: list[Sentence]) -> list[Sentence]:
    """A stop after 'M.', 'TP.' or 'т. е.' ends no sentence, within a block or across a line
    break a dump put after it ('… đến thăm TP.' + newline + 'HCM và …')."""
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        if prev is not None and prev.furniture == s.furniture \
                and _ends_with_abbreviation(prev.text, _abbreviations(prev.lang)):
            out[-1] = Sentence(prev.start, s.end, doc.text[prev.start:s.end], prev.block, prev.furniture, prev.lang)
        else:
            out.append(s)
    return out
