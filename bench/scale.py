"""Scale: ingest throughput, cold start, answer latency, peak memory and index size against corpus
size, for the current code and, in the same run, the design at a baseline revision.

    python bench/scale.py [--sizes 4 100 1000] [--repeat 3] [--backend torch|onnx] [--threads N]
                          [--baseline REV | --no-baseline] [--workdir DIR]

Corpus of size 4: the seed and held-out articles, all real. Larger sizes: the seven real articles
(seeds, bench/heldout, bench/heldout2) plus SYNTHETIC variants of them (``bench/synthetic.py``:
other trial and drug names, other figures), generated deterministically, for scale only. The
questions are the golden seed and held-out questions, asked of the real trials at every size.

Each size runs in a child process (``--child``) with the project's own Services and settings
from the environment (``TRIALBOT_EMBEDDING_BACKEND``, ``_THREADS``, ``_QUANTIZED``...) on a fresh
embedded index, once for the working tree ("after") and once for the tree of ``--baseline``
(default HEAD, exported with ``git archive`` and put first on the child's PYTHONPATH: "before"):

1. model loaded (not timed), every article ingested: chunks/s;
2. cold start: a new ``trialbot ask --json`` process answers one question: its ``elapsed_ms``
   ("cold ms"), its wall time and its peak memory (``VmHWM``), and, in another new process, the
   time the searcher takes to be ready (``cold index ms``: its snapshot);
3. in the bench's own process: the first answer, one pass over the questions for the accuracy,
   then ``--repeat`` timed passes (p50, p95 of the wall time of ``Answerer.ask``);
4. one more article ingested by other Services (as another process, a feed poll, adds one): the
   time the long-running searcher takes to catch up ("+1 index ms") and the answer after it;
   a second article, and the answer that catches up ("+1 ms", as a user sees it);
5. a new ``trialbot ask`` process after that article ("cold +1 ms").

Peak memory ("peak MB") is the bench process's own peak resident set at the end (the whole
process: model, store, snapshot), read as ``VmHWM`` from /proc/self/status (``ru_maxrss`` survives
execve on Linux and would include the parent's size at fork). Index size is the disk space
allocated under the index directory (``du``), the search cache included. Results are merged by
series and size into bench/results/scale.json and plotted, latency against corpus size, in
bench/results/latency_vs_corpus.png.
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

from bot.app.evaluation import evaluate, percentile
from bot.infra.settings import Settings
from index.embedding import bulk_threads, resolve_model_dir
from index.ingest import IngestResult
from index.loaders import load_file
from index.onnx_embedding import export_onnx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
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


def add_article(index_dir: Path, workdir: Path, number: int) -> None:
    """One more (synthetic) article ingested by Services of their own on the same index, as
    another process (a feed poll, ``trialbot ingest``) adds one."""
    extra = variant(load_file(real_articles()[0]), number)
    path = workdir / "added" / extra.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(extra.text, encoding="utf-8")
    with services_for(index_dir).ingestor() as ingestor:
        [result] = ingestor.ingest_paths([path])
    if result.status != "added":
        raise SystemExit(f"{path}: {result.status} {result.error}")


_ASK_PROCESS = """
import sys
from pathlib import Path
from bot.cli import cli
cli.main(sys.argv[1:], prog_name="trialbot", standalone_mode=False)
status = Path("/proc/self/status")
lines = status.read_text().splitlines() if status.exists() else []
hwm = [x for x in lines if x.startswith("VmHWM:")]
print("peak_kb", hwm[0].split()[1] if hwm else 0, file=sys.stderr)
"""

_SNAPSHOT_PROCESS = """
import sys, time
from pathlib import Path
from bot.app.services import Services
from bot.infra.settings import Settings
settings = Settings()
settings.index.dir = Path(sys.argv[1])
services = Services(settings)
services.store.article_ids()  # opened, as the CLI opens it before the question
started = time.perf_counter()
services.searcher.snapshot()
print((time.perf_counter() - started) * 1000)
"""


def cold_answer(index_dir: Path, question: str) -> dict[str, float]:
    """A new ``trialbot ask --json`` process: its answer's elapsed_ms, wall time, peak memory."""
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _ASK_PROCESS,
            "ask",
            "--json",
            "--index-dir",
            str(index_dir),
            question,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=index_dir.parent,  # not the repository: the PYTHONPATH decides which code runs
    )
    wall = (time.perf_counter() - started) * 1000
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("peak_kb")]
    return {
        "elapsed_ms": round(float(answer["elapsed_ms"]), 1),
        "wall_ms": round(wall, 1),
        "peak_mb": round(int(peak[-1]) / 1024, 1) if peak else 0.0,
        "status": answer["status"],
    }


def cold_snapshot_ms(index_dir: Path) -> float:
    """A new process: how long its searcher takes to be ready (the snapshot), ms."""
    done = subprocess.run(
        [sys.executable, "-c", _SNAPSHOT_PROCESS, str(index_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=index_dir.parent,
    )
    return round(float(done.stdout.strip().splitlines()[-1]), 1)


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
    load_ingest = os.getloadavg()[0]
    index_dir = workdir / "index"
    first_question = questions[0]["question"]
    cold = cold_answer(index_dir, first_question)
    cold_index_ms = cold_snapshot_ms(index_dir)

    services.searcher.invalidate()
    answerer = services.answerer
    started = time.perf_counter()
    answerer.ask(first_question)
    first_ms = (time.perf_counter() - started) * 1000
    report = evaluate(answerer, questions, warm_up=False)
    latencies = []
    for _ in range(repeat):
        for q in questions:
            started = time.perf_counter()
            answerer.ask(q["question"])
            latencies.append((time.perf_counter() - started) * 1000)

    # one more article, by another process: the searcher catching up, then the answer after it
    add_article(index_dir, workdir, size + 1)
    services.searcher.invalidate()
    started = time.perf_counter()
    services.searcher.snapshot()
    after_add_index_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    answerer.ask(first_question)
    after_add_answer_ms = (time.perf_counter() - started) * 1000
    # another one: the answer that catches up, as the user sees it
    add_article(index_dir, workdir, size + 2)
    services.searcher.invalidate()
    started = time.perf_counter()
    answerer.ask(first_question)
    after_add_ms = (time.perf_counter() - started) * 1000
    cold_after_add = cold_answer(index_dir, first_question)

    settings = services.settings.embedding
    result = {
        "articles": len(files),
        "synthetic": synthetic,
        "chunks": chunks,
        "ingest_s": round(ingest_s, 1),
        "chunks_per_s": round(chunks / ingest_s, 1),
        "cold_ms": cold["elapsed_ms"],
        "cold_wall_ms": cold["wall_ms"],
        "cold_peak_mb": cold["peak_mb"],
        "cold_index_ms": cold_index_ms,
        "cold_after_add_ms": cold_after_add["elapsed_ms"],
        "cold_after_add_wall_ms": cold_after_add["wall_ms"],
        "first_answer_ms": round(first_ms, 1),
        "after_add_ms": round(after_add_ms, 1),
        "after_add_index_ms": round(after_add_index_ms, 1),
        "after_add_answer_ms": round(after_add_answer_ms, 1),
        "questions": len(questions),
        "timed_answers": len(latencies),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "max_ms": round(max(latencies), 1),
        "accuracy": f"{report.correct}/{len(report.results)}",
        "ungrounded": report.ungrounded,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "index_mb": round(disk_usage(index_dir) / 2**20, 1),
        "search_cache_mb": round(disk_usage(index_dir / "search-cache") / 2**20, 1)
        if (index_dir / "search-cache").exists()
        else 0.0,
        "backend": settings.backend,
        "quantized": bool(getattr(settings, "quantized", False)),
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


def run_size(size: int, workdir: Path, repeat: int, source: Path | None) -> dict[str, Any]:
    """One size in a child process; ``source``: a tree whose code the child runs instead."""
    out = workdir / "result.json"
    started = time.perf_counter()
    command = [sys.executable, __file__, "--child", str(size), "--workdir", str(workdir)]
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(source), env.get("PYTHONPATH", "")]).rstrip(":")
    subprocess.run([*command, "--repeat", str(repeat), "--out", str(out)], check=True, env=env)
    result = json.loads(out.read_text())
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def export_tree(revision: str, folder: Path) -> Path:
    """The repository's tree at ``revision``, exported into ``folder`` (read-only git)."""
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """One row per corpus size (``results`` keyed by size)."""
    columns = [
        ("articles", "articles", 8),
        ("chunks", "chunks", 6),
        ("chunks/s", "chunks_per_s", 8),
        ("cold ms", "cold_ms", 8),
        ("cold idx", "cold_index_ms", 8),
        ("cold+1", "cold_after_add_ms", 7),
        ("1st ms", "first_answer_ms", 7),
        ("+1 ms", "after_add_ms", 7),
        ("+1 idx", "after_add_index_ms", 7),
        ("p50 ms", "p50_ms", 7),
        ("p95 ms", "p95_ms", 7),
        ("accuracy", "accuracy", 8),
        ("peak MB", "peak_rss_mb", 7),
        ("ask MB", "cold_peak_mb", 7),
        ("index MB", "index_mb", 8),
    ]
    print(" ".join(f"{title:>{width}}" for title, _, width in columns) + "  1-min load")
    for size in sorted(results, key=int):
        r = results[size]
        load = r["load_1min"]
        cells = [f"{r.get(key, '-')!s:>{width}}" for _, key, width in columns]
        print(" ".join(cells) + f"  {load['start']}/{load['after_ingest']}/{load['end']}")


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
    parser.add_argument(
        "--baseline",
        default="HEAD",
        help="git revision measured too, in the same run, as 'before' (default HEAD)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="the working tree only")
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
            model_dir = resolve_model_dir(embedding.model)
            export_onnx(model_dir, Path(str(embedding.cache_dir)), embedding.quantized)
        designs: list[tuple[str, Path | None]] = [("after", None)]
        if not args.no_baseline:
            source = export_tree(args.baseline, root / f"baseline-{args.baseline}")
            designs.insert(0, (f"before ({args.baseline})", source))
        for size in args.sizes:
            for design, source in designs:
                workdir = root / f"corpus-{size}-{design.split()[0]}"
                if workdir.exists():
                    raise SystemExit(f"{workdir} exists; give another --workdir")
                workdir.mkdir(parents=True)
                print(f"-- {size} articles, {design} ...", flush=True)
                result = run_size(size, workdir, args.repeat, source)
                threads = result["threads"]
                series = result["backend"] + ("" if threads == 1 else f", {threads} threads")
                series += ", int8" if result.get("quantized") else ""
                series += "" if source is None else f", {design}"
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
