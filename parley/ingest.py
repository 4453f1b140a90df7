"""Ingest: read every input kind into RawDocuments, in input order.

Inputs: benchmark-style `docs.jsonl`, `.txt`/`.html`/`.htm` files, directories of them
(recursive), `.warc`/`.warc.gz`, gzip variants of all, and `-` for stdin. Whatever cannot be
read becomes a `Skip` with a one-line reason: the caller reports it and goes on.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Union

from .model import RawDocument

log = logging.getLogger(__name__)
TEXT_EXT = {".txt": "text/plain", ".text": "text/plain", ".html": "text/html", ".htm": "text/html",
            ".xhtml": "text/html"}
KNOWN_EXT = set(TEXT_EXT) | {".jsonl", ".ndjson", ".json", ".warc"}
MAX_BYTES = 64 * 1024 * 1024  # a single input file larger than this is refused


@dataclass
class Skip:
    """An input (file, line, record) that could not be read as a document."""

    source: str
    reason: str
    doc_id: str | None = None  # set when the input named its document: it still gets an output line

    def message(self) -> str:
        return f"skipped {self.source}: {self.reason}"


Item = Union[RawDocument, Skip]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _strip_gz(name: str) -> tuple[str, bool]:
    if name.lower().endswith(".gz"):
        return name[:-3], True
    return name, False


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text document."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl / len(head) > 0.05


def decode(data: bytes) -> tuple[str | None, str]:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected charset.
    Returns (text, note); text None when nothing decodes it cleanly."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is not None and best.encoding not in ("utf_8", "ascii") and best.chaos < 0.2:
            return data.decode(best.encoding, errors="replace"), f"decoded as {best.encoding}"
    except Exception:  # detection is a best effort
        pass
    return None, f"invalid UTF-8 at byte {first_bad} and no other encoding fits"


def _read_file(path: Path) -> tuple[bytes | None, str]:
    """The file's bytes, gunzipped when needed; (None, reason) when unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, f"file too large ({size / 2**20:.0f} MiB > {MAX_BYTES // 2**20} MiB)"
        data = path.read_bytes()
    except OSError as e:
        return None, f"cannot read: {e.strerror or e}"
    if path.name.lower().endswith(".gz") and not path.name.lower().endswith(".warc.gz"):
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as e:
            return None, f"broken gzip: {e}"
    return data, ""


def _gunzip(data: bytes) -> bytes:
    out = gzip.decompress(data)
    if len(out) > MAX_BYTES:
        raise OSError(f"decompresses to more than {MAX_BYTES // 2**20} MiB")
    return out


def iter_inputs(inputs: list[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document of every input, in order."""
    for spec in inputs:
        if spec == "-":
            yield from _from_stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(spec)
        if path.is_dir():
            meta = _manifest(path)
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p.name)
                           and p.name != MANIFEST)
            if not files:
                yield Skip(str(path), "directory holds no .txt/.html/.jsonl/.warc files")
            for f in files:
                for item in _from_file(f):
                    extra = meta.get(f.relative_to(path).as_posix())
                    if extra and isinstance(item, RawDocument):
                        item.published = item.published or extra.get("published")
                        item.url = item.url or extra.get("url")
                    yield item
        elif path.exists():
            yield from _from_file(path)
        else:
            yield Skip(spec, "no such file or directory")


MANIFEST = "manifest.jsonl"


def _manifest(folder: Path) -> dict[str, dict]:
    """Optional `manifest.jsonl` in an input folder: {"file", "published", "url"} per article,
    for plain files that carry no publication date of their own."""
    path = folder / MANIFEST
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        try:
            obj = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            log.warning("%s:%d: malformed manifest line ignored", path, n)
            continue
        if isinstance(obj, dict) and obj.get("file"):
            out[str(obj["file"])] = obj
    return out


def _kind(name: str) -> str | None:
    base, _ = _strip_gz(name.lower())
    if base.endswith(".warc"):
        return "warc"
    ext = os.path.splitext(base)[1]
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext in TEXT_EXT:
        return TEXT_EXT[ext]
    return None


def _from_stdin(stream: BinaryIO) -> Iterator[Item]:
    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{":
        yield from _from_jsonl(data, "<stdin>")
    else:
        yield from _single(data, "<stdin>", "stdin", None)


def _from_file(path: Path) -> Iterator[Item]:
    kind = _kind(path.name) or "text/plain"
    if kind == "warc":
        yield from _from_warc(path)
        return
    data, reason = _read_file(path)
    if data is None:
        yield Skip(str(path), reason, doc_id=None if kind == "jsonl" else str(path))
        return
    if kind == "jsonl":
        yield from _from_jsonl(data, str(path))
    else:
        yield from _single(data, str(path), str(path), kind)


def _single(data: bytes, source: str, doc_id: str, content_type: str | None) -> Iterator[Item]:
    if looks_binary(data):
        yield Skip(source, "binary file, not text", doc_id=doc_id)
        return
    text, note = decode(data)
    if text is None:
        yield Skip(source, note, doc_id=doc_id)
        return
    if note:
        log.info("%s: %s", source, note)
    if content_type is None:
        head = text.lstrip()[:500].lower()
        content_type = "text/html" if head.startswith(("<!doctype html", "<html")) or "<body" in head else "text/plain"
    yield RawDocument(doc_id=doc_id, content=text, content_type=content_type, source=source)


def _from_jsonl(data: bytes, source: str) -> Iterator[Item]:
    text, note = decode(data)
    if text is None:
        yield Skip(source, note)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield Skip(where, "JSON line is not an object")
            continue
        doc_id = str(obj.get("doc_id") or obj.get("id") or f"{source}#{n}")
        content = obj.get("content", obj.get("text"))
        if content is None:
            content = ""
        if not isinstance(content, str):
            yield Skip(where, "`content` is not a string", doc_id=doc_id)
            continue
        ctype = str(obj.get("content_type") or "")
        if not ctype:
            ctype = "text/html" if content.lstrip()[:200].lower().startswith(("<!doctype", "<html")) else "text/plain"
        published = obj.get("published")
        yield RawDocument(doc_id=doc_id, content=content, content_type=ctype,
                          url=obj.get("url"), published=str(published)[:10] if published else None,
                          source=where)


def _from_warc(path: Path) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield Skip(str(path), "warcio is not installed")
        return
    count = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{count}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                         else record.rec_headers.get_header("Content-Type")) or ""
                if "html" not in ctype and "text" not in ctype:
                    continue
                body = record.content_stream().read()
                count += 1
                date = record.rec_headers.get_header("WARC-Date")
                for item in _single(body, f"{path}:{uri}", uri, "text/html" if "html" in ctype else "text/plain"):
                    if isinstance(item, RawDocument):
                        item.url = uri
                        item.published = None  # WARC-Date is the crawl date, not publication
                        item.source = f"{path}@{date}"
                    yield item
    except Exception as e:  # warcio raises several kinds on truncated archives
        yield Skip(str(path), f"truncated or broken WARC after {count} records ({type(e).__name__}: {e})")
        return
    if path.name.lower().endswith(".gz") and not _gzip_complete(path):
        # warcio stops quietly at a cut gzip member: the last record is lost, say so
        yield Skip(str(path), f"truncated WARC: gzip stream ends early, {count} records read")


def _gzip_complete(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
        return True
    except (OSError, EOFError, zlib.error):
        return False
