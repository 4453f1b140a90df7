"""Romanised keys for names the knowledge base does not know, so that an unknown official
written 朴振, 박진 or Пак Чин still gets a Latin key to group and search by.

Han → pinyin (pypinyin), kana/kanji → Hepburn (pykakasi), Hangul → Revised Romanization,
Cyrillic and Arabic → simple transliteration tables, Latin → without diacritics."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
                ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                 "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye",
                 "yi", "g"]))
_AR = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى",
               ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "'",
                "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "'", "a", "a", "i", "a", "a"]))
# Hangul syllable = initial * 588 + medial * 28 + final
_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
           "wi", "yu", "eu", "ui", "i"]
_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
          "t", "ng", "t", "t", "k", "t", "p", "t"]
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


def _hangul(word: str) -> str:
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_INITIAL[code // 588] + _MEDIAL[(code % 588) // 28] + _FINAL[code % 28])
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _kakasi():
    import pykakasi

    return pykakasi.kakasi()


def romanize(name: str) -> str:
    """A Latin key for a name in any script ('박진' → 'Bak Jin', '布林肯' → 'Bu Lin Ken')."""
    name = name.strip()
    if not name:
        return ""
    if _KANA.search(name):
        parts = [p["hepburn"] for p in _kakasi().convert(name)]
        return " ".join(p.capitalize() for p in " ".join(parts).replace("・", " ").split())
    if _HAN.search(name):
        from pypinyin import lazy_pinyin

        syll = [s for s in lazy_pinyin(name.replace("·", " ").replace("・", " ")) if s.strip(" -·")]
        return " ".join(s.capitalize() for s in syll)
    if _HANGUL.search(name):
        words = name.split()
        if len(words) == 1 and len(name) in (2, 3, 4):  # family name + given name, unspaced
            words = [name[0], name[1:]]
        return " ".join(_hangul(w).capitalize() for w in words)
    low = name.lower()
    if any(c in _CYR for c in low):
        return " ".join(w.capitalize() for w in "".join(_CYR.get(c, c) for c in low).split())
    if any(c in _AR for c in name):
        return " ".join(w.capitalize() for w in "".join(_AR.get(c, c) for c in name).split())
    return strip_accents(name)
