"""A throwaway PostgreSQL server for tests: ``initdb`` and ``postgres`` from the machine's
PostgreSQL packages, on 127.0.0.1 and a free port, in a temporary folder, trust auth.

PostgreSQL refuses to run as root; as root it runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chroma_server import free_port


def postgres_bin_dir() -> Path | None:
    """The folder holding initdb and postgres, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


class PostgresServer:
    def __init__(self) -> None:
        self.port = 0
        self.folder = Path(tempfile.mkdtemp(prefix="trialbot-pg-"))
        self._process: subprocess.Popen[bytes] | None = None
        self._uid: int | None = None  # run as this user and group when we are root
        self._gid: int | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> PostgresServer:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed (initdb not found)")
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._uid, self._gid = user.pw_uid, user.pw_gid
        data = self.folder / "data"
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
        subprocess.run(
            [*initdb, "--no-sync", "--no-instructions"],
            check=True,
            capture_output=True,
            cwd=self.folder,
            user=self._uid,
            group=self._gid,
            extra_groups=None if self._uid is None else [],
        )
        self.port = free_port()
        log = (self.folder / "postgres.log").open("ab")
        server = [str(bin_dir / "postgres"), "-D", str(data), "-F"]  # -F: no fsync, test data
        self._process = subprocess.Popen(
            [*server, "-h", "127.0.0.1", "-p", str(self.port), "-k", str(self.folder)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.folder,
            user=self._uid,
            group=self._gid,
            extra_groups=None if self._uid is None else [],
        )
        log.close()
        self._wait_until_ready()
        return self

    def _wait_until_ready(self, timeout_s: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                log = (self.folder / "postgres.log").read_text(errors="replace")
                raise RuntimeError(f"postgres exited: {log[-2000:]}")
            try:
                psycopg.connect(self.url, connect_timeout=1).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise RuntimeError(f"postgres did not answer in {timeout_s} s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)  # fast shutdown: clients are disconnected
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def require_postgres() -> None:
    """Skip where PostgreSQL or psycopg is not installed (``make test`` installs psycopg; the
    server comes from the OS packages)."""
    pytest.importorskip("psycopg")
    if postgres_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")


def running_postgres() -> Iterator[str]:
    """For a fixture: a server's URL while it runs."""
    require_postgres()
    server = PostgresServer().start()
    try:
        yield server.url
    finally:
        server.stop()
