"""Load run of the Slack surface: N concurrent @mentions through the HTTP endpoint.

    python bench/slack_load.py [--mentions 50] [--retries] [--workers 8]

Starts what the tests start (an index of the seed articles, a loopback fake of Slack's Web API,
the real Bolt app in HTTP mode on 127.0.0.1), sends N signed app_mention events at once, and
prints ack latency (p50, p99), time to answer (until the fake receives chat.postMessage: p50,
p99, max) and the counts: answered, lost, duplicated. ``--retries`` also sends each event again
as Slack's retry (X-Slack-Retry-Num: 1) while the first is being answered.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app.services import Services  # noqa: E402
from bot.infra.settings import Settings  # noqa: E402
from tests.slack.fake_slack import BOT_USER_ID, FakeSlack  # noqa: E402
from tests.slack.harness import SlackSim  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
CHANNEL = "CLOADTEST"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=50)
    parser.add_argument("--retries", action="store_true", help="also send each event's retry")
    parser.add_argument("--workers", type=int, default=8, help="TRIALBOT_SLACK_WORKERS")
    parser.add_argument("--dedupe", choices=["sqlite", "memory"], default="sqlite")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("bm25s").setLevel(logging.WARNING)

    questions = [
        q
        for q in yaml.safe_load((ROOT / "tests/golden/seed_questions.yaml").read_text())[
            "questions"
        ]
        if "expect" in q
    ]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings()
        settings.index.dir = Path(tmp) / "index"
        services = Services(settings)
        started = time.perf_counter()
        with services.ingestor() as ingestor:
            ingestor.ingest_paths(sorted(SEEDS.glob("*.txt")))
        services.searcher.snapshot()
        took = time.perf_counter() - started
        print(f"index: {len(services.store.articles())} seed articles in {took:.1f} s")

        fake = FakeSlack()
        sim = SlackSim(services, fake, workers=args.workers, dedupe=args.dedupe)
        try:
            run(sim, fake, questions, args)
        finally:
            sim.stop()
            fake.stop()


def run(sim: SlackSim, fake: FakeSlack, questions: list[dict], args: argparse.Namespace) -> None:
    n = args.mentions
    mentions = []
    for i in range(n):
        q = questions[i % len(questions)]
        ts = fake.new_ts()
        text = f"<@{BOT_USER_ID}> {q['question']}"
        fake.add_message(CHANNEL, ts, f"UPERSON{i:03d}", text)
        event = {
            "type": "app_mention",
            "user": f"UPERSON{i:03d}",
            "text": text,
            "ts": ts,
            "channel": CHANNEL,
        }
        mentions.append((ts, event, q))

    acks: list[float] = []
    sent_at: dict[str, float] = {}
    statuses: list[int] = []
    lock = threading.Lock()
    gate = threading.Barrier(n)

    def send(item: tuple[str, dict, dict]) -> None:
        ts, event, _ = item
        gate.wait()
        t0 = time.monotonic()
        response, event_id = sim.send_event(event)
        t1 = time.monotonic()
        retry_status = None
        if args.retries:
            retry_status = sim.send_event(event, event_id=event_id, retry_num=1)[0].status_code
        with lock:
            sent_at[ts] = t0
            acks.append((t1 - t0) * 1000)
            statuses.append(response.status_code)
            if retry_status is not None:
                statuses.append(retry_status)

    with ThreadPoolExecutor(n) as pool:
        list(pool.map(send, mentions))

    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        answered = {c.args.get("thread_ts") for c in fake.calls_of("chat.postMessage")}
        if len(answered & sent_at.keys()) == n:
            break
        time.sleep(0.05)
    time.sleep(1.0)  # a duplicate, were there one, would show up now

    posts: dict[str, list] = {}
    for c in fake.calls_of("chat.postMessage", channel=CHANNEL):
        if c.status == 200:
            posts.setdefault(c.args.get("thread_ts"), []).append(c)
    answered_ts = [ts for ts, _, _ in mentions if ts in posts]
    to_answer = [(posts[ts][0].at - sent_at[ts]) * 1000 for ts in answered_ts]
    duplicated = sum(len(posts[ts]) - 1 for ts in answered_ts)
    correct = sum(
        any(e in posts[ts][0].args.get("text", "") for e in q["expect"])
        for ts, _, q in mentions
        if ts in posts
    )
    requests = len(statuses)
    print(
        f"sent: {n} concurrent app_mention events"
        + (f" (+{n} retry deliveries)" if args.retries else "")
        + f", HTTP 200: {statuses.count(200)}/{requests}"
        + f", answer workers: {args.workers}, dedupe: {args.dedupe}"
    )
    print(
        f"ack latency:    p50 {percentile(acks, 50):7.1f} ms   p99 {percentile(acks, 99):7.1f} ms"
        f"   max {max(acks):7.1f} ms"
    )
    if to_answer:
        print(
            f"time to answer: p50 {percentile(to_answer, 50):7.1f} ms   "
            f"p99 {percentile(to_answer, 99):7.1f} ms   max {max(to_answer):7.1f} ms"
        )
    print(
        f"answered: {len(answered_ts)}   lost: {n - len(answered_ts)}   duplicated: {duplicated}"
        f"   (expected figure in the answer: {correct}/{n})"
    )


if __name__ == "__main__":
    main()
