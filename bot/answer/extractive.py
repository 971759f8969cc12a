"""The deterministic answer engine: picks the reported figure that answers the question and
quotes its sentence. No LLM; every word with a number comes from the source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer.engine import Draft
from bot.answer.models import Citation
from bot.answer.passages import Sentence
from bot.answer.question import STATISTICS, Question
from index.figures import Figure, extract_figures
from index.text import tokenize
from index.vocabulary import Term, Vocabulary

_LEAD_CLAUSE = re.compile(r"^(?:Among|In|For|With|Across)\s[^,;]{3,90}(?=,)")
_SCOPE_PHRASE = re.compile(r"^(?:with|among|in|for|on|at|of|across)\b", re.I)
_SCOPE_END = re.compile(
    r";| to\b| and\b| vs\b| versus\b| against\b| compared\b| which\b| but\b|\.$", re.I
)


@dataclass(frozen=True)
class _ArticleContext:
    """Per article, from the retrieved sentences: their text, and the settings and values said
    in sentences that report the asked endpoint."""

    text: dict[str, str]
    settings: dict[str, set[str]]
    values: dict[str, set[str]]


@dataclass
class _Candidate:
    score: float
    sentence: Sentence
    figure: Figure | None


class ExtractiveEngine:
    """Answers from the source sentences, leading with the figure asked for."""

    name = "extractive"

    def __init__(self, vocab: Vocabulary, max_chars: int = 400) -> None:
        self.vocab = vocab
        self.max_chars = max_chars

    def answer(self, question: Question, sentences: list[Sentence]) -> Draft:
        if question.target is None and not question.numeric:
            best = self._best_sentence(question, sentences) or self._best_figure(
                question, sentences
            )
        else:
            best = self._best_figure(question, sentences)
            if best is None and question.target is None:
                best = self._best_sentence(question, sentences)
        if best is None:
            return Draft("not_found", "", [], reason=self._why_not(question))
        citation = Citation(
            1,
            best.sentence.article.title,
            best.sentence.article.source,
            best.sentence.text,
            best.sentence.article.id,
            best.sentence.start,
            best.sentence.end,
        )
        lead = self._lead(best.sentence.text, best.figure, question)
        return Draft("answered", f"{lead} [1]", [citation])

    # -- figures -----------------------------------------------------------------------------

    def _best_figure(self, q: Question, sentences: list[Sentence]) -> _Candidate | None:
        scored: list[_Candidate] = []
        # what each article says next to the asked endpoint: its settings and its values
        settings_by_article: dict[str, set[str]] = {}
        values_by_article: dict[str, set[str]] = {}
        analysed = []
        for s in sentences:
            terms = self.vocab.terms(s.text)
            for fig in extract_figures(s.text, self.vocab):
                analysed.append((s, terms, fig, self._local_terms(fig)))
                if q.target and self._measures(fig, q.target):
                    settings_by_article.setdefault(s.article.id, set()).update(
                        t.key for t in terms if t.qualifier
                    )
                    values_by_article.setdefault(s.article.id, set()).update(_values(s.text))
        article_text = _article_texts(sentences)
        context = _ArticleContext(article_text, settings_by_article, values_by_article)
        for s, terms, fig, local in analysed:
            score = self._score(q, s, terms, fig, local, context)
            if score is not None:
                scored.append(_Candidate(score, s, fig))
        if not scored:
            return None
        return max(scored, key=lambda c: (c.score, -c.sentence.rank, -c.sentence.start))

    def _measures(self, fig: Figure, target: str) -> bool:
        if fig.endpoint == target:
            return True
        named = self.vocab.terms(f"{fig.label} | {fig.head}")
        return any(t.key == target for t in named if t.kind == "endpoint")

    def _local_terms(self, fig: Figure) -> list[Term]:
        return [t for t in self.vocab.terms(f"{fig.label} | {fig.scope}") if t.qualifier]

    def _score(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
    ) -> float | None:
        score = 0.0
        if q.target:
            expected = self.vocab.units.get(q.target)
            if expected and fig.unit != expected:
                return None
            if fig.endpoint == q.target:
                score += 4
            elif self._measures(fig, q.target):
                score += 3
            elif fig.endpoint and self.vocab.related_endpoints(fig.endpoint, q.target):
                score += 2
            else:
                return None
            if q.target in STATISTICS and q.about:
                about = self._about(terms, fig)
                if about in q.about:
                    score += 2
                elif about is not None:
                    return None  # the HR of another endpoint
            elif q.about:
                present = {t.key for t in terms if t.kind == "endpoint"}
                score += sum(1 if e in present else -1 for e in q.about)
            score += 0.8 / (1 + self._gap(q.target, fig))
        else:
            topic = set(q.groups) | set(q.content)
            label_words = set(tokenize(f"{fig.label} {fig.scope}", self.vocab.stopwords))
            label_groups = {t.key for t in self.vocab.terms(f"{fig.label} {fig.scope}")}
            if not topic & (label_words | label_groups):
                return None
            score += 2

        sentence_values = _values(s.text)
        for v in q.values:
            if v in sentence_values:
                score += 0.5
            elif any(
                _same_unit(v, o) for o in sentence_values | context.values.get(s.article.id, set())
            ):
                return None  # "ORR at 8 mg/kg" is not answered by a 12 mg/kg figure
            else:
                score -= 0.5
        if "CI" in q.groups and not re.search(
            r"\bCI\b|confidence interval", fig.detail + _statistic_bracket(s.text, fig)
        ):
            return None  # a CI was asked for and this figure has none

        label_keys = {t.key for t in self.vocab.terms(fig.label) if t.qualifier}
        scope_keys = {t.key for t in self.vocab.terms(fig.scope) if t.qualifier}
        sentence_keys = {t.key for t in terms if t.qualifier}
        asked = {key for key, _ in q.qualifiers}
        for key, kind in q.qualifiers:
            if key in scope_keys:
                score += 1.5
            elif key in label_keys:
                score += 1.0
            elif key in sentence_keys:
                score += 0.8
            elif kind == "subgroup":
                return None  # a subgroup figure must be reported as such
            elif any(self.vocab.conflicting(key, other) for other in sentence_keys):
                return None  # the sentence reports this figure for another setting
            else:
                # a setting may describe the whole trial: the article must say it, and must not
                # report this endpoint for a conflicting setting
                text = context.text.get(s.article.id, "")
                if not any(t.key == key for t in self.vocab.terms(text)):
                    return None
                seen = context.settings.get(s.article.id, set())
                if any(self.vocab.conflicting(key, other) for other in seen):
                    return None
            for other in scope_keys | label_keys:
                if self.vocab.conflicting(key, other):
                    score -= 2 if other in scope_keys else 1
            for other in sentence_keys - scope_keys - label_keys:
                if self.vocab.conflicting(key, other):
                    score -= 0.3
        for t in local:
            if t.key not in asked and t.qualifier == "subgroup":
                score -= 0.6
            elif t.key not in asked and any(self.vocab.conflicting(t.key, o) for o in asked | {""}):
                score -= 0.3
            elif t.key not in asked and t.qualifier == "setting" and not asked:
                score -= 0.4

        words = set(tokenize(s.text, self.vocab.stopwords))
        if q.content:
            score += sum(1 for w in q.content if w in words) / len(q.content)
        if q.entities and any(e.casefold() in s.text.casefold() for e in q.entities):
            score += 0.3
        if fig.detail:
            score += 0.3
        return score + 0.6 / (1 + s.rank)

    def _gap(self, target: str, fig: Figure) -> int:
        """Content words between the endpoint's name and the value (0 = right next to it)."""
        named = [t for t in self.vocab.terms(fig.label) if t.key == target]
        if not named:
            return 3
        between = fig.label[named[-1].end :]
        return len(tokenize(between, self.vocab.stopwords))

    def _about(self, terms: list[Term], fig: Figure) -> str | None:
        """The endpoint a statistic belongs to: the nearest other endpoint before it."""
        before = [
            t
            for t in terms
            if t.kind == "endpoint" and t.end <= fig.start and t.key not in STATISTICS
        ]
        return before[-1].key if before else None

    # -- sentences ---------------------------------------------------------------------------

    def _best_sentence(self, q: Question, sentences: list[Sentence]) -> _Candidate | None:
        wanted = set(q.content)
        groups = set(q.groups) | {key for key, _ in q.qualifiers}
        if not wanted and not groups:
            return None
        best: _Candidate | None = None
        asks_where = bool(_WHERE.search(q.text))
        for s in sentences:
            words = set(tokenize(s.text, self.vocab.stopwords))
            keys = {t.key for t in self.vocab.terms(s.text)} | self._prefix_groups(groups, words)
            hits = sum(1 for w in wanted if _word_in(w, words)) + len(groups & keys)
            total = len(wanted) + len(groups)
            if hits == 0 or hits / total < 0.5:
                continue
            score = hits / total + 0.6 / (1 + s.rank)
            if asks_where and any(m in s.text for m in self.vocab.meetings):
                score += 0.5
            if q.entities and any(e.casefold() in s.text.casefold() for e in q.entities):
                score += 0.3
            if best is None or score > best.score:
                best = _Candidate(score, s, None)
        return best

    def _prefix_groups(self, groups: set[str], words: set[str]) -> set[str]:
        """Groups whose one-word form starts a word of the sentence ("NCT" in "NCT05280470")."""
        found = set()
        for key in groups:
            group = self.vocab.group(key)
            forms = group.forms if group else ()
            if any(
                " " not in f and len(f) >= 3 and any(w.startswith(f.casefold()) for w in words)
                for f in forms
            ):
                found.add(key)
        return found

    # -- wording -----------------------------------------------------------------------------

    def _lead(self, sentence: str, fig: Figure | None, q: Question) -> str:
        if fig is None:
            return _shorten(sentence, self.max_chars)
        name = self._name(sentence, fig)
        qualifier = self._qualifier_phrase(sentence, fig)
        value = fig.text
        if fig.endpoint in STATISTICS:
            # a statistic is clearest with its whole bracket: "HR = 0.73; 95% CI ...; P = .0174"
            value = _statistic_bracket(sentence, fig) or fig.value
        lead = f"{name}{', ' + qualifier if qualifier else ''}: {value}"
        return _shorten(lead, self.max_chars)

    def _name(self, sentence: str, fig: Figure) -> str:
        terms = [t for t in self.vocab.terms(sentence) if t.kind == "endpoint"]
        if fig.endpoint in STATISTICS:
            about = self._about(terms, fig)
            about_term = next(
                (t for t in reversed(terms) if t.key == about and t.end <= fig.start), None
            )
            base = "Hazard ratio" if fig.endpoint == "HR" else fig.endpoint
            if about_term is not None:
                return f"{base} for {sentence[about_term.start : about_term.end]}"
            return base
        own = [t for t in terms if t.key == fig.endpoint]
        chosen = None
        for t in own:
            if t.end <= fig.start:
                chosen = t
        chosen = chosen or (own[0] if own else None)
        if chosen is None:
            label = fig.label.strip()
            return _capital(" ".join(label.split()[-6:])) if label else "Reported figure"
        surface = sentence[chosen.start : chosen.end]
        if re.search(r"\bmedian\s+$", sentence[max(0, chosen.start - 8) : chosen.start], re.I):
            surface = "median " + surface
        return _capital(surface)

    def _qualifier_phrase(self, sentence: str, fig: Figure) -> str:
        scope = fig.scope.strip()
        if scope and _SCOPE_PHRASE.match(scope):
            cut = _SCOPE_END.search(scope)
            phrase = scope[: cut.start()] if cut else scope
            phrase = _balanced(phrase.strip(" ,"))
            if 3 <= len(phrase) <= 100:
                return phrase
        lead = _LEAD_CLAUSE.match(sentence)
        if lead and lead.end() <= fig.start:
            return _balanced(lead.group(0)[0].lower() + lead.group(0)[1:])
        return ""

    def _why_not(self, q: Question) -> str:
        parts = []
        if q.target:
            parts.append(q.target)
        parts.extend(key for key, _ in q.qualifiers)
        if parts:
            return "no indexed article reports a figure for " + " / ".join(parts)
        return "no indexed article answers this"


_VALUE_IN_TEXT = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|mg/kg|mg/m2|mg\b|months?\b|weeks?\b|years?\b)", re.I
)
_WHERE = re.compile(r"\b(?:where|presented|meeting|conference|congress|published)\b", re.I)


def _values(text: str) -> set[str]:
    return {" ".join(v.split()) for v in _VALUE_IN_TEXT.findall(text)}


def _same_unit(a: str, b: str) -> bool:
    """Two different values of the same unit ("8 mg/kg" and "12 mg/kg")."""
    unit = re.sub(r"^[\d.\s]+", "", a).casefold().rstrip("s")
    return a != b and unit == re.sub(r"^[\d.\s]+", "", b).casefold().rstrip("s") and unit != ""


def _word_in(word: str, words: set[str]) -> bool:
    """A word, or one sharing its first six letters ("stratification" ~ "stratified")."""
    if word in words:
        return True
    return len(word) >= 7 and any(len(w) >= 7 and w[:6] == word[:6] for w in words)


def _article_texts(sentences: list[Sentence]) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for s in sentences:
        texts.setdefault(s.article.id, [s.article.title]).append(s.text)
    return {k: "\n".join(v) for k, v in texts.items()}


def _statistic_bracket(sentence: str, fig: Figure) -> str:
    open_at = sentence.rfind("(", 0, fig.start)
    close_at = sentence.find(")", fig.end)
    if open_at == -1 or close_at == -1 or sentence.rfind(")", 0, fig.start) > open_at:
        return ""
    inner = sentence[open_at + 1 : close_at]
    return inner if len(inner) <= 160 else ""


def _balanced(text: str) -> str:
    """Drop a dangling opening bracket and what follows it."""
    for open_, close in (("(", ")"), ("[", "]")):
        if text.count(open_) > text.count(close):
            text = text[: text.rfind(open_)].rstrip(" ,")
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text and not text[:2].isupper() else text


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
