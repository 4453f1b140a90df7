"""The README's first command: the bundled example articles, through the CLI, into SQLite."""
import json
import subprocess
import sys
from pathlib import Path

from test_fixtures import matches

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_examples_end_to_end(tmp_path):
    out, db = tmp_path / "events.jsonl", tmp_path / "parley.db"
    r = subprocess.run([sys.executable, "-m", "parley", "extract", str(EXAMPLES / "articles"), "-o", str(out),
                        "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    got = {json.loads(x)["doc_id"].split("/")[-1]: json.loads(x) for x in out.read_text().splitlines()}
    want = [json.loads(x) for x in (EXAMPLES / "expected.jsonl").read_text().splitlines() if x.strip()]
    assert set(got) == {w["doc_id"] for w in want}
    tp = fp = fn = 0
    for w in want:
        sys_events = got[w["doc_id"]]["events"]
        required = [e for e in w["events"] if e.get("required", True)]
        optional = [e for e in w["events"] if not e.get("required", True)]
        used = set()
        for g in required:
            hit = next((i for i, s in enumerate(sys_events) if i not in used and matches(g, s)), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        for i, s in enumerate(sys_events):
            if i not in used and not any(matches(g, s) for g in optional):
                fp += 1
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.6, f"examples F1 {f1:.2f} (tp={tp} fp={fp} fn={fn})"
    table = subprocess.run([sys.executable, "-m", "parley", "events", "--db", str(db)], capture_output=True,
                           text=True, timeout=120)
    assert table.returncode == 0 and "Beijing" in table.stdout
