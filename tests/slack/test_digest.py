"""The digest in Slack (``bot/slack/digest.py``): Block Kit within limits, and the poster against
the loopback fake of Slack's Web API (429 retried, metadata carried, a posted digest found
again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.infra.errors import ConfigError, DigestPostError
from bot.infra.settings import SlackSettings
from bot.slack.blocks import MAX_BLOCKS, MAX_TEXT
from bot.slack.digest import EVENT_TYPE, SlackDigestPoster, digest_message
from tests.digest.samples import digest, entry
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import new_channel


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


def poster(fake: FakeSlack, channel: str) -> SlackDigestPoster:
    settings = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url)
    return SlackDigestPoster.from_settings(settings, channel)


def texts(blocks: list[dict]) -> list[str]:
    out = []
    for b in blocks:
        if "text" in b:
            out.append(b["text"]["text"])
        out += [e["text"] for e in b.get("elements", [])]
    return out


def test_a_digest_is_a_header_then_each_article_and_its_quotes():
    message = digest_message(digest(entry(1), entry(2), more=2))
    header, first, quotes, second, _, footer = message.blocks
    assert second["text"]["text"].startswith("*<https://news.example.org/2.html|")
    assert header["type"] == "header"
    assert header["text"]["text"] == "Trial news: 4 new articles since 2025-06-01 08:00 UTC"
    assert first["text"]["text"] == (
        "*<https://news.example.org/1.html|Drug 1 &lt;works&gt; &amp; more in TRIAL-1>*\n"
        "Trial: TRIAL-1\n• ORR: Objective response rate, with drug 1: 41.5% [1]"
    )
    assert quotes["elements"][0]["text"] == (
        "*[1]* “The objective response rate was 41.5% with drug 1.”"
    )
    assert "2 more new articles" in footer["elements"][0]["text"]
    assert message.text.startswith("Trial news: 4 new articles") and "TRIAL-2" in message.text


def test_the_largest_digest_holds_slacks_limits_and_lists_every_article():
    big = digest(*(entry(n, quote_words=700) for n in range(20)), more=40)
    message = digest_message(big)
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(t) <= MAX_TEXT for t in texts(message.blocks))
    assert len(message.blocks[0]["text"]["text"]) <= 150
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert len(sections) == 20, "every article keeps its section"
    assert len(message.text) <= 3000


def test_the_poster_retries_a_429_and_tags_the_message(fake: FakeSlack):
    channel = new_channel()
    fake.fail("chat.postMessage", status=429, retry_after=1)
    d = digest(entry(1))
    ts = poster(fake, channel).post(d)
    (posted,) = fake.posted(channel)
    assert posted["metadata"] == {"event_type": EVENT_TYPE, "event_payload": {"digest_id": d.id}}
    assert ts == fake.channels[channel][0]["ts"]
    assert len(fake.calls_of("chat.postMessage")) == 2


def test_an_error_answer_is_a_digest_post_error(fake: FakeSlack):
    fake.fail("chat.postMessage", status=500)
    with pytest.raises(DigestPostError, match="Slack did not take the digest"):
        poster(fake, new_channel()).post(digest(entry(1)))


def test_a_posted_digest_is_found_by_its_id(fake: FakeSlack):
    channel = new_channel()
    d, other = digest(entry(1)), digest(entry(2))
    slack = poster(fake, channel)
    ts = slack.post(d)
    slack.post(other)
    assert slack.find_posted(d, "2020-01-01T00:00:00+00:00") == ts
    assert slack.find_posted(digest(entry(3)), "2020-01-01T00:00:00+00:00") is None


def test_a_channel_given_by_name_cannot_be_looked_up(fake: FakeSlack):
    before = len(fake.calls_of("conversations.history"))
    assert poster(fake, "#trial-news").find_posted(digest(entry(1)), "") is None
    assert len(fake.calls_of("conversations.history")) == before


def test_a_failed_lookup_keeps_the_digest_pending(fake: FakeSlack):
    fake.fail("conversations.history", status=500)
    with pytest.raises(DigestPostError, match="stays pending"):
        poster(fake, new_channel()).find_posted(digest(entry(1)), "")


def test_no_token_is_a_config_error():
    with pytest.raises(ConfigError, match="TRIALBOT_SLACK_BOT_TOKEN"):
        SlackDigestPoster.from_settings(SlackSettings(), "C0123ABCD")
