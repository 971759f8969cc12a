"""Ingestion against the real Chroma on disk and the real model."""

from pathlib import Path

import pytest

from index.store import ChunkRecord
from tests.conftest import make_services, seed_files


@pytest.fixture
def services(tmp_path: Path, embedder):
    return make_services(tmp_path / "idx", embedder)


def test_reingesting_the_same_articles_changes_nothing(services):
    with services.ingestor() as ing:
        first = ing.ingest_paths(seed_files())
    before = ({a.id for a in services.store.articles()}, len(services.store.chunks()))
    with services.ingestor() as ing:
        again = ing.ingest_paths(seed_files())
    after = ({a.id for a in services.store.articles()}, len(services.store.chunks()))
    assert [r.status for r in first] == ["added", "added"]
    assert [r.status for r in again] == ["unchanged", "unchanged"]
    assert before == after and len(before[0]) == 2


def test_a_changed_file_replaces_its_old_chunks(services, tmp_path: Path):
    f = tmp_path / "news.txt"
    f.write_text("Trial A news\nThe ORR was 30.1% in the phase 2 ALPHA-1 trial of drug X.")
    with services.ingestor() as ing:
        ing.ingest_paths([f])
        f.write_text("Trial A news\nThe ORR was 31.5% in the phase 2 ALPHA-1 trial of drug X.")
        results = ing.ingest_paths([f])
    assert results[0].status == "replaced"
    texts = " ".join(c.text for c in services.store.chunks())
    assert "31.5%" in texts and "30.1%" not in texts
    assert len(services.store.articles()) == 1


def test_a_bad_file_is_reported_and_the_others_are_ingested(services, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    results_by_source = {}
    with services.ingestor() as ing:
        for r in ing.ingest_paths([bad, *seed_files()]):
            results_by_source[Path(r.source).name] = r
    assert results_by_source["bad.txt"].status == "failed"
    assert "binary" in results_by_source["bad.txt"].error
    assert len(services.store.articles()) == 2


def test_chunks_left_by_a_dead_ingest_are_invisible_then_repaired(services):
    # what a process killed after writing chunks but before the article record leaves
    orphan = ChunkRecord("dead:0", "dead", 0, 0, 20, "ORR was 99.9% in ZETA")
    services.store.add_chunks([orphan], services.embedder.embed([orphan.text]))
    assert services.searcher.snapshot().chunks == []  # never searched
    with services.ingestor() as ing:
        assert ing.repair() == 1
    assert services.store.chunk_article_ids() == set()


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(services, tmp_path, embedder):
    from bot.infra.errors import IndexLockedError

    other = make_services(tmp_path / "idx", embedder)
    with (
        services.ingestor(),
        pytest.raises(IndexLockedError, match="Chroma server"),
        other.ingestor(),
    ):
        pass


def test_the_store_finds_articles_by_id_and_by_source(services):
    with services.ingestor() as ing:
        results = ing.ingest_paths(seed_files())
    store = services.store
    first, second = results
    assert store.article_ids() == {first.article_id, second.article_id}
    assert [a.title for a in store.articles(ids=[second.article_id])] == [second.title]
    assert [a.id for a in store.articles(source=first.source)] == [first.article_id]
    assert store.articles(ids=[]) == [] and store.articles(source="elsewhere.txt") == []
    assert store.articles(ids=["no-such-id"]) == []


def test_a_pdf_bomb_is_that_files_error_and_the_good_file_is_ingested(services, tmp_path: Path):
    from tests.index.test_loaders import write_pdf_bomb

    bomb, good = tmp_path / "bomb.pdf", tmp_path / "good.txt"
    write_pdf_bomb(bomb)
    good.write_text("Trial A news\nThe ORR was 30.1% in the phase 2 ALPHA-1 trial of drug X.")
    with services.ingestor() as ing:
        results = {Path(r.source).name: r for r in ing.ingest_paths([bomb, good])}
    assert results["bomb.pdf"].status == "failed"
    assert "decompression limit" in results["bomb.pdf"].error
    assert results["good.txt"].status == "added"
    assert len(services.store.articles()) == 1


def test_any_failure_of_one_file_is_that_files_error(services, tmp_path: Path, monkeypatch):
    import index.ingest

    real_annotate = index.ingest.annotate

    def annotate(text, vocab):  # a bug met on one article's text
        if "BUG" in text:
            raise IndexError("list index out of range")
        return real_annotate(text, vocab)

    monkeypatch.setattr(index.ingest, "annotate", annotate)
    odd, good = tmp_path / "odd.txt", tmp_path / "good.txt"
    odd.write_text("Trial B news\nThe BUG trial reported an ORR of 12.0% with drug Z overall.")
    good.write_text("Trial A news\nThe ORR was 30.1% in the phase 2 ALPHA-1 trial of drug X.")
    with services.ingestor() as ing:
        results = {Path(r.source).name: r for r in ing.ingest_paths([odd, good])}
    assert results["odd.txt"].status == "failed"
    assert results["odd.txt"].error == "could not be ingested (IndexError: list index out of range)"
    assert results["good.txt"].status == "added"


def test_a_write_lock_that_is_a_directory_is_a_clear_error(services, tmp_path: Path):
    from bot.infra.errors import IndexUnavailableError

    (tmp_path / "idx" / "write.lock").mkdir(parents=True)
    with (
        pytest.raises(IndexUnavailableError, match=r"write\.lock is a directory, not a file"),
        services.ingestor(),
    ):
        pass


SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


def test_a_megabyte_article_is_ingested_in_batches_and_answerable(services, tmp_path: Path):
    """Issue 14, item 8: a long text is embedded and stored a batch at a time (bounded memory,
    progress seen), and answers like a short one. Time against size: bench/ingest_size.py."""
    from index.ingest import EMBED_BATCH_CHUNKS

    sample = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    parts = [f"Section {i}.\n\n{sample}" for i in range(1_000_000 // len(sample) + 1)]
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(parts), encoding="utf-8")
    progress: list[tuple[int, int]] = []
    with services.ingestor() as ing:
        [result] = ing.ingest_paths(
            [long], on_progress=lambda _, done, n: progress.append((done, n))
        )
    assert result.status == "added", result.error
    assert result.chunks > 3 * EMBED_BATCH_CHUNKS
    assert len(services.store.chunks()) == result.chunks
    # one report per batch, each further on, the last at the end
    assert len(progress) == -(-result.chunks // EMBED_BATCH_CHUNKS)
    assert [d for d, _ in progress] == sorted({d for d, _ in progress})
    assert progress[-1] == (result.chunks, result.chunks)
    answer = services.answerer.ask("ORR for I-DXd in the 2L subgroup?")
    assert "56.3%" in answer.text.splitlines()[0]


def test_files_embedded_ahead_are_written_in_order_as_one_at_a_time_would(tmp_path, embedder):
    first, second = seed_files()
    copy = tmp_path / "copy.txt"
    copy.write_text(first.read_text())  # the same article again, embedded while the first is
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    files = [first, bad, copy, second]
    stores = {}
    for ahead in (1, 3):
        services = make_services(tmp_path / f"idx-{ahead}", embedder)
        with services.ingestor() as ing:
            ing.embed_ahead = ahead
            results = ing.ingest_paths(files)
        assert [r.status for r in results] == ["added", "failed", "unchanged", "added"]
        assert [Path(r.source).name for r in results] == [p.name for p in files]
        stores[ahead] = (
            sorted((a.id, a.source, a.chunks) for a in services.store.articles()),
            sorted((c.id, c.text) for c in services.store.chunks()),
        )
        hits = services.searcher.search("What was the confirmed ORR with I-DXd at 12 mg/kg?", 4)
        assert any("48.2%" in h.chunk.text for h in hits)
    assert stores[1] == stores[3]


class _OtherVectors:
    """The session's embedder, claiming to make another model's vectors."""

    def __init__(self, embedder, vectors):
        self.name, self.vectors, self._embedder = embedder.name, vectors, embedder

    def embed(self, texts):
        return self._embedder.embed(texts)


def test_an_index_is_not_added_to_with_other_vectors(tmp_path: Path, embedder):
    from bot.infra.errors import ConfigError

    services = make_services(tmp_path / "idx", embedder)
    with services.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files()[:1])
    assert services.store.vectors() == embedder.vectors  # recorded by the first ingest
    other = make_services(tmp_path / "idx", _OtherVectors(embedder, "another-model:float"))
    with pytest.raises(ConfigError) as info, other.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files()[1:2])
    message = str(info.value)
    assert embedder.vectors in message and "another-model:float" in message
    assert "--index-dir" in message
    assert len(services.store.article_ids()) == 1  # nothing written


def test_an_index_from_before_the_record_takes_full_precision_vectors_only(tmp_path, embedder):
    from bot.infra.errors import ConfigError
    from index.store import ArticleRecord

    services = make_services(tmp_path / "idx", embedder)
    store = services.store  # written with no record of its vectors, as older versions did
    store.add_chunks([ChunkRecord("a:0", "a", 0, 0, 5, "ORR 30%")], [embedder.embed(["x"])[0]])
    store.put_article(
        ArticleRecord("a", "A", "a.txt", "2025-01-01", 1, {}), embedder.embed(["A"])[0]
    )
    full = make_services(tmp_path / "idx", _OtherVectors(embedder, "my-model:float"))
    with full.ingestor() as ingestor:  # any model's full-precision vectors may be added
        ingestor.ingest_paths(seed_files()[:1])
    int8 = make_services(tmp_path / "idx", _OtherVectors(embedder, "my-model:int8"))
    with pytest.raises(ConfigError), int8.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files()[1:2])
