from itertools import pairwise

from index.chunking import chunk_article
from index.text import split_sentences


def test_chunks_are_exact_slices_of_whole_sentences():
    text = " ".join(f"Sentence {i} reports an ORR of {i}.5% (95% CI, 1%-2%)." for i in range(60))
    chunks = chunk_article(text, target_chars=300, overlap_sentences=1)
    starts = {s.start for s in split_sentences(text)}
    ends = {s.end for s in split_sentences(text)}
    assert len(chunks) > 5
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert c.start in starts and c.end in ends  # never a cut sentence
    # consecutive chunks share their boundary sentence
    assert all(b.start < a.end for a, b in pairwise(chunks))


def test_a_sentence_longer_than_a_chunk_stays_whole_and_ends():
    long = "A" * 50 + " " + "word " * 400 + "end."
    text = f"First short one. {long} Last short one."
    chunks = chunk_article(text, target_chars=200, overlap_sentences=1)
    assert any(long in c.text for c in chunks)
    assert chunks[-1].text.endswith("Last short one.")


def test_empty_text_gives_no_chunks():
    assert chunk_article("") == []
