"""Run a part of the blind corpus (``bench/blind/<part>``): ingest every article of the part into
one index, ask every question, and print the outcome by question kind.

    python bench/blind.py dev [--index-dir D] [-v] [--json OUT] [--context-recall]

Each helper folder of the part holds ``articles/`` and ``questions.yaml``; every article of the
part is in the one index, so each question is asked against all of them, as in real use. The
index is kept in ``.trialbot/blind-<part>`` and rebuilt when the articles, ``index/`` or the
vocabulary change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import yaml

from bot.app.evaluation import evaluate, parse_questions
from bot.app.services import Services
from bot.format.evaluation import render_report
from bot.infra.settings import Settings
from index.embedding import vectors_id

ROOT = Path(__file__).resolve().parent / "blind"


def part_files(part: str) -> tuple[list[Path], list[dict[str, object]]]:
    articles, questions = [], []
    for folder in sorted((ROOT / part).iterdir()):
        if not folder.is_dir():
            continue
        articles.extend(sorted(p for p in (folder / "articles").iterdir() if p.is_file()))
        qfile = folder / "questions.yaml"
        if qfile.exists():
            data = yaml.safe_load(qfile.read_text(encoding="utf-8"))
            questions.extend(data["questions"])
    return articles, questions


def build_index(articles: list[Path], index_dir: Path) -> None:
    digest = hashlib.sha256()
    # the articles, and the code and vocabulary that ingest them
    code = sorted((ROOT.parent.parent / "index").glob("*.py"))
    for path in [*articles, *code, ROOT.parent.parent / "prompts" / "vocabulary.yaml"]:
        digest.update(path.name.encode() + path.read_bytes())
    embedding = Settings().embedding  # ... and the vectors a new index is built with
    digest.update(vectors_id(embedding.model, embedding.quantized).encode())
    stamp = index_dir / "corpus.sha256"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    shutil.rmtree(index_dir, ignore_errors=True)
    settings = Settings()
    settings.index.dir = index_dir
    with Services(settings).ingestor() as ingestor:
        for result in ingestor.ingest_paths(articles):
            if result.error:
                print(f"ingest failed: {result.source}: {result.error}", file=sys.stderr)
    stamp.write_text(digest.hexdigest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part")
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("-v", action="store_true", help="print every question, not only misses")
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument(
        "--context-recall",
        action="store_true",
        help="also measure the LLM engine's context recall on the same index, in the same run "
        "(the one run of a sealed part reports both)",
    )
    args = parser.parse_args()
    articles, raw = part_files(args.part)
    if not raw:
        sys.exit(f"no questions in {ROOT / args.part}")
    index_dir = args.index_dir or Path(".trialbot") / f"blind-{args.part}"
    build_index(articles, index_dir)
    questions = parse_questions({"questions": raw}, f"blind/{args.part}")
    kinds = {str(q["id"]): str(q.get("kind", "")) for q in raw}
    settings = Settings()
    settings.index.dir = index_dir
    report = evaluate(Services(settings).answerer, questions)
    print(render_report(report, show_all=args.v))
    by_kind: dict[str, Counter[str]] = {}
    for r in report.results:
        by_kind.setdefault(kinds.get(r.question["id"], ""), Counter())[r.outcome] += 1
    print(f"\n{'kind':14} {'n':>4} {'right':>6} {'wrong':>6} {'abstained wrongly':>18}")
    for kind, c in sorted(by_kind.items()):
        n = sum(c.values())
        right = c["correct"] + c["abstained"]
        print(f"{kind:14} {n:4} {right:6} {c['wrong']:6} {c['wrongly_abstained']:18}")
    print(f"articles: {len(articles)}")
    if args.context_recall:
        from context_recall import context_recall, render  # bench/context_recall.py

        settings.answer.engine = "extractive"  # the contexts do not depend on the engine
        services = Services(settings)
        contexts = settings.answer.llm_contexts
        recall = context_recall(services.answerer, questions, contexts, services.searcher.snapshot)
        print()
        print(render(f"blind/{args.part} ({contexts} contexts)", recall, kinds))
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
