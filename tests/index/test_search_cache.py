"""The searcher's cache beside the store: what a new process reads instead of the store, and
how a missing, stale or damaged cache is recovered from, with the answers unchanged."""

import json
import logging
import pickle
import shutil
import zlib

import pytest

from index.derived import derive_group
from index.search import HybridSearcher
from index.search_cache import FOLDER, MAX_FILES, SearchCache
from tests.conftest import GOLDEN, make_services, seed_files

QUESTIONS = [GOLDEN["ideate-orr-overall"], GOLDEN["ideate-dcr-overall"]]
QUESTIONS += [q for q in GOLDEN.values() if "ideate" not in q["id"]][:2]


class _CountingStore:
    """The real store, counting the articles whose chunks are read."""

    def __init__(self, store):
        self.store, self.chunks_read = store, 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def chunks(self, article_ids=None):
        found = self.store.chunks(article_ids)
        self.chunks_read += len({c.article_id for c in found})
        return found


def _process(index_dir, embedder):
    """Services as a new process has them (no snapshot yet), counting the chunks it reads."""
    services = make_services(index_dir, embedder)
    services.__dict__["store"] = counting = _CountingStore(services.store)
    return services, counting


def _from_store(services, embedder):
    """A searcher that builds its snapshot from the store alone (no cache)."""
    return HybridSearcher(services.store, embedder, services.vocabulary)


def _same(a, b):
    assert list(a.articles) == list(b.articles)
    assert a.articles == b.articles
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert a.chunks == b.chunks
    assert a.chunk_terms == b.chunk_terms and a.chunk_figures == b.chunk_figures
    assert a.article_words == b.article_words and a.words == b.words
    for query in (["orr", "ideat"], ["pfs", "month", "pfs"], ["zzz"]):
        assert a.bm25.rank(query, 20) == b.bm25.rank(query, 20)


def _answers(services):
    return [services.answerer.ask(q["question"]).to_dict() for q in QUESTIONS]


def _strip_time(answers):
    return [{k: v for k, v in a.items() if k != "elapsed_ms"} for a in answers]


@pytest.fixture
def ingested(tmp_path, embedder):
    services = make_services(tmp_path / "idx", embedder)
    with services.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files())
    return services


def test_a_new_process_reads_the_cache_written_at_ingest_not_the_chunks(
    tmp_path, embedder, ingested
):
    assert list((tmp_path / "idx" / FOLDER).glob("group-*.bin"))
    services, counting = _process(tmp_path / "idx", embedder)
    snap = services.searcher.snapshot()
    assert counting.chunks_read == 0
    _same(snap, _from_store(ingested, embedder).snapshot())
    answers = _answers(services)
    assert _strip_time(answers) == _strip_time(_answers(ingested))
    assert "48.2%" in answers[0]["answer"] and answers[0]["status"] == "answered"


@pytest.mark.parametrize(
    "damage",
    ["truncated", "garbled", "emptied", "another derivation", "foreign class", "removed"],
)
def test_a_damaged_stale_or_missing_cache_is_rebuilt_from_the_store_with_a_warning(
    tmp_path, embedder, ingested, caplog, damage
):
    folder = tmp_path / "idx" / FOLDER
    [path] = folder.glob("group-*.bin")
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbled":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle : middle + 64]))
    elif damage == "emptied":
        path.write_bytes(b"")
    elif damage == "another derivation":
        cache = SearchCache(folder, "another key")
        cache.save(
            derive_group(ingested.store.articles(), ingested.store.chunks(), ingested.vocabulary)
        )
        path.unlink()
    elif damage == "foreign class":  # a well-formed file whose payload builds something else
        payload = pickle.dumps({"articles": [shutil.Error("x")]}, protocol=5)
        magic, header_line, _ = data.split(b"\n", 2)
        header = json.loads(header_line)
        header.update(crc32=zlib.crc32(payload), bytes=len(payload))
        path.write_bytes(magic + b"\n" + json.dumps(header).encode() + b"\n" + payload)
    else:
        shutil.rmtree(folder)

    services, counting = _process(tmp_path / "idx", embedder)
    with caplog.at_level(logging.INFO):
        snap = services.searcher.snapshot()
    assert counting.chunks_read == 2  # both articles read again, from the store
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("lacked 2 of 2 articles" in m for m in warned)
    if damage != "removed":
        assert any(str(folder) in m and "read again" in m for m in warned)
    _same(snap, _from_store(ingested, embedder).snapshot())
    assert _strip_time(_answers(services)) == _strip_time(_answers(ingested))

    # what it rebuilt is kept: the next process reads no chunk
    again, counting = _process(tmp_path / "idx", embedder)
    _same(again.searcher.snapshot(), snap)
    assert counting.chunks_read == 0


def test_a_cache_lacking_an_article_or_holding_a_removed_one_is_corrected_by_the_store(
    tmp_path, embedder
):
    first, second = seed_files()
    writer = make_services(tmp_path / "idx", embedder)
    with writer.ingestor() as ingestor:
        ingestor.ingest_paths([first])
    folder = tmp_path / "idx" / FOLDER
    kept = {p.name: p.read_bytes() for p in folder.glob("group-*.bin")}
    article = tmp_path / "article.txt"
    article.write_text(second.read_text())
    with writer.ingestor() as ingestor:
        ingestor.ingest_paths([article])
    # the article changes at its source: its old version leaves the store, not the cache
    article.write_text(second.read_text().replace("progression-free", "event-free", 1))
    with writer.ingestor() as ingestor:
        [replaced] = ingestor.ingest_paths([article])
    assert replaced.status == "replaced"
    shutil.rmtree(folder)
    folder.mkdir()
    for name, data in kept.items():  # a cache that knows only the first article
        (folder / name).write_bytes(data)
    services, counting = _process(tmp_path / "idx", embedder)
    snap = services.searcher.snapshot()
    assert counting.chunks_read == 1 and replaced.article_id in snap.articles
    _same(snap, _from_store(writer, embedder).snapshot())


def test_after_another_process_ingests_an_article_a_running_one_reads_that_article_only(
    tmp_path, embedder
):
    first, second = seed_files()
    writer = make_services(tmp_path / "idx", embedder)
    with writer.ingestor() as ingestor:
        ingestor.ingest_paths([first])
    running, counting = _process(tmp_path / "idx", embedder)
    before = running.searcher.snapshot()
    answer = running.answerer.ask(QUESTIONS[2]["question"])
    assert answer.status == "not_found"  # its article is not indexed yet

    other = make_services(tmp_path / "idx", embedder)  # another process, the same store
    with other.ingestor() as ingestor:
        [added] = ingestor.ingest_paths([second])
    running.searcher.invalidate()
    after = running.searcher.snapshot()
    assert after is not before and counting.chunks_read == 1  # the new article's chunks only
    assert added.article_id in after.articles
    _same(after, _from_store(other, embedder).snapshot())
    answer = running.answerer.ask(QUESTIONS[2]["question"])
    assert answer.status == "answered"
    assert any(q in answer.text for q in QUESTIONS[2]["expect"])


def test_many_ingests_leave_few_cache_files_and_the_same_snapshot(tmp_path, embedder):
    writer = make_services(tmp_path / "idx", embedder)
    text = seed_files()[0].read_text()
    for i in range(MAX_FILES + 2):
        path = tmp_path / f"variant-{i}.txt"
        path.write_text(text.replace("IDeate-Lung01", f"IDeate-Lung{i + 10:02d}"))
        with writer.ingestor() as ingestor:
            ingestor.ingest_paths([path])
    files = list((tmp_path / "idx" / FOLDER).glob("group-*.bin"))
    assert len(files) <= MAX_FILES
    services, counting = _process(tmp_path / "idx", embedder)
    snap = services.searcher.snapshot()
    assert counting.chunks_read == 0 and len(snap.articles) == MAX_FILES + 2
    _same(snap, _from_store(writer, embedder).snapshot())
    _same(writer.searcher.snapshot(), snap)  # the writer's merged groups in memory too


def test_a_running_searcher_following_many_ingests_keeps_few_groups_and_the_same_snapshot(
    tmp_path, embedder
):
    writer = make_services(tmp_path / "idx", embedder)
    with writer.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files()[:1])
    running, counting = _process(tmp_path / "idx", embedder)
    running.searcher.snapshot()
    text = seed_files()[0].read_text()
    for i in range(10):
        path = tmp_path / f"variant-{i}.txt"
        path.write_text(text.replace("IDeate-Lung01", f"IDeate-Lung{i + 10:02d}"))
        with writer.ingestor() as ingestor:
            ingestor.ingest_paths([path])
        running.searcher.invalidate()
        running.searcher.snapshot()
    assert counting.chunks_read == 10  # each new article once
    assert len(running.searcher._groups) <= 9
    _same(running.searcher.snapshot(), _from_store(writer, embedder).snapshot())
