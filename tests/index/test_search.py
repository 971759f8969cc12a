from index.search import reciprocal_rank_fusion
from tests.conftest import make_services, seed_files


def test_rrf_scores_are_the_sum_of_reciprocal_ranks():
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=60))
    assert fused["a"] == 1 / 61
    assert fused["b"] == 1 / 62 + 1 / 61
    assert fused["c"] == 1 / 63 + 1 / 62
    order = [d for d, _ in reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=60)]
    assert order == ["b", "c", "a"]


ORCA_DESIGN = (
    "ORCA-7 update\n"
    "ORCA-7 is a phase 3 trial of zemplitinib in relapsed disease. Its primary endpoint is the "
    "objective response rate (ORR) by central review.\n\n"
    "The ORR was chosen as the primary endpoint because the ORR of zemplitinib reflects tumour "
    "shrinkage, the investigators said.\n\n"
    "Investigators said the ORR of zemplitinib would be compared with the ORR of docetaxel, and "
    "that objective response rate assessments happen every 6 weeks.\n\n"
    "Zemplitinib produced responses in 41.0% of patients (95% CI, 33.2%-49.1%) versus 12.5% with "
    "docetaxel.\n\n"
    "An ORR benefit of zemplitinib would support a filing, the sponsor said of ORCA-7.\n\n"
    "Enrollment took two years across 120 sites in 14 countries, with 301 patients in all."
)


def test_a_chunk_reporting_the_endpoint_asked_is_ranked_over_chunks_that_only_name_it(
    tmp_path, embedder
):
    services = make_services(tmp_path / "idx", embedder)
    services.settings.index.chunk_chars = 200  # one paragraph per chunk
    article = tmp_path / "orca7.txt"
    article.write_text(ORCA_DESIGN)
    with services.ingestor() as ing:
        [result] = ing.ingest_paths([article])
    assert result.chunks == 5
    hits = services.searcher.search("What was the ORR with zemplitinib in ORCA-7?", 5)
    # the dense model ranks it last (it says "responses", not "ORR"); every chunk names the ORR,
    # only this one reports it
    ranked = [h.chunk.text for h in hits]
    assert any("41.0%" in text for text in ranked[:3])
    snap = services.searcher.snapshot()
    assert [sorted(f) for f in snap.chunk_figures] == [[], [], [], ["ORR"], ["enrollment"]]


class _CountingVocabulary:
    """The real vocabulary, counting the texts it tokenizes for search."""

    def __init__(self, vocab):
        self.vocab, self.tokenized = vocab, 0

    def __getattr__(self, name):
        return getattr(self.vocab, name)

    def search_tokens(self, text):
        self.tokenized += 1
        return self.vocab.search_tokens(text)


def test_a_new_article_is_added_to_the_snapshot_without_redoing_the_others(tmp_path, embedder):
    first, second = seed_files()
    services = make_services(tmp_path / "idx", embedder)
    searcher = services.searcher
    searcher.vocab = counting = _CountingVocabulary(services.vocabulary)
    with services.ingestor() as ing:
        ing.ingest_paths([first])
    before = searcher.snapshot()
    counting.tokenized = 0
    with services.ingestor() as ing:  # brings the snapshot up to date when it ends
        [added] = ing.ingest_paths([second])
    after = searcher.snapshot()
    assert after is not before and counting.tokenized == added.chunks  # the new chunks only

    fresh = make_services(tmp_path / "idx", embedder)
    fresh.settings.index.dir = tmp_path / "elsewhere"  # no search cache: built from the store
    fresh.__dict__["store"] = services.store
    built = fresh.searcher.snapshot()
    assert [c.id for c in after.chunks] == [c.id for c in built.chunks]
    assert after.chunk_terms == built.chunk_terms and after.chunk_figures == built.chunk_figures
    assert after.article_words == built.article_words
