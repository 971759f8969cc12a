"""Context recall: an answerable question counts when an expected string is in one of the
contexts the LLM would be shown, and a miss says why."""

from __future__ import annotations

from bench.context_recall import (
    ARTICLE_NOT_RETRIEVED,
    BLOCKED,
    NOT_INDEXED,
    PAST_THE_CUT,
    SENTENCE_NOT_RETRIEVED,
    SPLIT,
    context_recall,
)
from bot.answer.passages import Sentence
from index.lexical import BM25Index
from index.search import Snapshot
from index.store import ArticleRecord, ChunkRecord

A = ArticleRecord("a", "ORCA-7 results", "a.txt", "2026-01-01", 2, {})
B = ArticleRecord("b", "SKYLARK results", "b.txt", "2026-01-01", 1, {})
CHUNKS = [
    ChunkRecord(
        "a0", "a", 0, 0, 63, "The ORR was 41.0% with zemplitinib. Median PFS was 9.1 months."
    ),
    ChunkRecord("a1", "a", 1, 64, 110, "Grade 3 events occurred in 12.5% of patients."),
    ChunkRecord("b0", "b", 0, 0, 40, "In SKYLARK the hazard ratio for OS was 0.70."),
]


def _sentence(article: ArticleRecord, text: str) -> Sentence:
    return Sentence(article, 0, len(text), text, 0)


class FakeCore:
    """Answers ``sentences_for`` from a table: the sentences the engine would be given."""

    def __init__(self, given: dict[str, list[Sentence]]) -> None:
        self.given = given

    def sentences_for(self, question: str, history: list[str] | None = None) -> list[Sentence]:
        return self.given[question]


def _snapshot() -> Snapshot:
    return Snapshot({"a": A, "b": B}, CHUNKS, BM25Index([]), {})


def test_recall_counts_only_the_contexts_shown_and_says_why_each_miss_missed():
    # fillers that share the question's words as much as the answer does: only the cut decides
    filler = [_sentence(A, f"Grade 3 filler sentence {i}.") for i in range(3)]
    core = FakeCore(
        {
            "orr?": [*filler[:1], _sentence(A, "The ORR was 41.0% with zemplitinib.")],
            "grade 3?": [*filler, _sentence(A, "Grade 3 events occurred in 12.5% of patients.")],
            "blocked?": [],
            "os hr?": [_sentence(A, "The ORR was 41.0% with zemplitinib.")],
            "grade 3 again?": [_sentence(A, "The ORR was 41.0% with zemplitinib.")],
            "pfs?": filler,
            "dfs?": filler,
            "intracranial?": [],
        }
    )
    questions = [
        {"id": "hit", "question": "orr?", "expect": ["99%", "41.0%"]},  # any one of them
        {"id": "cut", "question": "grade 3?", "expect": ["12.5%"]},
        {"id": "blocked", "question": "blocked?", "expect": ["41.0%"]},
        {"id": "other-article", "question": "os hr?", "expect": ["0.70"]},
        {"id": "other-sentence", "question": "grade 3 again?", "expect": ["12.5%"]},
        # held by a chunk, over a sentence's end: no one context can hold it
        {"id": "split", "question": "pfs?", "expect": ["zemplitinib. Median"]},
        {"id": "absent", "question": "dfs?", "expect": ["33.3%"]},
        {"id": "unanswerable", "question": "intracranial?", "not_found": True},
    ]
    report = context_recall(core, questions, max_contexts=3, snapshot=_snapshot)

    assert len(report.probes) == 7  # a not_found question has nothing to recall
    assert report.recall == 1 / 7
    assert {p.question["id"]: p.cause for p in report.misses} == {
        "cut": PAST_THE_CUT,
        "blocked": BLOCKED,
        "other-article": ARTICLE_NOT_RETRIEVED,
        "other-sentence": SENTENCE_NOT_RETRIEVED,
        "split": SPLIT,
        "absent": NOT_INDEXED,
    }
    assert "sentence 4 of 4, 3 shown" in report.misses[0].detail


def test_one_more_context_shown_turns_the_miss_into_a_hit():
    given = [_sentence(A, f"Grade 3 filler sentence {i}.") for i in range(3)]
    given.append(_sentence(A, "Grade 3 events occurred in 12.5% of patients."))
    core = FakeCore({"grade 3?": given})
    questions = [{"id": "g3", "question": "grade 3?", "expect": ["12.5%"]}]
    assert context_recall(core, questions, max_contexts=3).recall == 0.0
    assert context_recall(core, questions, max_contexts=4).recall == 1.0


def test_the_contexts_shown_are_those_that_share_the_most_words_with_the_question():
    # a kidney-cancer and a lung-cancer sentence among fillers: the relevant one beyond the cut
    given = [_sentence(A, f"The trial enrolled patients at site {i}.") for i in range(5)]
    given.append(_sentence(A, "Median PFS with lenvatinib was 23.9 months."))
    core = FakeCore({"median PFS with lenvatinib?": given})
    questions = [{"id": "pfs", "question": "median PFS with lenvatinib?", "expect": ["23.9"]}]
    assert context_recall(core, questions, max_contexts=3).recall == 1.0
