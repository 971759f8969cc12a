from index.search import reciprocal_rank_fusion


def test_rrf_scores_are_the_sum_of_reciprocal_ranks():
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=60))
    assert fused["a"] == 1 / 61
    assert fused["b"] == 1 / 62 + 1 / 61
    assert fused["c"] == 1 / 63 + 1 / 62
    order = [d for d, _ in reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=60)]
    assert order == ["b", "c", "a"]
