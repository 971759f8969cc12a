"""The answer core every surface calls: retrieve, answer, check grounding, or say not found."""

from __future__ import annotations

import copy
import logging
import math
import re
import time
from collections.abc import Iterable, Mapping
from functools import lru_cache

from bot.answer.engine import AnswerEngine, Draft
from bot.answer.extractive import ExtractiveEngine
from bot.answer.facts import article_facts, fact_key
from bot.answer.grounding import is_grounded, ungrounded_numbers
from bot.answer.models import Answer, Citation
from bot.answer.passages import Heading, Sentence, section_headings, sentences_of
from bot.answer.question import (
    INITIAL_AND_NUMBER,
    STATISTICS,
    Question,
    analyze,
    decode_chat_markup,
    roman_numeral,
)
from bot.answer.trials import in_order, name_key, names_trial
from bot.infra.errors import EngineError
from index.facts import Fact
from index.search import HybridSearcher, Snapshot, name_part_key
from index.store import ArticleRecord, ChunkRecord
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
        read_whole: int = 40,
        min_confidence: float = 0.2,
    ) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.extractive = ExtractiveEngine(vocab, max_chars, min_confidence)
        self.engine: AnswerEngine = engine or self.extractive
        self.top_k = top_k
        self.read_whole = read_whole
        self.closest_sources = closest_sources
        self._sections_of: tuple[Snapshot | None, dict[str, list[Heading]]] = (None, {})
        self._arm_names_of: tuple[Snapshot | None, frozenset[str]] = (None, frozenset())
        self._keyed_by_article: dict[str, list[tuple[ArticleRecord, Fact, tuple[str, ...]]]] = {}

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer ``question``; ``history`` holds earlier questions of the same conversation."""
        started = time.perf_counter()
        snap = self.searcher.snapshot()
        text, q = self._analyzed(question, history, snap)

        unknown = [
            e
            for e in q.entities
            if not _indexed(e, snap.words, snap.articles_by_trial)
            or _unwritten_trial(e, snap, self.vocab)
        ]
        # an unknown name blocks the question only when it is shaped like a trial's name; an
        # unknown abbreviation ("uHCC", "L+P") is left to retrieval
        # ... or a numbered variant of an endpoint ("PFS2": PFS on the next line of therapy)
        missing = [
            e
            for e in unknown
            if looks_like_trial_name(e, self.vocab)
            or _coded_trial(e, self.vocab)
            or _endpoint_variant(e, self.vocab)
        ]
        missing += [
            n for n in _trials_called(text) if n not in missing and not _indexed(n, snap.words)
        ]
        q.entities = [e for e in q.entities if e not in unknown]
        scope = None if missing else articles_of_named_trials(text, snap)
        scope = scope or (None if missing else _articles_naming(snap, q.entities)) or None
        # named: a trial, a drug or a name only some articles have; rare words that several
        # articles share ("nivo") narrow the search but do not say which trial is meant
        named = scope is not None
        if scope is None and not missing:
            scope = articles_by_rare_words(text, snap, self.vocab, q.values)
            named = scope is not None and len(scope) == 1
        expansions = self.vocab.expansions(text) + _alias_expansions(snap, q.entities)
        query = " ".join([q.text, *q.entities]) if history else q.text
        k = self.top_k
        if scope:
            # a question that names its trial reads the whole of its (short) articles, best first
            in_scope = sum(snap.chunk_counts.get(a, 0) for a in set(scope))
            if in_scope <= self.read_whole:
                k = max(k, in_scope)
        hits = self.searcher.search(query, k, expansions=expansions, article_ids=scope)
        sentences = sentences_of(hits, lambda a: self._sections(snap, a))

        if missing:
            names = ", ".join(missing)
            draft = Draft("not_found", "", [], reason=f"no indexed article mentions {names}")
            engine_name = self.extractive.name
        elif not hits:
            draft = Draft("not_found", "", [], reason="the index holds no articles yet")
            engine_name = self.extractive.name
        else:
            q.scoped = named or len(snap.articles) < 2
            q.trials = _trials_named(text, snap, self.vocab)
            q.trials += _mentioned_trials(q.entities, q.trials, snap, self.vocab)
            reporting = _reporting_trials(q, snap)
            if len(reporting) > 1 and not (
                q.scoped or q.trials or _names_something(text, snap, self.vocab)
            ):
                # "upper CI bound for the PFS HR?": no trial, drug or other name of the index,
                # and several trials report it: which one is not said, and a guess is worse
                reason = f"{len(reporting)} indexed trials report this; name the trial or drug"
                draft, engine_name = Draft("not_found", "", [], reason=reason), self.extractive.name
            else:
                draft, engine_name = self._draft(q, sentences)

        if draft.status == "answered":
            text, citations = self._flag_disagreement(draft.text, draft.citations, snap)
            answer = Answer(question, "answered", text, citations, engine_name)
            answer.confidence, answer.why = draft.confidence, draft.why
        else:
            answer = self._not_found(question, draft.reason, sentences, q, engine_name)
            answer.confidence, answer.why = draft.confidence, draft.why
        answer.elapsed_ms = (time.perf_counter() - started) * 1000
        return answer

    def _analyzed(
        self, question: str, history: list[str] | None, snap: Snapshot
    ) -> tuple[str, Question]:
        """The question in the articles' spelling (trial names, brands, clipped combinations),
        and its analysis; a follow-up ("and the OS?") stays on the trial the conversation is
        about."""
        text = _spell_brands(_spell_names(decode_chat_markup(question), snap), snap, self.vocab)
        text = _spell_senses(text, snap, self.vocab)
        text = _spell_clipped(_spell_combinations(text, snap, self.vocab), snap, self.vocab)
        q = analyze(text, self.vocab, snap.names, self._arm_names(snap))
        q.entities = [_canonical_name(e, snap) for e in q.entities]
        if not q.entities:
            for earlier in reversed(history or []):
                prior = analyze(decode_chat_markup(earlier), self.vocab, snap.names)
                if prior.entities:
                    q.entities = prior.entities
                    break
        return text, q

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

    def sentences_for(self, question: str, history: list[str] | None = None) -> list[Sentence]:
        """The sentences ``ask`` hands its answer engine for ``question``, in order (none when it
        says Not found before any engine runs). ``ask`` itself finds them, with an engine that
        only records them, so they are what the engine is given (``bench/context_recall.py``)."""
        given: list[Sentence] = []

        class Recorder:
            name = "recorder"

            def answer(self, q: Question, sentences: list[Sentence]) -> Draft:
                given.extend(sentences)
                return Draft("not_found", "", [])  # ends ask without another engine

        probe = copy.copy(self)  # self stays untouched: other threads may be asking
        probe.engine = Recorder()
        probe.ask(question, history)
        return given

    def _flag_disagreement(
        self, text: str, citations: list[Citation], snap: Snapshot
    ) -> tuple[str, list[Citation]]:
        """When another article reports another value for the lead figure's trial, arm and
        endpoint (an updated analysis, say), say so and cite it; never pick one silently."""
        if not citations:
            return text, citations
        first, lead = citations[0], text.split("\n")[0]
        source = snap.articles.get(first.article_id)
        if source is None:
            return text, citations
        for key, value in (
            (k, f.value)
            for a, f, k in self._keyed(snap, source)
            if f.start == first.start
            and f.value in lead
            and k[0]  # a fact of no named trial is compared with nothing
        ):
            other = next(
                (
                    (a, f)
                    for a, f, k in self._facts_of_trial(snap, key[0])
                    if k == key and a.id != first.article_id and f.value != value
                ),
                None,
            )
            if other is None:
                continue
            article, fact = other
            n = len(citations) + 1
            cited = Citation(
                n, article.title, article.source, fact.sentence, article.id, fact.start, fact.end
            )
            # the source's title is in its citation, not in the note: a title's numbers (a
            # trial's name, "5-year update") are no figures of the quotes
            note = f"Note: another source reports {fact.value} for this [{n}]."
            noted = f"{text}\n{note}"
            if is_grounded(noted, [*citations, cited]):
                return noted, [*citations, cited]
        return text, citations

    def _arm_names(self, snap: Snapshot) -> frozenset[str]:
        """``arm_names`` of the snapshot, found once per snapshot (not once per question)."""
        if self._arm_names_of[0] is not snap:
            self._arm_names_of = (snap, _arm_names(snap, self.vocab))
        return self._arm_names_of[1]

    def _sections(self, snap: Snapshot, article_id: str) -> list[Heading]:
        """An article's section headings, found once per snapshot."""
        if self._sections_of[0] is not snap:
            self._sections_of = (snap, {})
        cache = self._sections_of[1]
        if article_id not in cache:
            cache[article_id] = section_headings(
                [c for c in snap.chunks if c.article_id == article_id]
            )
        return cache[article_id]

    def _keyed(
        self, snap: Snapshot, article: ArticleRecord
    ) -> list[tuple[ArticleRecord, Fact, tuple[str, ...]]]:
        """An article's facts with their comparison keys, kept by its id (a hash of its content)
        from one snapshot to the next."""
        if article.id not in self._keyed_by_article:
            self._keyed_by_article[article.id] = [
                (article, f, fact_key(article, f, self.vocab))
                for f in article_facts(snap, article, self.vocab)
            ]
        return self._keyed_by_article[article.id]

    def _facts_of_trial(
        self, snap: Snapshot, trial: str
    ) -> list[tuple[ArticleRecord, Fact, tuple[str, ...]]]:
        """The facts of the articles that name a trial (its key): what one answer's figure is
        compared with, found without reading the rest of the index."""
        for gone in set(self._keyed_by_article) - set(snap.articles):
            del self._keyed_by_article[gone]
        articles = [snap.articles[a] for a in snap.articles_by_trial.get(trial, ())]
        return [keyed for a in articles for keyed in self._keyed(snap, a)]

    def _not_found(
        self, question: str, reason: str, sentences: list[Sentence], q: Question, engine: str
    ) -> Answer:
        citations = _closest(sentences, q, self.vocab, self.closest_sources)
        said = reason or "the indexed articles do not answer this"
        text = f"Not found: {said}."
        if citations:
            text += " The closest sources are listed below."
        return Answer(question, "not_found", text, citations, engine)


def _reporting_trials(q: Question, snap: Snapshot) -> set[str]:
    """The trials (or articles naming none) that report a figure of the endpoint asked (for a
    statistic, of the endpoint it is about: "PFS HR" -> PFS)."""
    endpoint = q.about[0] if q.target in STATISTICS and q.about else q.target
    if endpoint is None:
        return set()
    # ... and say the part of the population or setting asked ("HRp pts": only those that do)
    parts = {key for key, kind in q.qualifiers if kind != "arm"}
    found = set()
    for a in snap.articles_reporting.get(endpoint, frozenset()):
        words = snap.article_words.get(a, frozenset())
        if not parts <= snap.article_terms.get(a, frozenset()) or not all(
            any(w.startswith(p) for w in words) for p in q.population if p.isalpha()
        ):
            continue
        trials = snap.articles[a].meta.get("trials", []) if a in snap.articles else []
        found.add(name_key(str(trials[0])) if trials else a)
    return found


def _names_something(text: str, snap: Snapshot, vocab: Vocabulary) -> bool:
    """Whether a word of ``text`` (not a vocabulary term) names something of the index: a trial,
    drug or abbreviation it holds, a brand, the start of a drug's name ("nivo"), or a coded
    trial's last part ("067")."""
    covered = {t.start for t in vocab.terms(text)}
    drugs = snap.drug_names
    if _names_by_tail(text, snap.trial_names):
        return True
    for m in re.finditer(r"[A-Za-z0-9][\w+/-]*[A-Za-z0-9]", text):
        if m.start() in covered:
            continue
        whole = m.group(0).casefold()
        for word in {whole, *re.split(r"[-/+]", whole)}:
            if word in vocab.stopwords or len(word) < 2:
                continue
            if word in snap.names or word in vocab.brands:
                return True  # "SG", an abbreviation an article defines, as well as "Trodelvy"
            if len(word) >= 3 and any(d.startswith(word) for d in drugs):
                return True
    return False


def _endpoint_variant(word: str, vocab: Vocabulary) -> bool:
    """An endpoint's abbreviation with a number after it ("PFS2", "DFS3"): another endpoint."""
    m = re.fullmatch(r"([A-Za-z]{2,5})(\d)", word)
    return m is not None and any(t.kind == "endpoint" for t in vocab.terms(m.group(1)))


def articles_of_named_trials(text: str, snap: Snapshot) -> list[str] | None:
    """The articles about the trials the question names by their full indexed names
    ("ORCA 743", not every ORCA), or None when it names none."""
    keys = _longest({_name_key(name) for name in _indexed_names_in(text, snap.trial_names)})
    if not keys:
        return None
    found = sorted({a for key in keys for a in snap.articles_by_trial.get(key, ())})
    return found or None


# ("EMPOWER-Lung 3": a name of two words and a number)
_NAMED_TRIAL = re.compile(
    r"(?<![\w-])[A-Za-z][A-Za-z]+(?:-[A-Z][A-Za-z]+)?[\s-]?\d{1,5}[A-Za-z]{0,3}(?![\w-])"
)


def _trials_named(text: str, snap: Snapshot, vocab: Vocabulary) -> list[str]:
    """The trials a question names by a coded name ("NOVA-2", "skyl-047", "ORCA 067"),
    as the index spells them where it knows them, and the indexed names it spells out."""
    known = snap.articles_by_trial  # by the trial names' keys
    named = set()
    for m in _NAMED_TRIAL.finditer(text):
        joined = re.search(r"[\s-]\d{1,2}([A-Za-z]{1,3})$", m.group(0))  # "PACIFIC 5y": a time
        if _TIME_AFTER.match(text, m.end()) or (joined and _TIME_AFTER.fullmatch(joined.group(1))):
            continue  # "CROWN 5 yr update", "PACIFIC 5y OS": a trial and a time, not "CROWN 5"
        lead = re.match(r"[A-Za-z]+", m.group(0))
        if lead and lead.group(0).casefold() in vocab.stopwords:
            continue  # "in 8HW": a word and a coded name, not a trial "in 8HW"
        name = _canonical_name(m.group(0), snap)
        letters = re.sub(r"[^A-Za-z]", "", m.group(0))
        digits = re.sub(r"\D", "", m.group(0))
        if (
            _name_key(name) in known
            or _unindexed_sibling(m.group(0), snap)
            or (
                # an unindexed trial: capitals, four letters or more, a short number ("NOVA-2");
                # not a drug's code ("XY-102", "XYZ1234") nor words before a number ("above 40")
                looks_like_trial_name(m.group(0), vocab)
                and any(c.isupper() for c in letters)
                and len(letters) >= 4
                and len(digits) <= 3
            )
        ):
            named.add(name)
    named |= _indexed_names_in(text, snap.trial_names)
    # the longer name wins: "ORCA 743", not every "ORCA"
    longest = _longest({_name_key(n) for n in named})
    return sorted(n for n in named if _name_key(n) in longest)


def _unindexed_sibling(name: str, snap: Snapshot) -> bool:
    """Another numbered trial of a family the index holds ("ARCHER 1009" beside ARCHER 1050,
    "GOG 241" beside GOG 240): a trial of its own, whatever its number's length. Families and
    numbers as ``_coded_names`` reads the indexed names."""
    m = _CODED_NAME.match(name) or _WORDS_NUMBER.match(name)
    if not m:
        return False
    family, number = re.sub(r"[\s-]", "", m.group(1)).casefold(), m.group(2).casefold()
    held = {
        n.lstrip("0")
        for n, names in _coded_names(snap.trial_names).items()
        for letters, _ in names
        if letters == family
    }
    return bool(held) and number.lstrip("0") not in held


def _mentioned_trials(
    entities: list[str], named: list[str], snap: Snapshot, vocab: Vocabulary
) -> list[str]:
    """Names shaped like a trial's that the index holds only as words: trials an article
    mentions beside its own ("unlike MAGNITUDE", "HER2CLIMB-02 is ongoing"). Asked about,
    their figures come from sentences that name them, never from the article's own trial."""
    keys = {_name_key(n) for n in named}
    return [
        e
        for e in entities
        if _name_key(e) not in keys
        and _name_key(e) not in snap.articles_by_trial
        and e.casefold() not in snap.names  # an article's drug or abbreviation
        and not vocab.is_drug_name(e)
        and (
            _coded_trial(e, vocab) or (looks_like_trial_name(e, vocab) and _called_a_trial(e, snap))
        )
        # an article's headline names its own trial ("ATHENA-MONO: rucaparib ..."), however
        # the index keys it
        and not any(names_trial(a.title, e) for a in snap.articles.values())
    ]


# "HER2CLIMB-02", "ATHENA-COMBO": a capitalised name and a coded part after a hyphen
# a gene symbol (letters, then a number and at most one letter) fused to another gene's
_GENE_FUSION = re.compile(r"^[A-Z]{2,5}\d{1,2}[A-Z]?-[A-Z]{2,5}\d?$")
_CODED_TRIAL = re.compile(r"^(?P<name>[A-Z][A-Za-z0-9]{3,})-(?:[A-Z]{2,6}|\d{2,3})$")


def _coded_trial(name: str, vocab: Vocabulary) -> bool:
    """A trial's coded name ("HER2CLIMB-02", "ATHENA-COMBO"), not a gene or marker's
    ("KRAS-G12C") nor a drug's: its first part is no vocabulary term and has four capitals."""
    m = _CODED_TRIAL.match(name)
    if m and _GENE_FUSION.match(name):
        return False  # "CCDC6-RET", "EML4-ALK": a gene fusion
    return bool(
        m
        and sum(c.isupper() for c in m.group("name")) >= 4
        and not vocab.terms(m.group("name"))
        and not vocab.is_drug_name(m.group("name"))
    )


def _unwritten_trial(name: str, snap: Snapshot, vocab: Vocabulary) -> bool:
    """A trial's name that no article writes, though its parts are words of the index:
    "HER2CLIMB-02" where articles say "HER2CLIMB" and "02" apart, "MAGNITUDE" where they say
    "the magnitude of benefit"."""
    if name_key(name) in snap.articles_by_trial:
        return False
    if _coded_trial(name, vocab):
        return name.casefold() not in snap.words
    if not looks_like_trial_name(name, vocab):
        return False
    if not name.isupper():
        return False
    holders = {a for a, words in snap.article_words.items() if name.casefold() in words}
    if len(holders) > max(1, int(len(snap.article_words) * _RARE_SHARE)):
        return False  # a common word written in capitals for emphasis ("pts WITHOUT CNS mets")
    # (a code with digits may be written after a label: "PNT2002" of "177Lu-PNT2002")
    before = r"(?<!\w)" if re.search(r"\d", name) else r"(?<![\w-])"
    written = re.compile(rf"{before}{re.escape(name)}(?![\w-])")
    return not any(written.search(c.text) for c in _chunks_of(snap, holders))


def _called_a_trial(name: str, snap: Snapshot) -> bool:
    """Some article calls ``name`` a trial or study ("the MAGNITUDE trial", "in the phase 3
    HER2CLIMB-02 study"), not a regimen ("the EXTREME regimen") or criteria ("LATITUDE
    criteria")."""
    word = name.casefold()
    holders = {a for a, words in snap.article_words.items() if word in words}
    said = re.compile(
        rf"(?<![\w-]){re.escape(name)}(?![\w-])(?:\s+(?:phase\s+\w+\s+)?(?:trial|study)\b)"
        rf"|\b(?:trial|study)\s*(?:,|\()?\s*{re.escape(name)}(?![\w-])",
        re.I,
    )
    return any(said.search(c.text) for c in _chunks_of(snap, holders))


def _chunks_of(snap: Snapshot, articles: set[str]) -> list[ChunkRecord]:
    """The chunks of ``articles``, by the snapshot's index of them (not a scan of all)."""
    return [snap.chunks[i] for a in articles for i in snap.chunks_of_article.get(a, [])]


# (lower case: "ORCA-Lung 3 mOS?" is a trial and an endpoint, not "3 mo")
_TIME_AFTER = re.compile(r"[\s-]*(?:[yY]rs?|[yY]ears?|mos?|[mM]onths?|wks?|[wW]eeks?|y|m)\b")


def _names_in(text: str, names: frozenset[str]) -> set[str]:
    """The indexed trial names ``text`` names whole, as the index spells them."""
    return {name for _, _, name in name_spans(text, _name_table(names))}


def _indexed_names_in(text: str, names: frozenset[str]) -> set[str]:
    """The indexed trial names ``text`` names, whole or by their coded last part."""
    return _names_in(text, names) | _names_by_tail(text, names)


def _names_by_tail(text: str, names: frozenset[str]) -> set[str]:
    """Indexed trial names ``text`` names by their coded last part alone, as people shorten
    them ("A18" for "KEYNOTE-A18", "8HW" for "CheckMate 8HW", "18991" for "EORTC 18991"):
    letters and digits, or a long number, one name's."""
    words = {w.casefold() for w in re.findall(r"(?<![\w-])[A-Za-z0-9]{3,}(?![\w-])", text)}
    return {name for tail, name in _tails(names).items() if tail in words}


@lru_cache(maxsize=4)
def _tails(names: frozenset[str]) -> dict[str, str]:
    by_tail: dict[str, set[str]] = {}
    for name in names:
        parts = re.split(r"[\s-]+", name)
        tail = parts[-1]
        coded = re.search(r"\d", tail) and re.search(r"[A-Za-z]", tail)
        if len(parts) > 1 and (coded or _group_number(tail)):
            by_tail.setdefault(tail.casefold(), set()).add(name)
        # the first of two groups' numbers ("22033" of EORTC 22033-26033)
        if len(parts) > 2 and _group_number(parts[-2]) and _group_number(tail):
            by_tail.setdefault(parts[-2].casefold(), set()).add(name)
    return {tail: next(iter(n)) for tail, n in by_tail.items() if len(n) == 1}


def _group_number(part: str) -> bool:
    """A group's long protocol number ("18991" of EORTC 18991), not a year ("IFM 2009")."""
    return bool(re.fullmatch(r"\d{4,5}", part) and not re.fullmatch(r"(?:19|20)\d\d", part))


@lru_cache(maxsize=4)
def _name_table(names: frozenset[str]) -> tuple[dict[str, str], int]:
    """Every indexed trial name by its letters and digits, and the most parts a name has: built
    once per set of names, by dictionary, not by a pattern of a thousand alternatives (whose
    compiling cost a fresh process most of its first answer at 1,000 articles, bench/scale.py)."""
    by_key: dict[str, str] = {}
    most = 0
    for name in sorted(names, key=len, reverse=True):  # the longest name wins a shared key
        parts = re.findall(r"[A-Za-z]+|\d+", name)
        if parts:
            by_key.setdefault(name_key(name), name)
            most = max(most, len(parts))
        # "GY-018" for "NRG-GY018", "OVAR16" for "AGO-OVAR 16": the coded name without its
        # group's prefix
        group = re.match(r"[A-Z]{2,}[-‑](?=[A-Za-z]+[\s-]?\d)", name)
        if group:
            by_key.setdefault(name_key(name[group.end() :]), name)
    return by_key, most


def name_spans(text: str, table: tuple[dict[str, str], int]) -> list[tuple[int, int, str]]:
    """Where ``text`` names an indexed trial, with or without a space, hyphen or dot between the
    parts of its name ("SKYLARK 2", "SKYLARK-2", "SKYLARK2", "MA.17"), longest first, left to
    right, as whole words (not inside "XSKYLARK2" nor "SKYLARK2-b")."""
    by_key, most = table
    runs = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+|\d+", text)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(runs):
        start = runs[i][0]
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            i += 1
            continue
        best = None
        key = ""
        for j in range(i, min(len(runs), i + most)):
            if j > i and text[runs[j - 1][1] : runs[j][0]] not in ("", " ", "-", "."):
                break
            previous = text[runs[j - 1][0] : runs[j - 1][1]] if j > i else ""
            key += name_part_key(text[runs[j][0] : runs[j][1]], j - i, previous)
            end = runs[j][1]
            whole = end == len(text) or not (text[end].isalnum() or text[end] in "_-")
            if whole and key in by_key:
                best = (j, end, by_key[key])
        if best is None:
            i += 1
            continue
        found.append((start, best[1], best[2]))
        i = best[0] + 1
    return found


def _longest(keys: set[str]) -> set[str]:
    """Names without the ones a longer name begins with: "CheckMate 743" names one trial,
    not every "CheckMate"."""
    return {k for k in keys if not any(o != k and o.startswith(k) for o in keys)}


_TRIAL_SHAPE = re.compile(r"^[A-Za-z][A-Za-z.-]{1,}[\s-]?\d{1,4}[A-Za-z]{0,3}$")


def looks_like_trial_name(word: str, vocab: Vocabulary) -> bool:
    """A trial's name as people write it: letters and a number ("NOVA-2", "OR-48", "OR649"),
    or one capitalised word of five letters or more ("MARIPOSA"); not a vocabulary term or a
    score with its threshold ("CPS5")."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if vocab.terms(word) or vocab.terms(letters) or letters.casefold() in _SCORE_WORDS:
        return False
    if word.casefold() in vocab.brands:
        return False  # a drug's name or code ("TAS-102"), not a trial's
    if _TRIAL_SHAPE.match(word):
        return len(letters) >= 2
    if _LETTERED_TRIAL.match(word):
        return True  # "VIALE-A", "ENESTnd": capitals and a letter or a short suffix
    if _CAMEL_TRIAL.match(word):
        return True  # "SIRveNIB", "ClarIDHy": capitals and small letters mixed
    return word.isalpha() and word.isupper() and len(word) >= 5


# "VIALE-A", "COMBI-v", "ENESTnd", "QuANTUM-R": a capitalised name (three capitals or more)
# and a letter
_LETTERED_TRIAL = re.compile(
    r"^[A-Z]{4,}(?:-[A-Za-z]|[a-z]{1,3})$|^(?=(?:[a-z]*[A-Z]){3})[A-Za-z]{4,}-[A-Z]$"
)
# "SIRveNIB", "ClarIDHy", "QuANTUM": a capital first, three capitals or more, and a capital
# after a small letter (not "IDHwt", "BMNeg", "TTFields", "TRAEs": a marker, a device, a
# plural; not "dMMR", "ctDNA")
_CAMEL_TRIAL = re.compile(r"^(?=[A-Z])(?=(?:[^A-Z]*[A-Z]){3})(?=.*[a-z][A-Z])[A-Za-z]{5,}$")
_SCORE_WORDS = frozenset({"cps", "tps", "ecog", "ps", "g", "gr", "grade", "cycle", "c", "d"})
_RARE_SHARE = 0.34  # a word in at most this share of the articles identifies them


def articles_by_rare_words(
    text: str, snap: Snapshot, vocab: Vocabulary, values: Iterable[str] = ()
) -> list[str] | None:
    """The articles a question is about when it names no indexed trial: those holding the most
    of its rare words (a brand name, a clipped drug name "lorla", a trial's name in lower case),
    weighted by how rare each is, and of the figures with units it names (``values``, not its
    thresholds). None when no word of the question is rare in the index."""
    articles = snap.article_words
    n = len(articles)
    if n < 2:
        return None
    covered = {t.start for t in vocab.terms(text)}
    scores: dict[str, float] = {}
    for m in re.finditer(r"[A-Za-z][\w-]*[A-Za-z0-9]|\b\d{3,4}[A-Za-z]{0,3}\b", text):
        if m.start() in covered:
            continue
        whole = m.group(0).casefold()
        # "acala-BR": the word if it is rare, else its rare parts ("acala", a clipped drug name)
        parts = [p for p in re.split(r"[-/]", whole) if p] if "-" in whole else []
        found = _holders(whole, snap, vocab)
        counted = [(whole, found)] if found else [(p, _holders(p, snap, vocab)) for p in parts]
        for word, holders in counted:
            weight = _rarity(holders, n)
            if weight is None:
                continue
            if any(
                w.startswith(word) for a in holders for w in _drugs_of(snap, a, vocab, articles[a])
            ):
                weight *= 2  # a drug's name, clipped or whole, says more than a common word
            for a in holders:
                scores[a] = scores.get(a, 0.0) + weight
    # "mOS in the 74Gy arm?": a figure with its unit that few articles name says which
    for value in values:
        holders = [a for a, words in articles.items() if value in words]
        if (weight := _rarity(holders, n)) is not None:
            for a in holders:
                scores[a] = scores.get(a, 0.0) + weight
    if not scores:
        return None
    best = max(scores.values())
    return sorted(a for a, v in scores.items() if v >= best - 1e-9)


def _rarity(holders: list[str], n: int) -> float | None:
    """How much holding a word says of ``n`` articles (log n / holders); None when no article or
    more than the rare share holds it."""
    if not holders or len(holders) > max(1, int(n * _RARE_SHARE)):
        return None
    return math.log(n / len(holders))


def _holders(word: str, snap: Snapshot, vocab: Vocabulary) -> list[str]:
    """The articles that have ``word``: whole when it has four letters or more, as the start
    of one of their drugs' names ("lorla"), or as a code they name an arm by ("ECX")."""
    if word in vocab.stopwords or word in vocab.asking_words or len(word) < 3:
        return []
    # a brand ("Opdivo") is held by the articles that name its drug either way
    generic = vocab.brands.get(word, "").casefold().split()
    return [
        a
        for a, words in snap.article_words.items()
        if (len(word) >= 4 and word in words)
        or any(w.startswith(word) for w in _drugs_of(snap, a, vocab, words))
        or (generic and all(g in words for g in generic))
        or a in snap.articles_by_regimen.get(word, ())
    ]


def _drugs_of(
    snap: Snapshot, article_id: str, vocab: Vocabulary, words: frozenset[str]
) -> set[str]:
    """An article's drug names, which a clipped name in a question may stand for ("lorla",
    "durva"): its annotated drugs and its words with a drug name's ending."""
    meta = snap.articles[article_id].meta if article_id in snap.articles else {}
    drugs = {str(d).casefold() for d in meta.get("drugs", [])}
    return drugs | _drug_words(words, vocab)


def _drug_words(words: frozenset[str], vocab: Vocabulary) -> frozenset[str]:
    """The words of an article's word set with a drug name's ending, found once per set (a
    snapshot keeps its articles' word sets for its life)."""
    key = (id(words), id(vocab))
    seen = _DRUG_WORDS.get(key)
    if seen is None or seen[0] is not words:
        if len(_DRUG_WORDS) > 50_000:
            _DRUG_WORDS.clear()  # bound the memory across snapshots
        seen = _DRUG_WORDS[key] = (words, frozenset(w for w in words if vocab.is_drug_name(w)))
    return seen[1]


_DRUG_WORDS: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}


# "the E1609 trial", "FinHer trial": a name the question calls a trial (two capitals or a digit
# in it, not "Which trial" or "Phase 3 trial")
_CALLED_TRIAL = re.compile(r"(?<![\w-])([A-Z][\w.-]*[A-Z0-9][\w-]*)\s+(?:trial|study)\b")


def _trials_called(text: str) -> list[str]:
    """The names ``text`` calls trials ("in the E1609 trial"): two capitals, or a capital and
    a digit, and no phase ("Phase 3")."""
    return [
        m.group(1)
        for m in _CALLED_TRIAL.finditer(text)
        if not re.fullmatch(r"(?i)phase[\s-]?\w+|[IVX]+[ab]?", m.group(1))
    ]


def _indexed(
    entity: str, words: frozenset[str], trials: Mapping[str, object] | None = None
) -> bool:
    """The index mentions ``entity`` whole, or every one of its parts ("anti-PD" in "anti–PD-1");
    a trial's name ending in one letter ("QuANTUM-R") only whole, or as an indexed trial."""
    folded = entity.casefold()
    if folded in words:
        return True
    if re.fullmatch(r"[A-Z][A-Z0-9]+m", entity) and _indexed(folded[:-1], words):
        return True  # "FLT3m", "EGFRm": the gene, mutated
    parts = [p for p in re.split(r"[^\w]+", folded) if p]
    if trials is not None and name_key(entity) in trials:
        return True  # an indexed trial however spelt ("GOG-209" for GOG 0209)
    if trials is not None and len(parts[-1:][0] if parts else "") == 1 and "-" in entity:
        return False
    if len(parts) > 1 and all(p in words for p in parts):
        return True
    # "Lu-PNT2002": a radiolabelled drug written with its mass number ("177Lu-PNT2002")
    return (
        "-" in folded
        and folded[:1].isalpha()
        and any(
            w.endswith(folded) and w[: -len(folded)].isdigit()
            for w in words
            if len(w) > len(folded)
        )
    )


_CODED_NAME = re.compile(r"^([A-Za-z]+)[\s-]?([A-Za-z]?\d[\w-]*)$")


def _canonical_name(entity: str, snap: Snapshot) -> str:
    """A shortened trial name as the articles spell it ("OC-816" -> "ORCA-816"): same number,
    and the short letters appear in order in the long name, starting with its first letter."""
    coded = _CODED_NAME.match(entity)
    if coded and name_key(entity) not in snap.articles_by_trial:
        # "OC-743" is ORCA 743 even when "oc" and "743" are each words of the index
        mapped = _coded_to_indexed(coded, snap)
        if mapped:
            return mapped
    if _indexed(entity, snap.words):
        return entity
    folded = entity.casefold()
    if folded.isalpha():
        drugs = {d for d in snap.drug_names if d.startswith(folded)}
        return drugs.pop() if len(drugs) == 1 else entity
    m = _CODED_NAME.match(entity)
    if not m:
        return entity
    return _coded_to_indexed(m, snap) or entity


def _coded_to_indexed(m: re.Match[str], snap: Snapshot) -> str | None:
    """The one indexed trial a short coded name stands for: the same number, and the short
    letters in order in the long name, from its first letter ("OC-743" -> "ORCA 743")."""
    short, number = m.group(1).casefold(), m.group(2).casefold()
    matches = {
        trial
        for letters, trial in _coded_names(snap.trial_names).get(number, ())
        if letters[0] == short[0] and in_order(short, letters)
    }
    return matches.pop() if len(matches) == 1 else None


@lru_cache(maxsize=4)
def _coded_names(trial_names: frozenset[str]) -> dict[str, list[tuple[str, str]]]:
    """The coded trial names by their number: "ORCA 743" as ("orca", "ORCA 743") under "743"."""
    by_number: dict[str, list[tuple[str, str]]] = {}
    for trial in trial_names:
        # ... and the names of words and a number: "DESTINY-Breast06" as ("destinybreast",
        # ...) under "06", which "DB-06" stands for; "JAVELIN Bladder 100" for "JB100"
        full = _CODED_NAME.match(trial) or _WORDS_NUMBER.match(trial)
        if full:
            letters = re.sub(r"[\s-]", "", full.group(1)).casefold()
            by_number.setdefault(full.group(2).casefold(), []).append((letters, trial))
    return by_number


_WORDS_NUMBER = re.compile(r"^([A-Za-z]+(?:[\s-][A-Za-z]+)+?)[\s-]?(\d+[A-Za-z]?)$")


def _spell_names(text: str, snap: Snapshot) -> str:
    """Trial names written as the articles write them: "SKYLARK 2" -> "SKYLARK2", a short coded
    name ("SK-2") -> "SKYLARK2", and a one-letter slip in a long name ("SKYLRK") -> "SKYLARK"."""
    long_names = _long_names(snap.trial_names)
    for start, end, name in reversed(name_spans(text, _name_table(snap.trial_names))):
        if len(re.findall(r"[A-Za-z]+|\d+", name)) > 1:  # "SKYLARK 2" as the index writes it
            text = text[:start] + name + text[end:]

    def coded(m: re.Match[str]) -> str:
        # "KN689", "CM-77T": a short coded name for the one indexed trial it stands for
        if m.group(0).casefold() in snap.words:
            return m.group(0)
        short = _CODED_NAME.match(m.group(0))
        return (_coded_to_indexed(short, snap) if short else None) or m.group(0)

    # ("CM-9ER": one digit and letters after it)
    # ("CM 816": capitals and a number, apart; "R302": a name's initial and its number)
    text = re.sub(
        r"(?<![\w-])(?:(?:[A-Za-z]{2,3}-?|[A-Z]{2,3}\s)(?:\d{2,4}[A-Za-z]?|\d[A-Za-z]{1,3})"
        rf"|{INITIAL_AND_NUMBER})(?![\w-])",
        coded,
        text,
    )
    for word in re.findall(r"[A-Za-z][\w-]{5,}", text):
        folded = word.casefold()
        if folded in long_names or folded in snap.words:
            continue
        # a slip in the letters only: "ORCA-8" is another trial than "ORCA-7", and not indexed
        digits = re.findall(r"\d+", folded)
        close = [
            n
            for f, n in long_names.items()
            if _one_edit(folded, f) and re.findall(r"\d+", f) == digits
        ]
        if len(close) == 1:
            text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", close[0], text)
    return _spell_stems(text, snap)


_QUALIFIED_NAME = re.compile(r"([A-Z][A-Za-z]{3,})[\s-]([A-Z]{2,4})")


def _spell_stems(text: str, snap: Snapshot) -> str:
    """A trial's name without the disease letters after it ("ICARIA" for "ICARIA-MM", "BEACON"
    for "BEACON CRC"), written in capitals, is the one indexed trial of that stem; a series
    number ("DESKTOP III") is no disease letters, and a stem two trials share stays as asked."""
    stems = _stems(snap.trial_names)

    def spelt(m: re.Match[str]) -> str:
        word = m.group(0)
        name = stems.get(word.casefold())
        return word if name is None or name_key(word) in snap.articles_by_trial else name

    return re.sub(r"(?<![\w-])[A-Z][A-Z0-9]{3,}(?![\w-])", spelt, text) if stems else text


@lru_cache(maxsize=4)
def _stems(names: frozenset[str]) -> dict[str, str]:
    """The indexed names with disease letters by their stem, for stems only one name has
    (built once per set of names, not once per question)."""
    by_stem: dict[str, list[str]] = {}
    for name in names:
        m = _QUALIFIED_NAME.fullmatch(name)
        if m and not roman_numeral(m.group(2)):
            by_stem.setdefault(m.group(1).casefold(), []).append(name)
    return {stem: found[0] for stem, found in by_stem.items() if len(found) == 1}


_name_key = name_key


def _arm_names(snap: Snapshot, vocab: Vocabulary) -> frozenset[str]:
    """The casefolded trial, drug and registry names of the index: its names but the
    abbreviations its articles define for other things than drugs ("HBV": hepatitis B virus, a
    population; "ZV-7": zanvotamab vedotin, a drug, stays)."""
    not_drugs = {
        str(short).casefold()
        for a in snap.articles.values()
        for short, long in a.meta.get("aliases", {}).items()
        if not any(vocab.is_drug_name(w) for w in re.findall(r"[A-Za-z]+", str(long)))
    }
    return snap.names - not_drugs


def _spell_brands(text: str, snap: Snapshot, vocab: Vocabulary) -> str:
    """A drug's brand name that no indexed article uses ("Jemperli") as its generic name
    ("dostarlimab"), which the articles use. A brand an article uses stays: the article says
    which drug it is."""
    if not vocab.brands:
        return text

    def generic(m: re.Match[str]) -> str:
        word = m.group(0).casefold()
        return vocab.brands.get(word, m.group(0)) if word not in snap.words else m.group(0)

    return re.sub(r"(?<![\w-])[A-Za-z][a-z]{3,}(?![\w-])", generic, text)


def _spell_clipped(text: str, snap: Snapshot, vocab: Vocabulary) -> str:
    """A drug's name clipped as people type it ("nilo", "pazo", "rego") as the articles write
    it: the start of exactly one indexed drug's generic name, and no word of the index nor a
    term of the vocabulary."""
    generic = _generic_drugs(snap, vocab)

    def spelled(m: re.Match[str]) -> str:
        word = m.group(0).casefold()
        if word in snap.words or vocab.terms(word) or vocab.is_drug_name(word):
            return m.group(0)
        return _only_drug_starting(word, generic) or m.group(0)

    return re.sub(r"(?<![\w+/-])[a-z]{4,7}(?![\w+/-])", spelled, text)


def _generic_drugs(snap: Snapshot, vocab: Vocabulary) -> list[str]:
    """The indexed drugs by their generic names (a brand, "venclexta", is no second drug)."""
    return [d for d in snap.drug_names if d.isalpha() and vocab.is_drug_name(d)]


def _only_drug_starting(part: str, drugs: list[str]) -> str | None:
    """The one drug of ``drugs`` whose name starts with ``part``, else None."""
    starting = [d for d in drugs if d.startswith(part)]
    return starting[0] if len(starting) == 1 else None


def _spell_combinations(text: str, snap: Snapshot, vocab: Vocabulary) -> str:
    """Drugs given together, each clipped ("ami-laz", "len-eve"), as the articles write them
    ("amivantamab + lazertinib"): every part the start of exactly one indexed drug's name, and
    the whole no word of the index; a regimen's code of a clipped name and capitals ("VenR")
    by the drugs it names unambiguously."""

    written = [d for d in snap.drug_names if d.isalpha()]

    def spelled(m: re.Match[str]) -> str:
        if m.group(0).casefold() in snap.words:
            return m.group(0)
        names: list[str] = []
        for part in m.group(0).casefold().split("-"):
            drug = _only_drug_starting(part, written)
            if drug is None or drug in names:
                return m.group(0)
            names.append(drug)
        return " + ".join(names)

    generic = _generic_drugs(snap, vocab)

    def coded(m: re.Match[str]) -> str:
        # "VenR", "VenO": a drug's first letters, then one capital for each drug with it; the
        # capitals are spelled only when one indexed drug starts with the letter
        if m.group(0).casefold() in snap.words or m.group(0).casefold() in snap.names:
            return m.group(0)
        names: list[str] = []
        for part in re.findall(r"[A-Z][a-z]*", m.group(0)):
            drug = _only_drug_starting(part.casefold(), generic)
            if drug is not None and drug not in names:
                names.append(drug)
            elif len(part) > 1:
                return m.group(0)  # a drug's first letters that name no one drug
        return " + ".join(names) if len(names) > 1 or len(m.group(1)) > 1 else m.group(0)

    text = re.sub(r"(?<![\w-])[A-Za-z]{3,}(?:-[A-Za-z]{3,})+(?![\w-])", spelled, text)
    return re.sub(r"(?<![\w-])([A-Z][a-z]{2,})((?:[A-Z][a-z]*){1,2})(?![\w-])", coded, text)


@lru_cache(maxsize=4)
def _long_names(trial_names: frozenset[str]) -> dict[str, str]:
    """The names of 6+ characters by their casefolded form, for one-letter slips."""
    return {n.casefold(): n for n in trial_names if len(n) >= 6}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted, replaced or swapped letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _articles_naming(snap: Snapshot, entities: list[str]) -> list[str] | None:
    """Articles that name every entity (or, when none names them all, any of them)."""
    if not entities:
        return None
    sets = [
        {a for a, words in snap.article_words.items() if e.casefold() in words} for e in entities
    ]
    both = set.intersection(*sets)
    return sorted(both or set.union(*sets))


def _spell_senses(text: str, snap: Snapshot, vocab: Vocabulary) -> str:
    """An abbreviation of more than one meaning ("MSS") spelt out in the meaning the articles
    of the question's trial (else every article) use, when only one of them is theirs."""
    for short, meanings in vocab.senses.items():
        said = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w]|-\w)")
        if not said.search(text) or not vocab.terms(short):
            continue  # (an acronym the vocabulary does not know is a code, said as it stands)
        articles = articles_of_named_trials(text, snap) or sorted(snap.articles)
        meaning = _sense_of(short, meanings, articles, snap)
        if meaning:
            text = said.sub(meaning, text)
    return text


def _sense_of(short: str, meanings: tuple[str, ...], articles: list[str], snap: Snapshot) -> str:
    """The meaning of ``short`` in these articles: the one they define it as ("melanoma-specific
    survival (MSS)"), else the only one whose words one of them says; "" when not one."""
    defined = {
        str(a.meta.get("aliases", {}).get(short, "")).casefold()
        for a in (snap.articles[i] for i in articles if i in snap.articles)
    }
    chosen = [m for m in meanings if m.casefold() in defined]
    if not chosen:
        chosen = [
            m
            for m in meanings
            if any(
                set(re.findall(r"[a-z0-9]+", m.casefold())) <= snap.article_words.get(a, set())
                for a in articles
            )
        ]
    return chosen[0] if len(chosen) == 1 else ""


def _alias_expansions(snap: Snapshot, entities: list[str]) -> list[str]:
    """Other names of the entities, from the abbreviations the articles define."""
    return [other for e in entities for other in snap.aliases.get(e.casefold(), ())]


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
