"""Server mode against a real ``chroma run`` on 127.0.0.1: ingest and ask through the CLI as a
user runs it, two writers at once (no lock), and repair that spares another writer's chunks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import types
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import index.ingest
from index.store import ChromaStore, ChunkRecord
from tests.chroma_server import ChromaServer, free_port
from tests.conftest import GOLDEN, MODEL_CACHE, make_services, seed_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    with ChromaServer(tmp_path_factory.mktemp("chroma-server")) as running:
        yield running


def cli_env(url: str, collection: str, home: Path) -> dict[str, str]:
    return {
        "TRIALBOT_CHROMA_URL": url,
        "TRIALBOT_INDEX_COLLECTION": collection,
        "TRIALBOT_INDEX_DIR": str(home / "index"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
    }


def trialbot(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


@pytest.fixture(scope="module")
def ingested(
    server: ChromaServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, str], list[tuple[int, str, str]]]:
    """Two ``trialbot ingest`` processes started together, one seed article each."""
    home = tmp_path_factory.mktemp("server-cli")
    env = cli_env(server.url, f"t{uuid.uuid4().hex[:8]}", home)
    first, second = seed_files()[:2]
    writers = [trialbot("ingest", str(first), env=env), trialbot("ingest", str(second), env=env)]
    return env, [finish(w) for w in writers]


def test_two_processes_write_to_the_server_at_once(ingested, server: ChromaServer):
    env, results = ingested
    for code, out, err in results:
        assert code == 0, err
        assert out.count("added:") == 1
    # no lock file: the server serialises writers, so neither waited for nor refused the other
    assert not (Path(env["TRIALBOT_INDEX_DIR"]) / "write.lock").exists()
    store = ChromaStore(url=server.url, prefix=env["TRIALBOT_INDEX_COLLECTION"])
    articles = store.articles()
    assert len(articles) == 2
    assert {c.article_id for c in store.chunks()} == {a.id for a in articles}


def test_ask_answers_from_the_server_with_the_figure_in_its_quote(ingested):
    env, _ = ingested
    golden = [GOLDEN["ideate-orr-2l"], GOLDEN["imforte-os-hr"]]  # one from each writer
    code, out, err = finish(trialbot("ask", "--json", *(g["question"] for g in golden), env=env))
    assert code == 0, err
    for expected, line in zip(golden, out.splitlines(), strict=True):
        answer = json.loads(line)
        assert answer["status"] == "answered"
        first_line = answer["answer"].splitlines()[0]
        quotes = " ".join(c["quote"] for c in answer["citations"])
        assert any(f in first_line and f in quotes for f in expected["expect"]), answer


def test_reingesting_through_the_server_adds_nothing(ingested, server: ChromaServer):
    env, _ = ingested
    store = ChromaStore(url=server.url, prefix=env["TRIALBOT_INDEX_COLLECTION"])
    before = ({a.id for a in store.articles()}, len(store.chunks()))
    code, out, err = finish(trialbot("ingest", *map(str, seed_files()[:2]), env=env))
    assert code == 0, err
    assert out.count("unchanged:") == 2 and "added:" not in out
    assert ({a.id for a in store.articles()}, len(store.chunks())) == before


def test_services_with_a_chroma_url_answer_in_process(ingested, server: ChromaServer, embedder):
    env, _ = ingested
    services = make_services(Path(env["TRIALBOT_INDEX_DIR"]), embedder)
    services.settings.chroma.url = server.url
    services.settings.index.collection = env["TRIALBOT_INDEX_COLLECTION"]
    golden = GOLDEN["imforte-os-hr"]
    answer = services.answerer.ask(golden["question"])
    assert answer.status == "answered"
    assert any(f in answer.text.splitlines()[0] for f in golden["expect"])


def test_repair_spares_chunks_another_writer_is_still_committing(
    server: ChromaServer, tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch
):
    services = make_services(tmp_path / "idx", embedder)
    services.settings.chroma.url = server.url
    services.settings.index.collection = f"t{uuid.uuid4().hex[:8]}"
    # another process's article: its chunks are written, its article record not yet
    in_flight = ChunkRecord("other:0", "other", 0, 0, 22, "ORR was 41.0% in OMEGA")
    services.store.add_chunks([in_flight], embedder.embed([in_flight.text]))
    with services.ingestor() as ingestor:
        assert ingestor.repair() == 0
        assert services.store.chunk_article_ids() == {"other"}
        # an hour later nobody is committing them any more: they are a dead ingest's leftovers
        later = time.time() + ingestor.orphan_grace_s + 1
        monkeypatch.setattr(index.ingest, "time", types.SimpleNamespace(time=lambda: later))
        assert ingestor.repair() == 1
    assert services.store.chunk_article_ids() == set()


def test_an_unreachable_server_is_one_clear_line(tmp_path: Path):
    env = cli_env(f"http://127.0.0.1:{free_port()}", "trialbot", tmp_path)
    code, _, err = finish(trialbot("sources", env=env))
    assert code == 1
    assert "cannot open the index at http://127.0.0.1:" in err
    assert "Traceback" not in err
