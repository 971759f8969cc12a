"""The console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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
    assert set(first) == {
        "question",
        "status",
        "answer",
        "citations",
        "engine",
        "confidence",
        "why",
        "elapsed_ms",
    }
    assert 0.0 <= first["confidence"] <= 1.0
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


@pytest.mark.parametrize("surface", ["slack", "teams"])
def test_serve_starts_the_digest_schedule_when_the_server_is_ready(surface: str, monkeypatch):
    """The servers know no digest: ``serve`` hands them the start of the schedule, which they
    run once their app is built (settings checked), with every surface's poster registered."""
    import importlib

    from bot import cli
    from bot.digest import post, schedule

    server = importlib.import_module(f"bot.{surface}.server")
    started: list[object] = []
    monkeypatch.setattr(post, "POSTERS", post.PosterRegistry())
    monkeypatch.setattr(schedule, "start_schedule", started.append)

    def serve(settings: object, services: object, *, on_ready: Any = None) -> None:
        assert not started, "the schedule starts when the server says it is ready"
        on_ready()

    monkeypatch.setattr(server, "serve", serve)
    monkeypatch.setattr(sys, "argv", ["trialbot", "serve", surface, "--port", "3999"])
    cli.main()
    assert len(started) == 1
    assert post.POSTERS.kinds() == ["slack", "teams"]


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
    from bot.infra.settings import SlackSettings
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


def test_a_poisoned_feed_and_malformed_urls_beside_good_ones(tmp_path: Path):
    """A feed whose items are a PDF bomb and a link with an invalid host, beside a good one: the
    good article is answerable after each of three polls, each exits 1 naming the bad items,
    and no output holds a traceback. Malformed URLs given to ``feeds add`` and ``ingest`` are
    refused one line each while the good one in the same call goes through."""
    from tests.feeds.pdf_bomb import pdf_bomb
    from tests.feeds.site import KESTREL12, ORCA7, NewsSite

    site = NewsSite()
    env = {"TRIALBOT_FETCH_ALLOW_PRIVATE": "true", "TRIALBOT_FETCH_TIMEOUT_S": "2"}
    index = tmp_path / "idx"

    def trialbot(*args: str) -> subprocess.CompletedProcess[str]:
        done = run(*args, index=index, env=env)
        assert "Traceback" not in done.stdout + done.stderr, done.stderr
        return done

    try:
        bomb = site.serve("/bomb.pdf", "application/pdf", pdf_bomb())
        site.publish_link(bomb, "A PDF bomb")
        site.publish_link("http://999.1.1.1/x", "An invalid host")
        site.publish(ORCA7)
        added = trialbot("feeds", "add", "http://[::1", site.url("/feed.xml"), "http://0177.0.0.1/")
        assert added.returncode == 1
        assert added.stdout.splitlines() == [f"subscribed: {site.url('/feed.xml')}"]
        assert "http://[::1: not a valid URL" in added.stderr
        assert "http://0177.0.0.1/: invalid host '0177.0.0.1'" in added.stderr

        for _ in range(3):
            polled = trialbot("poll")
            assert polled.returncode == 1, polled.stderr
            assert f"error: {bomb}: " in polled.stderr
            assert "error: http://999.1.1.1/x: invalid host '999.1.1.1'" in polled.stderr
            assert site.article_url(ORCA7) in trialbot("sources").stdout
            asked = trialbot("ask", "What was the ORR with zemplitinib in ORCA-7?")
            assert "41.2%" in asked.stdout

        ingested = trialbot(
            "ingest", "http://999.1.1.1/", "http://[::1", site.article_url(KESTREL12)
        )
        assert ingested.returncode == 1
        assert f"added: {site.article_url(KESTREL12)}" in ingested.stdout
        assert "error: http://999.1.1.1/: invalid host '999.1.1.1'" in ingested.stderr
        assert "error: http://[::1: not a valid URL" in ingested.stderr
    finally:
        site.stop()


GOOD_ARTICLE = (
    "Drug Y extends survival in the BETA-3 trial\n"
    "In the phase 3 BETA-3 trial, median overall survival was 21.4 months with drug Y "
    "versus 16.2 months with placebo in 640 patients.\n"
)


def no_traceback(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    for said in (done.stdout, done.stderr):
        assert "Traceback" not in said and "panicked" not in said, said
    return done


def test_a_pdf_bomb_beside_a_good_file(tmp_path: Path):
    from tests.index.test_loaders import write_pdf_bomb

    index = tmp_path / "idx"
    write_pdf_bomb(tmp_path / "bomb.pdf")
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE)
    done = no_traceback(
        run("ingest", str(tmp_path / "bomb.pdf"), str(tmp_path / "good.txt"), index=index)
    )
    assert done.returncode == 1
    assert f"error: {tmp_path / 'bomb.pdf'}: not read: " in done.stderr
    assert "decompression limit" in done.stderr
    assert f"added: {tmp_path / 'good.txt'}" in done.stdout
    asked = no_traceback(run("ask", "What was the median OS with drug Y in BETA-3?", index=index))
    assert asked.returncode == 0 and "21.4 months" in asked.stdout


def _damage(database: Path, how: str) -> None:
    if how == "emptied":
        database.write_bytes(b"")
    else:  # garbled: the page Chroma reads first, which made it panic
        data = bytearray(database.read_bytes())
        data[4096:8192] = bytes((i * 97 + 13) % 256 for i in range(4096))
        database.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["emptied", "garbled"])
def test_a_damaged_index_is_one_clear_error_from_ask_sources_and_ingest(tmp_path: Path, how: str):
    index = tmp_path / "idx"
    good = tmp_path / "good.txt"
    good.write_text(GOOD_ARTICLE)
    assert run("ingest", str(good), index=index).returncode == 0
    database = index / "chroma" / "chroma.sqlite3"
    _damage(database, how)
    damaged = database.read_bytes()
    (tmp_path / "other.txt").write_text(GOOD_ARTICLE.replace("21.4", "22.5"))
    for args in (
        ("ask", "What was the median OS in BETA-3?"),
        ("sources",),
        ("ingest", str(tmp_path / "other.txt")),
    ):
        done = no_traceback(run(*args, index=index))
        assert done.returncode == 1, (args, done.stdout)
        assert done.stdout == "", args
        [line] = done.stderr.splitlines()
        assert line.startswith(f"error: the index file {database} is "), line
        assert "backup" in line and "trialbot ingest" in line
        assert ("is empty (0 bytes)" if how == "emptied" else "is damaged (") in line
    assert database.read_bytes() == damaged  # no new index started over it


def test_a_write_lock_directory_is_a_clear_error(tmp_path: Path):
    index = tmp_path / "idx"
    (index / "write.lock").mkdir(parents=True)
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE)
    done = no_traceback(run("ingest", str(tmp_path / "good.txt"), index=index))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: the write lock {index / 'write.lock'} is a directory, not a file; "
        "remove it and try again"
    ]


def test_ask_on_a_missing_or_empty_index_says_how_to_ingest_and_creates_nothing(tmp_path: Path):
    missing, empty = tmp_path / "missing", tmp_path / "empty"
    empty.mkdir()
    for index in (missing, empty):
        done = no_traceback(run("ask", "What was the ORR?", index=index))
        assert done.returncode == 1
        assert done.stderr.startswith(f"error: no articles indexed in {index}; ")
        assert "trialbot ingest PATH..." in done.stderr
    assert not missing.exists() and list(empty.iterdir()) == []
    # the default index folder (no TRIALBOT_INDEX_DIR) is not created either
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "ask", "What was the ORR?"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
        },
        timeout=300,
    )
    assert done.returncode == 1 and "no articles indexed in" in done.stderr
    assert not (home / ".local" / "share" / "trialbot").exists()
    listed = no_traceback(run("sources", index=missing))
    assert listed.returncode == 0 and not missing.exists()


def test_ingesting_a_folder_says_what_it_skips_and_escapes_names(tmp_path: Path):
    from tests.index.test_loaders import PDF_LINES, PDF_TITLE, write_text_pdf

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "LICENSE").write_text("Permission is hereby granted, free of charge.")
    (folder / "forged\nerror: everything failed.txt").write_text(GOOD_ARTICLE)
    pdf = folder / "alpha1.pdf"
    write_text_pdf(pdf, PDF_TITLE, PDF_LINES)
    data = pdf.read_bytes()  # a startxref pointer off by a few bytes: pypdf warns, then reads it
    at = data.rindex(b"startxref\n") + len(b"startxref\n")
    offset = int(data[at:].split(b"\n")[0])
    pdf.write_bytes(data[:at] + b"%d\n%%%%EOF\n" % (offset + 7))
    index = tmp_path / "idx"

    done = no_traceback(run("ingest", str(folder), index=index))
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert f"skipped: {folder / 'notes.docx'}: unsupported file type '.docx' (use " in done.stdout
    assert f"skipped: {folder / 'LICENSE'}: no file extension" in done.stdout
    assert f"added: {folder}/forged\\nerror: everything failed.txt (" in done.stdout
    assert not any(line.startswith("error:") for line in out)
    assert f"added: {pdf} (" in done.stdout
    assert done.stderr == ""  # pypdf's own warnings stay out of the output

    given = no_traceback(run("ingest", str(folder / "LICENSE"), index=index))
    assert given.returncode == 1
    assert f"error: {folder / 'LICENSE'}: no file extension" in given.stderr
    assert "'none'" not in given.stderr


def test_every_error_line_has_one_style(tmp_path: Path):
    outputs = [
        run("ingest", str(tmp_path / "nothing-here"), index=tmp_path / "idx"),  # a file error
        run("ingest", "--no-such-option", "x", index=tmp_path / "idx"),  # a usage error
        run("feeds", "remove", "http://example.org/feed", index=tmp_path / "idx"),
    ]
    for done in outputs:
        no_traceback(done)
        assert done.returncode != 0
        assert "Error:" not in done.stderr, done.stderr
        assert done.stderr.splitlines()[-1].startswith("error: "), done.stderr
