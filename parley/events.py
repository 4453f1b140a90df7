"""Events: from the mentions of one sentence to CONSULT events.

A sentence yields an event when it has a contact trigger (meet, talks, receive, call on, visit,
arrive, phone, summit) and enough parties: two sides from different countries/organisations,
or one side and a counterpart, or one visitor and a destination. Roles follow the trigger kind
(a host receives, a visitor calls on), the mode follows the place (the host's country → visit,
a third country → third-party), status follows the cues nearest the trigger, the date the date
expression nearest the trigger, resolved against the sentence's own reference day or the
publication date. Every decision is logged in a Trace for `parley explain`.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Callable

from . import lexicon as lexmod
from .kb import KnowledgeBase
from .mentions import ENTITY_KINDS
from .merge import compatible_dates, days_apart
from .model import Document, Event, Evidence, Location, Mention, Participant, Sentence
from .resolve import (DateValue, choose_person, office_participant, parse_iso, person_participant, resolve_explicit,
                      resolve_date_mention)

STATUS_PRIORITY = {"cancelled": 0, "negation": 1, "hypothetical": 2, "planned": 3}
PARTY_KINDS = set(ENTITY_KINDS) | {"title", "counterpart", "honorific"}
_GAP_OK = re.compile(r"^[\s\-–—,:;()（）·'\"“”‘’《》「」]*$")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_CJK_NAME = re.compile(r"([\u4e00-\u9fff·・\u30a0-\u30ff\-－]{2,10})")


@dataclass
class Chunk:
    """Adjacent mentions that together name one side: 'Ngoại trưởng Mỹ Antony Blinken'."""

    mentions: list[Mention] = field(default_factory=list)
    start: int = 0
    end: int = 0
    locative: bool = False
    marked: bool = False  # a locative word says so ('in Geneva'), not only that it is a city
    origin: bool = False  # 'arrived from Helsinki': a place, but not where the contact was
    participant: Participant | None = None

    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}

    def first(self, kind: str) -> Mention | None:
        return next((m for m in self.mentions if m.kind == kind), None)

    @property
    def strong(self) -> bool:
        """Names a person or an office (not only a state)."""
        return bool(self.kinds() & {"person", "title", "counterpart"}) or (
            self.participant is not None and self.participant.name is not None)


@dataclass
class Trace:
    sentence: Sentence
    triggers: list[str]
    decision: str
    event: Event | None = None


@dataclass
class DocContext:
    doc: Document
    kb: KnowledgeBase
    published: dt.date | None
    traces: list[Trace] = field(default_factory=list)
    last_date: dict[int, DateValue] = field(default_factory=dict)  # block → last explicit date
    persons_seen: list[Participant] = field(default_factory=list)
    dateline: Location | None = None  # 'WASHINGTON, March 31 -', '(安卡拉15日讯)', 'أبوظبي - 6 ديسمبر:'
    dateline_at: int | None = None  # where its city is named
    unknown: dict[str, Participant] = field(default_factory=dict)  # '~Name' → person not in the KB
    last_sides: list[Participant] = field(default_factory=list)  # of the last event reported
    seen_at: list[tuple[int, Participant]] = field(default_factory=list)  # known persons by position
    last_event_date: DateValue | None = None  # of the last contact with a stated day
    page_year: int | None = None  # undated page: the year it names (see _page_year)
    era: tuple[dt.date, dt.date] | None = None  # undated page: the days its people served together
    doc_countries: set[str] = field(default_factory=set)  # every state the page names
    countries_at: list[tuple[int, str]] = field(default_factory=list)  # where each state is named
    named_ids: set[str] = field(default_factory=set)  # persons the page names unambiguously
    ref_day: str | None = None  # the day offices are read at when a sentence has no date


# 'WASHINGTON, March 31 -', 'أبوظبي - 6 ديسمبر:', '(Reuters) -'; languages add their marks ('讯')
_DATELINE_PUNCT = r"\)\s*[-–—:]|\s[-–—]\s|[-–—]\s|:\s|："


@lru_cache(maxsize=None)
def _dateline_sep(lang: str) -> re.Pattern:
    marks = "|".join(re.escape(m) for m in _lexicon(lang).dateline_marks)
    return re.compile(f"({marks + '|' if marks else ''}{_DATELINE_PUNCT})")


def find_dateline(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> tuple[Location | None, int | None]:
    """A city named at the head of one of the first body paragraphs, before a dateline mark,
    and where it is named."""
    body = [b for b in doc.blocks if not b.furniture][:4]
    for b in body:
        head_end = min(b.end, b.start + 40)
        for m in mentions:
            if m.start < b.start or m.start >= head_end or m.kind != "place":
                continue
            rest = doc.text[m.end:min(b.end, m.end + 30)]
            sep = _dateline_sep(doc.lang).search(rest)
            if sep is None:
                continue
            idx = [int(i) for i in _entity_ids(m, "place")]
            pls = sorted((kb.places[i] for i in idx), key=lambda p: -p.population)
            if pls:
                # 'MOSCOW, April 13' in 1987 is a Soviet dateline
                return Location(pls[0].venue_of or pls[0].name, kb.seat(pls[0].country, doc.published)), m.start
    return None, None


def _entity_ids(m: Mention, kind: str) -> list[str]:
    if not isinstance(m.value, list):
        return []
    return [ident for k, ident in m.value if k == kind]


# ---------------------------------------------------------------- chunks
def build_chunks(doc: Document, ms: list[Mention]) -> list[Chunk]:
    chunks: list[Chunk] = []
    cur: Chunk | None = None
    lex = _lexicon(doc.lang)
    joiners, title_of, plurals = lex.title_joiners, lex.title_of, lex.plural_titles
    for m in ms:
        if m.kind not in PARTY_KINDS:
            cur = None
            continue
        if cur is not None:
            gap = doc.text[cur.end:m.start]
            joinable = (len(gap) <= 3 and _GAP_OK.match(gap) is not None) or \
                (m.kind == "title" and cur.mentions[-1].kind == "title" and gap.strip().lower() in joiners) or \
                (m.kind in ("country", "org") and cur.mentions[-1].kind == "title" and gap.strip().lower() in title_of
                 and cur.mentions[-1].text.casefold() not in plurals)
            kinds = cur.kinds()
            # a person closes a side; a second state or person starts a new one
            closes = ("person" in kinds or (m.kind == "country" and "country" in kinds)
                      or (m.kind == "org" and "org" in kinds) or (m.kind in ("country", "org") and "," in gap))
            if joinable and not closes:
                cur.mentions.append(m)
                cur.end = m.end
                continue
        cur = Chunk([m], m.start, m.end)
        chunks.append(cur)
    return chunks


def ctx_text_startswith(text: str, at: int, prefixes: tuple[str, ...]) -> bool:
    return text[at:at + 2].lstrip().startswith(prefixes)


def _only_venues(places, c: Chunk) -> bool:
    """'The White House said', 'the Kremlin announced': a seat of power named without 'in/at'
    speaks for its government and is no place of the contact."""
    ids = [int(i) for m in c.mentions for i in _entity_ids(m, "place")]
    return bool(ids) and all(places[i].venue_of for i in ids)


def _mark_locatives(doc: Document, chunks: list[Chunk], ms: list[Mention], kb_places=()) -> None:
    """A bare state or city after 'in/tại/在' (or before 'で/에서') is where, not who."""
    before = [m for m in ms if m.kind == "loc_before"]
    after = [m for m in ms if m.kind == "loc_after"]
    origin = [m for m in ms if m.kind == "loc_origin"]
    _split_after_city(chunks, before)
    for i, c in enumerate(chunks):
        if c.kinds() - {"country", "place"}:
            continue
        if any(0 <= c.start - b.end <= 2 for b in origin):
            c.locative, c.origin = True, True
            continue
        marker = next((b for b in before if 0 <= c.start - b.end <= 2), None)
        prev = chunks[i - 1] if i else None
        if marker is not None and c.kinds() == {"country"} and prev is not None and prev.participant is None \
                and prev.mentions[-1].kind == "title" and "country" not in prev.kinds() \
                and 0 <= marker.start - prev.end <= 1:
            # 'وزير الخارجية في المملكة العربية السعودية': the state the office is of, not a place
            prev.mentions.extend(c.mentions)
            prev.end = c.end
            c.mentions, c.end = [], c.start
            continue
        if marker is not None or any(0 <= a.start - c.end <= 1 for a in after):
            c.locative = c.marked = True
        elif c.kinds() == {"place"} and not _only_venues(kb_places, c):
            c.locative = True  # cities are places unless they carry a title
    chunks[:] = [c for c in chunks if c.mentions]
    # '英国《卫报》': a state naming where a newspaper comes from is no side
    for c in chunks:
        if c.kinds() == {"country"} and ctx_text_startswith(doc.text, c.end, ("《", "「", "『")):
            c.locative = True
    # '土耳其安卡拉': a state followed by one of its cities is a place too
    for a, b in zip(chunks, chunks[1:]):
        if a.kinds() == {"country"} and b.locative and b.start - a.end <= 1:
            a.locative = True
        # 'tại Jakarta, Indonesia', 'in Hiroshima, Japan': the state after a city is where too
        if a.locative and a.kinds() == {"place"} and b.kinds() == {"country"} \
                and doc.text[a.end:b.start].strip() in (",", "，", "("):
            b.locative, b.marked = True, a.marked


def _split_after_city(chunks: list[Chunk], before: list[Mention]) -> None:
    """'встречи в Вашингтоне главы военного ведомства': the city after 'in' is where, and the
    title after it starts a side of its own."""
    for c in list(chunks):
        if c.mentions[0].kind != "place" or not any(0 <= c.start - b.end <= 2 for b in before):
            continue
        cut = next((k for k, m in enumerate(c.mentions) if m.kind in ("title", "person", "honorific", "counterpart")), None)
        if cut:
            rest = Chunk(c.mentions[cut:], c.mentions[cut].start, c.end)
            c.mentions, c.end = c.mentions[:cut], c.mentions[cut - 1].end
            chunks.insert(chunks.index(c) + 1, rest)


# ---------------------------------------------------------------- participants
HOME_TITLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
                         "party_leader", "speaker", "deputy_head_of_government"})


def resolve_chunk(ctx: DocContext, c: Chunk, day: str | None, lang: str,
                  stop: int | None = None) -> Participant | None:
    part = _resolve_chunk(ctx, c, day, lang, stop)
    if part is not None and part.country:
        part.country = ctx.kb.seat(part.country, None)  # Hong Kong officials act for China
    return part


def _resolve_chunk(ctx: DocContext, c: Chunk, day: str | None, lang: str,
                   stop: int | None = None) -> Participant | None:
    kb = ctx.kb
    country = None
    org = None
    for m in c.mentions:
        if m.kind == "country" and country is None:
            ids = _entity_ids(m, "country")
            country = ids[0] if ids else None
        if m.kind == "org" and org is None:
            ids = _entity_ids(m, "org")
            org = ids[0] if ids else None
    armed = kb.orgs.get(org) if org else None
    group = org if armed is not None and armed.kind == "armed_group" and armed.country else None
    if country is None and group:
        # 'FARC', 'die Vertreter der FARC': the group's country plus the group (GUIDELINES)
        country = armed.country
    title = c.first("title")
    role = _title_role(kb, title, country)
    person_m = c.first("person")
    surface = ctx.doc.text[c.start:c.end]
    if person_m is not None and any(i.startswith("~") for i in _entity_ids(person_m, "person")):
        known = ctx.unknown.get(_entity_ids(person_m, "person")[0])
        if known is not None:
            return replace(known, country=country or known.country, role=role or known.role, surface=surface)
    if person_m is not None:
        p = choose_person(kb, _pinned(ctx.named_ids, _entity_ids(person_m, "person")), day, country, role)
        if p is not None:
            part = person_participant(kb, p, day, role, surface)
            if country and part.country != country and org is None and part.org is None \
                    and any(o.country == country for o in p.offices):
                part.country = country  # the article says which of his states he speaks for
            return part
    if c.first("counterpart") is not None:
        return Participant(name=None, country=country, org=org, role="counterpart", surface=surface)
    if role and (country or org):
        # an office named without a person: who held it then, or the name written next to it
        # (Han names only after a state: '哈萨克斯坦总统托卡耶夫', not '秘书长工作')
        unknown = _unknown_name(ctx.doc.text, c.end, lang, stop) if country or _lexicon(lang).spaced else None
        if unknown or group:
            # a group's representatives hold no office of its state
            return Participant(name=unknown, country=country, org=group or (org if not country else None),
                               role=role, surface=surface + (" " + unknown if unknown else ""))
        if ctx.doc.published is None:
            # an undated page: 'the US Secretary of State' is the one it names ('ông Pompeo'),
            # not whoever the knowledge base has in office in the year it seems to be from
            seen = [q for q in ctx.persons_seen if q.role == role and (q.country or q.org) == (country or org)]
            if len(seen) == 1:
                return replace(seen[0], surface=surface, by_office=True)
        return office_participant(kb, role, country or org, country is None, day, surface)
    if role or c.first("honorific") is not None:
        unknown = _unknown_name(ctx.doc.text, c.end, lang, stop)
        if unknown:
            if country is None and org is None and role in ("head_of_state", "head_of_government") \
                    and ctx.dateline is not None:
                country = ctx.dateline.country  # 'WASHINGTON - ... President Reagan'
            return Participant(name=unknown, country=country, org=org, role=role, surface=surface)
        if role and country is None and org is None:
            # 'the Crown Prince' alone: the holder of that title the article named last
            prior = [(pos, q) for pos, q in ctx.seen_at if pos < c.start and q.role == role]
            # 'der Kanzler' after 'Bundeskanzler Scholz ... Ministerpräsident Li': the one who
            # was named with that very word, whatever other office he was named with ('Phó thủ
            # tướng, Bộ trưởng Ngoại giao Phạm Bình Minh')
            worded = [(pos, q) for pos, q in ctx.seen_at
                      if pos < c.start and title.text.casefold() in (q.surface or "").casefold()]
            if worded or prior:
                q = (worded or prior)[-1][1]
                return replace(q, surface=surface)
            home = _lexicon(lang).home_country
            if home and role in HOME_TITLES:
                # 'Chủ tịch nước gặp Tổng thống Nga': Vietnamese press, Vietnam's president
                return office_participant(kb, role, home, False, day, surface)
        return None
    if country:
        return Participant(name=None, country=country, org=group, surface=surface)
    if org:
        return Participant(name=None, org=org, surface=surface)
    return None


def _title_role(kb: KnowledgeBase, title: Mention | None, country: str | None) -> str | None:
    """The office a title names; 'the Japanese leader' is Japan's prime minister, 'the Soviet
    leader' the party's general secretary, 'the Russian leader' the president (countries.yaml:
    leader)."""
    if title is None:
        return None
    return kb.leader_office(country) if title.value == "leader" else title.value


def _lexicon(lang: str) -> lexmod.Lexicon:
    """The lexicon of `lang`, or an empty one for a language parley has none for."""
    return lexmod.get(lang)  # (an empty one, cached too, for a language with none)


def _unknown_name(text: str, at: int, lang: str, stop: int | None = None) -> str | None:
    """A person's name written right after a title and not in the knowledge base: up to four
    capitalised words (or 2-9 Han characters up to a function character), ending before the
    next known term."""
    if stop is not None:
        text = text[:stop]
    lex = _lexicon(lang)
    if not lex.spaced:
        stops = lex.name_stops
        m = _CJK_NAME.match(text, at)
        if not m:
            return None
        name = ""
        for ch in m.group(1):
            if ch in stops:
                break
            name += ch
        after = text[at + len(name):at + len(name) + 1]
        # a name is followed by a function word, punctuation or a known term; anything else
        # means the characters run on into an ordinary word ('秘书长工作会议')
        bounded = not after or after in stops or not ("\u4e00" <= after <= "\u9fff")
        return name if 2 <= len(name) <= 9 and bounded else None
    pos = at
    tokens: list[str] = []
    while len(tokens) < 4:
        while pos < len(text) and text[pos] in " \u00a0":
            pos += 1
        m = _NAME_TOKEN.match(text, pos)
        if not m or not m.group(0)[0].isupper() or (tokens and text[m.start() - 1] not in " \u00a0"):
            break
        tokens.append(m.group(0))
        pos = m.end()
    if not tokens or (len(tokens) == 1 and len(tokens[0]) < 3):
        return None
    if all(t.isupper() for t in tokens):
        return None  # a headline in capitals: 'UK MINISTER LOOKS TO EASE TENSION'
    if len(tokens) == 1 and tokens[0].lower() in lex.not_names:
        return None  # 'Unterhändler der kolumbianischen Regierung': a noun, not a name
    return " ".join(tokens)


# ---------------------------------------------------------------- one sentence
def sentence_events(ctx: DocContext, s: Sentence, ms: list[Mention]) -> list[Event]:
    lex = lexmod.get(s.lang) if s.lang in lexmod.available() else lexmod.get(ctx.doc.lang)
    suppress = [m for m in ms if m.kind == "suppress"]
    triggers = [m for m in ms if m.kind == "trigger"
                and not any(x.start <= m.start and m.end <= x.end for x in suppress)]
    # 'must break off these pointless talks': a contact named with a demonstrative is one the
    # article has already reported, and whoever this sentence names is no side of it
    anaphors = [m for m in triggers if _after_demonstrative(ctx.doc.text, ms, m)]
    if anaphors:
        ctx.traces.append(Trace(s, [m.text for m in anaphors], "trigger dropped: a contact already reported"))
        triggers = [m for m in triggers if m not in anaphors]
    # 'met Xi and urged him to talk with Zelensky': the contact urged is no event, and whoever
    # is named after the exhortation is no side of the one held
    cut = min((m.start for m in ms if m.kind == "exhort"), default=s.end)
    urged = [m for m in triggers if m.start >= cut]
    triggers = [m for m in triggers if m.start < cut]
    if triggers:
        # 'in talks with Tillerson, Wang said Beijing stood ready to work with Trump': whoever
        # is named in what is said after every contact word is no side of that contact
        last = max(m.end for m in triggers)
        cut = min([cut] + [m.start for m in ms if m.kind == "speech" and m.start >= last])
    # remember explicit dates of the block: later sentences without a date may refer to them
    explicit = [m for m in ms if m.kind == "date"]
    if not triggers:
        for m in explicit + [m for m in ms if m.kind == "reldate" and m.value[0] in _DAY_WORDS]:
            v = resolve_date_mention(m, ctx.published, False)
            if v and v.day:
                ctx.last_date[s.block] = v
        if urged:
            ctx.traces.append(Trace(s, [m.text for m in urged], "not an event: a contact urged, not held"))
        elif any(m.kind == "trigger" for m in ms):
            ctx.traces.append(Trace(s, [m.text for m in ms if m.kind == "trigger"], "trigger suppressed"))
        return []
    # a cue governs the sentence's contact when it stands by any of its trigger words
    # ('من المقرر أن يتوجه ... حيث يلتقي': planned, though the cue is far from 'meet')
    cues = {id(t): _status_cue(ms, t, s.lang, ctx.doc.text) for t in triggers}  # (status, where)
    cued = [t for t in triggers if cues[id(t)][0] in ("negation", "hypothetical")]
    # a cue reaches forward to the end of the sentence ('if he can come to our country, for
    # instance for the ASEAN summit'), not back to a contact reported before it
    held = [t for t in triggers if t not in cued and all(t.end <= c.start for c in cued)]
    if cued and held:
        # 'in talks with Tillerson, Wang said Beijing stood ready to work with Trump': the
        # contact only wished for is dropped, the one held stays
        ctx.traces.append(Trace(s, [m.text for m in triggers if m not in held], "trigger dropped: negated or hypothetical"))
        triggers = held
    in_sub = partial(_subordinate, ctx.doc.text, ms)
    trig = _main_trigger(triggers, lex.verb_last, in_sub)
    kind = trig.value
    tnames = [f"{m.text}:{m.value}" for m in triggers]

    # a cue governs the main contact word when it stands by it, or by another one in the same
    # clause or before ('من المقرر أن يتوجه ... حيث يلتقي': planned, though far from 'meet');
    # one by another word in a later clause is that word's alone ('Ngoại trưởng Mỹ - Nga điện
    # đàm, chuẩn bị cho thượng đỉnh': the call took place, the summit is ahead), unless the
    # main word itself stands in a subordinate clause ('sau khi họp ..., ông Pompeo sẽ gặp')
    status = min((cues[id(t)][0] for t in triggers
                  if t is trig or not _own_clause_cue(ctx.doc.text, trig, cues[id(t)][1])
                  or in_sub(trig)),
                 key=lambda st: STATUS_PRIORITY.get(st, 9))
    if status in ("negation", "hypothetical"):
        ctx.traces.append(Trace(s, tnames, f"not an event: {status} cue near '{trig.text}'"))
        return []
    future = status == "planned"
    date, date_explicit, ahead = _date(ctx, s, ms, trig, future)
    if ahead and status == "occurred":
        status, future = "planned", True
    if date and not future and ctx.published and date.as_date() and date.day and \
            date.as_date() > ctx.published + dt.timedelta(days=1):
        future, status = True, "planned"
    day = date.iso() if date else ctx.ref_day

    # the dateline's city is where the report was filed, not a place the sentence names
    chunks = [c for c in build_chunks(ctx.doc, ms) if c.start != ctx.dateline_at]
    _mark_locatives(ctx.doc, chunks, ms, ctx.kb.places)
    # 'the most senior official to visit Britain since May appointed Boris Johnson': who and
    # where a since-clause names belong to its own story
    since = _clauses_opened(ctx.doc.text, ms, "since_clause", s.end)
    chunks = [c for c in chunks if not any(a <= c.start and c.end <= b for a, b in since)]
    parties: list[Chunk] = []
    starts = sorted(m.start for m in ms)
    # 'Before meeting with Bush, the Crown Prince paid a courtesy call on Reagan': whoever the
    # clause before the main contact word names is another contact's side
    aside = [(a, b) for a, b in _clauses_opened(ctx.doc.text, ms, "subordinator", trig.start) if b < trig.start] \
        if any(in_sub(t) for t in triggers) else []
    for c in chunks:
        if c.locative or c.start >= cut or any(a <= c.start and c.end <= b for a, b in aside):
            continue
        stop = next((x for x in starts if x >= c.end), s.end)
        c.participant = resolve_chunk(ctx, c, day, s.lang, stop)
        if c.participant is not None and c.participant.key():
            parties.append(c)
        elif c.participant is not None and c.participant.role == "counterpart":
            parties.append(c)
    _inherit_titles(ctx, chunks, ms, day, s.lang)
    location = _location(ctx, chunks, ms, trig)
    if location is None and kind == "visit":
        location = _country_referred(ctx, s, ms, trig, parties)
    if location is None and kind != "phone" and ctx.dateline is not None:
        sides = {c.participant.country for c in parties if c.participant}
        if ctx.dateline.country in sides or (kind in ("visit", "arrive") and len(sides) == 1):
            # the dateline city hosts the article's contacts; 'King Fahd begins a state visit'
            # under a LONDON dateline is a visit to Britain
            location = replace(ctx.dateline)
    dest = next((m.value for m in ms if m.kind == "destination"), None)
    if kind in ("visit", "arrive") and dest is None:
        # 'Lavrov visits Qatar to discuss peace in Syria': the place named right after the
        # verb is the destination, whatever other places the sentence names. A verb that
        # names its destination ('访华') is followed by its visitor's titles instead
        target = _destination(ctx, chunks, trig, lex.verb_last)
        if target is not None:
            location = target
            dest = dest or target.country
    if kind == "visit" and dest is None and (location is None or location.inferred):
        # one visits a state, not its people: the one state named bare by a visit is where
        # ('托卡耶夫表示，习近平主席对哈萨克斯坦进行国事访问')
        states = [c for c in parties if c.kinds() == {"country"} and c.participant and c.participant.country]
        if len(states) == 1 and any(c.participant.key() != states[0].participant.key()
                                    for c in parties if c.participant):
            dest = states[0].participant.country
            location = Location(None, dest)
    parties = _select_parties(parties, kind, location, trig, not lex.spaced, ctx.doc.text,
                              [m for m in ms if m.kind == "conj"])
    _resolve_counterparts(ctx, parties, day)
    keyed = [c for c in parties if c.participant and c.participant.key()]
    keys = {c.participant.key() for c in keyed}
    if kind == "visit" and dest and dest not in keys and keyed:
        keyed.append(Chunk([], trig.start, trig.end, participant=Participant(country=dest, surface=trig.text)))
        keys.add(dest)
    if kind in ("visit", "arrive") and len(keys) == 1 and location and location.country \
            and location.country not in keys and not location.weak:
        keyed.append(Chunk([], trig.end, trig.end, participant=Participant(country=location.country)))
        keys.add(location.country)
    reach = 20 if not lex.spaced else 30
    # by any of the sentence's contact words ('setzten die beiden Minister ihre Beratungen ...
    # telefonisch fort')
    pair_ref = min((m for m in ms if m.kind == "pair_ref" and min(_gap(m, t) for t in triggers) <= reach),
                   key=lambda m: _gap(m, trig), default=None)
    last_keys = {p.key() for p in ctx.last_sides}
    if pair_ref is not None and ctx.last_sides and ((len(keys) < 2 and keys <= last_keys) or (
            keys == last_keys and len(keys) == 2 and not any(c.strong for c in keyed))):
        # 'the two leaders then met for two hours': the sides of the last contact reported;
        # '两国元首' are the heads of those states, whoever met last; so are 'they' who 'will
        # meet April 13 to 16 to discuss U.S.-Soviet issues'
        sides = [_holder_of(ctx, p, pair_ref.value, day) for p in ctx.last_sides]
        keyed = [Chunk([], trig.start, trig.end, participant=p) for p in sides]
        keys = {p.key() for p in sides}
    if len(keys) == 1 and kind != "summit" and any(m.kind == "pronoun" and m.start < trig.end + 40 for m in ms):
        # 'In Kairo traf er mit seinem ägyptischen Kollegen': 'er' is whom the article is about
        other = _last_person(ctx, s.start, keys)
        if other is not None:
            keyed.insert(0, Chunk([], s.start, s.start, participant=other))
            keys.add(other.key())
    if len(keys) < 2:
        ctx.traces.append(Trace(s, tnames, f"not an event: {len(keys)} side(s) {sorted(keys)}"))
        return []
    if not any(c.strong for c in keyed) and not _state_pair(keyed, triggers, ctx.doc.text):
        # bare state names around a trigger are mostly topics ('relations between A and B')
        ctx.traces.append(Trace(s, tnames, f"not an event: no person or office among {sorted(keys)}"))
        return []
    if kind == "summit":
        weak = [c for c in keyed if not c.strong and c.participant.country]
        if len(weak) == 1:
            # '哈方主办的阿斯塔纳峰会': one state named beside a summit is its host or topic
            keyed = [c for c in keyed if c is not weak[0]]
        keyed = _summit_sides(keyed, location)
        if len({c.participant.key() for c in keyed}) < 2:
            ctx.traces.append(Trace(s, tnames, "not an event: a summit attended, hosted at home"))
            return []
    contacts = {m.start for m in triggers if m.value != "summit"}
    gathering = any(m.kind == "trigger" and m.value == "summit" for m in ms) and len(keys) >= 3 \
        and len(contacts) < 2
    if gathering:
        # 'will meet the leaders of Britain, France... at the economic summit'; but 'met Putin
        # and received Lee Hsien Loong during the APEC week' is two meetings on the sidelines
        kind = "summit"
    groups = (_pairwise(keyed, kind, several_verbs=len(contacts) >= 2)
              if not _listed_destinations(keyed, kind) else _split_list(keyed))
    if kind == "summit" and _plural(ctx.doc.text, ms, trig):
        groups = _hub_and_partners(keyed, ms, trig) or groups
    if len(groups) == 1 and kind in ("call_on", "receive", "meet", "talks", "visit") \
            and not any(m.kind == "joint" for m in ms):
        # not 'talks with the participation of Yanukovych, Medvedev and Putin': one meeting
        groups = _one_per_host(groups[0], kind)
    evs = [_assemble(ctx, s, trig, kind, g, replace(location) if location else None, status,
                     _pair_date(ctx, ms, g, groups, future, s.lang) or date, date_explicit) for g in groups]
    if evs:
        ctx.last_sides = evs[0].participants()
        if date is not None and date_explicit and date.day:
            ctx.last_event_date = date
    for ev in evs:
        ctx.traces.append(Trace(s, tnames, "event" if len(evs) == 1 else f"event (1 of {len(evs)} pairs)", ev))
    return evs


def _pair_date(ctx: DocContext, ms: list[Mention], group: list[Chunk], groups: list[list[Chunk]],
               future: bool, lang: str) -> DateValue | None:
    """'in Rome from June 3 to 6 as the guests of President Cossiga and would have an audience
    with Pope John Paul II on June 6': when a sentence splits into several pairs and names
    several days, each pair is dated by the day named nearest its own counterpart."""
    days = [m for m in ms if m.kind == "date" and m.value.get("d")]
    if len(groups) < 2 or len({(m.value.get("m"), m.value["d"]) for m in days}) < 2:
        return None
    own = [c for c in group if not all(c in g for g in groups)]
    if not own:
        return None
    c = own[-1]
    pick = min(days, key=lambda m: _gap(c, m))
    # '5月10日至11日': a range is dated by its first day, whichever pair is nearer its end
    pick = _range_start(pick, days, ctx.doc.text, lang)
    return resolve_date_mention(pick, ctx.published, future)


def _country_referred(ctx: DocContext, s: Sentence, ms: list[Mention], trig: Mention,
                      parties: list[Chunk]) -> Location | None:
    """'о намерении вновь посетить страну': a visit to 'the country' is to the state named last
    before the sentence, other than the visitor's."""
    if not any(m.kind == "country_ref" and 0 <= m.start - trig.end <= 25 for m in ms):
        return None
    own = {c.participant.country for c in parties if c.participant}
    prior = [iso for pos, iso in ctx.countries_at if pos < s.start and iso not in own]
    return Location(None, prior[-1]) if prior else None


def _holder_of(ctx: DocContext, side: Participant, role: str | None, day: str | None) -> Participant:
    """The side's holder of `role` ('the two presidents' after the foreign ministers met)."""
    if role is None or side.role == role or not side.country:
        return side
    if (role == "minister" and (side.role or "").endswith("minister")) or \
            (role == "head_of_state" and side.role in LEADER_ROLES):
        # 'the two ministers' after the foreign ministers met; 'the two leaders' after Modi
        # and Kishida met (leader titles read as heads of state): the same people
        return side
    return office_participant(ctx.kb, role, side.country, False, day, side.surface or "")


_PAIR_DASH = re.compile(r"^\s*[-–—/]\s*$")


def _state_pair(keyed: list[Chunk], triggers: list[Mention], text: str) -> bool:
    """'thượng đỉnh Mỹ - Triều', 'the US-Soviet summit': two states joined by a dash right by
    the contact word are the sides, though no person is named."""
    if len(keyed) != 2:
        return False
    a, b = sorted(keyed, key=lambda c: c.start)
    if not (a.mentions and b.mentions and _PAIR_DASH.match(text[a.end:b.start])):
        return False
    return any(t.value != "visit" and (0 <= a.start - t.end <= 12 or 0 <= t.start - b.end <= 12)
               for t in triggers)


def _listed_destinations(keyed: list[Chunk], kind: str) -> bool:
    """'a tour of Vietnam, Japan and South Korea', 'received his counterparts from Indonesia,
    Malaysia and Singapore': one named side and several bare states."""
    strong = [c for c in keyed if c.strong]
    weak = [c for c in keyed if not c.strong]
    weak.sort(key=lambda c: c.start)
    listed = all(b.start - a.end <= 12 for a, b in zip(weak, weak[1:]))
    return kind in ("visit", "arrive", "receive", "meet", "talks") and len(strong) >= 1 \
        and len({c.participant.key() for c in strong}) == 1 and len(weak) >= 2 and listed


def _plural(text: str, ms: list[Mention], trig: Mention) -> bool:
    """'các Hội nghị Bộ trưởng': a plural mark right before the contact word."""
    return any(m.kind == "plural" and 0 <= trig.start - m.end <= 1 for m in ms)


def _hub_and_partners(keyed: list[Chunk], ms: list[Mention], trig: Mention) -> list[list[Chunk]] | None:
    """'attended the meetings between ASEAN and Australia, India, the EU and Canada': one
    gathering of whoever attended with the first side named after the contact word (the hub)
    and each of the others."""
    first = next((m for m in ms if m.start >= trig.end and m.kind in ("country", "org")), None)
    ids = _entity_ids(first, first.kind) if first is not None else []
    hub = next((c for c in keyed if ids and c.participant.key() == ids[0]), None)
    if hub is None:
        return None
    partners = [c for c in keyed if c.start >= first.end and c.participant.key() != ids[0]]
    attending = [c for c in keyed if c.start < trig.start and c is not hub]
    if len(partners) < 2:
        return None
    return [attending + [hub, p] for p in partners]


def _split_list(keyed: list[Chunk]) -> list[list[Chunk]]:
    strong = [c for c in keyed if c.strong]
    return [strong + [c] for c in keyed if not c.strong]


def _summit_sides(keyed: list[Chunk], location: Location | None) -> list[Chunk]:
    """One state at a summit: the contact is with the host state where the text says where
    (the organisation is the occasion); otherwise with no one in particular (measured: reading
    the organisation as the other side gave more false contacts than it found)."""
    states = {c.participant.country for c in keyed if c.participant.country}
    if len(states) != 1:
        return keyed
    people = [c for c in keyed if c.participant.country]
    if len(people) < len(keyed):
        # 'Biden, in Indonesia for the G20 summit': the organisation's gathering, not a visit
        # to its host
        return people
    if location and location.country:
        if location.country in states:
            return people
        host = Chunk([], 0, 0, participant=Participant(country=location.country))
        return people + [host]
    # nowhere said: attending a summit is no contact with anyone in particular
    return people


def _one_per_host(group: list[Chunk], kind: str) -> list[list[Chunk]]:
    """'will call on the General Secretary and the President': one courtesy call per host
    (GUIDELINES: meetings with different hosts are separate events)."""
    keys = []
    for c in group:
        if c.participant.key() not in keys:
            keys.append(c.participant.key())
    if len(keys) != 2:
        return [group]
    first = [c for c in group if c.participant.key() == keys[0]]
    second = [c for c in group if c.participant.key() == keys[1]]
    hosts, guests = (first, second) if kind == "receive" else (second, first)
    named = [c for c in hosts if c.participant.person_id]
    if len(guests) > 1 and any(c.participant.person_id for c in guests):
        return [group]  # a delegation meets a delegation: one meeting
    if len(named) < 2 or len({c.participant.person_id for c in named}) < 2 \
            or any(c.participant.name and not c.participant.person_id for c in hosts):
        return [group]
    # 'met the Queen and Prince Philip', 'le président Macron et Mme Brigitte Macron': a host
    # with no office (a spouse, a royal consort) keeps the company of the office holder before
    principal = [c for c in named if c.participant.role != "public_figure"] or named
    if len(principal) < 2:
        return [group]
    out = [guests + [c] for c in principal]
    for c in named:
        if c not in principal:
            before = [k for k, p in enumerate(principal) if p.start < c.start]
            out[before[-1] if before else 0].append(c)
    return out


def _pairwise(keyed: list[Chunk], kind: str, several_verbs: bool = False) -> list[list[Chunk]]:
    """'A met B, C and D on the sidelines': one bilateral contact per counterpart, the
    subject (first side named) in each; a summit or phone round stays one gathering."""
    keys = []
    for c in keyed:
        k = c.participant.key()
        if k not in keys:
            keys.append(k)
    # three sides are as often a trilateral meeting as two bilaterals: kept together, unless
    # the sentence has a verb for each ('gặp Tổng thống Nga ... và tiếp Thủ tướng Singapore')
    if len(keys) < (3 if several_verbs else 4) or kind in ("summit", "phone", "visit", "arrive"):
        return [keyed]
    subject = [c for c in keyed if c.participant.key() == keys[0]]
    return [subject + [c for c in keyed if c.participant.key() == k] for k in keys[1:]]


def _last_person(ctx: DocContext, before: int, keys: set) -> Participant | None:
    """The person the article last named (outside `keys`), for a pronoun subject."""
    prior = [q for pos, q in ctx.seen_at if pos < before and q.key() and q.key() not in keys]
    if not prior:
        return None
    q = prior[-1]
    return replace(q)


def _main_trigger(triggers: list[Mention], verb_last: bool = False,
                  subordinate: Callable[[Mention], bool] | None = None) -> Mention:
    """A call is a call wherever it is said; otherwise the main contact verb governs: the
    first in verb-object languages ('would travel to China to follow up on the talks' is a
    trip), the last in Japanese and Korean, where the main verb ends the sentence; a summit
    only alone."""
    phone = [m for m in triggers if m.value == "phone"]
    if phone:
        return phone[0]
    contact = [m for m in triggers if m.value != "summit"] or triggers
    # 'Before meeting with Bush, the Crown Prince paid a courtesy call on Reagan': not a word
    # in a clause 'before' or 'after' opens, where the main clause has one
    contact = [m for m in contact if not (subordinate and subordinate(m))] or contact
    return max(contact, key=lambda m: m.start) if verb_last else min(contact, key=lambda m: m.start)


_DAY_WORDS = ("day", "weekday", "this_weekday")  # relative words that name one day
_CLAUSE_END = re.compile(r"[,;:，；。.!?、]")


def _appositive(text: str, start: int, cue: int) -> bool:
    """'talks between Reagan and Nakasone, scheduled for Thursday, ...': a cue that opens the
    clause right after the trigger's phrase describes the contact itself."""
    gap = text[start:cue]
    breaks = list(_CLAUSE_END.finditer(gap))
    return len(breaks) == 1 and breaks[0].group() in ",，" and not gap[breaks[0].end():].strip()


def _own_clause_cue(text: str, trig: Mention, cue: int | None) -> bool:
    """Another contact word's cue stands in a later clause than the main contact word."""
    return cue is not None and cue >= trig.end and _CLAUSE_END.search(text, trig.end, cue) is not None


def _after_demonstrative(text: str, ms: list[Mention], trig: Mention) -> bool:
    """'эти переговоры', 'these pointless talks': a demonstrative at most one word before the
    contact word; 'пребывания в этих городах', 'the stay in these cities': one right after the
    locative that follows it."""
    dates = [m for m in ms if m.kind in ("date", "reldate")]  # 'в этом году встреча', 'this week's talks'
    demonstratives = [m for m in ms if m.kind == "demonstrative" and not any(d.start <= m.start < d.end for d in dates)]
    if any(0 <= trig.start - m.end and len(text[m.end:trig.start].split()) <= 1
           and not _CLAUSE_END.search(text, m.end, trig.start) for m in demonstratives):
        return True
    after = [m for m in ms if m.kind == "loc_before" and 0 <= m.start - trig.end <= 1]
    return any(0 <= d.start - loc.end <= 1 for loc in after for d in demonstratives)


def _subordinate(text: str, ms: list[Mention], trig: Mention) -> bool:
    """The contact word stands in a clause opened by 'after', 'sau khi', 'на пути': the main
    clause, and its cues, come later."""
    opened = [m for m in ms if m.kind == "subordinator" and m.end <= trig.start]
    return any(not _CLAUSE_END.search(text, m.end, trig.start) for m in opened)


def _clauses_opened(text: str, ms: list[Mention], kind: str, limit: int) -> list[tuple[int, int]]:
    """Spans from each word of `kind` ('kể từ khi', 'before') before `limit` to the end of the
    clause it opens; a clause still open at `limit` ends there."""
    spans = []
    for m in ms:
        if m.kind == kind and m.end <= limit:
            end = _CLAUSE_END.search(text, m.end, limit)
            spans.append((m.start, end.start() if end else limit))
    return spans


def _status_cue(ms: list[Mention], trig: Mention, lang: str, text: str = "") -> tuple[str, int | None]:
    """The cue nearest the trigger, and where it starts: up to a few words before it, and
    after it to the end of its clause ('nói chuyện với ông Vương Nghị một cách tương đối
    thường xuyên')."""
    cjk = not _lexicon(lang).spaced
    # Chinese 将/拟 govern the whole predicate: '李希将于9月16日至26日率代表团访问古巴'
    before, after, clause = (20, 10, 25) if cjk else (45, 25, 70)
    best: tuple[int, int, str, int] | None = None
    # 'met Tillerson and said Beijing stood ready to work with Trump': a cue in what is said
    # after the contact does not govern it
    said = min((m.start for m in ms if m.kind == "speech" and m.start >= trig.end), default=None)
    # 'điện đàm, chuẩn bị cho thượng đỉnh': a cue right before a later contact word is that one's
    owned = {m.start for m in ms if m.kind == "status" and m.start >= trig.end and any(
        t.kind == "trigger" and t.start > trig.start and 0 <= t.start - m.end <= 6 for t in ms)}
    for m in ms:
        if m.kind != "status" or (said is not None and m.start >= said) or m.start in owned:
            continue
        in_clause = text and trig.end <= m.start and (
            (m.start <= trig.end + clause and not _CLAUSE_END.search(text, trig.end, m.start))
            or (m.start <= trig.end + 2 * clause and _appositive(text, trig.end, m.start)))
        if trig.start - before <= m.end <= trig.start + 1 or trig.end - 1 <= m.start <= trig.end + after \
                or in_clause or (m.start < trig.end and trig.start < m.end):  # or overlapping it
            dist = max(trig.start - m.end, m.start - trig.end, 0)
            cand = (STATUS_PRIORITY.get(m.value, 9), dist, m.value, m.start)
            if best is None or cand < best:
                best = cand
    return (best[2], best[3]) if best else ("occurred", None)


def _date(ctx: DocContext, s: Sentence, ms: list[Mention], trig: Mention,
          future: bool) -> tuple[DateValue | None, bool, bool]:
    """The contact's date, whether the sentence states it, and whether it points ahead."""
    cands = [m for m in ms if m.kind in ("date", "reldate")]
    since = [m for m in ms if m.kind in ("since", "since_clause")]
    # 'for the first time since June 1982': that date starts a span; it is not the contact's
    reach = 30 if _lexicon(s.lang).spaced else 2  # 'since he became king in June 1982'
    cands = [m for m in cands if not any(0 <= m.start - w.end <= reach and not _CLAUSE_END.search(
        ctx.doc.text, w.end, m.start) for w in since)]
    explicit = [m for m in cands if m.kind == "date"]
    anchor = ctx.published
    # the sentence's own reference day: "ngày 19/7 ... tuần tới" counts from 19/7
    ref = None
    for m in explicit:
        v = resolve_date_mention(m, ctx.published, False)
        if v and v.day:
            ref = v
            break
    if cands:
        def cost(m: Mention) -> float:
            d = m.start - trig.end if m.start >= trig.end else trig.start - m.end
            if future and m.start >= trig.end:
                d *= 0.5  # planned events put their date after the verb
            return d
        same_day = next((m for m in cands if m.kind == "reldate" and m.value[0] == "same_day"), None)
        if same_day is not None and ctx.last_event_date is not None and \
                not any(m.kind == "date" and m.value.get("d") for m in cands):
            # ('... on June 12 ... before returning home the same day' is the sentence's own day)
            # 'le même jour', 'cùng ngày': the day of the contact reported just before
            return ctx.last_event_date, True, False
        cands = [m for m in cands if not (m.kind == "reldate" and m.value[0] == "same_day")] or cands
        after = [m for m in cands if m.start >= trig.end]
        # a planned contact is dated after its verb; a date before it is when it was announced
        pool = after if future and after else cands
        if future and ctx.published:
            # a plan is not dated by a time already past ('... the deal reached last month')
            pool = [m for m in pool if not _before_report(resolve_date_mention(m, anchor, True), ctx.published)] or pool
        pick = _range_start(min(pool, key=cost), cands, ctx.doc.text, s.lang)
        base = anchor
        # 'ngày 19/7 ... tuần tới': a week or month counts from the sentence's own day; 'last
        # night' and 'yesterday' always count from the publication day
        if pick.kind == "reldate" and ref is not None and ref.as_date() and pick.value[0] not in _DAY_WORDS:
            base = ref.as_date()
        ahead = pick.kind == "reldate" and not future and _points_ahead(pick)
        future = future or ahead
        v = resolve_date_mention(pick, base, future)
        if v is None and base is None and pick.kind == "date" and pick.value.get("m"):
            # undated page that names only its year ('APEC 2017'): '22-3' is that year's; one
            # that names none: the year its people's common span puts it in
            year = (_year_in_era(pick.value, ctx.era) if ctx.era else None) or ctx.page_year
            if year:
                v = resolve_explicit({**pick.value, "y": year}, None, future)
        if v is not None:
            if pick.kind == "date" or (pick.kind == "reldate" and pick.value[0] in _DAY_WORDS):
                ctx.last_date[s.block] = v
            return v, True, ahead
    prior = ctx.last_date.get(s.block)
    if prior is not None:
        return prior, False, False

    if not future and ctx.published:
        return DateValue(ctx.published.year, ctx.published.month, ctx.published.day), False, False
    if future and ctx.published:
        # a plan with no day given: the month of the report (GUIDELINES: the precision the
        # publication date supports)
        return DateValue(ctx.published.year, ctx.published.month), False, False
    if future and ctx.last_event_date is not None and ctx.last_event_date.year:
        # an undated page: a plan among plans the article dates falls in their month
        return DateValue(ctx.last_event_date.year, ctx.last_event_date.month), False, False
    if ctx.page_year and ctx.era:
        # an undated page that names its year: a contact with no day of its own is of that
        # year, or of the year of the contact the article dated last
        last = ctx.last_event_date
        return DateValue(last.year if last is not None and last.year else ctx.page_year), False, False
    return None, False, False


def _before_report(v: DateValue | None, published: dt.date) -> bool:
    """The date ends before the report's eve, at its own precision."""
    if v is None:
        return False
    if v.day is not None:
        return v.as_date() is not None and v.as_date() < published - dt.timedelta(days=1)
    if v.month is not None:
        return (v.year, v.month) < (published.year, published.month)
    return v.year < published.year


def _inherit_titles(ctx: DocContext, chunks: list[Chunk], ms: list[Mention], day: str | None,
                    lang: str) -> None:
    """'Ngoại trưởng Mỹ, Đức' / 'the US and German foreign ministers': a bare state coordinated
    with a titled one shares its title."""
    conj = [m for m in ms if m.kind == "conj"]
    for a, b in zip(chunks, chunks[1:]):
        pa = a.participant
        if b.locative or b.kinds() != {"country"} or pa is None or "title" not in a.kinds() or "person" in a.kinds():
            continue
        gap = ctx.doc.text[a.end:b.start]
        joined = _GAP_OK.match(gap) is not None and len(gap) <= 3 or any(
            a.end <= m.start and m.end <= b.start for m in conj) and len(gap) <= 8
        if not joined:
            continue
        ids = _entity_ids(b.first("country"), "country")
        if ids:
            role = _title_role(ctx.kb, a.first("title"), ids[0])
            b.mentions.insert(0, a.first("title"))
            b.participant = office_participant(ctx.kb, role, ids[0], False, day, ctx.doc.text[b.start:b.end])


@lru_cache(maxsize=None)
def _range_joiner(lang: str) -> re.Pattern:
    words = "|".join(re.escape(w) for w in _lexicon(lang).range_words)
    return re.compile(rf"^\s*({words + '|' if words else ''}[-－–—~〜])\s*$")


def _range_start(pick: Mention, cands: list[Mention], text: str, lang: str) -> Mention:
    """'9月16日至26日', '22-23/3', 'from 3 to 6 June': a contact is dated by its first day;
    so are two days joined ('talks scheduled for Thursday and Friday')."""
    joiner = _range_joiner(lang)
    conj = {w.casefold() for w in _lexicon(lang).conjunctions}
    one_day = pick.kind == "reldate" and pick.value[0] in _DAY_WORDS
    for m in cands:
        if m.end > pick.start:
            continue
        gap = text[m.end:pick.start]
        if m.kind == "date" and joiner.match(gap):
            return m
        if one_day and m.kind == "reldate" and m.value[0] == pick.value[0] and gap.strip().casefold() in conj:
            return m
    return pick


def _points_ahead(m: Mention) -> bool:
    """'tomorrow', 'next week', 'next year': the contact lies ahead of the reference day."""
    kind, n = m.value
    return kind in ("next_week", "next_month", "next_year") or (kind == "day" and n > 0)


def _location(ctx: DocContext, chunks: list[Chunk], ms: list[Mention], trig: Mention) -> Location | None:
    """Where the contact took place: the city (or else the state after a locative) nearest
    the trigger; among cities sharing a name, the one in a state the sentence names. A state
    in a topic ('discussed ways to end the crisis in Syria') is none; a city there still is
    ('talks on Syria in Geneva')."""
    topics = _clauses_opened(ctx.doc.text, ms, "topic", len(ctx.doc.text))
    places = [c for c in chunks if c.locative and not c.origin and not (
        c.kinds() == {"country"} and any(a <= c.start < b for a, b in topics))]
    if not places:
        return None
    named = {i for c in chunks for m in c.mentions if m.kind == "country" for i in _entity_ids(m, "country")}
    sides = {c.participant.country for c in chunks if c.participant and c.participant.country}
    cities = []
    for c in places:
        for m in c.mentions:
            pl = _pick_place(ctx, m, named) if m.kind == "place" else None
            # a city named without 'in' counts when it is big, or in a state the page is about
            # ('the Geneva talks'); else it is likely a name ('projet « Carrefour de la paix »')
            if pl is not None and (c.marked or pl.venue_of or (pl.population or 0) >= 1_000_000
                                   or pl.country in ctx.doc_countries | sides):
                cities.append((not c.marked, abs(m.start - trig.start), pl))
    if cities:
        bare, _, pl = min(cities, key=lambda t: t[:2])
        return Location(pl.venue_of or pl.name, pl.country, bare=bare)
    pick = min(places, key=lambda c: abs(c.start - trig.start))
    cm = next((m for m in pick.mentions if m.kind == "country"), None)
    if cm is not None:
        ids = _entity_ids(cm, "country")
        if ids:
            return Location(None, ids[0])
    return None


def _pick_place(ctx: DocContext, city: Mention, named: set[str]):
    """Among places sharing a name, the one in a state the sentence names, unless it is a
    small town beside a great city (Moscow, Idaho beside Moscow when the sentence names the
    Soviet Union); else the most populous."""
    day = ctx.doc.published
    pls = sorted((ctx.kb.places[int(i)] for i in _entity_ids(city, "place")), key=lambda p: -p.population)
    if not pls:
        return None
    top = pls[0].population or 0
    named = named | {ctx.kb.seat(c, day) for c in named}
    for pl in pls:
        if (pl.country in named or ctx.kb.seat(pl.country, day) in named) and (pl.population or 0) * 20 >= top:
            return pl
    return pls[0]


def _destination(ctx: DocContext, chunks: list[Chunk], trig: Mention, verb_last: bool = False) -> Location | None:
    """The state or city named within a few words after a visit verb (before it, in
    Japanese and Korean: 'パキスタンを訪問')."""
    order = sorted(chunks, key=lambda c: -c.start) if verb_last else chunks
    for c in order:
        if verb_last:
            if c.end > trig.start or trig.start - c.end > 6:
                continue
        elif c.start < trig.end or c.start - trig.end > 25:
            continue
        if c.kinds() <= {"country", "place"}:
            city = c.first("place")
            if city is not None:
                pl = _pick_place(ctx, city, set())
                if pl is not None:
                    return Location(pl.venue_of or pl.name, pl.country)
            cm = c.first("country")
            ids = _entity_ids(cm, "country") if cm is not None else []
            if ids:
                return Location(None, ids[0])
        break
    return None


def _select_parties(parties: list[Chunk], kind: str, location: Location | None, trig: Mention,
                    cjk: bool, text: str = "", conj: list[Mention] = ()) -> list[Chunk]:
    """Drop bare states that only qualify a named side or are the topic of the talks."""
    strong = [c for c in parties if c.strong]
    strong_keys = {c.participant.key() for c in strong if c.participant and c.participant.key()}
    out = []
    for c in parties:
        p = c.participant
        if c.strong:
            out.append(c)
            continue
        if p.key() in strong_keys:
            continue
        if p.org and not p.country and kind != "summit":
            continue  # 'the G7 meeting', 'NATO allies': an occasion, not a side
        out.append(c)
    weak = [c for c in out if not c.strong]
    if len(strong_keys) >= 2 and weak and kind != "summit":
        out = [c for c in out if c.strong]
    elif len(strong_keys) == 1 and weak:
        # one named side and bare states: only a state right by the verb is the other side
        # ('met with the Chinese side', 'gặp phía Mỹ', '与美方会谈', 'visited China');
        # states further off are what the talks were about
        cps = [m for c in parties for m in c.mentions if m.kind == "counterpart"]
        near = sorted((c for c in weak if _by_the_verb(c, trig, kind, text, conj, cjk, cps)),
                      key=lambda c: _gap(c, trig))[:1]
        if near:
            # '... Việt Nam, Nhật Bản và Hàn Quốc': the list that starts there
            chain = near[0]
            for c in sorted(weak, key=lambda c: c.start):
                if c.start > chain.end and c not in near and _list_gap(text, chain, c, conj):
                    near.append(c)
                    chain = c
        out = [c for c in out if c.strong] + near
    return out


def _by_the_verb(c: Chunk, trig: Mention, kind: str, text: str, conj: list[Mention], cjk: bool,
                 counterparts: list[Mention] = ()) -> bool:
    """A bare state is a side when it touches the verb ('visited China', 'talks with China',
    '与美方会谈'), or is joined to it by 'with/và/与'; 'discussed Kyrgyzstan's accession' is a topic."""
    gap = _gap(c, trig)
    if gap <= (3 if cjk else 12):
        return True
    if kind in ("visit", "arrive") and c.start >= trig.end and gap <= (12 if cjk else 25):
        return True
    lo, hi = (trig.end, c.start) if c.start >= trig.end else (c.end, trig.start)
    if any(lo <= m.start and m.end <= hi for m in counterparts) and gap <= (12 if cjk else 30):
        return True  # 'received his counterparts from Indonesia, Malaysia...'
    joined = [m for m in conj if lo <= m.start and m.end <= hi]
    if joined and gap <= (12 if cjk else 30):
        rest = text[lo:hi]
        for m in joined:
            rest = rest.replace(m.text, "")
        return len(rest.strip()) <= (6 if cjk else 14)
    return False


def _list_gap(text: str, a: Chunk, b: Chunk, conj: list[Mention]) -> bool:
    """Only commas and 'and' between two list items: 'Việt Nam, Nhật Bản và Hàn Quốc'."""
    gap = text[a.end:b.start]
    for m in conj:
        if a.end <= m.start and m.end <= b.start:
            gap = gap.replace(m.text, " ")
    return len(gap) <= 12 and _GAP_OK.match(gap) is not None


def _gap(c: Chunk, m: Mention) -> int:
    return max(m.start - c.end, c.start - m.end, 0)


def _resolve_counterparts(ctx: DocContext, parties: list[Chunk], day: str | None) -> None:
    """'người đồng cấp Hàn Quốc', '他的俄罗斯同行': the other side's holder of the same office."""
    for c in parties:
        p = c.participant
        if p is None or p.role != "counterpart":
            continue
        other = next((o.participant for o in parties if o is not c and o.participant
                      and o.participant.role not in (None, "counterpart")), None)
        role = other.role if other else None
        seat = p.country or p.org
        if not seat:
            continue
        # a person of that side with that office named elsewhere in the article is the counterpart
        seen = next((q for q in ctx.persons_seen if q.key() == seat and q.name
                     and (role is None or q.role == role)), None)
        if seen is not None:
            c.participant = replace(seen, surface=p.surface)
        elif role:
            c.participant = office_participant(ctx.kb, role, seat, p.country is None, day, p.surface)
        else:
            c.participant = Participant(None, p.country, p.org, None, None, p.surface)


def _directed(kind: str, parts: list[Participant], location: Location | None):
    """Roles from the verb: a host receives (subject = host), a visitor calls on or visits
    (subject = visitor). The subject is the first side named, in SVO and SOV order alike, and
    in VSO (Arabic) too, where no side precedes the verb."""
    subj_key = parts[0].key()
    same = [p for p in parts if p.key() == subj_key]
    others = [p for p in parts if p.key() != subj_key]
    actor, recipient = (others, same) if kind == "receive" else (same, others)
    host_countries = {p.country for p in recipient}
    guest_countries = {p.country for p in actor}
    if location and location.country and location.country not in host_countries \
            and location.country not in guest_countries and kind in ("receive", "call_on"):
        return "third-party", parts, [], location  # received on the sidelines abroad
    if location and location.country and location.country in guest_countries and not location.weak \
            and (kind in ("receive", "call_on") or location.country not in host_countries):
        # '李强在雅加达会见印尼国会议长': the one who 'receives' is abroad, so he is the visitor;
        # '习近平在西安同来华…的塔吉克斯坦总统会谈': no one visits his own country
        actor, recipient = recipient, actor
    elif location is None or (location.country and location.country not in host_countries):
        location = Location(None, recipient[0].country, inferred=True) if recipient and recipient[0].country else location
    mode = "" if any(p.role == "ambassador" for p in actor) else "visit"
    return mode, actor, recipient, location


def _assemble(ctx: DocContext, s: Sentence, trig: Mention, kind: str, parties: list[Chunk],
              location: Location | None, status: str, date: DateValue | None, explicit: bool) -> Event:
    parts = [c.participant for c in parties]
    # one side per person: the same person named twice in a sentence is one participant
    uniq: list[Participant] = []
    for p in parts:
        if not any((q.person_id and q.person_id == p.person_id) or
                   (q.name is None and p.name is None and q.key() == p.key()) for q in uniq):
            uniq.append(p)
    parts = uniq
    if date:
        # a state's code on the day: Moscow spoke for the Soviet Union before 1992
        for p in parts:
            p.country = ctx.kb.seat(p.country, date.iso())
        if location is not None:
            location.country = ctx.kb.seat(location.country, date.iso())
    mode = ""
    actor, recipient = parts, []
    if kind == "phone":
        mode, location = "phone", None
    elif kind == "summit" and (len({p.key() for p in parts}) >= 3 or any(p.org and not p.country for p in parts)):
        mode = "multilateral"
    elif kind in ("receive", "call_on", "visit", "arrive") and len(parts) >= 2:
        mode, actor, recipient, location = _directed(kind, parts, location)
    elif location and location.country:
        hosts = [p for p in parts if p.country == location.country]
        guests = [p for p in parts if p.country != location.country]
        if hosts and guests:
            mode, actor, recipient = "visit", guests, hosts
        elif not hosts:
            mode = "third-party"
    for p in parts:
        if p.name:
            ctx.persons_seen.append(p)
    conf = 0.5 + 0.1 * sum(1 for p in parts if p.name) + (0.1 if explicit else 0)
    return Event(mode=mode, actor=list(actor), recipient=list(recipient),
                 date=date.iso() if date else None, location=location, status=status,
                 date_inferred=not explicit,
                 evidence=[Evidence(s.text, s.start, s.end, trig.text)], furniture=s.furniture,
                 confidence=min(conf, 0.95), doc_id=ctx.doc.doc_id, lang=s.lang)


# ---------------------------------------------------------------- whole document
def _sentence_mentions(doc: Document, mentions: list[Mention]):
    j = 0
    for s in doc.sentences:
        while j < len(mentions) and mentions[j].start < s.start:
            j += 1
        k = j
        ms = []
        while k < len(mentions) and mentions[k].start < s.end:
            if mentions[k].end <= s.end:
                ms.append(mentions[k])
            k += 1
        yield s, ms


_SIDE_KINDS = ("person", "country", "org", "title")


def _clauses(text: str, s: Sentence, ms: list[Mention]) -> list[tuple[Sentence, list[Mention]]]:
    """'ويلتقي كيري بنظرائه الخليجيين، كما يعقد لافروف مباحثات مع أمير قطر', 'A met B, while C
    received D': a sentence is read clause by clause at a joiner when each clause reports a
    contact of its own (a contact word and two named sides); at 'ahead of' when the contact
    after it has its own sides, and that one is planned."""
    cuts = [m.start for m in ms if m.kind == "joiner"] + \
        [s.start + i + 1 for i, ch in enumerate(s.text) if ch in ";；"]
    ahead = {m.start: m for m in ms if m.kind == "ahead"}
    bounds = [s.start]
    for cut in sorted(cuts + list(ahead)):
        left = [m for m in ms if bounds[-1] <= m.start < cut]
        right = [m for m in ms if m.start >= cut]
        # 'the meeting took place ahead of the summit between Kim and Trump': the summit named
        # with its own sides is a contact still to come, whatever the clause before reports
        if _own_contact(right) and (cut in ahead or _own_contact(left)):
            bounds.append(cut)
    if len(bounds) == 1:
        return [(s, ms)]
    bounds.append(s.end)
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        pms = [m for m in ms if a <= m.start and m.end <= b]
        if a in ahead:
            pms.append(Mention("status", a, ahead[a].end, ahead[a].text, "planned"))
        parts.append((Sentence(a, b, text[a:b], s.block, s.furniture, s.lang), pms))
    return parts


def _own_contact(ms: list[Mention]) -> bool:
    return any(m.kind == "trigger" for m in ms) and sum(m.kind in _SIDE_KINDS for m in ms) >= 2


def _add_unknown_persons(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """People the KB lacks but the article introduces with a title ('French Prime Minister
    Jacques Chirac'): later mentions of their full name or surname ('Chirac') become person
    mentions of the same side."""
    doc = ctx.doc
    aliases: dict[str, str] = {}
    for s, ms in _sentence_mentions(doc, mentions):
        if s.furniture:
            continue
        starts = sorted(m.start for m in ms)
        for c in build_chunks(doc, ms):
            kinds = c.kinds()
            if "person" in kinds or not kinds & {"title", "honorific"}:
                continue
            stop = next((x for x in starts if x >= c.end), s.end)
            name = _unknown_name(doc.text, c.end, s.lang, stop)
            if not name or name in aliases:
                continue
            cm = c.first("country")
            country = _entity_ids(cm, "country")[0] if cm is not None and _entity_ids(cm, "country") else None
            if country is None and c.first("org") is None:
                if (c.first("title") and c.first("title").value in ("head_of_state", "head_of_government", "leader")
                        and ctx.dateline is not None):
                    country = ctx.dateline.country
                else:
                    continue
            om = c.first("org")
            org = _entity_ids(om, "org")[0] if om is not None and not country else None
            key = "~" + name
            role = _title_role(ctx.kb, c.first("title"), country)
            ctx.unknown[key] = Participant(name=name, country=country, org=org, role=role, surface=name)
            aliases[name] = key
            last = name.split()[-1]
            if " " in name and len(last) >= 4 and last[0].isupper():
                aliases.setdefault(last, key)
    if not aliases:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.kind in ENTITY_KINDS or m.kind == "title"]
    extra = []
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?![\w])")
    for mt in pattern.finditer(doc.text):
        if any(mt.start() < e and s < mt.end() for s, e in taken):
            continue
        extra.append(Mention("person", mt.start(), mt.end(), mt.group(0), [("person", aliases[mt.group(0)])]))
    return sorted(mentions + extra, key=lambda m: (m.start, m.end))


def _page_date(mentions: list[Mention]) -> dt.date | None:
    """No publication date given: a full date the page prints (a source line, a dateline)
    fixes the year for '3/11' and the day for 'yesterday' (GUIDELINES: known from the page)."""
    for m in mentions:
        if m.kind == "date" and all(m.value.get(k) for k in ("y", "m", "d")):
            try:
                return dt.date(m.value["y"], m.value["m"], m.value["d"])
            except ValueError:
                continue
    return None


def _persons_in(doc: Document, kb: KnowledgeBase, mentions: list[Mention], day: str | None,
                named: set[str]) -> list[tuple[int, Participant]]:
    """Every known person the article names, with where: for 'his counterpart' and for
    'the Crown Prince' or 'he' said later."""
    out: list[tuple[int, Participant]] = []
    titles = {m.end: m for m in mentions if m.kind == "title"}
    for m in mentions:
        if m.kind != "person":
            continue
        p = choose_person(kb, _pinned(named, _entity_ids(m, "person")), day)
        if p is not None:
            # the surface keeps the titles written before the name ('Bundeskanzler Olaf Scholz',
            # 'Phó thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh')
            start = m.start
            while (title := next((titles[e] for e in range(start, start - 3, -1) if e in titles), None)) is not None:
                start = title.start
            surface = doc.text[start:m.end]
            out.append((m.start, person_participant(kb, p, day, None, surface)))
    return out


def _add_surnames(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """'Mahmoud Abbas ... der Ministerpräsident habe Abbas angerufen': once the article names
    someone in full, his surname alone is him, even a surname the knowledge base withholds as
    another official's first name. Where the news calls people by the first word of their name
    (countries.yaml: called_by_family_name) that word is the one: 'Vương Nghị ... ông Vương'.
    That word, or any short one, counts only right after an honorific or title ('ông Tập')."""
    owners: dict[str, set[str]] = {}
    family_named: set[str] = set()
    for m in mentions:
        pid = _sole_person(m)
        if pid is None or " " not in m.text:
            continue
        person = kb.persons.get(pid)
        family_first = person is not None and person.home in kb.called_by_family_name
        word = m.text.split()[0] if family_first else m.text.split()[-1]
        if family_first:
            family_named.add(pid)
        if len(word) >= (2 if family_first else 4) and word[:1].isupper() and word.isalpha():
            owners.setdefault(word, set()).add(pid)
    full = {w: next(iter(pids)) for w, pids in owners.items() if len(pids) == 1}  # 'Kim' of two Kims: no one
    if not full:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.kind in ENTITY_KINDS or m.kind == "title"]
    lead_ends = {m.end for m in mentions if m.kind in ("honorific", "title")}
    added = []
    for word, pid in full.items():
        for hit in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            if (len(word) < 4 or pid in family_named) and not {hit.start() - 1, hit.start()} & lead_ends:
                continue  # 'Thái' alone is Thai or the Pacific ('Thái Bình Dương'), 'ông Thái' a man
            added.append(Mention("person", hit.start(), hit.end(), word, [("person", pid)]))
    return sorted(mentions + added, key=lambda x: (x.start, x.end)) if added else mentions


def _sole_person(m: Mention) -> str | None:
    """The one person a mention names, if it names exactly one (one person may be listed
    twice, under two of his names)."""
    ids = set(_entity_ids(m, "person")) if m.kind == "person" else set()
    return next(iter(ids)) if len(ids) == 1 else None


def _named_ids(mentions: list[Mention]) -> set[str]:
    """Persons the article names unambiguously ('Gerhard Stoltenberg')."""
    return {pid for m in mentions if (pid := _sole_person(m))}


def _common_era(kb: KnowledgeBase, person_ids: set[str]) -> tuple[dt.date, dt.date] | None:
    """A page that names no date: the span in which every person it names held office
    (Tillerson and Boris Johnson: 2017 to 2018). None when fewer than two careers are known,
    or they never overlap. Kept to the day: Obama and Trump meet only on 20 January 2017."""
    lo, hi = dt.date.min, dt.date.max
    spans = 0
    for pid in person_ids:
        person = kb.persons.get(pid)
        held = [o for o in (person.offices if person else []) if parse_iso(o.start)]
        if not held:
            continue
        start = min(parse_iso(o.start) for o in held)
        end = max(parse_iso(o.end) or dt.date.today() for o in held)
        lo, hi, spans = max(lo, start), min(hi, end), spans + 1
    if spans < 2 or lo > hi:
        return None  # one career alone says little; careers that never overlap, nothing
    return lo, hi


_BARE_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")


def _page_year(doc: Document, mentions: list[Mention], era: tuple[dt.date, dt.date] | None) -> int | None:
    """The year of an undated page: the one it names most often among the years its people were
    in office together ('seit 2011', 'the invasion of 1968' are background), ties going to the
    one named first; within that span a bare number counts too ('APEC 2017'). With no such
    span, the year it names most (ties: the latest). A year named beside a future cue ('will
    take office in January 2017', 'postponed until 2019') is not the page's own."""
    text = doc.text
    cues = sorted(m.start for m in mentions if m.kind == "status" and m.value == "planned")
    ahead = [(s.start, s.end) for s in doc.sentences if bisect_left(cues, s.start) < bisect_left(cues, s.end)]

    def own(pos: int) -> bool:
        return not any(a <= pos < b for a, b in ahead)
    years = Counter(m.value["y"] for m in mentions if m.kind == "date" and m.value.get("y") and own(m.start))
    if era is None:
        return max(years, key=lambda y: (years[y], y)) if years else None
    lo, hi = era[0].year, era[1].year
    # within the span, a tie goes to the year named first ('APEC 2017 ... ASEAN chair in 2018')
    years = Counter({y: n for y, n in years.items() if lo <= y <= hi}) or \
        Counter(int(b.group()) for b in _BARE_YEAR.finditer(text) if lo <= int(b.group()) <= hi and own(b.start()))
    return max(years, key=lambda y: (years[y], -text.find(str(y)))) if years else None


def _year_in_era(value: dict, era: tuple[dt.date, dt.date]) -> int | None:
    """'14/11' on an undated page whose people served together only on 20 January 2017: the
    year that puts that day nearest their common span (2016, when Trump was president-elect),
    whatever year the page names ('the inauguration in January 2017'). None for a wider span."""
    m, d = value.get("m"), value.get("d") or 1
    if m is None or (era[1] - era[0]).days > 366:
        return None  # a span of years leaves the year open
    def gap(y: int) -> int:
        try:
            day = dt.date(y, m, d)
        except ValueError:
            return 10**6
        return max((era[0] - day).days, (day - era[1]).days, 0)
    years = range(era[0].year - 1, era[1].year + 2)
    return min(years, key=lambda y: (gap(y), -y))


def _pinned(named: set[str], candidates: list[str]) -> list[str]:
    """A bare surname is the person of that name the article has already named in full."""
    hits = [i for i in candidates if i in named]
    return hits if len(hits) == 1 else candidates


def document_events(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> tuple[list[Event], list[Trace]]:
    ctx = DocContext(doc=doc, kb=kb, published=parse_iso(doc.published) or _page_date(mentions))
    mentions = _add_surnames(doc, kb, mentions)
    # offices are read as of the report's day; on an undated page, as of its year ('the
    # Ukrainian leader' in a 2014 story is Poroshenko, not today's president)
    ctx.named_ids = _named_ids(mentions)
    if ctx.published is None:
        ctx.era = _common_era(kb, ctx.named_ids)
        ctx.page_year = _page_year(doc, mentions, ctx.era)
    ctx.ref_day = (ctx.published.isoformat() if ctx.published else None) or \
        (str(ctx.page_year) if ctx.page_year else None) or \
        (str((ctx.era[0].year + ctx.era[1].year) // 2) if ctx.era else None)
    ctx.seen_at = _persons_in(doc, kb, mentions, ctx.ref_day, ctx.named_ids)
    ctx.persons_seen = list({q.person_id: q for _, q in ctx.seen_at}.values())  # each person once
    ctx.dateline, ctx.dateline_at = find_dateline(doc, kb, mentions)
    ctx.countries_at = [(m.start, ids[0]) for m in mentions if m.kind == "country" and (ids := _entity_ids(m, "country"))]
    ctx.doc_countries = {i for _, i in ctx.countries_at}
    mentions = _add_unknown_persons(ctx, mentions)
    events: list[Event] = []
    for s, ms in _sentence_mentions(doc, mentions):
        for part, pms in _clauses(doc.text, s, ms):
            events.extend(sentence_events(ctx, part, pms))
    _place_from_context(events)
    return events, ctx.traces


def _place_from_context(events: list[Event]) -> None:
    """A meeting reported with no place took place where its people were at the time: on the
    visit the article reports ('Lavrov's visit to China ... Lavrov and Wang Yi discussed'), or
    where the contact reported just before with one of the same people was ('On the same day,
    the minister also met his Canadian counterpart'). With neither, rank decides
    (`_place_by_rank`), and a place rank gave one meeting then serves the others ('Carter meets
    Netanyahu' headline, then 'Carter said on Monday ... with Ya'alon')."""
    unplaced = [i for i, ev in enumerate(events)
                if not (ev.mode or ev.recipient or ev.location is not None or len(ev.keys()) < 2)]
    left = [i for i in unplaced if not _place_from_near(events, i)]
    # 'the minister also attended the ASEAN meetings with Australia and India': where he was
    for i, ev in enumerate(events):
        if ev.mode == "multilateral" and ev.location is None:
            _place_from_near(events, i)
    for i in left:
        _place_by_rank(events[i])
    for i in left:
        if events[i].location is None:
            _place_from_near(events, i)


def _place_from_near(events: list[Event], i: int) -> bool:
    """Give events[i] the place of the nearest located report of the same people; say whether
    one was found."""
    ev = events[i]
    people = {_person_key(p) for p in ev.participants() if p.name}
    # a place the text states beats one guessed from the host; then the nearest report.
    # The same people, or the same two sides on a visit ('the talks with the Deputy Prime
    # Minister' during the Russian minister's visit)
    near = [(other.location.weak, abs(i - j) + (0.5 if j > i else 0), other) for j, other in enumerate(events)
            if j != i and other.location is not None and other.location.country
            and other.mode in ("visit", "third-party", "multilateral")
            and (people & {_person_key(p) for p in other.participants() if p.name}
                 or (other.mode == "visit" and other.keys() == ev.keys()))
            and _same_trip(ev, other)]
    if not near:
        return False
    src = min(near, key=lambda t: t[:2])[2].location
    ev.location = Location(src.name, src.country, inferred=True)
    if ev.mode == "multilateral":
        return True  # a gathering stays one, wherever it met
    hosts = [p for p in ev.actor if p.country == src.country]
    guests = [p for p in ev.actor if p.country != src.country]
    if hosts and guests:
        ev.mode, ev.actor, ev.recipient = "visit", guests, hosts
    elif not hosts:
        ev.mode = "third-party"
    return True


def _same_trip(ev: Event, other: Event) -> bool:
    """Two reports of one stay: the same status and dates a trip spans, or a meeting still to
    come on a visit under way ('Kerry will hold talks with Johnson in the afternoon')."""
    ahead_on_visit = ev.status == "planned" and other.status == "occurred" and other.mode == "visit"
    return (ev.status == other.status or ahead_on_visit) and _same_stay(ev.date, other.date)


# who receives visitors rather than travelling to meet a minister: a meeting of a leader with
# a lower-ranked foreigner, reported with no place, is held in the leader's country
LEADER_ROLES = frozenset({"head_of_state", "head_of_government", "party_leader", "crown_prince"})


def _place_by_rank(ev: Event) -> None:
    """'Pompeo will meet President Putin', 'Carter meets Netanyahu': a minister or envoy calls
    on a head of state or government in that leader's country. The place is marked inferred;
    a resident ambassador's audience keeps its mode "" (GUIDELINES)."""
    keys = list(ev.keys())
    if len(keys) != 2:
        return
    sides = [[p for p in ev.actor if p.key() == k] for k in keys]
    leading = [any(p.role in LEADER_ROLES for p in side) for side in sides]
    if leading.count(True) != 1:
        return
    hosts, guests = (sides[0], sides[1]) if leading[0] else (sides[1], sides[0])
    country = hosts[0].country
    if not country or any(p.country == country for p in guests):
        return
    ev.location = Location(None, country, inferred=True)
    if not all(p.role == "ambassador" for p in guests):
        ev.mode, ev.actor, ev.recipient = "visit", guests, hosts


def _same_stay(a: str | None, b: str | None) -> bool:
    """Dates that fit one trip: compatible, or days a week apart at most (a visit lasts days)."""
    return compatible_dates(a, b) or days_apart(a, b) <= 7


def _person_key(p: Participant) -> str:
    return p.person_id or p.name or ""
