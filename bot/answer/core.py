"""The answer core every surface calls: retrieve, answer, check grounding, or say not found."""

from __future__ import annotations

import logging
import re
import time

from bot.answer.engine import AnswerEngine, Draft
from bot.answer.extractive import ExtractiveEngine
from bot.answer.grounding import is_grounded, ungrounded_numbers
from bot.answer.models import Answer, Citation
from bot.answer.passages import Sentence, sentences_of
from bot.answer.question import Question, analyze, decode_chat_markup
from bot.errors import EngineError
from index.search import HybridSearcher, Snapshot
from index.vocabulary import Vocabulary

log = logging.getLogger(__name__)


class Answerer:
    """Answers questions from the index with cited, grounded figures."""

    def __init__(
        self,
        searcher: HybridSearcher,
        vocab: Vocabulary,
        engine: AnswerEngine | None = None,
        *,
        top_k: int = 6,
        closest_sources: int = 3,
        max_chars: int = 400,
    ) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.extractive = ExtractiveEngine(vocab, max_chars)
        self.engine: AnswerEngine = engine or self.extractive
        self.top_k = top_k
        self.closest_sources = closest_sources

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer ``question``; ``history`` holds earlier questions of the same conversation."""
        started = time.perf_counter()
        text = decode_chat_markup(question)
        snap = self.searcher.snapshot()
        known = _known_names(snap)
        q = analyze(text, self.vocab, known)
        if not q.entities:
            # a follow-up ("and the OS?") stays on the trial the conversation is about
            for earlier in reversed(history or []):
                prior = analyze(decode_chat_markup(earlier), self.vocab, known)
                if prior.entities:
                    q.entities = prior.entities
                    break

        missing = [e for e in q.entities if not _indexed(e, snap.words)]
        scope = None if missing else _articles_naming(snap, q.entities)
        expansions = self.vocab.expansions(text) + _alias_expansions(snap, q.entities)
        query = " ".join([text, *q.entities]) if history else text
        hits = self.searcher.search(query, self.top_k, expansions=expansions, article_ids=scope)
        sentences = sentences_of(hits)

        if missing:
            names = ", ".join(missing)
            draft = Draft("not_found", "", [], reason=f"no indexed article mentions {names}")
            engine_name = self.extractive.name
        elif not hits:
            draft = Draft("not_found", "", [], reason="the index holds no articles yet")
            engine_name = self.extractive.name
        else:
            draft, engine_name = self._draft(q, sentences)

        if draft.status == "answered":
            answer = Answer(question, "answered", draft.text, draft.citations, engine_name)
        else:
            answer = self._not_found(question, draft.reason, sentences, q, engine_name)
        answer.elapsed_ms = (time.perf_counter() - started) * 1000
        return answer

    def _draft(self, q: Question, sentences: list[Sentence]) -> tuple[Draft, str]:
        if self.engine is not self.extractive:
            try:
                draft = self.engine.answer(q, sentences)
                if draft.status == "not_found" or is_grounded(draft.text, draft.citations):
                    return draft, self.engine.name
                log.warning(
                    "%s answer rejected, figures not in its citations: %s",
                    self.engine.name,
                    ungrounded_numbers(draft.text, draft.citations),
                )
            except EngineError as exc:
                log.warning("%s failed (%s); answering without it", self.engine.name, exc)
        draft = self.extractive.answer(q, sentences)
        if draft.status == "answered" and not is_grounded(draft.text, draft.citations):
            log.error("extractive answer not grounded, withheld: %r", draft.text)
            draft = Draft(
                "not_found", "", [], reason="no answer could be checked against its sources"
            )
        return draft, self.extractive.name

    def _not_found(
        self, question: str, reason: str, sentences: list[Sentence], q: Question, engine: str
    ) -> Answer:
        citations = _closest(sentences, q, self.vocab, self.closest_sources)
        said = reason or "the indexed articles do not answer this"
        text = f"Not found: {said}."
        if citations:
            text += " The closest sources are listed below."
        return Answer(question, "not_found", text, citations, engine)


def _indexed(entity: str, words: frozenset[str]) -> bool:
    """The index mentions ``entity`` whole, or every one of its parts ("anti-PD" in "anti–PD-1")."""
    folded = entity.casefold()
    if folded in words:
        return True
    parts = [p for p in re.split(r"[^\w]+", folded) if p]
    return len(parts) > 1 and all(p in words for p in parts)


def _known_names(snap: Snapshot) -> frozenset[str]:
    names: set[str] = set()
    for article in snap.articles.values():
        meta = article.meta
        for key in ("trials", "drugs", "registry_ids"):
            names.update(str(v).casefold() for v in meta.get(key, []))
        names.update(str(k).casefold() for k in meta.get("aliases", {}))
    return frozenset(names)


def _articles_naming(snap: Snapshot, entities: list[str]) -> list[str] | None:
    """Articles that name every entity (or, when none names them all, any of them)."""
    if not entities:
        return None
    sets = [
        {a for a, words in snap.article_words.items() if e.casefold() in words} for e in entities
    ]
    both = set.intersection(*sets)
    return sorted(both or set.union(*sets))


def _alias_expansions(snap: Snapshot, entities: list[str]) -> list[str]:
    """Other names of the entities, from the abbreviations the articles define."""
    folded = {e.casefold() for e in entities}
    extra = []
    for article in snap.articles.values():
        for short, long in article.meta.get("aliases", {}).items():
            if short.casefold() in folded:
                extra.append(long)
            elif long.casefold() in folded:
                extra.append(short)
    return extra


def _closest(sentences: list[Sentence], q: Question, vocab: Vocabulary, n: int) -> list[Citation]:
    """One sentence from each of the ``n`` best-ranked articles, as the closest sources."""
    words = set(q.content) | {w for e in q.entities for w in vocab.content_words(e)}
    out: list[Citation] = []
    seen: set[str] = set()
    for s in sentences:
        if s.article.id in seen:
            continue
        same = [x for x in sentences if x.article.id == s.article.id]
        best = max(
            same,
            key=lambda x: (
                len(words & set(vocab.content_words(x.text))),
                len(x.text) > 40,
                -x.rank,
            ),
        )
        seen.add(s.article.id)
        out.append(
            Citation(
                len(out) + 1,
                s.article.title,
                s.article.source,
                best.text,
                s.article.id,
                best.start,
                best.end,
            )
        )
        if len(out) == n:
            break
    return out
