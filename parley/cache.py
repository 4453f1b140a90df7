"""On-disk cache of compiled objects (knowledge base, automata): pickles written atomically,
read back tolerantly. A cache that cannot be read or written costs a rebuild, never a run."""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def read_pickle(path: Path) -> Any | None:
    if not path.exists():
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception as e:  # stale, truncated or from another version: rebuild
        log.warning("cache %s unreadable (%s); rebuilding", path, e)
        return None


def write_pickle(path: Path, obj: Any) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent runs never share a temp file
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except OSError as e:
        log.warning("cannot write cache %s: %s", path, e)
        return False
