"""Shared fixtures: every test gets its own index dir; the real model is loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from bot.app.services import Services
from bot.infra.settings import EmbeddingSettings, Settings
from bot.surfaces import register_digest_posters
from index.embedding import Embedder, default_cache_dir
from index.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples" / "articles"
# the ONNX export of the model, made once and shared by the tests and the CLI processes they start
# (each of which has a fresh HOME); tests/index/test_onnx_embedding.py exports into its own folder
os.environ.setdefault("TRIALBOT_EMBEDDING_CACHE_DIR", str(default_cache_dir() / "models"))
MODEL_CACHE = Path(os.environ["TRIALBOT_EMBEDDING_CACHE_DIR"])


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's settings or index."""
    monkeypatch.setenv("TRIALBOT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.delenv("TRIALBOT_CHROMA_URL", raising=False)
    monkeypatch.delenv("TRIALBOT_ANSWER_ENGINE", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True, scope="session")
def _digest_posters() -> None:
    """The chat surfaces' digest posters (``slack:``, ``teams:`` targets), registered as the CLI
    registers them: the digest core knows none of them."""
    register_digest_posters()


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The default embedder, loaded once for the session: the packaged all-MiniLM-L6-v2 on ONNX
    Runtime (exported once into the user's cache); tests/index/test_onnx_embedding.py checks it
    against the torch backend."""
    settings = Settings()
    settings.embedding = EmbeddingSettings()  # the defaults, whatever the environment says
    return Services(settings).embedder


def make_services(index_dir: Path, embedder: Embedder) -> Services:
    settings = Settings()
    settings.index.dir = index_dir
    services = Services(settings)
    services.__dict__["embedder"] = embedder  # share the loaded model (cached_property slot)
    return services


def seeded_services(index_dir: Path, embedder: Embedder) -> Services:
    """Services over a new index holding the seed articles."""
    services = make_services(index_dir, embedder)
    with services.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files())
    return services


# the golden questions written from the seed articles, by id
GOLDEN_QUESTIONS = yaml.safe_load((ROOT / "tests/golden/seed_questions.yaml").read_text())[
    "questions"
]
GOLDEN = {q["id"]: q for q in GOLDEN_QUESTIONS}


def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"seed articles not found in {SEEDS}")
    return files
