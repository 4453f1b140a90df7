"""Export: the contract JSONL (one line per document) and flat CSV (one row per event)."""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable

CSV_FIELDS = ["doc_id", "event", "type", "mode", "date", "status", "actor", "actor_countries",
              "recipient", "recipient_countries", "location", "location_country", "confidence",
              "sources", "evidence"]


def jsonl_line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _names(ps: list[dict]) -> str:
    return "; ".join(p.get("name") or p.get("org") or p.get("country") or "?" for p in ps)


def _codes(ps: list[dict]) -> str:
    return "; ".join(p.get("country") or p.get("org") or "" for p in ps)


def csv_row(ev: dict[str, Any], doc_id: str = "", n: int = 0) -> dict[str, Any]:
    loc = ev.get("location") or {}
    evidence = ev.get("evidence")
    if isinstance(evidence, dict):
        evidence = evidence.get("text")
    sources = ev.get("sources") or []
    if sources and not evidence:
        evidence = sources[0].get("sentence")
    return {
        "doc_id": doc_id or "; ".join(s["doc_id"] for s in sources),
        "event": ev.get("id", n), "type": ev.get("type", "CONSULT"), "mode": ev.get("mode", ""),
        "date": ev.get("date") or "", "status": ev.get("status", ""),
        "actor": _names(ev.get("actor") or []), "actor_countries": _codes(ev.get("actor") or []),
        "recipient": _names(ev.get("recipient") or []),
        "recipient_countries": _codes(ev.get("recipient") or []),
        "location": loc.get("name") or "", "location_country": loc.get("country") or "",
        "confidence": ev.get("confidence", ""), "sources": len(sources) or 1,
        "evidence": (evidence or "")[:500],
    }


def write_csv(out: IO[str], rows: Iterable[dict[str, Any]]) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow(r)
        n += 1
    return n
