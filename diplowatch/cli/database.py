"""How the read commands open the database: read-only, query-only (no file, network or extension access), with
a short wait for a writer and an exit that says what was wrong."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from diplowatch.cli.app import err_console, fail
from diplowatch.settings import Settings

# duckdb and diplowatch.store (pandera, Polars) are imported where they are used: `diplowatch --help` and the
# commands that need neither start in a fraction of the time.

#: How long a read-only command waits for a writer to let the file go before saying so.
READ_LOCK_WAIT_SECONDS = 3.0

#: DuckDB settings of every read-only command's connection: no file, network or extension access beyond the
#: database file itself (COPY ... TO, EXPORT, ATTACH, INSTALL/LOAD, read_text/read_csv/glob, 'file.csv' are
#: refused), and the configuration locked so a query cannot switch that back on.
QUERY_ONLY_CONFIG = {"enable_external_access": False, "lock_configuration": True}


def database_path(db: str | None) -> str:
    """`--db`, else $DIPLOWATCH_DB, else the default."""
    return Settings.from_env(db_path=db).db_path


@contextlib.contextmanager
def open_read_only(db: str | None) -> Iterator:
    """A read-only connection that can only query the database (QUERY_ONLY_CONFIG), or a clear exit when the
    file is missing, locked by a writer or not a database."""
    import duckdb

    from diplowatch.store import DuckDBLockedError, connect

    path = database_path(db)
    if not Path(path).exists():
        raise fail(
            f"[red]no database at {path}[/red]: run `diplowatch run` (or `make demo`) first, or pass --db"
        )
    with contextlib.ExitStack() as stack:
        try:  # the connection opens on entering, so that is where a locked file shows
            con = stack.enter_context(
                connect(
                    path,
                    read_only=True,
                    lock_wait=READ_LOCK_WAIT_SECONDS,
                    config=QUERY_ONLY_CONFIG,
                    on_wait=say_lock_wait,
                )
            )
        except (duckdb.Error, DuckDBLockedError, OSError) as exc:
            raise fail(f"[red]cannot open {path}[/red]: {exc}\n{open_failure_hint(exc)}") from exc
        yield con


def open_failure_hint(exc: BaseException) -> str:
    """What to do about a database that could not be opened, from the real cause."""
    from diplowatch.store import is_lock_error

    if is_lock_error(exc):
        return "another process is writing it (a run, an open DuckDB CLI); try again when it has finished"
    if "not a valid DuckDB database" in str(exc):
        return "the file is not a DuckDB database: check --db / DIPLOWATCH_DB"
    if isinstance(exc, OSError) or "Permission denied" in str(exc) or "Is a directory" in str(exc):
        return "check the path and that you may read the file"
    return "check --db / DIPLOWATCH_DB; the error above says what DuckDB could not do"


def say_lock_wait(path, waited: float, limit: float) -> None:
    """Tell stderr that (and for how long) a command waits for another process's lock on the file."""
    from diplowatch.store import lock_wait_message

    err_console.print(
        lock_wait_message(path, waited, limit) + "...", highlight=False, markup=False, soft_wrap=True
    )
