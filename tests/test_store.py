"""SQLite store: versioned schema, one transaction per document, idempotent re-runs, queries."""
import sqlalchemy as sa

from parley.model import Document, Event, Evidence, Location, Participant
from parley.pipeline import Result
from parley.store import SCHEMA_VERSION, Query, connect, counts, current_version, query_events, store_result


def result(doc_id="d1", text="A met B.", h="h1", date="2024-05-06"):
    doc = Document(doc_id=doc_id, text=text, content_hash=h, lang="en", published="2024-05-07")
    ev = Event(mode="visit", actor=[Participant("Antony Blinken", "USA", role="foreign_minister")],
               recipient=[Participant("Wang Yi", "CHN")], date=date, location=Location("Beijing", "CHN"),
               evidence=[Evidence(text, 0, len(text), "met")])
    return Result(doc, [ev])


def test_schema_is_versioned(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    with eng.connect() as c:
        assert current_version(c) == SCHEMA_VERSION
    connect(str(tmp_path / "p.db"))  # a second open migrates nothing and does not fail


def test_rerun_adds_nothing(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    assert store_result(eng, result()).stored
    first = counts(eng)
    assert not store_result(eng, result()).stored
    assert counts(eng) == first == {"documents": 1, "events": 1, "participants": 2, "event_sources": 1}


def test_changed_document_replaces_its_events(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    store_result(eng, result(date="2024-05-06"))
    store_result(eng, result(h="h2", date="2024-05-05"))
    rows = list(query_events(eng, Query()))
    assert [r["date"] for r in rows] == ["2024-05-05"]


def test_same_contact_from_two_documents_is_one_event_with_two_sources(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    store_result(eng, result("d1", h="a"))
    store_result(eng, result("d2", h="b"))
    rows = list(query_events(eng, Query()))
    assert len(rows) == 1 and {s["doc_id"] for s in rows[0]["sources"]} == {"d1", "d2"}


def two_hosts(doc_id: str, h: str) -> Result:
    """Wang Yi's talks with Lavrov and his call on Putin, the same day in Moscow."""
    doc = Document(doc_id=doc_id, text="x", content_hash=h, lang="ru", published="2023-02-22")
    evs = [Event(mode="visit", actor=[Participant("Wang Yi", "CHN", person_id="wang-yi")],
                 recipient=[Participant(host, "RUS", person_id=pid)], date="2023-02-22",
                 evidence=[Evidence("x", 0, 1, "met")])
           for host, pid in (("Sergey Lavrov", "sergey-lavrov"), ("Vladimir Putin", "vladimir-putin"))]
    return Result(doc, evs)


def test_two_hosts_the_same_day_stay_two_events_and_each_finds_its_own_report(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    store_result(eng, two_hosts("d1", "a"))
    store_result(eng, two_hosts("d2", "b"))
    rows = list(query_events(eng, Query()))
    assert len(rows) == 2 and all({s["doc_id"] for s in r["sources"]} == {"d1", "d2"} for r in rows)


def test_query_filters(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    store_result(eng, result())
    assert len(list(query_events(eng, Query(actor="Blinken")))) == 1
    assert len(list(query_events(eng, Query(country="usa", with_country="CHN")))) == 1
    assert len(list(query_events(eng, Query(country="RUS")))) == 0
    assert len(list(query_events(eng, Query(since="2024-05-01", until="2024-05-06")))) == 1
    assert len(list(query_events(eng, Query(since="2024-06-01")))) == 0
    assert len(list(query_events(eng, Query(mode="phone")))) == 0
    assert len(list(query_events(eng, Query(status="occurred")))) == 1


def test_each_document_commits_alone(tmp_path):
    eng = connect(str(tmp_path / "p.db"))
    store_result(eng, result("ok", h="1"))
    bad = result("bad", h="2")
    bad.events[0].evidence[0].start = None  # NOT NULL: the insert fails after the document row
    try:
        store_result(eng, bad)
    except sa.exc.IntegrityError:
        pass
    c = counts(eng)
    assert c["documents"] == 1 and c["events"] == 1  # the failed document left nothing behind
