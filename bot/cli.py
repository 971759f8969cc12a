"""The trialbot command line."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from bot.app.services import Services
from bot.format.text import render_answer, render_sources
from bot.infra.errors import ArticleError, TrialbotError
from bot.infra.settings import Settings

log = logging.getLogger("trialbot")


def _services(index_dir: Path | None) -> Services:
    settings = Settings()
    if index_dir is not None:
        settings.index.dir = index_dir
    return Services(settings)


def _start_digest_schedule(services: Services) -> None:
    """Poll the feeds and post the digest on TRIALBOT_DIGEST_CRON (nothing when unset), to
    TRIALBOT_DIGEST_TARGET (e.g. slack:C0123ABC, or teams:19:...@thread.tacv2: see `trialbot
    teams conversations`). A daemon thread: stopping mid-run is a crash the digest ledger
    recovers from."""
    from bot.digest.schedule import start_schedule
    from bot.surfaces import register_digest_posters

    register_digest_posters()
    start_schedule(services)


def _indexed(services: Services) -> Services:
    """The services of an index that holds articles; else a clear error, and nothing created."""
    if not services.has_store() or not services.store.article_ids():
        where = services.settings.chroma.url or services.settings.index.dir
        raise click.ClickException(
            f"no articles indexed in {printable(str(where))}; add some with: "
            "trialbot ingest PATH... (files, folders or URLs)"
        )
    return services


def printable(text: str) -> str:
    """``text`` with control characters escaped (a newline in a file name must not forge an
    output line)."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


index_dir_option = click.option(
    "--index-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index directory (default: $TRIALBOT_INDEX_DIR or ~/.local/share/trialbot/index).",
)


@click.group()
@click.version_option(package_name="trialbot")
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """trialbot: answers questions about clinical-trial news with exact, cited figures."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("bm25s", "chromadb", "httpx", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # pypdf warns about every oddity of a PDF it still reads; a PDF it cannot read is an error
    logging.getLogger("pypdf").setLevel(logging.DEBUG if verbose >= 2 else logging.ERROR)


@cli.command()
@index_dir_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a TTY).")
@click.argument("paths", nargs=-1, required=True)
def ingest(index_dir: Path | None, progress: bool | None, paths: tuple[str, ...]) -> None:
    """Add article files or folders (.txt, .md, .html, .pdf) or pages (http(s) URLs).

    Re-ingesting an unchanged article adds nothing; a changed file replaces its old version.
    A page is fetched with TRIALBOT_FETCH_* limits and its main text ingested.
    The files of a folder that are not read (other types, no extension) are named as skipped.
    Exits non-zero when any file or page could not be ingested.
    """
    from tqdm import tqdm

    from bot.infra.fetch import ArticleFetcher
    from index.ingest import IngestResult
    from index.loaders import find_article_files

    services = _services(index_dir)
    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    skipped: list[tuple[Path, str]] = []
    files = find_article_files([Path(p) for p in paths if p not in urls], skipped)
    for path, reason in skipped:
        click.echo(f"skipped: {printable(str(path))}: {reason}")
    if not files and not urls:
        raise click.ClickException("no article files found in the given paths")
    pages, unread = [], []  # fetched before the index's write lock is taken
    fetcher = ArticleFetcher.from_settings(services.settings.fetch)
    for url in urls:
        try:
            pages.append(fetcher.fetch(url))
        except TrialbotError as exc:
            unread.append(IngestResult(url, "failed", error=getattr(exc, "reason", str(exc))))
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    total = len(files) + len(urls)
    with tqdm(total=total, unit="file", disable=not show, file=sys.stderr) as bar:

        def report(result) -> None:  # type: ignore[no-untyped-def]
            nonlocal failed
            bar.update(1)
            if result.status == "failed":
                failed += 1
                tqdm.write(f"error: {printable(result.source)}: {result.error}", file=sys.stderr)
            else:
                tqdm.write(f"{result.status}: {printable(result.source)} ({result.chunks} chunks)")

        chunks = _ChunkProgress(show)
        for result in unread:
            report(result)
        with services.ingestor() as ingestor:
            ingestor.ingest_paths(files, on_file=report, on_progress=chunks)
            for page in pages:
                report(ingestor.ingest(page, on_progress=chunks))
        chunks.close()
    if failed:
        raise click.ClickException(f"{failed} of {total} files could not be ingested")


class _ChunkProgress:
    """Progress within a long article (more than one batch of chunks): a second bar on a
    TTY, else a line on stderr every ``_QUIET_EVERY_S`` seconds, so a long ingest is seen
    to move."""

    _QUIET_EVERY_S = 10.0

    def __init__(self, bar: bool) -> None:
        self._use_bar = bar
        self._bar: Any = None
        self._source = ""
        self._said_at = 0.0

    def __call__(self, source: str, done: int, total: int) -> None:
        from tqdm import tqdm

        from index.ingest import EMBED_BATCH_CHUNKS

        if total <= EMBED_BATCH_CHUNKS:
            return
        if source != self._source:
            self.close()
            self._source, self._said_at = source, time.monotonic()
            name = printable(Path(source).name)
            if self._use_bar:
                self._bar = tqdm(
                    total=total, unit="chunk", desc=name, leave=False, position=1, file=sys.stderr
                )
            else:
                click.echo(f"ingesting {name}: {total} chunks to embed", err=True)
        if self._bar is not None:
            self._bar.update(done - self._bar.n)
        elif time.monotonic() - self._said_at >= self._QUIET_EVERY_S or done == total:
            self._said_at = time.monotonic()
            click.echo(f"  {done} of {total} chunks embedded", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@cli.command()
@index_dir_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question and line.")
@click.option("--explain", is_flag=True, help="Also print the confidence and why the lead won.")
@click.argument("questions", nargs=-1, required=True)
def ask(index_dir: Path | None, as_json: bool, explain: bool, questions: tuple[str, ...]) -> None:
    """Answer one or more QUESTIONS, in order, each with its cited sources."""
    answerer = _indexed(_services(index_dir)).answerer
    for i, question in enumerate(questions):
        answer = answerer.ask(question)
        if as_json:
            click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
            continue
        if i:
            click.echo()
        click.echo(render_answer(answer))
        if explain:
            sure = "n/a" if answer.confidence is None else f"{answer.confidence:.2f}"
            click.echo(f"confidence: {sure}; engine: {answer.engine}")
            for reason in answer.why:
                click.echo(f"  why: {reason}")


@cli.command()
@index_dir_option
def sources(index_dir: Path | None) -> None:
    """List the indexed articles: title, trials, chunks and source."""
    services = _services(index_dir)
    click.echo(render_sources(services.store.articles() if services.has_store() else []))


@cli.command()
@index_dir_option
@click.argument("trial")
def show(index_dir: Path | None, trial: str) -> None:
    """A trial's design and key figures, each with the sentence it comes from."""
    from bot.app.factsheet import fact_sheet
    from bot.format.text import render_fact_sheet

    services = _indexed(_services(index_dir))
    sheet = fact_sheet(services.searcher.snapshot(), services.vocabulary, trial)
    if sheet is None:
        raise click.ClickException(f"no indexed article names the trial {trial!r}")
    click.echo(render_fact_sheet(sheet))


@cli.command()
@index_dir_option
@click.argument("endpoint")
@click.argument("trials", nargs=-1)
def compare(index_dir: Path | None, endpoint: str, trials: tuple[str, ...]) -> None:
    """One ENDPOINT (ORR, PFS, OS, HR, ...) across trials: one row per trial and arm, cited."""
    from bot.app.factsheet import compare as compare_endpoint
    from bot.format.text import render_comparison

    services = _indexed(_services(index_dir))
    snap = services.searcher.snapshot()
    click.echo(
        render_comparison(compare_endpoint(snap, services.vocabulary, endpoint, list(trials)))
    )


@cli.command("eval")
@index_dir_option
@click.option("--json", "as_json", is_flag=True, help="One JSON summary with per-question results.")
@click.option(
    "--min-accuracy",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    metavar="X",
    help="Quality gate: exit 1 if accuracy is below X (0 to 1) or any answer is ungrounded.",
)
@click.argument("questions_file", type=click.Path(dir_okay=False, path_type=Path))
def eval_questions(
    index_dir: Path | None, as_json: bool, min_accuracy: float | None, questions_file: Path
) -> None:
    """Ask every question of QUESTIONS_FILE; print the misses, accuracy, grounding and latency.

    \b
    QUESTIONS_FILE is YAML, or JSON of the same shape (by its .json suffix):
      questions:
        - id: orca7-orr-2l                  # unique
          question: "ORR for zemplitinib in the 2L subgroup?"
          expect: ["41.0%"]                  # any one of these, verbatim
        - id: orca7-intracranial
          question: "Intracranial ORR in ORCA-7?"
          not_found: true                    # the answer must be Not found

    An answer is correct when an expected figure is in its first line and in a cited quote.
    The summary counts answers correct and grounded, correct abstentions, wrong answers, wrong
    abstentions, answers with a figure in none of their citations (must be 0), and the warm
    answer latency (median, p95). Exit status 0 whatever the accuracy, unless --min-accuracy
    is given; 1 for a missing or malformed file.
    """
    from bot.app.evaluation import evaluate, load_questions
    from bot.format.evaluation import render_report

    questions = load_questions(questions_file)
    services = _indexed(_services(index_dir))
    report = evaluate(services.answerer, questions)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        click.echo(render_report(report))
    if min_accuracy is not None and (report.accuracy < min_accuracy or report.ungrounded):
        raise click.ClickException(
            f"quality gate failed: accuracy {report.accuracy:.1%} (minimum {min_accuracy:.1%}), "
            f"{report.ungrounded} ungrounded answers"
        )


@cli.group()
def serve() -> None:
    """Run trialbot on a chat surface."""


@serve.command("slack")
@index_dir_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="HTTP mode port (default: $TRIALBOT_SLACK_PORT or 3000).",
)
def serve_slack(index_dir: Path | None, port: int | None) -> None:
    """Answer in Slack: mentions, DMs, thread follow-ups and /trials.

    Socket Mode when TRIALBOT_SLACK_APP_TOKEN is set (no public URL needed); otherwise HTTP
    mode on --port, requests at /slack/events, verified with TRIALBOT_SLACK_SIGNING_SECRET.
    Needs TRIALBOT_SLACK_BOT_TOKEN in both modes. See deploy/slack/manifest.yaml.
    """
    from bot.slack.server import serve as serve_app

    services = _services(index_dir)
    if port is not None:
        services.settings.slack.port = port
    bot_log = logging.getLogger("bot")
    bot_log.setLevel(min(logging.INFO, logging.getLogger().level))  # a server says what it does
    serve_app(services.settings, services, on_ready=lambda: _start_digest_schedule(services))


@serve.command("teams")
@index_dir_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to listen on (default: $TRIALBOT_TEAMS_PORT or 3978).",
)
def serve_teams(index_dir: Path | None, port: int | None) -> None:
    """Answer in Microsoft Teams: personal chats and channel @mentions, with Adaptive Cards.

    Azure Bot Service posts to /api/messages (probes: /healthz, /readyz). Requests must carry a
    Bot Framework token for TRIALBOT_TEAMS_APP_ID; the bot answers with that app's secret
    (TRIALBOT_TEAMS_APP_PASSWORD) in TRIALBOT_TEAMS_TENANT_ID. TRIALBOT_TEAMS_ALLOW_ANONYMOUS=true
    accepts requests without a token: local development only. See deploy/teams/manifest.json.
    """
    from bot.teams.server import serve as serve_app

    services = _services(index_dir)
    if port is not None:
        services.settings.teams.port = port
    bot_log = logging.getLogger("bot")
    bot_log.setLevel(min(logging.INFO, logging.getLogger().level))  # a server says what it does
    serve_app(services.settings, services, on_ready=lambda: _start_digest_schedule(services))


@serve.command("mcp")
@index_dir_option
@click.option(
    "--transport",
    type=click.Choice(["stdio", "http"]),
    default="stdio",
    show_default=True,
    help="stdio (a desktop AI client starts trialbot) or http (streamable HTTP, for a team).",
)
@click.option(
    "--host", default=None, help="HTTP: address (default: $TRIALBOT_MCP_HOST or 127.0.0.1)."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="HTTP: port (default: $TRIALBOT_MCP_PORT or 8765).",
)
def serve_mcp(index_dir: Path | None, transport: str, host: str | None, port: int | None) -> None:
    """Serve the index to MCP clients: tools ask, search, fetch, show_trial, compare.

    stdio by default, for a desktop AI client that starts this command. --transport http serves
    streamable HTTP at http://HOST:PORT/mcp; every request must carry
    'Authorization: Bearer $TRIALBOT_MCP_TOKEN', and it refuses to start without that token.
    """
    from bot.mcp.knowledge import TrialKnowledge
    from bot.mcp.server import serve as serve_app

    services = _services(index_dir)
    mcp = services.settings.mcp
    if host is not None:
        mcp.host = host
    if port is not None:
        mcp.port = port
    if transport == "http" and (mcp.token is None or not mcp.token.get_secret_value().strip()):
        raise click.ClickException(
            "the HTTP transport needs a bearer token: set TRIALBOT_MCP_TOKEN (a long random "
            "string, e.g. from: python -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    _indexed(services)
    knowledge = TrialKnowledge(services, search_results=mcp.search_results)
    if transport == "http":
        log.info("MCP over streamable HTTP at http://%s:%s%s", mcp.host, mcp.port, mcp.path)
    serve_app(knowledge, mcp, "http" if transport == "http" else "stdio")


@cli.group()
def feeds() -> None:
    """RSS/Atom subscriptions: `trialbot poll` ingests their new articles."""


def _feed_store(index_dir: Path | None):  # type: ignore[no-untyped-def]
    from bot.feeds.store import FeedStore

    return FeedStore(_services(index_dir).state)


@feeds.command("add")
@index_dir_option
@click.argument("urls", nargs=-1, required=True)
def feeds_add(index_dir: Path | None, urls: tuple[str, ...]) -> None:
    """Subscribe to one or more feed URLs (RSS or Atom).

    A URL that cannot be fetched (not http(s), a malformed host) is refused with the reason;
    the others are subscribed. Exits non-zero when any was refused.
    """
    from bot.infra.errors import FeedError

    store = _feed_store(index_dir)
    refused = 0
    for url in urls:
        try:
            added = store.add(url)
        except FeedError as exc:
            refused += 1
            click.echo(f"error: {exc}", err=True)
            continue
        click.echo(("subscribed: " if added else "already subscribed: ") + url.strip())
    if refused:
        raise click.ClickException(f"{refused} of {len(urls)} feed URLs were refused")


@feeds.command("list")
@index_dir_option
def feeds_list(index_dir: Path | None) -> None:
    """The subscribed feeds and how their last poll went."""
    from bot.format.feeds import render_feeds

    click.echo(render_feeds(_feed_store(index_dir).feeds()))


@feeds.command("remove")
@index_dir_option
@click.argument("url")
def feeds_remove(index_dir: Path | None, url: str) -> None:
    """Unsubscribe from a feed (its articles stay in the index)."""
    if not _feed_store(index_dir).remove(url):
        raise click.ClickException(f"not subscribed: {url}")
    click.echo(f"unsubscribed: {url}")


@cli.command()
@index_dir_option
def poll(index_dir: Path | None) -> None:
    """Fetch every subscribed feed and ingest the items not seen yet.

    Safe to run from cron: an item is recorded only once its article is indexed, and a poll
    running while another writes the index ingests nothing. A feed that is down, slow, answers
    an error or is not valid RSS/Atom is reported and skipped; the next poll tries again.
    Exits non-zero when a feed or an item failed.
    """
    from bot.feeds.poll import FeedPoller
    from bot.format.feeds import render_poll

    report = FeedPoller.from_services(_services(index_dir)).poll()
    out, err = render_poll(report)
    for line in out:
        click.echo(line)
    for line in err:
        click.echo(line, err=True)
    if not report.ok:
        failed = len(report.failed_feeds)
        raise click.ClickException(
            f"{failed} of {len(report.feeds)} feeds and {len(report.failed_items)} items failed"
        )


@cli.command()
@index_dir_option
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="Start of the period (UTC) instead of the last digest; articles never repeat.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be posted; record nothing.")
@click.option(
    "--post",
    "target",
    default=None,
    metavar="TARGET",
    help=(
        "slack:#channel, slack:C0123ABC or teams:CONVERSATION "
        "(default: print it here, as its own target)."
    ),
)
def digest(
    index_dir: Path | None, since: datetime | None, dry_run: bool, target: str | None
) -> None:
    """The articles new since the last digest: title, trials, key figures with quotes, link.

    Every article appears in exactly one digest per TARGET. A digest that cannot be posted is
    kept and posted again, unchanged, by the next run (exit status 1 until then).
    """
    from bot.digest.render import render_text
    from bot.digest.run import DigestRunner
    from bot.surfaces import register_digest_posters

    register_digest_posters()
    services = _services(index_dir)
    runner = DigestRunner.from_services(services, target or "stdout")
    since_iso = since.isoformat() if since else None
    if dry_run:
        digests = runner.preview(since=since_iso)
        for i, d in enumerate(digests):
            click.echo(("\n" if i else "") + render_text(d))
        if not digests:
            click.echo("Nothing new: no digest would be posted.")
        return
    report = runner.run(since=since_iso)
    if not report.outcomes:
        click.echo("Nothing new: no digest posted.", err=target is None)
    for o in report.outcomes:
        if o.status == "failed":
            click.echo(f"error: {o.error}", err=True)
        elif target:
            count = len(o.digest.entries)
            said = f"{count} article{'s' if count != 1 else ''}"
            click.echo(f"{o.status} to {runner.target}: {said} ({o.message_id})")
    if not report.ok:
        raise click.ClickException("the digest was not posted; the next run posts it")


@cli.command("feedback")
@index_dir_option
@click.option("--json", "as_json", is_flag=True, help="Export: one JSON object per click and line.")
@click.option(
    "--rating",
    type=click.Choice(["helpful", "not_helpful"]),
    default=None,
    help="Only the clicks of this rating.",
)
def feedback_list(index_dir: Path | None, as_json: bool, rating: str | None) -> None:
    """The ratings people gave answers in chat, oldest first: when, who, where, the question,
    the answer and the sources it cited."""
    from dataclasses import asdict

    from bot.app.feedback import open_feedback_store

    services = _services(index_dir)
    found = open_feedback_store(services.settings, services.state).read()
    for f in found:
        if rating and f.rating != rating:
            continue
        if as_json:
            click.echo(json.dumps(asdict(f), ensure_ascii=False))
            continue
        click.echo(f"{f.at}  {f.rating}  {f.surface} {f.user} in {f.conversation}")
        click.echo(f"  Q: {printable(f.question)}")
        if f.answer:
            click.echo(f"  A: {printable(f.answer.splitlines()[0])}")
        for c in f.citations:
            click.echo(f"  [{c.get('n')}] {printable(str(c.get('title', '')))}")
    if not found and not as_json:
        click.echo("no feedback recorded yet")


@cli.group()
def state() -> None:
    """trialbot's state: feeds, items seen, the digest ledger (SQLite beside the index, or the
    PostgreSQL of TRIALBOT_STATE_URL)."""


@state.command("migrate")
@index_dir_option
def state_migrate(index_dir: Path | None) -> None:
    """Create the state, or bring its schema to this trialbot's version. Safe to run again:
    each migration is applied once (trialbot also migrates whenever it opens the state)."""
    from bot.state import open_state

    opened = open_state(_services(index_dir).settings)
    click.echo(f"state at schema version {opened.schema_version()}: {opened.describe()}")


@state.command("copy")
@index_dir_option
@click.option(
    "--from",
    "source",
    required=True,
    metavar="sqlite:PATH",
    help="The SQLite state file to copy (trialbot-state.sqlite3 of the old index directory).",
)
@click.option(
    "--to",
    "target",
    default=None,
    metavar="URL",
    help="The PostgreSQL state to fill (default: $TRIALBOT_STATE_URL).",
)
def state_copy(index_dir: Path | None, source: str, target: str | None) -> None:
    """Copy a single-host state into a new PostgreSQL state, every row in one transaction.

    Also copies the files beside the state file: Teams conversations, the Slack feedback log
    and handled events. The source is only read; the target must hold no state yet.
    """
    from bot.state import open_state_url
    from bot.state.copy import copy_state

    if not source.startswith("sqlite:"):
        raise click.BadParameter("give the SQLite state as sqlite:PATH", param_hint="--from")
    settings = _services(index_dir).settings
    url = target or (settings.state.url.get_secret_value() if settings.state.url else None)
    if not url:
        raise click.UsageError("give the PostgreSQL state with --to URL or TRIALBOT_STATE_URL")
    into = open_state_url(url)
    copied = copy_state(Path(source.removeprefix("sqlite:")), into)
    rows = ", ".join(f"{n} {table}" for table, n in copied.items())
    click.echo(f"copied into {into.describe()}: {rows}")


@cli.group()
def teams() -> None:
    """The Teams bot's stored state."""


@teams.command("conversations")
@index_dir_option
def teams_conversations(index_dir: Path | None) -> None:
    """The chats and channels the Teams bot can post to (digest targets: teams:ID)."""
    from bot.teams.conversations import FILE, open_conversations

    settings = _services(index_dir).settings
    exists = settings.state.url or (settings.index.dir / FILE).exists()
    stored = open_conversations(settings).all() if exists else []
    if not stored:
        click.echo("No Teams conversation yet: install the bot in a team or chat with it first.")
    for c in stored:
        click.echo(f"{c.id}\t{c.kind}\t{c.name or '-'}")


def main() -> None:
    """Entry point: user errors become one clear line and exit status 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except ArticleError as exc:
        click.echo(f"error: {printable(exc.source)}: {exc.reason}", err=True)
        sys.exit(1)
    except TrialbotError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
