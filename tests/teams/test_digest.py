"""Digests in Teams (``bot/teams/digest.py``): the Adaptive Card renderer, and the poster that
delivers a digest proactively to a stored conversation, through the fake connector."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from microsoft_agents.activity import Activity

from bot.digest.post import poster_for
from bot.infra.errors import ConfigError, DigestPostError
from bot.infra.settings import Settings, TeamsSettings
from bot.teams.cards import MAX_CARD_CHARS
from bot.teams.conversations import SqliteConversationStore, conversation_from_activity
from bot.teams.digest import TeamsDigestPoster, digest_card, resolve_conversation
from tests.digest.samples import digest, entry
from tests.teams.harness import Conversation, TeamsSim, card, card_texts, message, shown_texts


def test_the_digest_card_lists_each_article_with_its_figures_and_quotes():
    card = digest_card(digest(entry(1), entry(2, link="/data/2.txt"), more=3))
    shown = shown_texts(card)
    assert shown.startswith("**Trial news: 5 new articles since 2025-06-01 08:00 UTC**")
    # titles are defused Markdown links (or title and file name), figures are verbatim runs
    assert "**[Drug 1 <works> & more in TRIAL-1](https://news.example.org/1.html)**" in shown
    assert "**Drug 2 <works> & more in TRIAL-2 (2.txt)**" in shown
    assert "• ORR: Objective response rate, with drug 1: 41.5% [1]" in shown
    assert "3 more new articles will follow in the next digest." in shown
    everything = card_texts(card)
    assert "[1] “The objective response rate was 41.5% with drug 1.”" in everything


def test_a_digest_too_big_for_one_card_leaves_quotes_out_not_articles():
    entries = []
    for n in range(1, 21):
        e = entry(n, quote_words=400)
        quotes = [replace(e.citations[0], n=i) for i in range(1, 5)]
        entries.append(replace(e, citations=quotes))
    big = digest(*entries)
    card = digest_card(big)
    assert len(json.dumps(card, ensure_ascii=False)) <= MAX_CARD_CHARS
    shown = shown_texts(card)
    assert all(f"TRIAL-{n}" in shown for n in range(1, 21))
    assert "Quotes of the last" in shown
    assert "“The objective response rate was 41.5%" in card_texts(card)  # the first keep theirs


def test_a_digest_is_posted_to_a_stored_channel(teams: TeamsSim):
    thread, channel = Conversation.channel_thread()
    teams.say("help", thread, mention_bot=True)
    teams.answers(thread, 1)

    sender = teams.bot.sender()
    poster = TeamsDigestPoster(sender, resolve_conversation(sender, channel))
    message_id = poster.post(digest(entry(1)))
    [post] = teams.fake.wait_for(lambda: teams.fake.posted(channel))
    assert message_id
    assert "41.5%" in shown_texts(card(post.activity))


def test_a_digest_target_names_a_stored_conversation(tmp_path: Path, teams: TeamsSim):
    """``teams:NAME`` through poster_for, as `trialbot digest --post` and the schedule use it:
    the conversation comes from the file the bot stores references in."""
    settings = Settings()
    settings.index.dir = tmp_path / "index"
    settings.teams = TeamsSettings(allow_anonymous=True)
    thread, channel = Conversation.channel_thread()
    activity = message("hi", thread, teams.fake.service_url, mention_bot=True)
    store = SqliteConversationStore(settings.index.dir / "teams-conversations.sqlite3")
    store.save(conversation_from_activity(Activity.model_validate(activity)))

    poster = poster_for("teams:Trials", settings)
    assert poster.post(digest(entry(3))) is not None
    [post] = teams.fake.wait_for(lambda: teams.fake.posted(channel))
    assert "TRIAL-3" in shown_texts(card(post.activity))

    with pytest.raises(ConfigError, match="no stored conversation"):
        poster_for("teams:General", settings)


def test_a_refused_digest_is_a_digest_post_error(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("help", chat)
    teams.answers(chat, 1)
    teams.fake.fail_next(1)
    with pytest.raises(DigestPostError):
        TeamsDigestPoster(teams.bot.sender(), chat.id).post(digest(entry(4)))
