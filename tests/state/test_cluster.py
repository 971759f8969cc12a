"""A cluster in miniature: a PostgreSQL state, a Chroma server, and trialbot processes in two
working directories that share no file. Each feed item is ingested once and each article posted
once, however many processes poll and post at the same moment."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.state import STATE_FILE
from tests.chroma_server import ChromaServer
from tests.conftest import MODEL_CACHE
from tests.feeds.site import BRISTLE3, KESTREL12, ORCA7, NewsSite
from tests.slack.fake_slack import FakeSlack

DRUGS = {ORCA7: "Zemplitinib", BRISTLE3: "Lumadostat", KESTREL12: "Ravoclimab"}


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    with ChromaServer(tmp_path_factory.mktemp("chroma")) as server:
        yield server


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture
def news() -> Iterator[NewsSite]:
    site = NewsSite()
    yield site
    site.stop()


class Host:
    """A working directory of its own, like a pod: its own index dir, nothing shared on disk."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(folder),
            "TRIALBOT_INDEX_DIR": str(folder / "index"),
            "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
            **env,
        }

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", "from bot.cli import main; main()", *args],
            cwd=self.folder,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return finish(self.start(*args))


def finish(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    out, err = process.communicate(timeout=300)
    assert "Traceback" not in err, err
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def cluster_env(pg_url: str, chroma: ChromaServer, fake: FakeSlack, index: str) -> dict[str, str]:
    return {
        "TRIALBOT_STATE_URL": pg_url,
        "TRIALBOT_CHROMA_URL": chroma.url,
        "TRIALBOT_INDEX_COLLECTION": index,  # a collection of its own per test
        "TRIALBOT_FETCH_ALLOW_PRIVATE": "true",  # the news site is on 127.0.0.1
        "TRIALBOT_FETCH_TIMEOUT_S": "5",
        "TRIALBOT_SLACK_BOT_TOKEN": fake.token,
        "TRIALBOT_SLACK_API_BASE_URL": fake.base_url,
    }


def test_two_hosts_share_feeds_polls_and_digests(
    tmp_path: Path, pg_url: str, chroma: ChromaServer, fake: FakeSlack, news: NewsSite
):
    env = cluster_env(pg_url, chroma, fake, "clustercli")
    a, b = Host(tmp_path / "a", env), Host(tmp_path / "b", env)

    assert a.run("feeds", "add", news.url("/feed.xml")).returncode == 0
    assert news.url("/feed.xml") in b.run("feeds", "list").stdout, "B sees A's subscription"

    for name in DRUGS:
        news.publish(name)
    polls = [finish(p) for p in (a.start("poll"), b.start("poll"))]  # at the same time
    assert [p.returncode for p in polls] == [0, 0], [p.stderr for p in polls]
    lines = [line.strip() for p in polls for line in p.stdout.splitlines()]
    added = [line.split(" (")[0] for line in lines if line.startswith("added: ")]
    assert sorted(added) == sorted(f"added: {news.article_url(n)}" for n in DRUGS), lines
    assert "0 new items" in b.run("poll").stdout

    dry_a, dry_b = a.run("digest", "--dry-run"), b.run("digest", "--dry-run")
    assert dry_a.returncode == dry_b.returncode == 0
    assert "Trial news: 3 new articles" in dry_b.stdout
    assert dry_a.stdout == dry_b.stdout, "one index, one ledger"

    posts = (
        [finish(p) for p in (a.start(*post), b.start(*post))]
        if (post := ("digest", "--post", "slack:CCLUSTER01"))
        else []
    )
    text = " ".join(m["text"] for m in fake.posted("CCLUSTER01"))
    assert all(text.count(drug) == 1 for drug in DRUGS.values()), text
    assert len(fake.posted("CCLUSTER01")) == 1
    winner = [p for p in posts if p.stdout.startswith("posted to slack:CCLUSTER01: 3 articles")]
    assert len(winner) == 1, [(p.stdout, p.stderr) for p in posts]
    (other,) = [p for p in posts if p is not winner[0]]
    assert "in progress" in other.stderr or "Nothing new" in other.stdout + other.stderr

    again = b.run("digest", "--post", "slack:CCLUSTER01")
    assert again.returncode == 0 and "Nothing new" in again.stdout + again.stderr
    assert len(fake.posted("CCLUSTER01")) == 1
    assert not list(tmp_path.rglob(STATE_FILE)), "no state file on any host"


def _digest_at_the_same_moment(env: dict[str, str], start: Any, results: Any) -> None:
    """A digest run in a process of its own, released with the others by ``start``."""
    os.environ.update(env)
    from bot.app.services import Services
    from bot.digest.run import DigestRunner
    from bot.infra.errors import DigestBusyError
    from bot.infra.settings import Settings
    from bot.surfaces import register_digest_posters

    register_digest_posters()  # a process of its own: wired as the CLI wires it
    runner = DigestRunner.from_services(Services(Settings()), "slack:CSAMETIME")
    runner.preview()  # the model loaded and the index read before the start
    start.wait()
    try:
        report = runner.run()
        results.put([(o.status, len(o.digest.entries)) for o in report.outcomes])
    except DigestBusyError:
        results.put("busy")


def test_two_runners_in_two_processes_post_each_article_once(
    tmp_path: Path, pg_url: str, chroma: ChromaServer, fake: FakeSlack, news: NewsSite
):
    env = cluster_env(pg_url, chroma, fake, "clustermp")
    hosts = [Host(tmp_path / name, env) for name in ("a", "b")]
    assert hosts[0].run("feeds", "add", news.url("/feed.xml")).returncode == 0
    for name in DRUGS:
        news.publish(name)
    assert hosts[0].run("poll").returncode == 0

    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(2), spawn.Queue()
    processes = [
        spawn.Process(target=_digest_at_the_same_moment, args=(h.env, start, results))
        for h in hosts
    ]
    for p in processes:
        p.start()
    outcomes = [results.get(timeout=300) for _ in processes]
    for p in processes:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sorted(map(str, outcomes)) == sorted(map(str, ["busy", [("posted", 3)]])) or sorted(
        map(str, outcomes)
    ) == sorted(map(str, [[], [("posted", 3)]]))
    (posted,) = fake.posted("CSAMETIME")
    assert all(posted["text"].count(drug) == 1 for drug in DRUGS.values())
