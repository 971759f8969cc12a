"""Ask a questions file of an index and print accuracy, grounding and latency.

    python bench/golden.py INDEX_DIR QUESTIONS.yaml [-v]

A question counts as correct when an expected figure is in the answer's first line and in a
cited quote, or when it expects not_found and gets it.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml

from bot.answer.grounding import ungrounded_numbers
from bot.evaluation import judge
from bot.services import Services
from bot.settings import Settings


def main(index_dir: str, questions_file: str, verbose: bool) -> None:
    settings = Settings()
    settings.index.dir = Path(index_dir)
    answerer = Services(settings).answerer
    questions = yaml.safe_load(Path(questions_file).read_text())["questions"]
    correct = ungrounded = 0
    latencies = []
    for q in questions:
        a = answerer.ask(q["question"])
        latencies.append(a.elapsed_ms)
        lead = a.text.split("\n")[0]
        if a.status == "answered" and ungrounded_numbers(a.text, a.citations):
            ungrounded += 1
        ok = judge(q, a)
        correct += ok
        if verbose or not ok:
            print(f"{'OK  ' if ok else 'MISS'} {q['id']}: {q['question']}\n     -> {lead[:200]}")
    print(
        f"{correct}/{len(questions)} correct, {ungrounded} ungrounded, "
        f"median {statistics.median(latencies):.1f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "-v" in sys.argv)
