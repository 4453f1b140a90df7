#!/usr/bin/env python3
"""Throughput of the extraction chain on one core: plain-text documents per second and peak RSS.

usage: python bench/throughput.py DOCS.jsonl [--all] [--repeat N]

Reads a benchmark-style docs.jsonl, keeps its text/plain documents (all with --all), loads the
knowledge base (timed apart), then runs the whole chain (clean → … → merge) on every document
N times and reports documents per second and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("--all", action="store_true", help="HTML documents too")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    from parley.kb import load
    from parley.model import RawDocument
    from parley.pipeline import process

    docs = []
    with open(a.docs, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if a.all or d.get("content_type", "text/plain") == "text/plain":
                docs.append(RawDocument(d["doc_id"], d.get("content") or "", d.get("content_type") or "text/plain",
                                        d.get("url"), d.get("published")))
    t0 = time.perf_counter()
    kb = load()
    t_kb = time.perf_counter() - t0
    # warm-up: builds (or loads) each language's automaton once, outside the timed loop
    seen = set()
    for d in docs:
        r = process(d, kb)
        seen.add(r.doc.lang)
    t0 = time.perf_counter()
    n_events = 0
    for _ in range(a.repeat):
        for d in docs:
            n_events += len(process(d, kb).events)
    secs = time.perf_counter() - t0
    n = len(docs) * a.repeat
    chars = sum(len(d.content) for d in docs) * a.repeat
    print(f"documents: {n} ({'all' if a.all else 'text/plain'}), languages: {len(seen)}, events: {n_events}")
    print(f"knowledge base load: {t_kb:.2f} s")
    print(f"throughput: {n / secs:.1f} docs/s, {chars / secs / 1e6:.2f} M chars/s on one core ({secs:.1f} s)")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
