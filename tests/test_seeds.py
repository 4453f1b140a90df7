"""The four founding pages: every required event at the full level, no false positive."""
import json
import subprocess
import sys

from conftest import BENCH, read_jsonl, require_shared


def test_seeds_score_full_f1_one(tmp_path):
    docs = require_shared(BENCH / "dev" / "seeds.docs.jsonl")
    gold = BENCH / "dev" / "seeds.gold.jsonl"
    out = tmp_path / "seeds.out.jsonl"
    r = subprocess.run([sys.executable, "-m", "parley", "extract", str(docs), "-o", str(out)],
                       capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    score = subprocess.run([sys.executable, str(BENCH / "score.py"), str(gold), str(out),
                            "--json", str(tmp_path / "s.json"), "--show-errors", "20"],
                           capture_output=True, timeout=120, text=True)
    summary = json.loads((tmp_path / "s.json").read_text())
    full = summary["levels"]["full"]["ALL"]
    assert full["f1"] == 1.0, score.stdout


def test_seed_details(tmp_path):
    """Beyond the score: names, roles, places and modes of the required seed events."""
    from parley.model import RawDocument
    from parley.pipeline import process

    docs = {d["doc_id"]: d for d in read_jsonl(require_shared(BENCH / "dev" / "seeds.docs.jsonl"))}

    def events(doc_id):
        d = docs[doc_id]
        return [e.to_dict() for e in process(RawDocument(d["doc_id"], d["content"], d["content_type"],
                                                         d["url"], d["published"])).events]

    ankara = [e for e in events("seeds/002_52c8071645d128bf.txt")
              if {p["country"] for p in e["actor"] + e["recipient"]} == {"USA", "RUS"} and e["date"] == "2022-11-14"]
    assert ankara and ankara[0]["mode"] == "third-party"
    assert ankara[0]["location"] == {"name": "Ankara", "country": "TUR"}
    assert {p["name"] for p in ankara[0]["actor"]} == {"William Burns", "Sergey Naryshkin"}

    alaska = [e for e in events("seeds/003_d022cbef82e8dad3.txt") if e["status"] == "occurred"]
    assert len(alaska) == 1
    a = alaska[0]
    assert a["mode"] == "visit" and a["date"] == "2025-08-15"
    assert [p["name"] for p in a["actor"]] == ["Vladimir Putin"]
    assert [p["name"] for p in a["recipient"]] == ["Donald Trump"]
    assert a["location"] == {"name": "Anchorage", "country": "USA"}

    hanoi = events("seeds/000_d32e205f1c6366e0.txt")
    assert len(hanoi) == 1 and hanoi[0]["date"] == "2022-11-03"
    assert {p["name"] for p in hanoi[0]["actor"] + hanoi[0]["recipient"]} == {"Antony Blinken", "Annalena Baerbock"}

    laos = [e for e in events("seeds/001_08b1e23e91cea2bb.txt") if e["status"] == "planned"]
    assert laos and laos[0]["date"].startswith("2024-07")
    assert {p["name"] for p in laos[0]["actor"]} == {"Antony Blinken", "Wang Yi"}
