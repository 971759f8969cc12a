"""Warm answer latency: every seed and held-out question, asked several times of one index.

    python bench/latency.py [--repeat 5] [--seeds DIR]

Builds an index in a temporary directory from the seed and held-out articles with the project's
own Services, asks every question once to warm up (model, snapshot, BM25), then asks them all
``--repeat`` more times and prints the median, p90 and max wall time of ``Answerer.ask``. It
prints figures against the target; it asserts nothing. The embedding backend and its threads are
the settings' (``TRIALBOT_EMBEDDING_BACKEND``, ``TRIALBOT_EMBEDDING_THREADS``).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from corpus import SEEDS, heldout_corpus, ingest, seed_corpus, services_for

TARGET_MEDIAN_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over all questions")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed articles")
    args = parser.parse_args()

    seeds, heldout = seed_corpus(args.seeds), heldout_corpus(args.seeds)
    articles = sorted(set(seeds.articles) | set(heldout.articles))
    questions = [q["question"] for q in seeds.questions + heldout.questions]

    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="trialbot-latency-") as tmp:
        services = services_for(Path(tmp) / "index")
        started = time.perf_counter()
        ingest(services, articles)
        build_s = time.perf_counter() - started
        answerer = services.answerer
        engines = {answerer.ask(q).engine for q in questions}  # warm-up pass, not timed
        latencies = []
        for _ in range(args.repeat):
            for q in questions:
                started = time.perf_counter()
                answerer.ask(q)
                latencies.append((time.perf_counter() - started) * 1000)
        chunks = len(services.searcher.snapshot().chunks)
        embedding = services.settings.embedding
    load_after = _load_average()

    median = statistics.median(latencies)
    p90 = statistics.quantiles(latencies, n=10, method="inclusive")[-1]
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"trialbot warm answer latency (engine: {', '.join(sorted(engines))})")
    print(f"index: {len(articles)} articles, {chunks} chunks, built in {build_s:.1f} s")
    print(
        f"questions: {len(questions)} ({len(seeds.questions)} seed + "
        f"{len(heldout.questions)} held-out), 1 warm-up pass + {args.repeat} timed passes "
        f"= {len(latencies)} timed answers"
    )
    print(f"median {median:.1f} ms | p90 {p90:.1f} ms | max {max(latencies):.1f} ms")
    verdict = "met" if median <= TARGET_MEDIAN_MS else "NOT met"
    print(f"target: median <= {TARGET_MEDIAN_MS:.0f} ms ({verdict})")
    print(
        f"machine: {os.cpu_count()} cores ({usable} usable), {platform.machine()}, "
        f"{platform.system()}, Python {platform.python_version()}, embeddings "
        f"{embedding.backend}, {embedding.threads or 'default'} thread(s) per question"
    )
    # other processes competing for the cores stretch the tail
    print(f"1-min load average: {load_before} before, {load_after} after")


def _load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


if __name__ == "__main__":
    main()
