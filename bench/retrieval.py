"""Retrieval hit@1 and hit@k: trialbot, the LangChain tutorial pipeline and BM25 alone.

    python bench/retrieval.py [--seeds DIR] [-k 4]

In one process, the three pipelines index the same article files (read with ``index.loaders``);
the two dense ones embed with the same packaged all-MiniLM-L6-v2 instance. A question with
expected figures is a hit at k when one of them (a plain substring, as ``bot.app.evaluation.judge``
matches quotes) is in the text of one of the top-k chunks that come from the question's own
article. trialbot's answer accuracy (``bot.app.evaluation``) comes from the very ``Answerer.ask``
calls whose retrieval is measured. Three sets: the seeds with the golden questions; seeds plus
held-out articles with the held-out questions (the same indexes, the new articles added); and
held-out 2 alone, in fresh indexes, with its questions (as ``bench/heldout2/README.md`` asks).

(a) trialbot: the real ``Answerer`` built by ``Services``, with its searcher wrapped so the bench
    sees what ``Answerer.ask`` retrieved. The query, vocabulary and alias expansions and the
    article scope are built by private helpers in ``bot/answer/core.py``; copying them here
    would measure a copy that can drift, so the bench spies instead. ``ask`` may request more
    than k chunks (it reads short scoped articles whole), but the fused ranking does not depend
    on how many are requested, so its first k are exactly the top k.
(b) LangChain tutorial: ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)``,
    the model behind a ``langchain_core`` ``Embeddings``, an in-memory Chroma collection (no
    default embedding function, telemetry off; langchain-chroma is not a dependency) and the
    k nearest chunks to the question alone.
(c) BM25 alone: ``bm25s`` (Lucene BM25, its default English stopwords, no stemming) over the very
    chunks of (b), the LangChain splitter's 1000/200 splits, so that (b) and (c) differ only in
    dense vs lexical ranking.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import bm25s
import chromadb
from chromadb.config import Settings as ChromaClientSettings
from corpus import (
    SEEDS,
    Corpus,
    heldout2_corpus,
    heldout_corpus,
    ingest,
    seed_corpus,
    services_for,
)
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from bot.answer.models import Answer
from bot.app.evaluation import judge_answer
from bot.app.services import Services
from index.embedding import Embedder
from index.loaders import load_file
from index.search import Hit, HybridSearcher

# The trial each question id prefix is about; its article is the one that names the trial.
TRIALS = {
    "ideate": "IDeate-Lung01",
    "imforte": "IMforte",
    "dellphi": "DeLLphi-304",
    "kn859": "KEYNOTE-859",
    "adriatic": "ADRIATIC",
    "flaura2": "FLAURA2",
    "a18": "KEYNOTE-A18",
}


@dataclass(frozen=True)
class Retrieved:
    """One retrieved chunk: its text and the file of its article."""

    text: str
    source: Path


class Retrieval(Protocol):
    """A pipeline under test: indexes files, returns the top chunks for a question."""

    name: str

    def add(self, files: list[Path]) -> None: ...
    def top(self, question: str, k: int) -> list[Retrieved]: ...
    def chunk_sizes(self) -> list[int]: ...


class RecordingSearcher:
    """Passes every call to the real searcher and keeps the hits of each search."""

    def __init__(self, searcher: HybridSearcher) -> None:
        self._searcher = searcher
        self.searches: list[list[Hit]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._searcher, name)

    def search(self, *args: Any, **kwargs: Any) -> list[Hit]:
        hits = self._searcher.search(*args, **kwargs)
        self.searches.append(hits)
        return hits


class TrialbotRetrieval:
    """What the configured Answerer retrieves for a question."""

    name = "trialbot hybrid (Answerer.ask)"

    def __init__(self, services: Services) -> None:
        self.services = services
        self.answerer = services.answerer
        self.spy = RecordingSearcher(self.answerer.searcher)
        self.answerer.searcher = self.spy  # type: ignore[assignment]
        self.last_answer: Answer | None = None

    def add(self, files: list[Path]) -> None:
        ingest(self.services, files)

    def top(self, question: str, k: int) -> list[Retrieved]:
        self.spy.searches.clear()
        self.last_answer = self.answerer.ask(question)
        if len(self.spy.searches) != 1:
            raise SystemExit(f"Answerer.ask searched {len(self.spy.searches)} times, not once")
        return [Retrieved(h.chunk.text, Path(h.article.source)) for h in self.spy.searches[0][:k]]

    def chunk_sizes(self) -> list[int]:
        return [len(c.text) for c in self.services.searcher.snapshot().chunks]


class PackagedMiniLM(Embeddings):
    """trialbot's embedder behind LangChain's Embeddings interface."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text])[0]


class LangChainTutorialRetrieval:
    """Fixed-size character splits, dense similarity only."""

    name = "langchain splitter 1000/200, dense"

    def __init__(self, embeddings: Embeddings) -> None:
        self.embeddings = embeddings
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=1000, chunk_overlap=200, add_start_index=True
        )
        client = chromadb.EphemeralClient(ChromaClientSettings(anonymized_telemetry=False))
        # l2 on unit vectors ranks as cosine does; Chroma's default, as langchain-chroma's
        # one in-memory client per process: a fresh collection name per pipeline
        self.collection = client.create_collection(
            f"langchain-tutorial-bench-{len(client.list_collections())}", embedding_function=None
        )
        self.sizes: list[int] = []

    def add(self, files: list[Path]) -> None:
        for path in files:
            article = load_file(path)
            docs = self.splitter.create_documents([article.text], [{"source": str(path)}])
            base = self.collection.count()
            self.collection.add(
                ids=[str(base + i) for i in range(len(docs))],
                embeddings=self.embeddings.embed_documents([d.page_content for d in docs]),  # type: ignore[arg-type]
                documents=[d.page_content for d in docs],
                metadatas=[d.metadata for d in docs],
            )
            self.sizes += [len(d.page_content) for d in docs]

    def top(self, question: str, k: int) -> list[Retrieved]:
        res = self.collection.query(
            query_embeddings=[self.embeddings.embed_query(question)],  # type: ignore[arg-type]
            n_results=k,
            include=["documents", "metadatas"],  # type: ignore[list-item]
        )
        docs, metas = (res["documents"] or [[]])[0], (res["metadatas"] or [[]])[0]
        return [Retrieved(d, Path(str(m["source"]))) for d, m in zip(docs, metas, strict=True)]

    def chunk_sizes(self) -> list[int]:
        return self.sizes


class BM25Retrieval:
    """BM25 alone over the LangChain tutorial splits (1000/200), no embeddings."""

    name = "bm25s on the same 1000/200 splits"

    def __init__(self) -> None:
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=1000, chunk_overlap=200, add_start_index=True
        )
        self.docs: list[Retrieved] = []
        self.bm25 = bm25s.BM25()

    def add(self, files: list[Path]) -> None:
        for path in files:
            texts = self.splitter.split_text(load_file(path).text)
            self.docs += [Retrieved(t, path) for t in texts]
        # bm25s indexes are built once: rebuild over every split so far
        self.bm25 = bm25s.BM25()
        tokens = bm25s.tokenize([d.text for d in self.docs], stopwords="en", show_progress=False)
        self.bm25.index(tokens, show_progress=False)

    def top(self, question: str, k: int) -> list[Retrieved]:
        query = bm25s.tokenize([question], stopwords="en", show_progress=False)
        k = min(k, len(self.docs))
        ids, _ = self.bm25.retrieve(query, k=k, show_progress=False)
        return [self.docs[int(i)] for i in ids[0]]

    def chunk_sizes(self) -> list[int]:
        return [len(d.text) for d in self.docs]


def own_article(question: dict[str, Any], articles: list[Path]) -> Path:
    """The article of the trial the question's id names."""
    prefix = question["id"].split("-")[0]
    if prefix not in TRIALS:
        raise SystemExit(f"{question['id']}: no trial known for prefix '{prefix}'")
    trial = TRIALS[prefix].casefold()
    naming = [p for p in articles if trial in load_file(p).text.casefold()]
    if len(naming) != 1:
        raise SystemExit(f"{question['id']}: {len(naming)} articles name {TRIALS[prefix]}")
    return naming[0]


def report(corpus: Corpus, pipelines: list[Retrieval], k: int) -> None:
    figured = [q for q in corpus.questions if q.get("expect")]
    owners = {q["id"]: own_article(q, corpus.articles).resolve() for q in figured}
    print(
        f"== {corpus.name}: {len(corpus.articles)} articles, {len(corpus.questions)} questions "
        f"({len(figured)} with an expected figure: retrieval; all: trialbot's accuracy)"
    )
    print(f"{'pipeline':36} {'chunks':>6} {'mean chars':>10}  {'hit@1':>13}  {'hit@' + str(k):>13}")
    misses: dict[str, list[dict[str, Any]]] = {}
    accuracy = "no answers"
    for p in pipelines:
        hits1 = hitsk = 0
        missed = []
        results = []
        for q in corpus.questions:
            top = p.top(q["question"], k)
            if isinstance(p, TrialbotRetrieval) and p.last_answer is not None:
                results.append(judge_answer(q, p.last_answer))
            if not q.get("expect"):
                continue
            found = [
                r.source.resolve() == owners[q["id"]] and any(e in r.text for e in q["expect"])
                for r in top
            ]
            hits1 += any(found[:1])
            hitsk += any(found[:k])
            if not any(found[:k]):
                missed.append(q)
        misses[p.name] = missed
        sizes = p.chunk_sizes()
        n = len(figured)
        print(
            f"{p.name:36} {len(sizes):>6} {sum(sizes) / len(sizes):>10.0f}  "
            f"{f'{hits1}/{n} ({hits1 / n:.1%})':>13}  {f'{hitsk}/{n} ({hitsk / n:.1%})':>13}"
        )
        if results:
            right = sum(r.ok for r in results)
            ungrounded = sum(bool(r.ungrounded) for r in results)
            accuracy = (
                f"{right}/{len(results)} ({right / len(results):.1%}), {ungrounded} ungrounded"
            )
    print(f"trialbot answer accuracy (the same Answerer.ask calls): {accuracy}")
    for p in pipelines:
        print(f"missed at {k} by {p.name}: {len(misses[p.name])}")
        for q in misses[p.name]:
            print(f"  {q['id']}: {q['question']}  [expect {' | '.join(q['expect'])}]")
    print()


def pipelines_for(services: Services) -> list[Retrieval]:
    return [
        TrialbotRetrieval(services),
        LangChainTutorialRetrieval(PackagedMiniLM(services.embedder)),
        BM25Retrieval(),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed articles")
    parser.add_argument("-k", type=int, default=4, help="chunks retrieved per question")
    args = parser.parse_args()

    started, load_before = time.perf_counter(), os.getloadavg()[0]
    seeds, heldout = seed_corpus(args.seeds), heldout_corpus(args.seeds)
    with tempfile.TemporaryDirectory(prefix="trialbot-retrieval-") as tmp:
        services = services_for(Path(tmp) / "index")
        pipelines = pipelines_for(services)
        added: list[Path] = []
        # the held-out corpus contains the seeds: index them once, then add the rest
        for corpus in (seeds, heldout):
            new = [p for p in corpus.articles if p not in added]
            for p in pipelines:
                p.add(new)
            added += new
            report(corpus, pipelines, args.k)
        # held-out 2 alone: fresh indexes, the one loaded model shared
        fresh = services_for(Path(tmp) / "index2")
        fresh.__dict__["embedder"] = services.embedder
        corpus = heldout2_corpus()
        pipelines = pipelines_for(fresh)
        for p in pipelines:
            p.add(corpus.articles)
        report(corpus, pipelines, args.k)
    print(
        f"ran in {time.perf_counter() - started:.0f} s; 1-min load average "
        f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after ({os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
