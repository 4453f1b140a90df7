"""Segment: sentences with character offsets into the cleaned text (sentencex per block)."""
from __future__ import annotations

import re

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
            start = block.start + at
            end = start + len(stripped)
            cursor = at + len(stripped)
            sentences.append(Sentence(start, end, doc.text[start:end], bi, block.furniture, lang))
    doc.sentences = sentences
    return sentences
