"""Ingest time and peak memory against the size of ONE article (issue 14, item 8).

    python bench/ingest_size.py [--sizes 1 2 15] [--workdir DIR]

For each size (MB of text) it writes an article-like text file: the sample articles repeated,
every decimal figure redrawn (so sentences and facts differ), under numbered section headings.
SYNTHETIC text for timing only. Then it runs ``trialbot ingest --no-progress`` on it in a child
process, on a fresh embedded index, and prints the wall time, seconds per MB, chunks per second
and the child's peak resident set (from ``wait4``), then asks one question of the index to check
the article is answerable. The embedding model is exported beforehand (not timed). Linear time
shows as a flat s/MB column; bounded memory as a peak that does not grow with the size.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
TRIALBOT = Path(sys.executable).parent / "trialbot"


def article_text(megabytes: float, seed: int = 0) -> str:
    """About ``megabytes`` MB of article-like text with many sentences and figures."""
    source = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    rng = random.Random(seed)
    size = int(megabytes * 1_000_000)
    parts, length = [], 0
    while length < size:
        block = re.sub(r"\d+\.\d", lambda _: f"{rng.uniform(1, 99):.1f}", source)
        parts.append(f"Section {len(parts) + 1}.\n\n{block}")
        length += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


def run(argv: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB and stdout+stderr of a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode}):\n{output}")
    return elapsed, usage.ru_maxrss // 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 15])
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="trialbot-ingest-size-"))
    work.mkdir(parents=True, exist_ok=True)

    # the first use exports the ONNX model: done here, untimed
    warm = work / "warm"
    warm.mkdir(exist_ok=True)
    (warm / "a.txt").write_text(article_text(0.01), encoding="utf-8")
    run(
        [
            str(TRIALBOT),
            "ingest",
            "--no-progress",
            "--index-dir",
            str(work / "warm-index"),
            str(warm),
        ]
    )

    print(
        f"{'MB':>6} {'chars':>10} {'chunks':>7} {'s':>8} {'s/MB':>7} {'chunks/s':>9} {'peak MB':>8}"
    )
    for mb in args.sizes:
        path = work / f"article-{mb:g}MB.txt"
        path.write_text(article_text(mb), encoding="utf-8")
        index = work / f"index-{mb:g}MB"
        argv = [str(TRIALBOT), "ingest", "--no-progress", "--index-dir", str(index), str(path)]
        elapsed, peak, output = run(argv)
        found = re.search(r"\((\d+) chunks\)", output)
        chunks = int(found.group(1)) if found else 0
        chars = len(path.read_text(encoding="utf-8"))
        print(
            f"{mb:>6g} {chars:>10} {chunks:>7} {elapsed:>8.1f} {elapsed / mb:>7.1f} "
            f"{chunks / elapsed:>9.1f} {peak:>8}",
            flush=True,
        )
        _, _, answer = run(
            [str(TRIALBOT), "ask", "--index-dir", str(index), "What was the ORR with I-DXd?"]
        )
        print(f"       ask: {answer.strip().splitlines()[0][:100]}", flush=True)


if __name__ == "__main__":
    main()
