"""Mentions: one Aho-Corasick pass per document finds every knowledge-base name and lexicon
term; overlaps are settled longest-first; numeric and month-name dates come from the
lexicon's regexes. Automata are built once per language and cached on disk."""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

import ahocorasick

from . import lexicon as lexmod
from .cache import read_pickle, write_pickle
from .kb import ANY, KnowledgeBase, norm_lang
from .kb.loader import cache_dir
from .model import Document, Mention

log = logging.getLogger(__name__)
ENTITY_KINDS = ("person", "org", "country", "place")
ENTITY_PRIORITY = {"person": 0, "org": 1, "country": 2, "place": 3}


def lower_keep_length(text: str) -> str:
    """str.lower() that never changes the length ('İ' stays one char), so offsets survive."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_"


def _latin_letter(c: str) -> bool:
    return c.isascii() and c.isalpha() or "\u00C0" <= c <= "\u024F" or "\u1E00" <= c <= "\u1EFF"


@dataclass
class Matcher:
    lang: str
    automaton: ahocorasick.Automaton
    boundaries: str
    proclitics: tuple[str, ...] = ()  # glued prefixes after which a word still starts (Arabic و, ال)

    def find(self, text: str, start: int = 0, end: int | None = None, caseless: bool = False) -> list[Mention]:
        """Mentions in text[start:end]; `caseless`: the text is written all in lower case (some
        agencies' feeds), so a name in lower case is still a name."""
        low = lower_keep_length(text)
        end = len(text) if end is None else end
        raw: list[Mention] = []
        for stop, entries in self.automaton.iter(low, start, end):
            form_len = entries[0][3]
            s, e = stop - form_len + 1, stop + 1
            surface = text[s:e]
            if not self._bounded(text, s, e, surface):
                continue
            lex_kinds: dict[str, object] = {}
            ents: list[tuple[str, str]] = []
            for kind, value, cased, _ in entries:
                if cased and surface[:1].islower() and not (caseless and cased != ACRONYM and len(surface) >= 4):
                    continue  # a proper name written in lower case is a common word
                if cased == ACRONYM and not surface.isupper():
                    continue  # 'AU' is the African Union; 'Au cours de' is French
                if kind in ENTITY_KINDS:
                    ents.append((kind, value))
                elif kind not in lex_kinds:
                    lex_kinds[kind] = value
            if ents and " " not in surface and _first_name_of_another(text, e, ents):
                ents = [kv for kv in ents if kv[0] != "person"]
            if ents and len(surface) == 2 and surface.isascii() and not (surface[0].isupper() and surface[1].islower()):
                # 'Xi' is a name only written so: not 'XI' (a numeral) nor 'xi'
                ents = [kv for kv in ents if kv[0] != "person"]
            if ents and surface.isupper() and len(surface) <= 5 and not surface.isascii():
                # 'МИД' is the ministry, not José Antonio Meade ('Мид')
                ents = [kv for kv in ents if kv[0] not in ("person", "place")]
            if ents and _hyphen_joined(text, s, e):
                # 'Elmendorf-Richardson', '埃尔门多夫-理查森': part of a longer name
                ents = [kv for kv in ents if kv[0] not in ("person", "place")]
            if ents:
                ents.sort(key=lambda kv: ENTITY_PRIORITY[kv[0]])
                raw.append(Mention(ents[0][0], s, e, surface, ents))
            for kind, value in lex_kinds.items():
                raw.append(Mention(kind, s, e, surface, value))
        return _drop_other_surnames(text, _longest_first(raw))

    def _bounded(self, text: str, s: int, e: int, surface: str) -> bool:
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        if self.boundaries == "none":
            # Latin words inside CJK text still need their own boundaries
            if _latin_letter(surface[0]) and _latin_letter(before):
                return False
            return not (_latin_letter(surface[-1]) and _latin_letter(after))
        if _is_word_char(after):
            return False
        if not _is_word_char(before):
            return True
        if self.proclitics:
            for p in self.proclitics:
                k = s - len(p)
                if k >= 0 and text[k:s] == p and (k == 0 or not _is_word_char(text[k - 1])):
                    return True
        return False


_JOINERS = "-－‐·・"


def _hyphen_joined(text: str, s: int, e: int) -> bool:
    before = text[s - 2:s] if s >= 2 else ""
    after = text[e:e + 2]
    return (len(before) == 2 and before[1] in _JOINERS and before[0].isalpha()) or \
        (len(after) == 2 and after[0] in _JOINERS and after[1].isalpha())


def _first_name_of_another(text: str, end: int, ents: list) -> bool:
    """'Michel Barnier': a one-word person match followed by another capitalised word is the
    first name of someone else (the KB's Charles Michel is not meant)."""
    if not any(kind == "person" for kind, _ in ents):
        return False
    m = re.match(r" ([^\W\d_])", text[end:end + 3])
    return bool(m) and m.group(1).isupper()


_PREV_WORD = re.compile(r"([^\W\d_][\w'’\-]*)[ \u00a0]$")


def _drop_other_surnames(text: str, ms: list[Mention]) -> list[Mention]:
    """'Antonio Salinas', 'juez Castro' are not Carlos Salinas or Fidel Castro: a one-word
    person match right after a capitalised word that is no known term (title, name) is the
    surname of someone the knowledge base does not know."""
    covered = {m.end for m in ms}
    out = []
    for m in ms:
        if m.kind == "person" and " " not in m.text and m.start > 0 and m.start not in ():
            prev = _PREV_WORD.search(text, max(0, m.start - 40), m.start)
            # Latin script only: Russian first names inflect ('с Ангелой Меркель') and so are
            # never known forms
            if prev and prev.group(1)[0].isupper() and prev.end(1) not in covered and m.start - prev.end(1) == 1 \
                    and _latin_letter(prev.group(1)[0]) and not _sentence_start(text, prev.start(1)):
                ents = [kv for kv in m.value if kv[0] != "person"]
                if not ents:
                    continue
                m = Mention(ents[0][0], m.start, m.end, m.text, ents)
        out.append(m)
    return out


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \u00a0\"'“‘«(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


def _longest_first(ms: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; mentions of one exact span are all kept.
    Taken spans never overlap, so a sorted list and bisection keep this O(n log n)."""
    ms.sort(key=lambda m: (-(m.end - m.start), m.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Mention] = []
    for m in ms:
        i = bisect.bisect_left(starts, m.start)
        clash = False
        if i > 0 and ends[i - 1] > m.start:
            clash = True
        j = i
        while not clash and j < len(starts) and starts[j] < m.end:
            if (starts[j], ends[j]) != (m.start, m.end):
                clash = True
            j += 1
        if clash:
            continue
        kept.append(m)
        if not (i < len(starts) and (starts[i], ends[i]) == (m.start, m.end)):
            starts.insert(i, m.start)
            ends.insert(i, m.end)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


ACRONYM = 2  # the `cased` level of a form that counts only in capitals


def _acronym(form: str) -> bool:
    """'AU', 'EU', 'OAS': short Latin capitals, which in lower or mixed case are words."""
    return 2 <= len(form) <= 5 and form.isascii() and form.isalpha() and form.isupper()


def build_matcher(kb: KnowledgeBase, lang: str) -> Matcher:
    lex = lexmod.get(lang)
    table: dict[str, list[tuple]] = {}

    def add(form: str, kind: str, value, cased: bool) -> None:
        key = lower_keep_length(form.strip())
        if not key:
            return
        table.setdefault(key, []).append((kind, value, cased, len(key)))

    base = norm_lang(lang)
    for source in (kb.forms.get(ANY, {}), kb.forms.get(base, {})):
        for form, entries in source.items():
            cased = ACRONYM if _acronym(form) else form[:1].isupper()
            for kind, ident in entries:
                add(form, kind, ident, cased)
                if "-" in form and kind == "person":
                    add(form.replace("-", " - "), kind, ident, cased)  # 'Moon Jae - in', as some sites space it
    for term, kind, value in lex.terms():
        add(term, kind, value, False)
    auto = ahocorasick.Automaton()
    for key, entries in table.items():
        auto.add_word(key, entries)
    auto.make_automaton()
    return Matcher(lang=lang, automaton=auto, boundaries=lex.boundaries, proclitics=lex.proclitics)


_MATCHERS: dict[tuple[str, str], Matcher] = {}


def matcher_for(kb: KnowledgeBase, lang: str) -> Matcher:
    key = (kb.fingerprint, lang)
    if key in _MATCHERS:
        return _MATCHERS[key]
    path = cache_dir() / f"matcher-{kb.fingerprint}-{lang}.pickle"
    m = read_pickle(path)
    if m is None:
        m = build_matcher(kb, lang)
        write_pickle(path, m)
    _MATCHERS[key] = m
    return m


def date_mentions(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Explicit dates found by the lexicon's regexes: value = dict(y=, m=, d=) (ints or None)."""
    lex = lexmod.get(lang)
    end = len(text) if end is None else end
    out: list[Mention] = []
    for pat in lex.patterns:
        for mt in pat.finditer(text, start, end):
            g = mt.groupdict()
            month = month_value(g.get("mname") or g.get("m"), lex.month_names)
            day = _int(g.get("d"))
            year = _int(g.get("y"))
            if (g.get("mname") or g.get("m")) and month is None:
                continue
            if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
                continue
            if month is None and day is None and year is None:
                continue
            out.append(Mention("date", mt.start(), mt.end(), mt.group(0), {"y": year, "m": month, "d": day}))
    return _longest_first(out)


def _int(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip().translate(_FULLWIDTH)
    return int(s) if s.isdigit() else None


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def month_value(s: str | None, names: dict[str, int]) -> int | None:
    """A month number from digits or a month name in any inflection ('феврале', 'déc.')."""
    if not s:
        return None
    n = _int(s)
    if n is not None:
        return n
    key = s.lower().strip(". ")
    if key in names:
        return names[key]
    # inflected forms share the first letters with babel's nominative/genitive names
    for size in (4, 3):
        hits = {v for k, v in names.items() if len(k) >= size and k[:size] == key[:size]}
        if len(hits) == 1 and len(key) >= size:
            return hits.pop()
    return None


def written_caseless(text: str) -> bool:
    """A text in a cased script with (almost) no capital letters: 'лавров провел переговоры'."""
    cased = [c for c in text[:5000] if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 200 and sum(c.isupper() for c in cased) <= len(cased) // 500


def find_mentions(doc: Document, kb: KnowledgeBase, lang: str | None = None) -> list[Mention]:
    lang = lang or doc.lang
    m = matcher_for(kb, lang).find(doc.text, caseless=written_caseless(doc.text))
    dates = date_mentions(doc.text, lang)
    # a date regex that overlaps a name (e.g. digits inside an org acronym) loses
    spans = [(x.start, x.end) for x in m if x.kind in ENTITY_KINDS]
    dates = [d for d in dates if not any(d.start < e and s < d.end for s, e in spans)]
    return sorted(m + dates + abbreviated_states(doc.text, lang, m), key=lambda x: (x.start, x.end))


# what a run of one-character state names must stand right before to be states at all
_ABBREVIATION_HEADS = ("title", "trigger", "pair_ref")


def abbreviated_states(text: str, lang: str, found: list[Mention]) -> list[Mention]:
    """'美乌总统会谈', '中美元首会晤': a run of two or three one-character state names right
    before a title or a contact word names those states. Alone, '美' or '中' is far too
    ambiguous to be listed as a name (countries.yaml never does)."""
    abbr = lexmod.get(lang).state_abbreviations if lang in lexmod.available() else {}
    if not abbr:
        return []
    taken = sorted((x.start, x.end) for x in found)
    out: list[Mention] = []
    for head in found:
        if head.kind not in _ABBREVIATION_HEADS:
            continue
        i = head.start
        while i > 0 and text[i - 1] in abbr and head.start - i < 3:
            i -= 1
        if head.start - i < 2 or any(s < head.start and i < e for s, e in taken):
            continue  # one character alone, or part of a longer name ('中美洲')
        out.extend(Mention("country", k, k + 1, text[k], [("country", abbr[text[k]])]) for k in range(i, head.start))
    return out

