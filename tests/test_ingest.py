"""Every input kind is read, and every bad input becomes a one-line Skip, never an exception."""
import gzip
import io
import json

from parley.ingest import RawDocument, Skip, decode, iter_inputs, looks_binary


def items(paths, stdin=None):
    return list(iter_inputs([str(p) for p in paths], stdin=stdin))


def test_jsonl_documents_keep_order_and_fields(tmp_path):
    f = tmp_path / "docs.jsonl"
    lines = [
        {"doc_id": "a", "content": "Hello", "content_type": "text/plain", "url": None, "published": "2024-01-02"},
        {"doc_id": "b", "content": "<html><body><p>x</p></body></html>", "content_type": "text/html"},
        {"doc_id": "c", "content": ""},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    got = items([f])
    assert [d.doc_id for d in got] == ["a", "b", "c"]
    assert got[0].published == "2024-01-02" and got[1].content_type == "text/html"
    assert got[2].content == ""


def test_malformed_json_lines_are_skipped_with_their_line_number(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"doc_id": "a", "content": "x"}\n{not json\n[1, 2]\n{"doc_id": "d", "content": 5}\n'
                 '{"doc_id": "e", "content": "y"}\n', encoding="utf-8")
    got = items([f])
    kinds = [(type(x).__name__, getattr(x, "doc_id", None)) for x in got]
    assert kinds == [("RawDocument", "a"), ("Skip", None), ("Skip", None), ("Skip", "d"), ("RawDocument", "e")]
    assert got[1].source.endswith(":2") and "malformed JSON" in got[1].reason
    assert "\n" not in got[1].message()


def test_text_html_gzip_and_directories(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Plain article.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Page</p></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "c.txt.gz").write_bytes(gzip.compress("Zipped article.".encode()))
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG\r\n")
    got = items([tmp_path])
    assert [type(x) for x in got] == [RawDocument] * 3
    assert {d.content_type for d in got} == {"text/plain", "text/html"}
    assert any(d.content == "Zipped article." for d in got)


def test_binary_empty_and_missing_files(tmp_path):
    b = tmp_path / "x.txt"
    b.write_bytes(bytes(range(256)) * 10)
    e = tmp_path / "empty.txt"
    e.write_bytes(b"")
    got = items([b, e, tmp_path / "nope.txt"])
    assert isinstance(got[0], Skip) and "binary" in got[0].reason
    assert isinstance(got[1], RawDocument) and got[1].content == ""
    assert isinstance(got[2], Skip) and "no such file" in got[2].reason


def test_invalid_utf8_is_decoded_when_a_charset_fits_else_skipped(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le président a reçu le ministre à l'Élysée hier soir.".encode("cp1252"))
    got = items([latin])
    assert isinstance(got[0], RawDocument) and "président" in got[0].content
    text, note = decode(b"ok \xff\xfe\xfa broken")
    assert text is None or note  # either refused or decoded with a note, never silently


def test_truncated_gzip_is_a_skip(tmp_path):
    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress(b"some article text " * 100)[:40])
    got = items([f])
    assert isinstance(got[0], Skip) and "gzip" in got[0].reason


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            w.write_record(rec)


def test_warc_records_and_truncated_warc(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [(f"https://example.org/{i}", f"<html><body><p>Article {i}</p></body></html>") for i in range(3)])
    got = items([f])
    assert [d.doc_id for d in got] == [f"https://example.org/{i}" for i in range(3)]
    data = f.read_bytes()
    t = tmp_path / "cut.warc.gz"
    t.write_bytes(data[: len(data) - 60])
    got = items([t])
    docs = [x for x in got if isinstance(x, RawDocument)]
    skips = [x for x in got if isinstance(x, Skip)]
    assert len(docs) >= 1 and len(skips) == 1 and "WARC" in skips[0].reason


def test_stdin_jsonl_and_plain(tmp_path):
    got = items(["-"], stdin=io.BytesIO(b'{"doc_id": "s1", "content": "x"}\n'))
    assert got[0].doc_id == "s1"
    got = items(["-"], stdin=io.BytesIO("Bài báo tiếng Việt.".encode()))
    assert got[0].doc_id == "stdin" and got[0].content.startswith("Bài")


def test_looks_binary():
    assert looks_binary(b"\x00\x01\x02abc")
    assert not looks_binary("Tiếng Việt 中文 русский".encode())
