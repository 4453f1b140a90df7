"""Bad input never stops a run: one line per skipped input, a summary, exit 0, no traceback,
and every good document still processed and stored."""
import gzip
import json
import subprocess
import sys

GOOD = ("Ngày 5/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Ngoại trưởng Nhật Bản "
        "Kamikawa Yoko về hợp tác song phương.")


def run(args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "parley", *args], input=stdin, capture_output=True,
                          timeout=600, cwd=cwd)


def test_mixed_bad_inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "01_good.txt").write_text(GOOD, encoding="utf-8")
    (d / "02_binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "03_empty.txt").write_bytes(b"")
    (d / "04_badutf8.txt").write_bytes(b"\xff\xfe\x00\xd8 broken \x81\x82" * 3)
    (d / "05_truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 50)[:30])
    (d / "06_nohtml.html").write_text("<html><head><title></title></head><body><script>x()</script></body></html>")
    (d / "07_unknown.txt").write_text("1234 5678 ---- ???? 0000", encoding="utf-8")
    jl = d / "08_docs.jsonl"
    jl.write_text(json.dumps({"doc_id": "j1", "content": GOOD, "published": "2024-05-06"}) + "\n{broken\n"
                  + json.dumps({"doc_id": "j2", "content": "", "content_type": "text/plain"}) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    db = tmp_path / "p.db"
    r = run(["extract", str(d), "-o", str(out), "--db", str(db)])
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "Traceback" not in err
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    ids = [x["doc_id"] for x in lines]
    assert ids[0].endswith("01_good.txt") and "j1" in ids and "j2" in ids
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("documents:") and "skipped:" in summary
    skipped = [ln for ln in err.splitlines() if ln.startswith("skipped ")]
    assert any("02_binary" in ln for ln in skipped)
    assert any("05_truncated" in ln for ln in skipped)
    assert any("08_docs.jsonl:2" in ln for ln in skipped)
    assert all(len(ln) < 400 for ln in skipped)
    r2 = run(["events", "--db", str(db), "--format", "jsonl"])
    assert r2.returncode == 0


def test_huge_document_is_processed_in_bounded_time(tmp_path):
    big = tmp_path / "big.txt"
    para = ("Die Außenminister trafen sich in Berlin zu Gesprächen über die Lage in der Region. " * 40 + "\n")
    with open(big, "w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(para)
    out = tmp_path / "o.jsonl"
    r = run(["extract", str(big), "-o", str(out)])
    assert r.returncode == 0 and "Traceback" not in r.stderr.decode()
    assert len(out.read_text().splitlines()) == 1


def test_stdin_and_nothing_readable(tmp_path):
    r = run(["extract", "-", "-o", str(tmp_path / "o.jsonl")], stdin=GOOD.encode())
    assert r.returncode == 0
    r = run(["extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o2.jsonl")])
    assert r.returncode == 1 and "no such file" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
