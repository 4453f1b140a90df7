import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
BENCH = SHARED / "benchmark"


@pytest.fixture(scope="session")
def kb():
    from parley.kb import load

    return load()


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present: the shared benchmark lives beside the checkout (../shared)")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
