"""Scale: ingest throughput, warm answer latency, peak memory and index size against corpus size.

    python bench/scale.py [--sizes 4 100 1000] [--repeat 3] [--backend torch|onnx] [--threads N]
                          [--workdir DIR]

Corpus of size 4: the seed and held-out articles, all real. Larger sizes: the seven real articles
(seeds, bench/heldout, bench/heldout2) plus SYNTHETIC variants of them (``bench/synthetic.py``:
other trial and drug names, other figures), generated deterministically, for scale only. The
questions are the golden seed and held-out questions, asked of the real trials at every size.

Each size runs in a child process (``--child``) with the project's own Services and settings
from the environment (``TRIALBOT_EMBEDDING_BACKEND``, ``_THREADS``...) on a fresh embedded index:
model loaded first (not timed), then every article ingested (chunks/s), the first answer timed
apart (it builds the in-memory snapshot and BM25 index), one pass over the questions for the
accuracy, then ``--repeat`` timed passes (p50, p95 of the wall time of ``Answerer.ask``), then
one more article ingested and the next answer timed ("+1 ms": it updates the snapshot). Peak
memory is the child's own peak resident set at the end (the whole process: model, store,
snapshot), read as ``VmHWM`` from /proc/self/status: the child's
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is recorded too, but on Linux it survives execve
and so includes the parent's size at fork (with ``--backend onnx`` the parent has exported the
model with torch first, so that the child never loads torch). Index size is the disk space
allocated under the index directory (``du``). Results are merged by backend and size into
bench/results/scale.json (sizes and backends can run separately) and plotted, latency against
corpus size, in bench/results/latency_vs_corpus.png.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import HELDOUT2_ARTICLES, cpu_model, heldout_corpus, seed_corpus, services_for
from synthetic import leaked_names, variant

from bot.evaluation import evaluate, percentile
from bot.services import Services
from bot.settings import Settings
from index.embedding import bulk_threads, resolve_model_dir
from index.ingest import IngestResult
from index.loaders import load_file
from index.onnx_embedding import export_onnx

RESULTS = Path(__file__).resolve().parent / "results"
TARGETS_MS = {4: 50.0, 1000: 150.0}  # warm answer latency median, on 2 cores


def real_articles() -> list[Path]:
    return sorted(set(heldout_corpus().articles)) + sorted(HELDOUT2_ARTICLES.iterdir())


def build_corpus(size: int, folder: Path) -> tuple[list[Path], int]:
    """The article files of a corpus of ``size`` and how many of them are synthetic."""
    if size <= 4:
        return sorted(set(heldout_corpus().articles))[:size], 0
    real = real_articles()
    if size < len(real):
        raise SystemExit(f"sizes between 5 and {len(real) - 1} are not built; use 4 or >= 7")
    folder.mkdir(parents=True, exist_ok=True)
    loaded = [load_file(p) for p in real]
    files = list(real)
    for i in range(len(real), size):
        v = variant(loaded[i % len(real)], i)
        leaks = leaked_names(v.text)
        if leaks:
            raise SystemExit(f"synthetic variant {i} still names {leaks}")
        path = folder / v.name
        path.write_text(v.text, encoding="utf-8")
        files.append(path)
    return files, size - len(real)


def answer_after_adding_one(services: Services, size: int, workdir: Path, question: str) -> float:
    """One more (synthetic) article ingested, as a feed poll adds one: the wall time, ms, of the
    next answer, which brings the searcher's snapshot up to date."""
    extra = variant(load_file(real_articles()[0]), size + 1)
    path = workdir / "added" / extra.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(extra.text, encoding="utf-8")
    with services.ingestor() as ingestor:
        ingestor.ingest_paths([path])
    services.searcher.invalidate()
    started = time.perf_counter()
    services.answerer.ask(question)
    return (time.perf_counter() - started) * 1000


def disk_usage(folder: Path) -> int:
    return sum(
        os.lstat(os.path.join(d, f)).st_blocks * 512 for d, _, fs in os.walk(folder) for f in fs
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory, MB: ``VmHWM`` of /proc/self/status where there is
    one, for ``ru_maxrss`` survives execve on Linux (a child reports at least the size of its
    parent when it forked); ``getrusage(RUSAGE_SELF).ru_maxrss`` elsewhere."""
    status = Path("/proc/self/status")
    lines = status.read_text().splitlines() if status.exists() else []
    hwm = [int(line.split()[1]) for line in lines if line.startswith("VmHWM:")]
    return (hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def child(size: int, workdir: Path, repeat: int, out: Path) -> None:
    """Measures one corpus size in this process; writes the result as JSON to ``out``."""
    files, synthetic = build_corpus(size, workdir / "articles")
    questions = seed_corpus().questions + heldout_corpus().questions
    services = services_for(workdir / "index")
    services.embedder.embed(["warm-up"])  # loading the model and opening the store are not
    services.store.ping()  # ingest time
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    done = chunks = 0

    def progress(r: IngestResult) -> None:
        nonlocal done, chunks
        done, chunks = done + 1, chunks + r.chunks
        if r.status == "failed":
            raise SystemExit(f"{r.source}: {r.error}")
        if done % 100 == 0:
            print(
                f"   {done}/{len(files)} articles, {chunks} chunks, "
                f"{time.perf_counter() - started:.0f} s, load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
                flush=True,
            )

    with services.ingestor() as ingestor:
        ingestor.ingest_paths(files, on_file=progress)
    ingest_s = time.perf_counter() - started
    services.searcher.invalidate()
    load_ingest = os.getloadavg()[0]

    answerer = services.answerer
    started = time.perf_counter()
    answerer.ask(questions[0]["question"])
    first_ms = (time.perf_counter() - started) * 1000
    report = evaluate(answerer, questions, warm_up=False)
    latencies = []
    for _ in range(repeat):
        for q in questions:
            started = time.perf_counter()
            answerer.ask(q["question"])
            latencies.append((time.perf_counter() - started) * 1000)
    after_add_ms = answer_after_adding_one(services, size, workdir, questions[0]["question"])
    settings = services.settings.embedding
    result = {
        "articles": len(files),
        "synthetic": synthetic,
        "chunks": chunks,
        "ingest_s": round(ingest_s, 1),
        "chunks_per_s": round(chunks / ingest_s, 1),
        "first_answer_ms": round(first_ms, 1),
        "after_add_ms": round(after_add_ms, 1),
        "questions": len(questions),
        "timed_answers": len(latencies),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "max_ms": round(max(latencies), 1),
        "accuracy": f"{report.correct}/{len(report.results)}",
        "ungrounded": report.ungrounded,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "index_mb": round(disk_usage(workdir / "index") / 2**20, 1),
        "backend": settings.backend,
        "torch_loaded": "torch" in sys.modules,
        "threads": settings.threads,
        "ingest_threads": bulk_threads(settings.ingest_threads),
        "load_1min": {
            "start": round(load_start, 2),
            "after_ingest": round(load_ingest, 2),
            "end": round(os.getloadavg()[0], 2),
        },
    }
    out.write_text(json.dumps(result, indent=2))


def run_size(size: int, workdir: Path, repeat: int) -> dict[str, Any]:
    out = workdir / "result.json"
    started = time.perf_counter()
    command = [sys.executable, __file__, "--child", str(size), "--workdir", str(workdir)]
    subprocess.run([*command, "--repeat", str(repeat), "--out", str(out)], check=True)
    result = json.loads(out.read_text())
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """One row per corpus size (``results`` keyed by size)."""
    header = (
        f"{'articles':>8} {'synth':>5} {'chunks':>6} {'ingest s':>8} {'chunks/s':>8} "
        f"{'1st ms':>7} {'+1 ms':>6} {'p50 ms':>7} {'p95 ms':>7} {'accuracy':>8} {'peak MB':>7} "
        f"{'index MB':>8}  backend/threads  1-min load (start/after ingest/end)"
    )
    print(header)
    for size in sorted(results, key=int):
        r = results[size]
        load = r["load_1min"]
        print(
            f"{r['articles']:>8} {r['synthetic']:>5} {r['chunks']:>6} {r['ingest_s']:>8} "
            f"{r['chunks_per_s']:>8} {r['first_answer_ms']:>7} {r.get('after_add_ms', '-'):>6} "
            f"{r['p50_ms']:>7} {r['p95_ms']:>7} "
            f"{r['accuracy']:>8} {r['peak_rss_mb']:>7} {r['index_mb']:>8}  "
            f"{r['backend'] + '/' + str(r['threads']):<16} "
            f"{load['start']}/{load['after_ingest']}/{load['end']}"
        )


def plot(results: dict[str, dict[str, dict[str, Any]]], path: Path) -> None:
    """Median and p95 latency against corpus size, one pair of lines per embedding backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for backend, by_size in sorted(results.items()):
        sizes = sorted(int(s) for s in by_size)
        for key, label, style in (("p50_ms", "median", "o-"), ("p95_ms", "p95", "s--")):
            values = [by_size[str(s)][key] for s in sizes]
            ax.plot(sizes, values, style, label=f"{label}, embeddings: {backend}")
    for size, target in TARGETS_MS.items():
        ax.plot([size], [target], "rv", markersize=9)
        ax.annotate(
            f"target: median <= {target:.0f} ms",
            (size, target),
            textcoords="offset points",
            xytext=(-60 if size > 100 else 6, 8),
            color="red",
            fontsize=8,
        )
    ax.set_xscale("log")
    ax.set_xlabel("articles in the index (above 7: synthetic variants)")
    ax.set_ylabel("warm answer latency, ms")
    ax.set_title("trialbot: answer latency vs corpus size (2 cores)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the questions")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpora and indexes here")
    parser.add_argument(
        "--backend", choices=["torch", "onnx"], default=None, help="embedding backend (env)"
    )
    parser.add_argument("--threads", type=int, default=None, help="model CPU threads (env)")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.workdir, args.repeat, args.out)
        return

    print(
        f"machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()}, Python "
        f"{platform.python_version()}; 1-min load average {os.getloadavg()[0]:.2f} at start"
    )
    # by backend (and thread count if not 1), then by size: separate runs add up
    stored = RESULTS / "scale.json"
    results = json.loads(stored.read_text()) if stored.exists() else {}
    if args.backend:
        os.environ["TRIALBOT_EMBEDDING_BACKEND"] = args.backend  # read by each child's Settings
    if args.threads:
        os.environ["TRIALBOT_EMBEDDING_THREADS"] = str(args.threads)
    with tempfile.TemporaryDirectory(prefix="trialbot-scale-") as tmp:
        root = args.workdir or Path(tmp)
        # one ONNX export for every size, outside the index directories that are measured, and
        # before them: a child's peak memory is then its steady state, not torch's export
        os.environ.setdefault("TRIALBOT_EMBEDDING_CACHE_DIR", str(root / "models"))
        embedding = Settings().embedding
        if embedding.backend == "onnx":
            export_onnx(resolve_model_dir(embedding.model), Path(str(embedding.cache_dir)))
        for size in args.sizes:
            workdir = root / f"corpus-{size}"
            if workdir.exists():
                raise SystemExit(f"{workdir} exists; give another --workdir")
            workdir.mkdir(parents=True)
            print(f"-- {size} articles ...", flush=True)
            result = run_size(size, workdir, args.repeat)
            threads = result["threads"]
            series = result["backend"] + ("" if threads == 1 else f", {threads} threads")
            results.setdefault(series, {})[str(size)] = result
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(json.dumps(results, indent=2, sort_keys=True))
            print_table({str(size): result})
    plot(results, RESULTS / "latency_vs_corpus.png")
    for backend, by_size in sorted(results.items()):
        print(f"\n== embeddings: {backend}; every size measured so far (bench/results/scale.json)")
        print_table(by_size)
        for size, target in TARGETS_MS.items():
            if str(size) in by_size:
                p50 = by_size[str(size)]["p50_ms"]
                verdict = "met" if p50 <= target else "NOT met"
                print(f"target median <= {target:.0f} ms at {size} articles: {p50} ms, {verdict}")
    print(f"plot: {RESULTS / 'latency_vs_corpus.png'}; 1-min load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
