"""The embedding model run by ONNX Runtime (``TRIALBOT_EMBEDDING_BACKEND=onnx``).

The ONNX graph is exported once, on first use, from the same local model directory the torch
backend reads (nothing is downloaded), into a cache folder keyed by the model's files. It gives
the embeddings sentence-transformers gives (same tokenizer, truncation, mean pooling and
normalization; cosine >= 0.9999, checked at export) at a fraction of the CPU time:
``bench/embedding_backends.py`` measures both. sentence-transformers' own ``backend="onnx"``
needs optimum-onnx, whose only release pins transformers < 4.58, which sentence-transformers 6
does not accept; hence this small runner on ``onnxruntime`` (a dependency of chromadb already).

With ``quantized``, the graph is also quantized once to int8, dynamically (weights int8 per
channel, activations quantized at run time), as sentence-transformers' ``avx512_vnni`` and
``avx2`` configurations do it with onnxruntime's quantizer: about twice the ingest speed, vectors
within a cosine of 0.98 of the model's (checked at export; 0.994 on average on articles). Off by
default: bench/RESULTS.md measures what it changes in retrieval and answers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from index.embedding import bulk_threads, resolve_model_dir, vectors_id
from index.errors import ConfigError

log = logging.getLogger(__name__)

ONNX_FILE = "model.onnx"
QUANTIZED_FILE = "model-int8.onnx"  # a new name for each change to the quantization
_QUANTIZED_MIN_COSINE = 0.98
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_OPSET = 17
_EXPORT_VERSION = "2"  # part of the cache key: a change to the export makes a new one
_PROBE = "Median PFS was 6.3 months (HR 0.71; 95% CI, 0.58-0.86) with zemplitinib."


def max_seq_length(model_dir: Path) -> int:
    """The token limit sentence-transformers applies to this model (256 for all-MiniLM-L6-v2)."""
    config = model_dir / "sentence_bert_config.json"
    if config.exists():
        return int(json.loads(config.read_text())["max_seq_length"])
    return int(json.loads((model_dir / "tokenizer_config.json").read_text())["model_max_length"])


def export_dir(model_dir: Path, cache_dir: Path) -> Path:
    """The folder of this model's export: a new one whenever the model's files change."""
    digest = hashlib.sha256(f"{_EXPORT_VERSION}:{model_dir.resolve()}".encode())
    for f in sorted(model_dir.glob("*.json")) + sorted(model_dir.glob("*.safetensors")):
        stat = f.stat()
        digest.update(f"{f.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return cache_dir / f"{model_dir.name}-{digest.hexdigest()[:16]}"


def export_onnx(model_dir: Path, cache_dir: Path, quantized: bool = False) -> Path:
    """The model's ONNX file, exported from ``model_dir`` with torch if not cached yet; with
    ``quantized``, its int8 quantization (made from the export once)."""
    target = export_dir(model_dir, cache_dir) / ONNX_FILE
    if quantized:
        return _quantize(model_dir, export_onnx(model_dir, cache_dir))
    if target.exists():
        return target
    from filelock import FileLock

    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent / "export.lock")):
        if target.exists():  # another process exported it while we waited
            return target
        log.info("exporting the embedding model to ONNX in %s (once)", target.parent)
        # about 10 s of silence otherwise, on whatever surface comes first (CLI, serve, build)
        print(
            f"trialbot: preparing the embedding model for ONNX Runtime, once "
            f"(about 10 s, kept in {target.parent})",
            file=sys.stderr,
            flush=True,
        )
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):  # local files only
            os.environ.setdefault(name, "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        partial = target.with_suffix(f".{os.getpid()}.partial")
        try:
            _export(model_dir, partial)
            _check_export(model_dir, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


def _export(model_dir: Path, path: Path) -> None:
    try:
        import onnx  # noqa: F401  (torch's exporter needs it)
    except ImportError as exc:
        raise ConfigError(
            "the ONNX embedding backend needs the onnx package to export the model once "
            "(pip install onnx), or set TRIALBOT_EMBEDDING_BACKEND=torch"
        ) from exc
    import torch
    from transformers import AutoModel, AutoTokenizer

    # eager attention: the traced SDPA graph runs 2x slower in onnxruntime on long batches
    model = AutoModel.from_pretrained(
        str(model_dir), local_files_only=True, attn_implementation="eager"
    ).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)

    class LastHiddenState(torch.nn.Module):
        """Keyword arguments: positional order of ``forward`` differs between versions."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = tokenizer(["a short one", _PROBE], padding=True, return_tensors="pt")
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer and deprecation chatter of the exporter
        torch.onnx.export(
            LastHiddenState(),
            tuple(sample[name] for name in _INPUTS),
            str(path),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=_OPSET,
            dynamo=False,
        )


def _quantize(model_dir: Path, source: Path) -> Path:
    """The int8 dynamic quantization of the exported graph ``source``, made once beside it."""
    target = source.parent / QUANTIZED_FILE
    if target.exists():
        return target
    from filelock import FileLock

    with FileLock(str(target.parent / "export.lock")):
        if target.exists():
            return target
        log.info("quantizing the ONNX embedding model to int8 in %s (once)", target.parent)
        from onnxruntime.quantization import QuantType, quantize_dynamic

        partial = target.with_suffix(f".{os.getpid()}.partial")
        try:
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # its advice to pre-process, printed on the root logger
            try:
                quantize_dynamic(
                    str(source), str(partial), weight_type=QuantType.QInt8, per_channel=True
                )
            finally:
                root.setLevel(level)
            reference = OnnxRunner(source, model_dir, threads=None).embed([_PROBE])[0]
            got = OnnxRunner(partial, model_dir, threads=None).embed([_PROBE])[0]
            cosine = float(np.dot(got, reference))
            if cosine < _QUANTIZED_MIN_COSINE:
                raise ConfigError(
                    f"the int8 quantization of {source} differs from the model (cosine "
                    f"{cosine:.4f}); set TRIALBOT_EMBEDDING_QUANTIZED=false"
                )
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


def _check_export(model_dir: Path, path: Path) -> None:
    """The exported graph embeds a probe as the torch model does, or the export is refused."""
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True).encode(
        [_PROBE], normalize_embeddings=True
    )[0]
    runner = OnnxRunner(path, model_dir, threads=None)
    cosine = float(np.dot(runner.embed([_PROBE])[0], reference))
    if cosine < 0.9999:
        raise ConfigError(f"ONNX export of {model_dir} differs from the model (cosine {cosine})")


class OnnxRunner:
    """An ONNX Runtime session and the model's tokenizer: texts in, unit vectors out.

    With ``workers`` > 1, the batches of one call run side by side on that many threads, each
    batch on one core (``threads`` is then the session's threads per batch, 1 by default): on
    the short batches of an article, two single-threaded runs keep two cores busier than one
    run on two threads (bench/RESULTS.md, ingest)."""

    def __init__(
        self,
        onnx_file: Path,
        model_dir: Path,
        threads: int | None,
        batch_size: int = 32,
        workers: int = 1,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        if workers > 1:
            threads = threads or 1
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # as sentence-transformers calls it: truncated at the model's max_seq_length
        self.tokenizer.no_padding()  # batches are padded here, by token length
        self.tokenizer.enable_truncation(max_length=max_seq_length(model_dir))
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        self.batch_size = batch_size
        # a session runs from several threads at once (ONNX Runtime allows it, without the GIL)
        self._pool = ThreadPoolExecutor(workers, "onnx-embed") if workers > 1 else None

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts``, one row each, in order."""
        encoded = [e.ids for e in self.tokenizer.encode_batch(texts)]
        batches = self._batches([len(ids) for ids in encoded])
        if self._pool is not None and len(batches) > 1:
            pooled = list(self._pool.map(lambda rows: self._run(encoded, rows), batches))
        else:
            pooled = [self._run(encoded, rows) for rows in batches]
        result = np.zeros((len(texts), pooled[0].shape[1] if pooled else 0), np.float32)
        for rows, vectors in zip(batches, pooled, strict=True):
            result[rows] = vectors
        return result

    def _run(self, encoded: list[list[int]], rows: list[int]) -> np.ndarray:
        """The unit vectors of one batch of token id lists (the rows of ``encoded``)."""
        width = max(len(encoded[i]) for i in rows)
        ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, i in enumerate(rows):
            ids[r, : len(encoded[i])] = encoded[i]
            mask[r, : len(encoded[i])] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(["last_hidden_state"], feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return np.asarray(pooled / norms, np.float32)

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Rows grouped longest first into batches that pad at most 5% of their tokens: on a CPU
        a padded token costs as much as a real one, and batching saves little."""
        order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
        batches: list[list[int]] = []
        for i in order:
            batch = batches[-1] if batches else None
            if batch and len(batch) < self.batch_size and lengths[i] >= 0.95 * lengths[batch[0]]:
                batch.append(i)
            else:
                batches.append([i])
        return batches


class OnnxEmbedder:
    """The Embedder of the ONNX backend: exports on first use, then runs without torch.

    One question runs in a session of ``threads`` CPU threads (1 is fastest when other work
    shares the CPU); a batch of chunks in a second session, opened on the first batch, whose
    batches run side by side on ``ingest_threads`` threads of one core each (unset = every
    core): an ONNX Runtime session's thread count is fixed."""

    def __init__(
        self,
        model: str,
        cache_dir: Path,
        batch_size: int = 32,
        threads: int | None = None,
        ingest_threads: int | None = None,
        quantized: bool = False,
    ) -> None:
        self.name = model
        self.vectors = vectors_id(model, quantized)
        self._dir = resolve_model_dir(model)
        self._cache_dir = cache_dir
        self._quantized = quantized
        self._batch_size = batch_size
        self._threads = threads
        self._ingest_workers = bulk_threads(ingest_threads)
        self._runners: dict[str, OnnxRunner] = {}  # "question" and "batch"
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """True once an ONNX session is open (the first ``embed`` opens one)."""
        return bool(self._runners)

    def _load(self, use: str) -> OnnxRunner:
        with self._lock:
            if use not in self._runners:
                path = export_onnx(self._dir, self._cache_dir, self._quantized)
                if use == "question":
                    threads, workers = self._threads, 1
                else:
                    threads, workers = 1, self._ingest_workers
                log.info(
                    "loading ONNX embedding model %s for a %s (%s threads x %d)",
                    path,
                    use,
                    threads or "all",
                    workers,
                )
                self._runners[use] = OnnxRunner(path, self._dir, threads, self._batch_size, workers)
            return self._runners[use]

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        runner = self._load("question" if len(texts) == 1 else "batch")
        return [v.tolist() for v in runner.embed(texts)]
