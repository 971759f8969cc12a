"""The chat commands, for any surface (Slack's ``/trials``, a mention, a DM, a Teams message).

``parse_command`` turns what a user typed into help | list | show TRIAL | add URL | a question;
``Commands`` runs it against the answer core and returns plain data for the surface's formatter.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from bot.answer.core import Answerer
from bot.answer.grounding import is_grounded
from bot.answer.models import Answer, Citation
from bot.answer.question import decode_chat_markup
from bot.app.factsheet import FactRow, compare, fact_sheet, resolve_trial
from bot.app.services import Services
from bot.infra.errors import NotAllowedError, TrialbotError
from bot.infra.fetch import ArticleFetcher
from index.ingest import IngestResult
from index.store import ArticleRecord

Kind = Literal["help", "list", "show", "compare", "add", "ask"]

USAGE: tuple[tuple[str, str], ...] = (
    ("QUESTION", "the exact figure, quoted from its source, with a link"),
    ("list", "the indexed articles and their trials"),
    ("show TRIAL", "a trial's fact sheet: its reported figures by arm, each cited"),
    ("compare ENDPOINT [TRIAL...]", "one endpoint (ORR, PFS, OS, HR...) across trials and arms"),
    ("add URL", "fetch an article page and add it to the index"),
    ("help", "this help"),
)

# The key figures of `show TRIAL`: standard questions asked of the core, each answer grounded.
KEY_FIGURE_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("ORR", "What was the objective response rate in {trial}?"),
    ("Median PFS", "What was the median progression-free survival in {trial}?"),
    ("Median OS", "What was the median overall survival in {trial}?"),
    ("PFS HR", "What was the hazard ratio for progression-free survival in {trial}?"),
    ("OS HR", "What was the hazard ratio for overall survival in {trial}?"),
)

_LEADING_MENTIONS = re.compile(r"^\s*(?:<@[^>]+>[\s,:]*)+")
_CHAT_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>")
_BARE_URL = re.compile(r"https?://\S+")
_MARKER = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")


@dataclass(frozen=True)
class Command:
    """What the user asked for; ``arg`` is the trial, the URL or the (decoded) question."""

    kind: Kind
    arg: str = ""


def parse_command(text: str) -> Command:
    """Parse a command or question; chat markup (mentions, links, channels) is decoded."""
    raw = _LEADING_MENTIONS.sub("", text).strip()
    verb, _, rest = raw.partition(" ")
    verb = verb.casefold().rstrip(":!.?")
    rest = rest.strip()
    if verb in ("", "help") and not rest:
        return Command("help")
    if verb == "list" and rest.casefold() in ("", "trials", "articles", "sources"):
        return Command("list")
    if verb == "show" and rest and len(rest.split()) <= 3 and not rest.endswith("?"):
        return Command("show", decode_chat_markup(rest))
    if verb == "compare" and rest and len(rest.split()) <= 6 and not rest.endswith("?"):
        return Command("compare", decode_chat_markup(rest))
    if verb == "add":
        link = _CHAT_LINK.search(rest) or _BARE_URL.search(rest)
        if link:
            return Command("add", link.group(1) if link.re is _CHAT_LINK else link.group(0))
        if not rest:
            return Command("add")
    return Command("ask", decode_chat_markup(raw))


@dataclass(frozen=True)
class Help:
    usage: tuple[tuple[str, str], ...] = USAGE


@dataclass(frozen=True)
class ArticleSummary:
    title: str
    source: str
    trials: list[str]
    drugs: list[str]
    chunks: int
    ingested_at: str


@dataclass(frozen=True)
class ArticleList:
    articles: list[ArticleSummary]


@dataclass(frozen=True)
class TrialFigures:
    """The key figures of a trial as one cited answer (one line per figure), or, when no indexed
    article names the trial, ``answer`` is None and ``known`` lists the trials that are."""

    trial: str
    answer: Answer | None
    known: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Added:
    result: IngestResult
    trials: list[str]
    drugs: list[str]


Result = Help | ArticleList | TrialFigures | Added | Answer


@dataclass(frozen=True)
class SourceRef:
    """Where a citation's quote sits: ``article_id`` text at ``start:end``."""

    n: int
    article_id: str
    start: int
    end: int


class Commands:
    """Runs parsed commands against the services of one index."""

    def __init__(
        self,
        services: Services,
        fetcher: ArticleFetcher,
        *,
        add_allowed_users: Collection[str] = (),
    ) -> None:
        self.services = services
        self.fetcher = fetcher
        self.add_allowed_users = frozenset(add_allowed_users)

    def run(self, command: Command, *, user: str = "", history: list[str] | None = None) -> Result:
        """Run one command for ``user``; ``history`` = earlier questions of the conversation."""
        if command.kind == "help":
            return Help()
        if command.kind == "list":
            return self.list_articles()
        if command.kind == "show":
            return self.show_trial(command.arg)
        if command.kind == "compare":
            return self.compare(command.arg)
        if command.kind == "add":
            return self.add_url(command.arg, user)
        return self.services.answerer.ask(command.arg, history)

    def list_articles(self) -> ArticleList:
        return ArticleList([_summary(a) for a in self.services.store.articles()])

    def show_trial(self, name: str) -> TrialFigures:
        """The trial's key figures, each a grounded answer of the core with its citations."""
        articles = self.services.store.articles()
        known = sorted({t for a in articles for t in a.meta.get("trials", [])}, key=str.casefold)
        trial = _resolve_trial(name, articles)
        if trial is None:
            return TrialFigures(name, None, known)
        sheet = fact_sheet(self.services.searcher.snapshot(), self.services.vocabulary, trial)
        if sheet is not None and sheet.rows:
            table = Answer(f"show {trial}", "answered", fact_table(sheet.rows), sheet.citations)
            table.engine = "facts"
            if is_grounded(table.text, table.citations):
                return TrialFigures(trial, table)
        lines, citations = key_figures(self.services.answerer, trial)
        if not lines:
            text = (
                f"Not found: no key figure (ORR, PFS, OS, HR) of {trial} in the indexed articles."
            )
            return TrialFigures(trial, Answer(f"show {trial}", "not_found", text), known)
        return TrialFigures(trial, Answer(f"show {trial}", "answered", "\n".join(lines), citations))

    def compare(self, arg: str) -> Answer:
        """``ENDPOINT [TRIAL...]``: one row per trial and arm, each cited, with the caveat."""
        snap = self.services.searcher.snapshot()
        words = arg.split()
        trials = [w for w in words if resolve_trial(snap, w)]
        endpoint = " ".join(w for w in words if w not in trials)
        comparison = compare(snap, self.services.vocabulary, endpoint, trials)
        question = f"compare {arg}"
        if not comparison.rows:
            text = f"Not found: no indexed article reports {comparison.endpoint}."
            return Answer(question, "not_found", text, engine="facts")
        text = fact_table(comparison.rows, with_trial=True) + f"\n{comparison.caveat}"
        answer = Answer(question, "answered", text, comparison.citations, engine="facts")
        names_out = text
        for trial in {r.trial for r in comparison.rows if r.trial}:
            names_out = names_out.replace(trial, " ")  # "Breast03" in a name is not a figure
        if not is_grounded(names_out, answer.citations):
            return Answer(question, "not_found", "Not found: no checkable figures.", engine="facts")
        return answer

    def add_url(self, url: str, user: str) -> Added:
        """Fetch the article at ``url`` and ingest it; only allowed users when a list is set."""
        if self.add_allowed_users and user not in self.add_allowed_users:
            raise NotAllowedError("you are not on the list of people who may add articles")
        if not url:
            raise TrialbotError("give the article's address: add https://...")
        article = self.fetcher.fetch(url)
        with self.services.ingestor() as ingestor:
            result = ingestor.ingest(article)
        records = self.services.store.articles(ids=[result.article_id])
        meta = records[0].meta if records else {}
        return Added(result, list(meta.get("trials", [])), list(meta.get("drugs", [])))

    def quotes(self, refs: list[SourceRef]) -> list[Citation]:
        """The citations at ``refs``, quotes read back from the index (for "Show sources")."""
        store = self.services.store
        articles = {a.id: a for a in store.articles()}
        chunks = store.chunks(sorted({r.article_id for r in refs if r.article_id in articles}))
        out = []
        for ref in refs:
            article = articles.get(ref.article_id)
            if article is None:
                out.append(Citation(ref.n, "(article no longer indexed)", "", "", ref.article_id))
                continue
            chunk = next(
                (
                    c
                    for c in chunks
                    if c.article_id == ref.article_id and c.start <= ref.start and ref.end <= c.end
                ),
                None,
            )
            quote = chunk.text[ref.start - chunk.start : ref.end - chunk.start] if chunk else ""
            out.append(
                Citation(
                    ref.n, article.title, article.source, quote, ref.article_id, ref.start, ref.end
                )
            )
        return out


def key_figures(
    answerer: Answerer,
    trial: str,
    *,
    article_id: str = "",
    limit: int = len(KEY_FIGURE_QUESTIONS),
    label_prefix: str = "",
    citations: list[Citation] | None = None,
) -> tuple[list[str], list[Citation]]:
    """A trial's key figures: KEY_FIGURE_QUESTIONS asked to the core, one ``label: figure [n]``
    line per grounded answer, and the citations the lines number (appended to ``citations``
    when given, numbering on from them). With ``article_id``, only figures whose quotes all come
    from that article (a digest entry speaks for its own article); at most ``limit`` lines."""
    lines: list[str] = []
    merged = citations if citations is not None else []
    for label, template in KEY_FIGURE_QUESTIONS:
        if len(lines) >= limit:
            break
        answer = answerer.ask(template.format(trial=trial))
        if answer.status != "answered":
            continue
        lead, cited = _lead_with_citations(answer)
        if article_id:
            cited = [c for c in cited if c.article_id == article_id]
            if not cited or not is_grounded(lead, cited):
                continue
        lines.append(f"{label_prefix}{label}: {_merge_citations(lead, cited, merged)}")
    return lines, merged


def fact_table(rows: list[FactRow], *, with_trial: bool = False) -> str:
    """Fact rows as chat lines: endpoint, whose figure, value with CI and P, citation."""
    lines = []
    for r in rows:
        who = " · ".join(p for p in (r.trial if with_trial else "", r.subgroup, r.arm) if p)
        ci = f" (95% CI {r.ci})" if r.ci else ""
        p_value = f", P {r.p_value.strip()}" if r.p_value else ""
        flag = " ⚠ another source reports a different value" if r.conflict else ""
        lines.append(f"{r.endpoint} | {who or 'all'} | {r.value}{ci}{p_value} [{r.n}]{flag}")
    return "\n".join(lines)


def source_refs(citations: list[Citation]) -> list[SourceRef]:
    return [SourceRef(c.n, c.article_id, c.start, c.end) for c in citations if c.article_id]


def _summary(a: ArticleRecord) -> ArticleSummary:
    return ArticleSummary(
        title=a.title,
        source=a.source,
        trials=list(a.meta.get("trials", [])),
        drugs=list(a.meta.get("drugs", [])),
        chunks=a.chunks,
        ingested_at=a.ingested_at,
    )


def _folded(name: str) -> str:
    return re.sub(r"[^\w]", "", name.casefold())


def _resolve_trial(name: str, articles: list[ArticleRecord]) -> str | None:
    """The indexed trial named ``name`` (or by its registry id), spelled as the article does."""
    wanted = _folded(name)
    if not wanted:
        return None
    for a in articles:
        trials = [str(t) for t in a.meta.get("trials", [])]
        for trial in trials:
            if _folded(trial) == wanted:
                return trial
        ids = [str(r) for r in a.meta.get("registry_ids", [])]
        if trials and any(_folded(r) == wanted for r in ids):
            return trials[0]
    return None


def _numbers_in_marker(marker: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", marker.strip("[]")):
        bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part) if x]
        out.extend(range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 else bounds)
    return out


def _lead_with_citations(answer: Answer) -> tuple[str, list[Citation]]:
    """The answer's first line and the citations it refers to (all of them when that subset
    would no longer hold the line's figures)."""
    lead = answer.text.split("\n")[0].strip()
    marked = {n for m in _MARKER.findall(lead) for n in _numbers_in_marker(m)}
    cited = [c for c in answer.citations if c.n in marked]
    if not is_grounded(lead, cited):
        cited = list(answer.citations)
    return lead, cited


def _merge_citations(lead: str, cited: list[Citation], merged: list[Citation]) -> str:
    """Add ``cited`` to ``merged`` (one number per quote) and renumber ``lead``'s markers."""
    mapping: dict[int, int] = {}
    for c in cited:
        same = next(
            (
                m
                for m in merged
                if (m.article_id, m.start, m.end, m.quote)
                == (c.article_id, c.start, c.end, c.quote)
            ),
            None,
        )
        if same is None:
            same = Citation(
                len(merged) + 1, c.title, c.source, c.quote, c.article_id, c.start, c.end
            )
            merged.append(same)
        mapping[c.n] = same.n

    def renumber(m: re.Match[str]) -> str:
        numbers = [mapping[n] for n in _numbers_in_marker(m.group(0)) if n in mapping]
        return "[" + ", ".join(str(n) for n in dict.fromkeys(numbers)) + "]" if numbers else ""

    text = _MARKER.sub(renumber, lead).strip()
    if not _MARKER.search(text) and mapping:
        text += " [" + ", ".join(str(n) for n in dict.fromkeys(mapping.values())) + "]"
    return text
