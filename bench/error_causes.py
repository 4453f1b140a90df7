#!/usr/bin/env python3
"""Per-language error counts by cause, for the extraction work list.

usage: python bench/error_causes.py GOLD.jsonl SYSTEM.jsonl

For every required gold event the system missed at the full level, the cause is the first
thing that went wrong: `sides` (no system event with the same countries/organisations),
`status` (the sides were found but with another status), `date` (sides and status found, the
date disagrees). Every unmatched system event is a false positive: `sides` (no gold event
with those sides at all), `status`, `date`, or `duplicate` (the gold contact was already
matched by another system event). Matching follows the benchmark rules (same key set, or a
Jaccard overlap of 0.5 for gatherings of three or more; dates by prefix).
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict


def load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {d["doc_id"]: d for d in (json.loads(x) for x in fh if x.strip())}


def keys(ev: dict) -> frozenset[str]:
    return frozenset((p.get("country") or p.get("org") or "").upper()
                     for p in (ev.get("actor") or []) + (ev.get("recipient") or [])
                     if p.get("country") or p.get("org"))


def sides(g: dict, s: dict) -> bool:
    a, b = keys(g), keys(s)
    return len(a & b) / len(a | b) >= 0.5 if len(a) >= 3 else a == b


def status(e: dict) -> str:
    return (e.get("status") or "occurred").lower()


def date_ok(g: dict, s: dict) -> bool:
    return not g.get("date") or str(s.get("date") or "").startswith(str(g["date"]))


def full(g: dict, s: dict) -> bool:
    return sides(g, s) and status(g) == status(s) and date_ok(g, s)


def causes(gold: dict, system: dict) -> tuple[dict, dict]:
    fn: dict[str, Counter] = defaultdict(Counter)
    fp: dict[str, Counter] = defaultdict(Counter)
    for doc_id, g in gold.items():
        lang = g.get("lang") or "?"
        gev = g.get("events") or []
        sev = (system.get(doc_id) or {}).get("events") or []
        used_s: set[int] = set()
        used_g: set[int] = set()
        for gi, ge in enumerate(gev):  # greedy full-level matching
            for si, se in enumerate(sev):
                if si not in used_s and full(ge, se):
                    used_s.add(si)
                    used_g.add(gi)
                    break
        for gi, ge in enumerate(gev):
            if gi in used_g or not ge.get("required", True):
                continue
            same = [se for se in sev if sides(ge, se)]
            cause = "sides" if not same else "status" if all(status(se) != status(ge) for se in same) else "date"
            fn[lang][cause] += 1
        for si, se in enumerate(sev):
            if si in used_s:
                continue
            same = [ge for ge in gev if sides(ge, se)]
            if any(full(ge, se) for ge in same):
                cause = "duplicate"
            elif not same:
                cause = "sides"
            elif all(status(ge) != status(se) for ge in same):
                cause = "status"
            else:
                cause = "date"
            if not (same and all(not ge.get("required", True) for ge in same) and cause != "sides"):
                fp[lang][cause] += 1
    return fn, fp


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    fn, fp = causes(load(sys.argv[1]), load(sys.argv[2]))
    cols = ("sides", "status", "date")
    print(f"{'lang':<6}{'missed: sides':>14}{'status':>8}{'date':>6}   {'false: sides':>13}{'status':>8}{'date':>6}{'dup':>5}")
    for lang in sorted(set(fn) | set(fp)):
        a, b = fn[lang], fp[lang]
        print(f"{lang:<6}" + "".join(f"{a[c]:>{14 if c == 'sides' else 8 if c == 'status' else 6}}" for c in cols)
              + f"   {b['sides']:>13}{b['status']:>8}{b['date']:>6}{b['duplicate']:>5}")


if __name__ == "__main__":
    main()
