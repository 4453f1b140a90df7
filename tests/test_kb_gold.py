"""Every named participant of the benchmark's gold events resolves to the right entity:
a person the KB knows by that name, holding an office for that state or organisation."""
import json
import unicodedata

from conftest import BENCH, require_shared


def tokens(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "".join(c if c.isalnum() else " " for c in s).split()


def same_person(a: str, b: str) -> bool:
    """The benchmark's own rule (score.py), restated."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    sa, sb = set(ta), set(tb)
    return sa == sb or len(sa & sb) / len(sa | sb) >= 0.5 or (ta[-1] == tb[-1] and ta[0][0] == tb[0][0])


def test_gold_participants_resolve(kb):
    gold = require_shared(BENCH / "dev" / "gold.jsonl")
    by_token: dict[str, list] = {}
    for p in kb.persons.values():
        for t in tokens(p.name):
            by_token.setdefault(t, []).append(p)
    missing = set()
    total = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        for e in g["events"]:
            for part in e["actor"] + e["recipient"]:
                name = part.get("name")
                if not name:
                    continue
                total += 1
                seat = part.get("country") or part.get("org")
                cands = {p.id: p for t in tokens(name) for p in by_token.get(t, [])}
                by_name = any(same_person(name, p.name) and any(o.seat == seat for o in p.offices)
                              for p in cands.values())
                # a name the article uses that differs from the canonical one ('Prince Charles')
                by_form = any(kind == "person" and any(o.seat == seat for o in kb.persons[pid].offices)
                              for kind, pid in kb.lookup(name, "en"))
                if not (by_name or by_form):
                    missing.add((name, seat))
    assert total > 500
    assert not missing, f"{len(missing)} of {total} gold participants unknown: {sorted(missing)[:40]}"
