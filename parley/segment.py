"""Segment: sentences with character offsets into the cleaned text (sentencex per block)."""
from __future__ import annotations

import re

from .language import block_language
from .model import Document, Sentence

# long lines without sentence punctuation are still cut at clause-ending marks
_FALLBACK = re.compile(r"(?<=[.!?。！？])\s*")


_CJK_SENT = re.compile(r"(?<=[。！？!?])(?=[^”」』）)\]’\"])")
_CJK_LANGS = ("zh", "ja")


def _split(lang: str, text: str) -> list[str]:
    if lang in _CJK_LANGS:
        # full stops end sentences even when digits follow ('交谈。1月21日'), which sentencex keeps
        return [p for p in _CJK_SENT.split(text) if p.strip()]
    try:
        import sentencex

        parts = list(sentencex.segment(lang or "en", text))
    except Exception:
        parts = [p for p in _FALLBACK.split(text) if p]
    return parts or [text]


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
