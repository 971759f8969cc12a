"""Ask a questions file of an index and print accuracy, grounding and latency.

    python bench/golden.py INDEX_DIR QUESTIONS.yaml [-v]

The same evaluation as ``trialbot eval`` (``bot/app/evaluation.py``); ``-v`` prints every question,
not only the misses. A question counts as correct when an expected figure is in the answer's
first line and in a cited quote, or when it expects not_found and gets it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bot.app.evaluation import evaluate, load_questions
from bot.app.services import Services
from bot.format.evaluation import render_report
from bot.infra.settings import Settings


def main(index_dir: str, questions_file: str, verbose: bool) -> None:
    settings = Settings()
    settings.index.dir = Path(index_dir)
    questions = load_questions(Path(questions_file))
    report = evaluate(Services(settings).answerer, questions)
    print(render_report(report, show_all=verbose))
    print(f"{'1-min load average':29} {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 2:
        raise SystemExit(__doc__)
    main(args[0], args[1], "-v" in sys.argv)
