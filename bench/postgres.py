"""A throwaway PostgreSQL server in a temporary folder, for the Postgres-instance tests and the bookkeeping
benchmark: `initdb` + `pg_ctl` from the machine's PostgreSQL binaries, on 127.0.0.1 and a free port, trust
authentication, stopped and removed on exit. As root, the server runs as the `postgres` user (PostgreSQL
refuses to run as root)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SEARCH_PATHS = ["/usr/local/bin", *sorted(str(p) for p in Path("/usr/lib/postgresql").glob("*/bin"))[::-1]]


def find_binary(name: str) -> str | None:
    """A PostgreSQL server binary on PATH or in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    for folder in SEARCH_PATHS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    return None


def missing_reason() -> str | None:
    """Why no server can be started here (None when one can)."""
    if not (find_binary("initdb") and find_binary("pg_ctl")):
        return "no PostgreSQL server binaries (initdb, pg_ctl): install Debian's `postgresql` (.ci/run does)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without `runuser` to start PostgreSQL as another user"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return None


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    db_name: str

    @property
    def env(self) -> dict[str, str]:
        """The variables the deployment's dagster.yaml (deploy/dagster-postgres.yaml) reads."""
        return {
            "DAGSTER_PG_HOST": self.host,
            "DAGSTER_PG_PORT": str(self.port),
            "DAGSTER_PG_USERNAME": self.user,
            "DAGSTER_PG_PASSWORD": "",
            "DAGSTER_PG_DB": self.db_name,
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def temporary_server(db_name: str = "dagster", fsync: bool = True) -> Iterator[Server]:
    """Start a server, create `db_name`, yield how to reach it; stop it and remove its files on exit.
    `fsync=False` for tests (faster, not durable); benchmarks keep PostgreSQL's durable default."""
    reason = missing_reason()
    if reason:
        raise RuntimeError(reason)
    folder = Path(tempfile.mkdtemp(prefix="diplowatch-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run(
            _as_server_user(
                [
                    find_binary("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    user,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            ),
            **run,
        )
        options = f"-h 127.0.0.1 -p {port} -k {sockets}" + ("" if fsync else " -c fsync=off")
        subprocess.run(
            _as_server_user(
                [
                    find_binary("pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-w",
                    "-l",
                    str(folder / "server.log"),
                    "start",
                ]
            ),
            **run,
        )
        try:
            import psycopg2

            with contextlib.closing(
                psycopg2.connect(host="127.0.0.1", port=port, user=user, dbname="postgres")
            ) as con:
                con.autocommit = True
                con.cursor().execute(f'CREATE DATABASE "{db_name}"')
            yield Server("127.0.0.1", port, user, db_name)
        finally:
            subprocess.run(
                _as_server_user([find_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=120,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
