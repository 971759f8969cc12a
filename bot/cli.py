"""The trialbot command line."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from bot.errors import TrialbotError
from bot.format.text import render_answer, render_sources
from bot.services import Services
from bot.settings import Settings

log = logging.getLogger("trialbot")


def _services(index_dir: Path | None) -> Services:
    settings = Settings()
    if index_dir is not None:
        settings.index.dir = index_dir
    return Services(settings)


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


@cli.command()
@index_dir_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a TTY).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(index_dir: Path | None, progress: bool | None, paths: tuple[Path, ...]) -> None:
    """Add article files or folders (.txt, .md, .html, .pdf) to the index.

    Re-ingesting an unchanged article adds nothing; a changed file replaces its old version.
    Exits non-zero when any file could not be ingested.
    """
    from tqdm import tqdm

    from index.loaders import find_article_files

    services = _services(index_dir)
    files = find_article_files(list(paths))
    if not files:
        raise click.ClickException("no article files found in the given paths")
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    with tqdm(total=len(files), unit="file", disable=not show, file=sys.stderr) as bar:

        def report(result) -> None:  # type: ignore[no-untyped-def]
            nonlocal failed
            bar.update(1)
            if result.status == "failed":
                failed += 1
                tqdm.write(f"error: {result.source}: {result.error}", file=sys.stderr)
            else:
                tqdm.write(f"{result.status}: {result.source} ({result.chunks} chunks)")

        with services.ingestor() as ingestor:
            ingestor.ingest_paths(files, on_file=report)
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} files could not be ingested")


@cli.command()
@index_dir_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question and line.")
@click.argument("questions", nargs=-1, required=True)
def ask(index_dir: Path | None, as_json: bool, questions: tuple[str, ...]) -> None:
    """Answer one or more QUESTIONS, in order, each with its cited sources."""
    answerer = _services(index_dir).answerer
    for i, question in enumerate(questions):
        answer = answerer.ask(question)
        if as_json:
            click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
        else:
            if i:
                click.echo()
            click.echo(render_answer(answer))


@cli.command()
@index_dir_option
def sources(index_dir: Path | None) -> None:
    """List the indexed articles: title, trials, chunks and source."""
    click.echo(render_sources(_services(index_dir).store.articles()))


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
    serve_app(services.settings, services)


def main() -> None:
    """Entry point: user errors become one clear line and exit status 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except TrialbotError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
