"""State tests: one throwaway PostgreSQL server for the session, a new database per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.postgres_server import PostgresServer, require_postgres


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    require_postgres()
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """The URL of an empty database of its own."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return pg_server.url.rsplit("/", 1)[0] + "/" + name
