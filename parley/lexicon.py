"""Per-language words (triggers, titles, status cues, date words, furniture markers), read from
`parley/lexicons/<lang>.yaml`. Everything language-specific the pipeline knows lives there."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .kb.loader import KBError, LEXICON_DIR, read_yaml

TRIGGER_KINDS = ("meet", "talks", "receive", "call_on", "visit", "arrive", "phone", "summit")
STATUS_KINDS = ("planned", "cancelled", "negation", "hypothetical")
DATE_WORDS = ("this_week", "next_week", "last_week", "next_month", "last_month", "this_month",
              "next_year", "last_year", "this_year", "same_day")


@dataclass
class Lexicon:
    lang: str
    boundaries: str = "word"  # word | none | arabic
    triggers: dict[str, list[str]] = field(default_factory=dict)
    suppress: list[str] = field(default_factory=list)
    status: dict[str, list[str]] = field(default_factory=dict)
    counterpart: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    titles: dict[str, list[str]] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    this_weekdays: dict[str, int] = field(default_factory=dict)  # 'ce vendredi': of this week
    date_words: dict[str, list[str]] = field(default_factory=dict)
    patterns: list[re.Pattern] = field(default_factory=list)
    month_names: dict[str, int] = field(default_factory=dict)
    furniture: dict[str, list[str]] = field(default_factory=dict)
    # grammar words: a country after a locative is a place, not a party ("tại Đức", "在土耳其")
    locative_before: list[str] = field(default_factory=list)
    locative_after: list[str] = field(default_factory=list)  # postpositions: 東京で, 서울에서
    # 'from Helsinki', 'из Москвы': a place, but where a side came from, not where they met
    origin_before: list[str] = field(default_factory=list)
    # 'since June 1982', 'seit 2014': a date that dates a span's start, not the contact
    since_words: list[str] = field(default_factory=list)
    # 'kể từ khi bà May bổ nhiệm ông Johnson': a since-clause; whom it names is no side
    since_clauses: list[str] = field(default_factory=list)
    # 'thảo luận về ... cuộc khủng hoảng tại Syria': a state in the clause these open is a topic
    topic_markers: list[str] = field(default_factory=list)
    exhortations: list[str] = field(default_factory=list)  # 'urged him to': a contact asked for
    speech_verbs: list[str] = field(default_factory=list)  # 'said that': what follows is said, not done
    # 'after meeting his counterpart, Pompeo will meet Putin': a clause these open is subordinate
    subordinators: list[str] = field(default_factory=list)
    clause_joiners: list[str] = field(default_factory=list)  # 'A met B, while C received D'
    joint_participation: list[str] = field(default_factory=list)  # 'talks with the participation of'
    country_reference: list[str] = field(default_factory=list)  # 'visit the country': the state named last
    demonstratives: list[str] = field(default_factory=list)  # 'these talks': a contact already reported
    plural_marks: list[str] = field(default_factory=list)  # 'các Hội nghị': several meetings, one per partner
    ahead_of: list[str] = field(default_factory=list)  # 'ahead of the summit between A and B': a contact to come
    conjunctions: list[str] = field(default_factory=list)  # "and" between two parties
    visit_compounds: dict[str, str] = field(default_factory=dict)  # 访华 → CHN
    # one-character state names, valid only in a run before a title ('美乌总统', '中美元首')
    state_abbreviations: dict[str, str] = field(default_factory=dict)
    pair_reference: list[str] = field(default_factory=list)  # 'the two leaders', '双方'
    home_country: str | None = None  # whose officials a bare title names in this press
    verb_last: bool = False  # subject-object-verb order (ja, ko): the main verb ends the clause
    subject_pronouns: list[str] = field(default_factory=list)  # 'he', 'er', '他'
    name_stops: str = ""  # characters that end an unknown Han name ('在', '与', '会')
    dateline_marks: list[str] = field(default_factory=list)  # '讯', '电' after a dateline city
    range_words: list[str] = field(default_factory=list)  # '至', 'đến', 'bis' in '16日至26日'
    nav_words: list[str] = field(default_factory=list)  # 'Home', '首页' opening a menu line
    proclitics: tuple[str, ...] = ()  # prefixes glued to a word ('و', 'ال'): still a word start
    abbreviations: tuple[str, ...] = ()  # 'M.', 'т. е.': a full stop that ends no sentence
    # '副总理兼外长', 'Phó Thủ tướng kiêm Bộ trưởng': two offices of one person
    title_joiners: frozenset[str] = frozenset()
    title_of: frozenset[str] = frozenset()  # 'President of Russia': a title's state after it
    not_names: frozenset[str] = frozenset()  # capitalised words no one-word name may be (lower case)

    @property
    def spaced(self) -> bool:
        """Words are separated by spaces (not so in Chinese and Japanese, and Korean particles
        are glued on): decides windows measured in characters and how unknown names look."""
        return self.boundaries != "none"

    @cached_property
    def plural_titles(self) -> frozenset[str]:
        """Title words that are another title's plural ('presidentes', 'ministres'): 'the
        presidents of A, X; B, Y' lists several sides, it names no one office."""
        words = {w.casefold() for ws in self.titles.values() for w in ws}
        return frozenset(w for w in words if any(w.endswith(e) and w[:-len(e)] in words for e in ("s", "es", "en")))

    def pair_role(self, phrase: str) -> str | None:
        """The office a pair reference names through a title inside it ('两国元首', 'hai Tổng
        thống': heads of state), or None ('双方', 'the two sides')."""
        folded = phrase.casefold()
        found = [(len(w), role) for role, words in self.titles.items() for w in words
                 if len(w) >= 2 and w.casefold() in folded]
        role = max(found)[1] if found else None
        return "head_of_state" if role == "leader" else role  # 'the two leaders': the top ones

    def terms(self):
        """(term, kind, value) for the dictionary matcher."""
        for kind, words in self.triggers.items():
            for w in words:
                yield w, "trigger", kind
        for kind, words in self.status.items():
            for w in words:
                yield w, "status", kind
        for role, words in self.titles.items():
            for w in words:
                yield w, "title", role
        for w, n in self.relative_days.items():
            yield w, "reldate", ("day", n)
        for w, n in self.weekdays.items():
            yield w, "reldate", ("weekday", n)
        for w, n in self.this_weekdays.items():
            yield w, "reldate", ("this_weekday", n)
        for kind, words in self.date_words.items():
            for w in words:
                yield w, "reldate", (kind, 0)
        for attr, kind in _PLAIN_TERMS:
            for w in getattr(self, attr):
                yield w, kind, None
        for w in self.pair_reference:
            yield w, "pair_ref", self.pair_role(w)
        for w, iso3 in self.visit_compounds.items():
            yield w, "trigger", "visit"
            yield w, "destination", iso3


# word lists the matcher finds as they are: lexicon attribute → mention kind
_PLAIN_TERMS = (
    ("suppress", "suppress"), ("counterpart", "counterpart"), ("honorifics", "honorific"),
    ("locative_before", "loc_before"), ("locative_after", "loc_after"), ("origin_before", "loc_origin"),
    ("since_words", "since"), ("since_clauses", "since_clause"), ("exhortations", "exhort"),
    ("speech_verbs", "speech"), ("subordinators", "subordinator"), ("conjunctions", "conj"),
    ("subject_pronouns", "pronoun"), ("clause_joiners", "joiner"),
    ("joint_participation", "joint"), ("country_reference", "country_ref"), ("topic_markers", "topic"),
    ("demonstratives", "demonstrative"), ("plural_marks", "plural"), ("ahead_of", "ahead"),
)


def _months(lang: str) -> dict[str, int]:
    from babel import Locale

    try:
        loc = Locale.parse(lang.replace("-", "_"))
    except Exception:
        return {}
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for num, name in loc.months[context][width].items():
                name = name.strip(".").lower()
                if len(name) >= 3 and not name.isdigit():
                    out[name] = num
    return out


def _strs(v) -> list[str]:
    return [str(x) for x in (v or []) if x is not None and str(x).strip()]


# grammar keys that are plain word lists, read as they are
_GRAMMAR_WORD_LISTS = (
    "locative_before", "locative_after", "origin_before", "since_words", "since_clauses", "topic_markers",
    "exhortations", "speech_verbs", "subordinators", "clause_joiners", "joint_participation",
    "country_reference", "demonstratives", "plural_marks", "ahead_of", "conjunctions", "pair_reference",
    "subject_pronouns", "dateline_marks", "range_words", "nav_words",
)


def parse_lexicon(raw: dict, lang: str) -> Lexicon:
    if not isinstance(raw, dict):
        raise KBError(f"lexicon {lang}: expected a mapping")
    dates = raw.get("dates") or {}
    g = raw.get("grammar") or {}
    months = _months(lang)
    # inflected month names babel lacks ('мае', 'июне'): `dates.months: {мае: 5}`
    months.update({str(k).lower(): int(v) for k, v in (dates.get("months") or {}).items()})
    lex = Lexicon(
        lang=lang,
        boundaries=str(raw.get("boundaries") or "word"),
        triggers={k: _strs(v) for k, v in (raw.get("triggers") or {}).items()},
        suppress=_strs(raw.get("suppress")),
        status={k: _strs(v) for k, v in (raw.get("status") or {}).items()},
        counterpart=_strs(raw.get("counterpart")),
        honorifics=_strs(raw.get("honorifics")),
        titles={k: _strs(v) for k, v in (raw.get("titles") or {}).items()},
        relative_days={str(k): int(v) for k, v in (dates.get("relative_days") or {}).items()},
        weekdays={str(k): int(v) for k, v in (dates.get("weekdays") or {}).items()},
        this_weekdays={str(k): int(v) for k, v in (dates.get("this_weekdays") or {}).items()},
        date_words={k: _strs(dates.get(k)) for k in DATE_WORDS if dates.get(k)},
        month_names=months,
        furniture={k: _strs(v) for k, v in (raw.get("furniture") or {}).items()},
        **{key: _strs(g.get(key)) for key in _GRAMMAR_WORD_LISTS},
        home_country=g.get("home_country"),
        verb_last=bool(g.get("verb_last")),
        visit_compounds={str(k): str(v) for k, v in (g.get("visit_compounds") or {}).items() if v},
        state_abbreviations={str(k): str(v) for k, v in (g.get("state_abbreviations") or {}).items() if v},
        name_stops="".join(_strs(g.get("name_stops"))),
        proclitics=tuple(sorted(_strs(g.get("proclitics")), key=len, reverse=True)),
        abbreviations=tuple(_strs(g.get("abbreviations"))),
        title_joiners=frozenset(w.lower() for w in _strs(g.get("title_joiners"))),
        title_of=frozenset(w.lower() for w in _strs(g.get("title_of"))),
        not_names=frozenset(w.lower() for w in _strs(g.get("not_names"))),
    )
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True)) or "(?!x)x"
    for pat in _strs(dates.get("patterns")):
        src = pat.replace("{MONTH}", f"(?P<mname>{month_alt})")
        try:
            lex.patterns.append(re.compile(src, re.IGNORECASE))
        except re.error as e:
            raise KBError(f"lexicon {lang}: bad date pattern {pat!r}: {e}") from None
    unknown = set(lex.triggers) - set(TRIGGER_KINDS)
    if unknown:
        raise KBError(f"lexicon {lang}: unknown trigger kinds {sorted(unknown)}")
    return lex


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """Languages with a lexicon (read once: it is asked for every sentence)."""
    return tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.yaml")))


def _merge(a: dict, b: dict) -> dict:
    """Union of two grammar sections: lists are joined, mappings merged (b wins on a key)."""
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = {**out[k], **v}
        elif v or k not in out:
            out[k] = v
    return out


@lru_cache(maxsize=None)
def get(lang: str) -> Lexicon:
    """The lexicon of `lang`; a language without one gets an empty lexicon (no events)."""
    path = Path(LEXICON_DIR) / f"{lang}.yaml"
    if not path.exists():
        return Lexicon(lang=lang)
    raw = read_yaml(path) or {}
    grammar = Path(LEXICON_DIR) / "grammar" / f"{lang}.yaml"
    if grammar.exists():  # function words (locatives, conjunctions) live beside the vocabulary
        g = read_yaml(grammar) or {}
        raw = {**raw, "grammar": _merge(raw.get("grammar") or {}, g.get("grammar") or {})}
        if g.get("status_extra"):
            status = {k: list(v or []) for k, v in (raw.get("status") or {}).items()}
            for k, words in g["status_extra"].items():
                status.setdefault(k, []).extend(w for w in words if w not in status.get(k, []))
            raw["status"] = status
        if g.get("same_day"):
            dates = dict(raw.get("dates") or {})
            dates["same_day"] = list(dates.get("same_day") or []) + list(g["same_day"])
            raw["dates"] = dates
        if g.get("months"):
            dates = dict(raw.get("dates") or {})
            dates["months"] = {**(dates.get("months") or {}), **g["months"]}
            raw["dates"] = dates
    return parse_lexicon(raw, lang)
