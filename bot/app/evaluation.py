"""Evaluating answers against a questions file (``trialbot eval``, ``bench/golden.py``, tests).

A questions file is YAML (or JSON, by the ``.json`` suffix) of this shape::

    questions:
      - id: orca7-orr-2l                    # unique
        question: "ORR for zemplitinib in the 2L subgroup?"
        expect: ["41.0%"]                    # any one of these, verbatim
      - id: orca7-intracranial
        question: "What was the intracranial ORR in ORCA-7?"
        not_found: true                      # the index must say it does not know

An answer is correct when an expected figure is in its first line and in one of its cited quotes,
or when the question expects ``not_found`` and gets it. Every answered question is also checked
for figures that appear in none of its citations (``ungrounded``, which must never happen).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml

from bot.answer.grounding import ungrounded_numbers
from bot.answer.models import Answer
from bot.infra.errors import QuestionsFileError

Outcome = Literal["correct", "abstained", "wrong", "wrongly_abstained"]

QUESTION_KEYS = ("id", "question", "expect", "not_found", "kind")
_MAX_ERRORS = 10


def judge(question: dict[str, Any], answer: Answer) -> bool:
    """Correct when an expected figure is in the answer's first line and in a cited quote, or
    when the question expects ``not_found`` and gets it."""
    if question.get("not_found"):
        return answer.status == "not_found"
    lead = _same_glyphs(answer.text.split("\n")[0])
    quotes = [_same_glyphs(c.quote) for c in answer.citations]
    return answer.status == "answered" and any(
        e in lead and any(e in q for q in quotes)
        for e in (_same_glyphs(str(x)) for x in question["expect"])
    )


def _same_glyphs(text: str) -> str:
    """Text with compatibility characters as their plain forms (NFKC): "40 mg/m²" is the
    figure "40 mg/m2" that a questions file writes, "½" is "1⁄2"."""
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------- questions files


def load_questions(path: Path) -> list[dict[str, Any]]:
    """The questions of a YAML or JSON questions file, checked; ``QuestionsFileError`` says
    what is wrong and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsFileError(f"{path}: cannot read the questions file ({exc})") from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise QuestionsFileError(
                f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"
            ) from exc
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise QuestionsFileError(f"{path}: not valid YAML{where}: {problem}") from exc
    return parse_questions(data, str(path))


def parse_questions(data: Any, source: str = "questions") -> list[dict[str, Any]]:
    """Checks the parsed content of a questions file; returns each question as
    ``{id, question, expect}`` or ``{id, question, not_found: True}``."""
    if not isinstance(data, Mapping) or not isinstance(data.get("questions"), list):
        raise QuestionsFileError(
            f"{source}: expected a top-level 'questions:' list "
            "(each item: id, question, and expect: [...] or not_found: true)"
        )
    if not data["questions"]:
        raise QuestionsFileError(f"{source}: the 'questions' list is empty")
    questions, errors, seen = [], [], set()
    for i, item in enumerate(data["questions"]):
        question, problem = _check_question(item)
        if problem:
            named = f" (id {item['id']!r})" if isinstance(item, Mapping) and "id" in item else ""
            errors.append(f"questions[{i}]{named}: {problem}")
        elif question["id"] in seen:
            errors.append(f"questions[{i}]: duplicate id {question['id']!r}")
        else:
            seen.add(question["id"])
            questions.append(question)
    if errors:
        more = len(errors) - _MAX_ERRORS
        shown = errors[:_MAX_ERRORS] + ([f"... and {more} more"] if more > 0 else [])
        raise QuestionsFileError(f"{source}: malformed questions file\n  " + "\n  ".join(shown))
    return questions


def _check_question(item: Any) -> tuple[dict[str, Any], str]:
    """The normalized question, or an empty dict and what is wrong with it."""
    if not isinstance(item, Mapping):
        return {}, "each question must be a mapping with id, question and expect or not_found"
    unknown = [str(k) for k in item if k not in QUESTION_KEYS]
    if unknown:
        return {}, f"unknown key {', '.join(unknown)} (allowed: {', '.join(QUESTION_KEYS)})"
    qid, text = item.get("id"), item.get("question")
    if not isinstance(qid, str) or not qid.strip():
        return {}, "'id' must be a non-empty string"
    if not isinstance(text, str) or not text.strip():
        return {}, "'question' must be a non-empty string"
    not_found, expect = item.get("not_found", False), item.get("expect")
    if not isinstance(not_found, bool):
        return {}, "'not_found' must be true or false"
    if not_found:
        if expect is not None:
            return {}, "give either 'expect' or 'not_found: true', not both"
        return {"id": qid, "question": text, "not_found": True, **_kind(item)}, ""
    if isinstance(expect, str):
        expect = [expect]
    if not isinstance(expect, list) or not expect:
        return {}, "needs 'expect: [figure, ...]' (any one must be in the answer) or 'not_found'"
    if not all(isinstance(e, str) and e.strip() for e in expect):
        # a bare YAML 0.70 would become 0.7: figures are matched verbatim, so they must be text
        return {}, "'expect' figures must be non-empty strings; quote them, e.g. \"0.70\""
    return {"id": qid, "question": text, "expect": list(expect), **_kind(item)}, ""


def _kind(item: Mapping[str, Any]) -> dict[str, str]:
    """What the question tests ("landmark", "comparator", ...), when the file says it."""
    return {"kind": str(item["kind"])} if item.get("kind") else {}


# ---------------------------------------------------------------- evaluation


class Asker(Protocol):
    """What evaluation needs of the answer core (``bot.answer.core.Answerer``)."""

    def ask(self, question: str, history: list[str] | None = None) -> Answer: ...


@dataclass(frozen=True)
class QuestionResult:
    """One question, its answer and how it was judged."""

    question: dict[str, Any]
    answer: Answer
    outcome: Outcome
    ungrounded: list[str]

    @property
    def ok(self) -> bool:
        return self.outcome in ("correct", "abstained")

    @property
    def lead(self) -> str:
        return self.answer.text.split("\n")[0]

    def to_dict(self) -> dict[str, Any]:
        q, a = self.question, self.answer.to_dict()
        return {
            "id": q["id"],
            "question": q["question"],
            "expect": q.get("expect", []),
            "not_found": bool(q.get("not_found")),
            "outcome": self.outcome,
            "ok": self.ok,
            "status": a["status"],
            "answer": a["answer"],
            "ungrounded": self.ungrounded,
            "elapsed_ms": a["elapsed_ms"],
            "confidence": a["confidence"],
            "why": a["why"],
            "citations": a["citations"],
        }


@dataclass
class EvaluationReport:
    """The results of a questions file asked of one index."""

    results: list[QuestionResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def correct(self) -> int:
        """Questions judged right: answered correctly and grounded, or abstained correctly."""
        return sum(r.ok for r in self.results)

    @property
    def ungrounded(self) -> int:
        """Answers with a figure that is in none of their citations (must be 0)."""
        return sum(bool(r.ungrounded) for r in self.results)

    @property
    def answered_not_found_questions(self) -> int:
        """Wrong answers given to questions that expect ``not_found``."""
        return sum(r.outcome == "wrong" and bool(r.question.get("not_found")) for r in self.results)

    @property
    def accuracy(self) -> float:
        return self.correct / len(self.results) if self.results else 0.0

    @property
    def latencies_ms(self) -> list[float]:
        return [r.answer.elapsed_ms for r in self.results]

    def misses(self) -> list[QuestionResult]:
        return [r for r in self.results if not r.ok or r.ungrounded]

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary of ``trialbot eval --json``, per-question results included."""
        lat = self.latencies_ms
        return {
            "questions": len(self.results),
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "answered_correctly": self.count("correct"),
            "abstained_correctly": self.count("abstained"),
            "wrong": self.count("wrong"),
            "wrong_answered_not_found_question": self.answered_not_found_questions,
            "wrongly_abstained": self.count("wrongly_abstained"),
            "ungrounded": self.ungrounded,
            "latency_ms": {
                "median": round(percentile(lat, 50), 1),
                "p95": round(percentile(lat, 95), 1),
                "max": round(max(lat, default=0.0), 1),
            },
            "results": [r.to_dict() for r in self.results],
        }


def judge_answer(question: dict[str, Any], answer: Answer) -> QuestionResult:
    """Sorts one answer into correct, abstained (correctly), wrong or wrongly abstained."""
    ungrounded = (
        ungrounded_numbers(answer.text, answer.citations) if answer.status == "answered" else []
    )
    outcome: Outcome
    if question.get("not_found"):
        outcome = "abstained" if answer.status == "not_found" else "wrong"
    elif answer.status == "not_found":
        outcome = "wrongly_abstained"
    else:
        outcome = "correct" if judge(question, answer) and not ungrounded else "wrong"
    return QuestionResult(question, answer, outcome, ungrounded)


def evaluate(
    answerer: Asker,
    questions: list[dict[str, Any]],
    *,
    warm_up: bool = True,
    on_result: Callable[[QuestionResult], None] | None = None,
) -> EvaluationReport:
    """Asks every question once, in order. ``warm_up`` asks the first one once, untimed, so
    that loading the model and the index is not counted as answer latency."""
    if warm_up and questions:
        answerer.ask(questions[0]["question"])
    report = EvaluationReport()
    for q in questions:
        result = judge_answer(q, answerer.ask(q["question"]))
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile, linearly interpolated between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
