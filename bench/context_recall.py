"""Context recall of the LLM engine, without any LLM: the share of answerable questions (those
with ``expect``) for which an expected string is in at least one of the numbered contexts the
model would be shown.

    python bench/context_recall.py INDEX_DIR QUESTIONS_FILE [--contexts N]
    python bench/context_recall.py --part dev [--index-dir D] [--contexts N]

The contexts are found by the answer core itself (``Answerer.sentences_for``: ``ask`` with an
engine that only records what it is given), cut as the LLM engine cuts them
(``bot.answer.llm.select_contexts``, ``TRIALBOT_ANSWER_LLM_CONTEXTS`` by default). Each miss is
printed with its cause:

- ``blocked``: the core said Not found before any engine ran (an unknown trial-shaped name);
- ``past the cut``: a retrieved sentence holds it, but after the last context shown;
- ``sentence not retrieved``: its article was retrieved, not the sentence that holds it;
- ``article not retrieved``: no sentence of the article that holds it was retrieved;
- ``split across sentences``: a chunk holds it, but no one sentence does;
- ``not in the index``: no chunk holds it (lost by the loader, or written otherwise).

A blind-corpus part (``--part dev``) is indexed as ``bench/blind.py`` indexes it. The sealed
part is refused: it is run once, by ``bench/blind.py``, and never measured before that.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.answer.llm import select_contexts
from bot.answer.passages import Sentence
from bot.app.evaluation import load_questions, parse_questions
from bot.app.services import Services
from bot.infra.settings import Settings
from index.search import Snapshot
from index.text import split_sentences

BLOCKED = "blocked"
PAST_THE_CUT = "past the cut"
SENTENCE_NOT_RETRIEVED = "sentence not retrieved"
ARTICLE_NOT_RETRIEVED = "article not retrieved"
SPLIT = "split across sentences"
NOT_INDEXED = "not in the index"


class ContextSource(Protocol):
    """What the bench needs of the answer core (``bot.answer.core.Answerer``)."""

    def sentences_for(self, question: str, history: list[str] | None = None) -> list[Sentence]: ...


@dataclass
class Probe:
    """One answerable question: whether the contexts hold an expected string, and if not why."""

    question: dict[str, Any]
    hit: bool
    cause: str = ""
    detail: str = ""


@dataclass
class RecallReport:
    probes: list[Probe]

    @property
    def recall(self) -> float:
        return sum(p.hit for p in self.probes) / len(self.probes) if self.probes else 0.0

    @property
    def misses(self) -> list[Probe]:
        return [p for p in self.probes if not p.hit]


def context_recall(
    core: ContextSource,
    questions: Sequence[dict[str, Any]],
    max_contexts: int,
    snapshot: Callable[[], Snapshot] | None = None,
) -> RecallReport:
    """Asks every answerable question of ``core`` for its contexts; ``snapshot`` (the index)
    lets a miss say why it missed."""
    probes = []
    for q in questions:
        expect = q.get("expect")
        if not expect:
            continue
        given = core.sentences_for(q["question"])
        shown = select_contexts(given, max_contexts, q["question"])
        if any(e in s.text for s in shown for e in expect):
            probes.append(Probe(q, True))
        else:
            cause, detail = _why_missed(expect, given, max_contexts, snapshot)
            probes.append(Probe(q, False, cause, detail))
    return RecallReport(probes)


def _why_missed(
    expect: list[str],
    given: list[Sentence],
    max_contexts: int,
    snapshot: Callable[[], Snapshot] | None,
) -> tuple[str, str]:
    if not given:
        return BLOCKED, "Not found before any engine ran"
    at = next((i for i, s in enumerate(given) if any(e in s.text for e in expect)), None)
    if at is not None:
        return PAST_THE_CUT, f"sentence {at + 1} of {len(given)}, {max_contexts} shown"
    if snapshot is None:
        return SENTENCE_NOT_RETRIEVED, ""
    snap = snapshot()
    holders = [c for c in snap.chunks if any(e in c.text for e in expect)]
    if not holders:
        return NOT_INDEXED, ""
    whole = [
        c
        for c in holders
        if any(e in span.text for span in split_sentences(c.text) for e in expect)
    ]
    if not whole:
        return SPLIT, f"in a chunk of {_title(snap, holders[0].article_id)}"
    retrieved = {s.article.id for s in given}
    articles = {c.article_id for c in whole}
    titles = "; ".join(sorted(_title(snap, a) for a in articles))
    if articles & retrieved:
        return SENTENCE_NOT_RETRIEVED, f"in {titles}"
    return ARTICLE_NOT_RETRIEVED, f"in {titles}"


def _title(snap: Snapshot, article_id: str) -> str:
    article = snap.articles.get(article_id)
    return article.title[:60] if article else article_id


def render(name: str, report: RecallReport, kinds: dict[str, str] | None = None) -> str:
    lines = []
    for p in report.misses:
        q = p.question
        lines.append(f"MISS {q['id']} [{p.cause}] {q['question']!r}")
        lines.append(f"     expected {q['expect']}{'; ' + p.detail if p.detail else ''}")
    n, hits = len(report.probes), sum(p.hit for p in report.probes)
    lines.append(f"\n{name}: context recall {hits}/{n} = {report.recall:.1%}")
    for cause, count in Counter(p.cause for p in report.misses).most_common():
        lines.append(f"  {cause:24} {count:4}")
    if kinds:
        by_kind: dict[str, Counter[bool]] = {}
        for p in report.probes:
            by_kind.setdefault(kinds.get(str(p.question["id"]), ""), Counter())[p.hit] += 1
        lines.append(f"\n  {'kind':14} {'recall':>10}")
        for kind, c in sorted(by_kind.items()):
            lines.append(f"  {kind:14} {c[True]:4}/{c[True] + c[False]:<4}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index_dir", nargs="?", type=Path)
    parser.add_argument("questions", nargs="?", type=Path)
    parser.add_argument("--part", help="a part of the blind corpus (bench/blind/PART)")
    parser.add_argument("--index-dir", dest="part_index", type=Path, help="index of --part")
    parser.add_argument("--contexts", type=int, help="contexts shown (default: the setting)")
    args = parser.parse_args(argv)
    settings = Settings()
    kinds = None
    if args.part:
        import blind  # bench/blind.py, beside this file

        if args.part.strip("/").split("/")[0].startswith("sealed"):
            sys.exit("the sealed part is run once, by bench/blind.py, never measured before")
        articles, raw = blind.part_files(args.part)
        index_dir = args.part_index or Path(".trialbot") / f"blind-{args.part}"
        blind.build_index(articles, index_dir)
        questions = parse_questions({"questions": raw}, f"blind/{args.part}")
        kinds = {str(q["id"]): str(q.get("kind", "")) for q in raw}
        name = f"blind/{args.part}"
    elif args.index_dir and args.questions:
        if any(p.startswith("sealed") for p in args.questions.resolve().parts):
            sys.exit("the sealed part is run once, by bench/blind.py, never measured before")
        index_dir, questions, name = args.index_dir, load_questions(args.questions), args.questions
    else:
        parser.error("give INDEX_DIR QUESTIONS_FILE, or --part PART")
    settings.index.dir = index_dir
    max_contexts = args.contexts or settings.answer.llm_contexts
    # the extractive engine: the contexts do not depend on the engine, and no LLM is needed
    settings.answer.engine = "extractive"
    services = Services(settings)
    report = context_recall(services.answerer, questions, max_contexts, services.searcher.snapshot)
    print(render(f"{name} ({max_contexts} contexts)", report, kinds))


if __name__ == "__main__":
    main()
