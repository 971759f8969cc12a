import random

import bm25s
import numpy as np

from index.lexical import BM25Index, Postings


def _corpus(seed: int, size: int) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(200)]
    # skewed: low-numbered words are common, some documents are empty
    return [
        [rng.choice(words[: rng.randint(3, 200)]) for _ in range(rng.randint(0, 50))]
        for _ in range(size)
    ]


def _bm25s_scores(documents: list[list[str]], query: list[str]) -> np.ndarray:
    reference = bm25s.BM25()
    reference.index([d or ["\x00"] for d in documents], show_progress=False)
    if not any(t in reference.vocab_dict for t in query):
        return np.zeros(len(documents), np.float32)
    return np.asarray(reference.get_scores(query))


def test_scores_are_those_of_bm25s_to_the_bit():
    documents = _corpus(1, 300)
    index = BM25Index(documents)
    rng = random.Random(2)
    for _ in range(50):
        query = [f"w{rng.randint(0, 220)}" for _ in range(rng.randint(1, 6))]  # some unknown
        assert np.array_equal(index.scores(query), _bm25s_scores(documents, query))


def test_an_index_in_parts_ranks_as_one_over_the_documents_it_keeps():
    documents = _corpus(3, 240)
    removed = [["w1", "w2", "w3"]] * 5  # in a part, but left out (an article replaced)
    first, second = Postings.of(documents[:100]), Postings.of(documents[100:] + removed)
    # the second part's documents come first in the index's order
    parts = [
        (first, np.arange(140, 240)),
        (second, np.concatenate([np.arange(140), np.full(5, -1)])),
    ]
    split = BM25Index.of_parts(parts, 240)
    whole = BM25Index(documents[100:] + documents[:100])
    for query in (["w1"], ["w2", "w2", "w17"], ["w150", "w3"], ["nowhere"]):
        assert np.array_equal(split.scores(query), whole.scores(query))
        assert split.rank(query, 10) == whole.rank(query, 10)


def test_merged_postings_are_those_of_the_chosen_documents_in_their_new_order():
    documents = _corpus(4, 120)
    a, b = Postings.of(documents[:60]), Postings.of(documents[60:])
    kept_a = [i for i in range(60) if i % 3]  # the others dropped
    new_a = np.full(60, -1)
    new_a[kept_a] = np.arange(60, 60 + len(kept_a))  # after all of b's
    size = 60 + len(kept_a)
    merged = BM25Index.of_parts(
        [(Postings.merge([(a, new_a), (b, np.arange(60))], size), np.arange(size))], size
    )
    expected = BM25Index(documents[60:] + [documents[i] for i in kept_a])
    for query in (["w0"], ["w5", "w9", "w5"], ["w44"], ["w199"]):
        assert np.array_equal(merged.scores(query), expected.scores(query))


def test_rank_leaves_out_documents_without_a_match_and_those_not_allowed():
    index = BM25Index([["orr", "zemplitinib"], ["pfs"], ["orr"], []])
    assert index.rank(["orr"], 10) == [2, 0]  # the shorter document first
    assert index.rank(["orr"], 10, np.array([True, True, False, True])) == [0]
    assert index.rank(["os"], 10) == [] and index.rank([], 10) == []
