"""Store: events in SQLite (default) through SQLAlchemy Core, in a schema PostgreSQL can serve.

Tables: documents, events, participants, event_sources, and schema_version for migrations.
Each document is written in its own transaction, so an interrupted run keeps every document it
committed; a document already stored with the same content hash is left as it is, so running
again on the same input adds nothing. A contact reported by several documents is one event
with several sources when its sides, status and day agree.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        and_, create_engine, delete, func, insert, select, update)
from sqlalchemy.engine import Connection, Engine

from .merge import different_people, named_people
from .model import Event
from .pipeline import Result

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)
documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(1024), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("url", Text),
    Column("published", String(10)),
    Column("lang", String(16)),
    Column("title", Text),
    Column("note", Text),
    Column("n_events", Integer, nullable=False, default=0),
    Column("processed_at", String(32), nullable=False),
)
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("signature", String(64), nullable=False, index=True),  # sides + status + day
    Column("type", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("date", String(10)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("furniture", Boolean, nullable=False, default=False),
)
participants = Table(
    "participants", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("side", String(16), nullable=False),  # actor | recipient
    Column("name", Text),
    Column("country", String(3), index=True),
    Column("org", String(32)),
    Column("role", String(48)),
    Column("person_id", String(128)),
    Column("surface", Text),
)
event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", Text),
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)


# ordered migrations: version → function; a new schema change appends one
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [(1, _v1)]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def connect(url_or_path: str) -> Engine:
    """An engine for a SQLite path or any SQLAlchemy URL, migrated to the current schema."""
    url = url_or_path if "://" in url_or_path else f"sqlite:///{url_or_path}"
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        from sqlalchemy import event as sa_event

        @sa_event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
    migrate(engine)
    return engine


def current_version(conn: Connection) -> int:
    if not engine_has_table(conn, "schema_version"):
        return 0
    return conn.execute(select(func.max(schema_version.c.version))).scalar() or 0


def engine_has_table(conn: Connection, name: str) -> bool:
    from sqlalchemy import inspect

    return inspect(conn).has_table(name)


def migrate(engine: Engine) -> int:
    with engine.begin() as conn:
        have = current_version(conn)
        if have > SCHEMA_VERSION:
            raise RuntimeError(f"database schema v{have} is newer than this parley (v{SCHEMA_VERSION})")
        for version, step in MIGRATIONS:
            if version > have:
                step(conn)
                conn.execute(insert(schema_version).values(version=version, applied_at=_now()))
    return SCHEMA_VERSION


def signature(ev: Event) -> str:
    """Sides, status and day: two reports with the same signature are one contact."""
    raw = "|".join(sorted(ev.keys())) + f"|{ev.status}|{ev.date or ''}"
    return hashlib.sha1(raw.encode()).hexdigest()


@dataclass
class StoreReport:
    stored: bool
    events_new: int = 0
    events_merged: int = 0


def store_result(engine: Engine, result: Result) -> StoreReport:
    """Write one processed document in its own transaction."""
    doc = result.doc
    with engine.begin() as conn:
        row = conn.execute(select(documents.c.id, documents.c.content_hash)
                           .where(documents.c.doc_id == doc.doc_id)).first()
        if row is not None and row.content_hash == doc.content_hash:
            return StoreReport(stored=False)
        if row is not None:  # same id, new content: replace what it contributed
            _forget_document(conn, row.id)
            conn.execute(update(documents).where(documents.c.id == row.id).values(
                content_hash=doc.content_hash, url=doc.url, published=doc.published, lang=doc.lang,
                title=doc.title, note=result.note, n_events=len(result.events), processed_at=_now()))
            doc_pk = row.id
        else:
            doc_pk = conn.execute(insert(documents).values(
                doc_id=doc.doc_id, content_hash=doc.content_hash, url=doc.url, published=doc.published,
                lang=doc.lang, title=doc.title, note=result.note, n_events=len(result.events),
                processed_at=_now())).inserted_primary_key[0]
        report = StoreReport(stored=True)
        for ev in result.events:
            sig = signature(ev)
            existing = _same_contact_stored(conn, ev, sig, doc_pk) if ev.date and len(ev.date) == 10 else None
            if existing is None:
                event_pk = conn.execute(insert(events).values(
                    signature=sig, type=ev.type, mode=ev.mode, date=ev.date,
                    location_name=ev.location.name if ev.location else None,
                    location_country=ev.location.country if ev.location else None,
                    status=ev.status, confidence=ev.confidence, furniture=ev.furniture)).inserted_primary_key[0]
                rows = [dict(event_id=event_pk, side=side, name=p.name, country=p.country, org=p.org,
                             role=p.role, person_id=p.person_id, surface=p.surface[:500])
                        for side, ps in (("actor", ev.actor), ("recipient", ev.recipient)) for p in ps]
                if rows:
                    conn.execute(insert(participants), rows)
                report.events_new += 1
            else:
                event_pk = existing
                report.events_merged += 1
            srcs = [dict(event_id=event_pk, document_id=doc_pk, sentence=e.sentence[:2000],
                         start=e.start, end=e.end, trigger=e.trigger) for e in ev.evidence]
            if srcs:
                conn.execute(insert(event_sources), srcs)
        return report


def _same_contact_stored(conn: Connection, ev: Event, sig: str, doc_pk: int) -> int | None:
    """A stored event another document reported with the same sides, status and day, and no
    different people: Wang Yi's talks with Lavrov and his call on Putin the same day are two
    contacts. This document's own reports were merged before they got here."""
    mine = named_people(ev.participants())
    for (event_pk,) in conn.execute(select(events.c.id).where(events.c.signature == sig).where(
            ~events.c.id.in_(select(event_sources.c.event_id).where(event_sources.c.document_id == doc_pk)))):
        theirs: dict[str, set[str]] = {}
        for r in conn.execute(select(participants.c.country, participants.c.org, participants.c.person_id)
                              .where(participants.c.event_id == event_pk)):
            if r.person_id:
                theirs.setdefault(r.country or r.org, set()).add(r.person_id)
        if not different_people(mine, theirs):
            return event_pk
    return None


def _forget_document(conn: Connection, doc_pk: int) -> None:
    ids = [r[0] for r in conn.execute(select(event_sources.c.event_id).where(
        event_sources.c.document_id == doc_pk).distinct())]
    conn.execute(delete(event_sources).where(event_sources.c.document_id == doc_pk))
    for eid in ids:
        left = conn.execute(select(func.count()).select_from(event_sources)
                            .where(event_sources.c.event_id == eid)).scalar()
        if not left:
            conn.execute(delete(participants).where(participants.c.event_id == eid))
            conn.execute(delete(events).where(events.c.id == eid))


@dataclass
class Query:
    actor: str | None = None
    country: str | None = None
    with_country: str | None = None
    since: str | None = None
    until: str | None = None
    mode: str | None = None
    status: str | None = None
    limit: int | None = None


def query_events(engine: Engine, q: Query) -> Iterator[dict[str, Any]]:
    """Stored events matching the filters, newest first, each with participants and sources."""
    stmt = select(events).order_by(events.c.date.desc().nulls_last(), events.c.id)
    conds = []
    if q.mode is not None:
        conds.append(events.c.mode == q.mode)
    if q.status:
        conds.append(events.c.status == q.status)
    if q.since:
        conds.append(events.c.date >= q.since)
    if q.until:
        # an event dated '2024-07' lies within an --until of 2024-07-31
        conds.append(events.c.date <= q.until + "\uffff")
    for code in (q.country, q.with_country):
        if code:
            sub = select(participants.c.event_id).where(
                (func.upper(participants.c.country) == code.upper()) | (func.upper(participants.c.org) == code.upper()))
            conds.append(events.c.id.in_(sub))
    if q.actor:
        sub = select(participants.c.event_id).where(
            (participants.c.name.ilike(f"%{q.actor}%")) | (participants.c.surface.ilike(f"%{q.actor}%")))
        conds.append(events.c.id.in_(sub))
    if conds:
        stmt = stmt.where(and_(*conds))
    if q.limit:
        stmt = stmt.limit(q.limit)
    with engine.connect() as conn:
        for ev in conn.execute(stmt).mappings().all():
            parts = conn.execute(select(participants).where(participants.c.event_id == ev["id"])
                                 .order_by(participants.c.id)).mappings().all()
            srcs = conn.execute(select(event_sources, documents.c.doc_id, documents.c.url)
                                .join(documents, documents.c.id == event_sources.c.document_id)
                                .where(event_sources.c.event_id == ev["id"])
                                .order_by(event_sources.c.id)).mappings().all()
            yield {
                "id": ev["id"], "type": ev["type"], "mode": ev["mode"],
                "actor": [_part(p) for p in parts if p["side"] == "actor"],
                "recipient": [_part(p) for p in parts if p["side"] == "recipient"],
                "date": ev["date"],
                "location": ({"name": ev["location_name"], "country": ev["location_country"]}
                             if ev["location_name"] or ev["location_country"] else None),
                "status": ev["status"], "confidence": ev["confidence"],
                "sources": [{"doc_id": s["doc_id"], "url": s["url"], "sentence": s["sentence"],
                             "start": s["start"], "end": s["end"]} for s in srcs],
            }


def _part(p) -> dict[str, Any]:
    return {"name": p["name"], "country": p["country"], "org": p["org"]}


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in (documents, events, participants, event_sources)}
