"""What a question asks: the endpoint, the qualifiers (arm, subgroup, setting), the named trials
and drugs, and the other words that must be matched."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.vocabulary import Vocabulary

# Endpoints that are statistics about another endpoint: asked together ("HR for OS"), the
# statistic is what to answer and the other endpoint says which one.
STATISTICS = ("HR", "P value", "odds ratio")

_QUESTION_VALUE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|mg/kg|mg/m2|mg\b|months?\b|weeks?\b|years?\b)", re.I
)
_NUMERIC_INTENT = re.compile(
    r"\b(?:how many|how much|how long|how often|what percentage|what proportion|what share|"
    r"what fraction|rate|percent|proportion|share|number of)\b",
    re.I,
)
# "drugA + drugB", "drugname/othername": a combination regimen
_REGIMEN_JOIN = re.compile(r"(?<=[A-Za-z]{2})\s*\+\s*(?=[A-Za-z]{2})|(?<=[a-z]{4})/(?=[a-z]{4})")
_ENTITY_TOKEN = re.compile(r"[A-Za-z0-9][\w\-+/.']*[A-Za-z0-9+]|[A-Za-z]")
_SLACK_MARKUP = re.compile(r"<[@#!][^>]*>|<(https?://[^|>]+)(?:\|([^>]*))?>")


@dataclass
class Question:
    text: str
    endpoints: list[str] = field(default_factory=list)
    qualifiers: list[tuple[str, str]] = field(default_factory=list)  # (group key, kind)
    groups: list[str] = field(default_factory=list)  # non-qualifier vocabulary groups
    entities: list[str] = field(default_factory=list)  # trial/drug names as typed
    content: list[str] = field(default_factory=list)  # other meaningful words (stemmed)

    context: frozenset[str] = frozenset()  # endpoints that only frame another one
    values: list[str] = field(default_factory=list)  # figures named in the question: "8 mg/kg"
    numeric: bool = False  # asks for a number ("how many", "what percentage", ...)

    @property
    def target(self) -> str | None:
        """The endpoint whose figure answers the question."""
        stats = [e for e in self.endpoints if e in STATISTICS]
        if stats:
            return stats[0]
        framed = [e for e in self.endpoints if e not in self.context]
        if framed:
            return framed[0]
        return self.endpoints[0] if self.endpoints else None

    @property
    def about(self) -> list[str]:
        """Endpoints the target statistic is about ("OS" in "HR for OS")."""
        return [e for e in self.endpoints if e != self.target]


def analyze(text: str, vocab: Vocabulary, known_names: frozenset[str] = frozenset()) -> Question:
    """Analyze a question; ``known_names`` are casefolded trial and drug names in the index."""
    text = _REGIMEN_JOIN.sub(" plus ", text)
    q = Question(text=text, context=vocab.context_endpoints)
    q.values = [" ".join(v.split()) for v in _QUESTION_VALUE.findall(text)]
    q.numeric = bool(_NUMERIC_INTENT.search(text))
    covered: list[tuple[int, int]] = []
    for term in vocab.terms(text):
        covered.append((term.start, term.end))
        if term.kind == "endpoint":
            if term.key not in q.endpoints:
                q.endpoints.append(term.key)
        else:
            group = vocab.group(term.key)
            kind = _qualifier_kind(vocab, term.key)
            if kind and (term.key, kind) not in q.qualifiers:
                q.qualifiers.append((term.key, kind))
            elif not kind and group and term.key not in q.groups:
                q.groups.append(term.key)
    for m in _ENTITY_TOKEN.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        word = m.group(0).strip(".'")
        if _is_entity(word, vocab, known_names):
            q.entities.append(word)
    rest = _blank(text, covered)
    entity_words = {w for e in q.entities for w in vocab.content_words(e)}
    q.content = [
        w
        for w in vocab.content_words(rest)
        if w not in entity_words and not w.replace(".", "").isdigit()
    ]
    return q


def _qualifier_kind(vocab: Vocabulary, key: str) -> str:
    group = vocab.group(key)
    return group.qualifier if group and group.qualifier else ""


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)


def _is_entity(word: str, vocab: Vocabulary, known: frozenset[str]) -> bool:
    """A trial or drug name: known to the index, or shaped like one (ORION-12, ZV-7,
    CamelCase names, a word with a drug-name ending)."""
    folded = word.casefold()
    if folded in vocab.stopwords or len(word) < 2:
        return False
    if folded in known:
        return True
    if vocab.is_drug_name(word):
        return True
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    has_digit = any(c.isdigit() for c in word)
    inner_upper = any(c.isupper() for c in word[1:])
    if has_digit and len(letters) >= 2:
        return not re.fullmatch(r"\d+(?:st|nd|rd|th|L|mg|kg|%)", word, re.I)
    return inner_upper and len(letters) >= 2


def decode_chat_markup(text: str) -> str:
    """Slack-style markup to plain words: mentions and channels dropped, links to their label."""

    def link(m: re.Match[str]) -> str:
        return m.group(2) or m.group(1) or ""

    return " ".join(_SLACK_MARKUP.sub(link, text).split())
