"""Run-scoped staging folders for the files a run hands between its steps (spilled batches, chunks).

Every temporary file of a run lives under one folder, `<staging root>/<run id>/`, removed when the run's last
writer is done; folders a killed run left behind are swept by the next run that starts. The root defaults to a
`staging/` folder beside the DuckDB file (same disk, and a shared volume in a multi-machine deployment).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

#: A folder nobody wrote to for this long is a leftover (a process killed before cleaning up), when there is
#: no better way to know: Dagster runs are asked about instead (see `sweep`).
STALE_AFTER_SECONDS = 3600
_RUN_ID = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")


def default_root(db_path: str | os.PathLike) -> Path:
    return Path(db_path).resolve().parent / "staging"


def run_folder(root: str | os.PathLike, run_id: str) -> Path:
    """The run's staging folder (created if needed)."""
    if not _RUN_ID.match(run_id):
        raise ValueError(f"run id {run_id!r} cannot name a staging folder (letters, digits, '_', '-', '.')")
    folder = Path(root) / run_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sweep(
    root: str | os.PathLike,
    keep: str | None = None,
    older_than: float = STALE_AFTER_SECONDS,
    is_active: Callable[[str], bool | None] | None = None,
) -> list[Path]:
    """Remove the leftover folders under `root` (except `keep`) and return them.

    `is_active(name)` says whether the run a folder belongs to is still going (True), is over (False) or is
    unknown (None; e.g. a scratch folder of the CLI): unknown folders are leftovers once nobody wrote to them
    for `older_than` seconds.
    """
    root = Path(root)
    if not root.is_dir():
        return []
    removed = []
    limit = time.time() - older_than
    for folder in root.iterdir():
        if folder.name == keep or not folder.is_dir():
            continue
        active = is_active(folder.name) if is_active else None
        with contextlib.suppress(OSError):
            if active is False or (active is None and _newest_mtime(folder) < limit):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def _newest_mtime(folder: Path) -> float:
    newest = folder.stat().st_mtime
    for entry in folder.rglob("*"):
        with contextlib.suppress(OSError):
            newest = max(newest, entry.stat().st_mtime)
    return newest


def remove(folder: str | os.PathLike) -> None:
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def scratch(root: str | os.PathLike, prefix: str = "local") -> Iterator[Path]:
    """A staging folder for work outside a Dagster run (the CLI, tests, the benchmark), removed on exit; older
    leftovers are swept first."""
    sweep(root)
    folder = run_folder(root, f"{prefix}-{uuid.uuid4().hex[:12]}")
    try:
        yield folder
    finally:
        remove(folder)
