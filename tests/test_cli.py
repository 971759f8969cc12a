"""The console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import MODEL_CACHE, SEEDS, seed_files


def run(
    *args: str, index: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={
            "TRIALBOT_INDEX_DIR": str(index),
            "PATH": "/usr/bin:/bin",
            "HOME": str(index),
            "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
            **(env or {}),
        },
        timeout=300,
    )


def test_ingest_ask_json_and_sources(tmp_path: Path):
    index = tmp_path / "idx"
    seed_files()
    ingested = run("ingest", *map(str, sorted(SEEDS.glob("*.txt"))), index=index)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.count("added:") == 2

    asked = run(
        "ask",
        "--json",
        "What was the DCR with I-DXd in the second-line setting?",
        "What was the ORR with sotorasib in CodeBreaK 200?",
        index=index,
    )
    assert asked.returncode == 0, asked.stderr
    first, second = (json.loads(line) for line in asked.stdout.splitlines())
    assert first["status"] == "answered" and "96.9%" in first["answer"]
    assert "96.9%" in first["citations"][0]["quote"]
    assert set(first) == {"question", "status", "answer", "citations", "engine", "elapsed_ms"}
    assert set(first["citations"][0]) == {"n", "title", "source", "quote"}
    assert second["status"] == "not_found" and second["citations"]

    listed = run("sources", index=index)
    assert "IDeate-Lung01" in listed.stdout and "IMforte" in listed.stdout


def test_ingest_exits_non_zero_when_a_file_fails(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    good = tmp_path / "good.txt"
    good.write_text("Some trial news\nThe phase 2 BETA-2 study reported an ORR of 20.5% overall.")
    result = run("ingest", str(bad), str(good), index=tmp_path / "idx")
    assert result.returncode == 1
    assert "bad.pdf" in result.stderr and "not a readable PDF" in result.stderr
    assert "added:" in result.stdout
    assert "Traceback" not in result.stderr


def test_serve_slack_without_a_token_says_what_to_set(tmp_path: Path, monkeypatch, capsys):
    import pytest

    from bot.cli import main

    monkeypatch.delenv("TRIALBOT_SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setattr(sys, "argv", ["trialbot", "serve", "slack", "--port", "3999"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1
    assert "TRIALBOT_SLACK_BOT_TOKEN is not set" in capsys.readouterr().err


def test_feeds_poll_ingest_url_and_digest(tmp_path: Path):
    """Subscribe, poll (a failing feed reported, the other ingested), ingest a page by URL, then
    digest: the dry run, the digest itself (printed), and nothing new after."""
    from tests.feeds.site import KESTREL12, ORCA7, NewsSite

    site = NewsSite()
    env = {
        "TRIALBOT_FETCH_ALLOW_PRIVATE": "true",  # the news site is on 127.0.0.1
        "TRIALBOT_FETCH_TIMEOUT_S": "2",
    }
    index = tmp_path / "idx"

    def trialbot(*args: str) -> subprocess.CompletedProcess[str]:
        done = run(*args, index=index, env=env)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    try:
        site.publish(ORCA7)
        added = trialbot("feeds", "add", site.url("/feed.xml"), site.url("/error.xml"))
        assert added.returncode == 0 and added.stdout.count("subscribed: ") == 2
        assert "not polled yet" in trialbot("feeds", "list").stdout

        polled = trialbot("poll")
        assert polled.returncode == 1
        assert f"added: {site.article_url(ORCA7)}" in polled.stdout
        assert f"error: feed {site.url('/error.xml')}: the site answered HTTP 500" in (
            polled.stderr
        )
        assert "failed: HTTP 500" not in trialbot("feeds", "list").stdout
        assert trialbot("feeds", "remove", site.url("/error.xml")).returncode == 0
        assert "not subscribed" in trialbot("feeds", "remove", site.url("/error.xml")).stderr
        again = trialbot("poll")
        assert again.returncode == 0 and "0 new items" in again.stdout

        ingested = trialbot("ingest", site.article_url(KESTREL12), site.url("/articles/gone.html"))
        assert ingested.returncode == 1
        assert f"added: {site.article_url(KESTREL12)}" in ingested.stdout
        assert "gone.html: the site answered HTTP 404" in ingested.stderr

        dry = trialbot("digest", "--dry-run")
        assert dry.returncode == 0
        assert "Trial news: 2 new articles" in dry.stdout
        assert "Trial: ORCA-7" in dry.stdout and "41.2%" in dry.stdout
        assert "Trial: KESTREL-12" in dry.stdout and "57.4%" in dry.stdout
        printed = trialbot("digest")
        assert printed.returncode == 0 and printed.stdout == dry.stdout, "the dry run was exact"
        nothing = trialbot("digest")
        assert nothing.returncode == 0 and "Nothing new" in nothing.stderr

        unknown = trialbot("digest", "--post", "pigeon:loft")
        assert unknown.returncode == 1 and "unknown digest target 'pigeon:loft'" in unknown.stderr
    finally:
        site.stop()


def test_digest_post_to_slack(tmp_path: Path, monkeypatch, capsys, embedder):
    """``digest --post slack:CHANNEL`` in-process (sharing the loaded model): posted once, then
    a failing Slack is reported with exit status 1 and the digest kept for the next run."""
    from bot import cli
    from bot.settings import SlackSettings
    from tests.feeds.site import BRISTLE3, ORCA7, NewsSite, publish_and_poll, site_services
    from tests.slack.fake_slack import FakeSlack

    site, fake = NewsSite(), FakeSlack()
    services = site_services(tmp_path / "idx", embedder)
    services.settings.slack = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url)
    monkeypatch.setattr(cli, "_services", lambda index_dir: services)

    def trialbot(*args: str) -> int:
        monkeypatch.setattr(sys, "argv", ["trialbot", *args])
        try:
            cli.main()
        except SystemExit as exc:
            return int(exc.code or 0)
        return 0

    try:
        publish_and_poll(site, services, ORCA7)
        assert trialbot("digest", "--post", "slack:CDIGEST01") == 0
        assert capsys.readouterr().out.startswith("posted to slack:CDIGEST01: 1 article ")
        (message,) = fake.posted("CDIGEST01")
        assert "Zemplitinib" in message["text"]

        publish_and_poll(site, services, BRISTLE3)
        fake.fail("chat.postMessage", status=500)
        assert trialbot("digest", "--post", "slack:CDIGEST01") == 1
        err = capsys.readouterr().err
        assert "Slack did not take the digest" in err and "the next run posts it" in err
        assert trialbot("digest", "--post", "slack:CDIGEST01") == 0
        assert capsys.readouterr().out.startswith("posted to slack:CDIGEST01: 1 article ")
        assert [("Lumadostat" in m["text"]) for m in fake.posted("CDIGEST01")] == [False, True]
    finally:
        site.stop()
        fake.stop()
