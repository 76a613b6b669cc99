"""Shared fixtures: a real PostgreSQL server for the warehouse tests.

The server comes from the Debian package (``apt-get install -y postgresql``): a
throwaway cluster is made with initdb in a temp dir and started with pg_ctl on a
free local port, once per test session. PostgreSQL refuses to run as root, so
when the tests run as root (CI here does) initdb and pg_ctl run as the
``postgres`` user the package creates. Without the package the tests that need
the server are skipped, except under CI, where that is an error.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    bindir = _pg_bin()
    if bindir is None:
        msg = "PostgreSQL server binaries not found: apt-get install -y postgresql"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    as_root = os.geteuid() == 0
    run_as: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="perfparse-pg-"))
    if as_root:
        owner = pwd.getpwnam("postgres")
        os.chown(workdir, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, log = workdir / "data", workdir / "server.log"
    port = _free_port()
    user = "perfparse"

    def run(*cmd: str) -> None:
        subprocess.run([*run_as, *cmd], check=True, capture_output=True, cwd=workdir)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", user, "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8")
        # TCP on loopback only, and the socket in our own dir: the system's
        # /var/run/postgresql may not exist or belong to another cluster.
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
            "-o", f"-c listen_addresses=127.0.0.1 -c port={port} "
                  f"-c unix_socket_directories={workdir} -c fsync=off", "start")
    except subprocess.CalledProcessError as e:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {e.stderr.decode()}\n{server_log}")
    try:
        yield PostgresServer("127.0.0.1", port, user)
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True, cwd=workdir)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    return postgres.create_database()
