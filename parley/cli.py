"""The `parley` command: extract, events, explain, kb stats, kb find."""
from __future__ import annotations

import json
import logging
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import click

from . import __version__
from .export import CSV_FIELDS, csv_row, jsonl_line, write_csv
from .ingest import Skip, iter_inputs
from .kb import KBError
from .kb import load as load_kb
from .model import RawDocument
from .pipeline import Options, Result, process

log = logging.getLogger("parley")


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _kb(paths: tuple[str, ...]):
    try:
        return load_kb(paths)
    except (KBError, OSError) as e:
        raise click.ClickException(f"knowledge base: {e}") from None


@click.group()
@click.version_option(__version__, prog_name="parley")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """parley: diplomatic contacts read from news in any language."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, help="Contract JSONL output ('-' = stdout).")
@click.option("--db", default=None, help="Also store events in this SQLite file (or SQLAlchemy URL).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra knowledge file (YAML); repeatable.")
@click.option("--keep-furniture", is_flag=True, help="Also emit events found only in page furniture.")
@click.option("--csv", "csv_path", default=None, help="Also write the events as CSV here.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def extract(inputs, output, db, kb_files, keep_furniture, csv_path, progress) -> None:
    """Extract events from INPUTS: docs.jsonl, .txt/.html files, directories, .warc(.gz), '-'."""
    t0 = time.time()
    kb = _kb(kb_files)
    engine = None
    if db:
        from .store import connect

        try:
            engine = connect(db)
        except Exception as e:
            raise click.ClickException(f"cannot open database {db}: {e}") from None
    options = Options(keep_furniture=keep_furniture)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    csv_out = open(csv_path, "w", encoding="utf-8", newline="") if csv_path else None
    csv_writer = None
    if csv_out:
        import csv

        csv_writer = csv.DictWriter(csv_out, fieldnames=CSV_FIELDS)
        csv_writer.writeheader()
    show = progress if progress is not None else sys.stderr.isatty()
    n_docs = n_events = n_skipped = n_failed = 0
    skips: list[str] = []
    bar_ctx = _progress() if show else nullcontext(None)
    try:
        with bar_ctx as bar:
            task = bar.add_task("extracting", total=None) if bar else None
            for item in iter_inputs(list(inputs)):
                if isinstance(item, Skip):
                    n_skipped += 1
                    skips.append(item.message())
                    _err(item.message())
                    if item.doc_id:
                        out.write(jsonl_line({"doc_id": item.doc_id, "events": [], "skipped": item.reason}) + "\n")
                    continue
                result = _process_safely(item, kb, options)
                if result is None:
                    n_failed += 1
                    out.write(jsonl_line({"doc_id": item.doc_id, "events": [], "skipped": "internal error"}) + "\n")
                    continue
                n_docs += 1
                n_events += len(result.events)
                out.write(jsonl_line(result.contract()) + "\n")
                if csv_writer:
                    for i, ev in enumerate(result.events):
                        csv_writer.writerow(csv_row(ev.to_dict(), item.doc_id, i))
                if engine is not None:
                    _store_safely(engine, result)
                if bar:
                    bar.update(task, advance=1, description=f"{n_docs} docs, {n_events} events")
    except KeyboardInterrupt:
        _err("interrupted: documents processed so far are written and stored")
    finally:
        if out is not sys.stdout:
            out.close()
        if csv_out:
            csv_out.close()
    secs = time.time() - t0
    _err(f"documents: {n_docs}, events: {n_events}, skipped: {n_skipped + n_failed}, seconds: {secs:.1f}")
    if n_docs == 0 and (n_skipped or n_failed):
        sys.exit(1)


def _progress():
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=__import__("rich.console").console.Console(stderr=True), transient=True)


def _process_safely(raw: RawDocument, kb, options: Options) -> Result | None:
    try:
        return process(raw, kb, options)
    except Exception as e:  # one bad document must not stop the run
        log.debug("failure on %s", raw.doc_id, exc_info=True)
        _err(f"skipped {raw.source or raw.doc_id}: internal error ({type(e).__name__}: {e})")
        return None


def _store_safely(engine, result: Result) -> None:
    from .store import store_result

    try:
        store_result(engine, result)
    except Exception as e:
        _err(f"not stored {result.doc.doc_id}: {type(e).__name__}: {e}")


@main.command()
@click.option("--db", default="parley.db", show_default=True)
@click.option("--actor", default=None, help="Participant name (substring, any language written).")
@click.option("--country", default=None, help="A participant's ISO3 code (or org id).")
@click.option("--with", "with_country", default=None, help="Another participant's ISO3 code.")
@click.option("--since", default=None, help="ISO date (inclusive).")
@click.option("--until", default=None, help="ISO date (inclusive).")
@click.option("--mode", type=click.Choice(["visit", "third-party", "multilateral", "phone", ""]), default=None)
@click.option("--status", type=click.Choice(["occurred", "planned", "cancelled"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option("--limit", type=int, default=None)
def events(db, actor, country, with_country, since, until, mode, status, fmt, limit) -> None:
    """List stored events with their sources."""
    from .store import Query, connect, query_events

    if "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no database at {db} (run `parley extract ... --db {db}` first)")
    engine = connect(db)
    rows = query_events(engine, Query(actor, country, with_country, since, until, mode, status, limit))
    if fmt == "jsonl":
        n = 0
        for r in rows:
            click.echo(jsonl_line(r))
            n += 1
    elif fmt == "csv":
        n = write_csv(sys.stdout, (csv_row(r) for r in rows))
    else:
        n = _table(list(rows))
    _err(f"{n} events")


def _fmt_parts(ps: list[dict]) -> str:
    return ", ".join(f"{p.get('name') or '—'} ({p.get('country') or p.get('org') or '?'})" for p in ps)


def _table(rows: list[dict]) -> int:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("date", "mode", "status", "actor", "recipient", "location", "sources"):
        t.add_column(col, overflow="fold")
    for r in rows:
        loc = r.get("location") or {}
        t.add_row(r.get("date") or "", r.get("mode") or "", r.get("status") or "",
                  _fmt_parts(r["actor"]), _fmt_parts(r["recipient"]),
                  ", ".join(x for x in (loc.get("name"), loc.get("country")) if x),
                  "; ".join(sorted({s["doc_id"] for s in r["sources"]})))
    Console(width=200 if not sys.stdout.isatty() else None).print(t)
    return len(rows)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--doc-id", default=None, help="Only this document of a docs.jsonl.")
@click.option("--published", default=None, help="Publication date for plain files (ISO).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
def explain(inputs, doc_id, published, kb_files) -> None:
    """Show how a document was read: cleaned text, furniture, mentions, triggers, decisions."""
    kb = _kb(kb_files)
    found = False
    for item in iter_inputs(list(inputs)):
        if isinstance(item, Skip):
            _err(item.message())
            continue
        if doc_id and item.doc_id != doc_id:
            continue
        found = True
        if published and not item.published:
            item.published = published
        result = process(item, kb, Options(explain=True))
        click.echo(render_explanation(result))
    if doc_id and not found:
        raise click.ClickException(f"no document {doc_id!r} in the inputs")


def render_explanation(r: Result) -> str:
    d = r.doc
    out = [f"# {d.doc_id}", f"language: {d.lang}  published: {d.published}  note: {r.note or '-'}", "",
           "## blocks (F = furniture)"]
    for b in d.blocks:
        flag = "F" if b.furniture else " "
        out.append(f"{flag} {b.reason[:22]:<22} {d.text[b.start:b.end][:110]}")
    out += ["", "## mentions"]
    for m in r.mentions:
        if m.kind in ("conj", "loc_before", "loc_after", "loc_origin", "since", "since_clause", "topic"):
            continue
        val = m.value
        if isinstance(val, list):
            val = ", ".join(f"{k}:{v}" for k, v in val[:3])
        out.append(f"{m.start:>6} {m.kind:<12} {m.text:<30} {val}")
    out += ["", "## sentences with triggers"]
    for t in r.traces:
        where = "furniture" if t.sentence.furniture else "body"
        out.append(f"- [{where}] {t.sentence.text[:160]}")
        out.append(f"    triggers: {', '.join(t.triggers)} → {t.decision}")
        if t.event is not None:
            out.append("    " + json.dumps(t.event.to_dict(), ensure_ascii=False)[:400])
    out += ["", "## events (after merging)"]
    for e in r.events:
        out.append(json.dumps(e.to_dict(), ensure_ascii=False))
    return "\n".join(out)


@main.group()
def kb() -> None:
    """Inspect the knowledge base."""


@kb.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
def kb_stats(as_json, kb_files) -> None:
    """Counts of persons, offices, organisations, named countries, places."""
    s = _kb(kb_files).stats()
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False))
    else:
        for k, v in s.items():
            click.echo(f"{k}: {v}")


@kb.command("find")
@click.argument("name")
@click.option("--date", default=None, help="ISO date: which offices were held then.")
@click.option("--role", default=None, help="With --country: who held this role then.")
@click.option("--country", default=None)
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
def kb_find(name, date, role, country, kb_files) -> None:
    """What NAME resolves to, in any language (and who held --role for --country at --date)."""
    base = _kb(kb_files)
    hits = base.find(name, date)
    if role and country:
        p = base.holder(role, country, date)
        hits.insert(0, {"kind": "office", "role": role, "seat": country, "date": date,
                        "holder": p.name if p else None})
    if not hits:
        raise click.ClickException(f"nothing known as {name!r}")
    for h in hits:
        click.echo(json.dumps(h, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
