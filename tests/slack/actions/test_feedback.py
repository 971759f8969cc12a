"""Feedback on answers: Slack's feedback_buttons control, acked at once and stored with the
question, the answer and its citations; the older thumbs buttons still recorded."""

from __future__ import annotations

import json
import time
import uuid

from click.testing import CliRunner

from bot.app.feedback import JsonlFeedbackStore
from bot.cli import cli
from bot.slack.blocks import FEEDBACK_HELPFUL, encode_feedback
from tests.slack.conftest import golden
from tests.slack.harness import SlackSim, feedback_control

IMFORTE_SOURCE = "003_c267631fe2ec8f4e.txt"


def _store(slack: SlackSim) -> JsonlFeedbackStore:
    return JsonlFeedbackStore(slack.services.settings.index.dir / "slack-feedback.jsonl")


def test_a_thumbs_click_is_acked_and_stored_with_the_answer(slack: SlackSim, channel: str):
    question, expect = golden("imforte-os-hr")
    slack.mention(question, channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    message = {"ts": "1712345678.000200", "text": reply["text"], "blocks": reply["blocks"]}
    thumbs = feedback_control(message)  # what Slack draws: two thumbs, with labels
    assert thumbs["positive_button"]["text"]["text"] == "👍"
    assert thumbs["negative_button"]["accessibility_label"] == "Not a helpful answer"
    store = _store(slack)
    before = len(store.read())

    name = uuid.uuid4().hex[:8]
    started = time.monotonic()
    click = slack.rate(message, positive=False, response_name=name, channel=channel, user="URATER")
    assert click.status_code == 200 and click.text == ""
    assert time.monotonic() - started < 2.0  # acked at once; stored after the ack

    [feedback] = slack.fake.wait_for(lambda: store.read()[before:])
    assert (feedback.rating, feedback.user, feedback.surface) == ("not_helpful", "URATER", "slack")
    assert (feedback.question, feedback.status) == (question, "answered")
    assert (feedback.conversation, feedback.message) == (channel, "1712345678.000200")
    assert any(e in feedback.answer for e in expect)
    figure = next(e for e in expect if e in feedback.answer)
    [cited] = [c for c in feedback.citations if figure in c["quote"]][:1]
    assert cited["source"].endswith(IMFORTE_SOURCE) and cited["n"] >= 1
    [thanks] = slack.fake.wait_for(lambda: slack.fake.responses(name))
    assert thanks["text"].startswith("Thanks") and thanks["replace_original"] is False

    slack.rate(message, positive=True, response_name=name, channel=channel)
    slack.fake.wait_for(lambda: len(store.read()) == before + 2)
    assert [f.rating for f in store.read()[before:]] == ["not_helpful", "helpful"]


def test_a_rating_of_an_ephemeral_answer_keeps_the_question(slack: SlackSim, channel: str):
    slack.mention("What was the OS HR in IMforte?", channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    store = _store(slack)
    before = len(store.read())
    slack.rate(reply, positive=True, response_name="eph", channel=channel, ephemeral=True)
    [feedback] = slack.fake.wait_for(lambda: store.read()[before:])
    assert (feedback.rating, feedback.question) == ("helpful", "What was the OS HR in IMforte?")
    assert (feedback.answer, feedback.citations) == ("", [])


def test_the_older_thumbs_buttons_are_still_recorded(slack: SlackSim, channel: str):
    store = _store(slack)
    before = len(store.read())
    old_button = {"action_id": FEEDBACK_HELPFUL, "value": encode_feedback("ORR?", "not_found")}
    click = slack.click(old_button, response_name="old", channel=channel)
    assert click.status_code == 200
    [feedback] = slack.fake.wait_for(lambda: store.read()[before:])
    assert (feedback.rating, feedback.question, feedback.status) == (
        "helpful",
        "ORR?",
        "not_found",
    )


def test_the_team_reads_feedback_from_the_command_line(slack: SlackSim, channel: str):
    question, expect = golden("imforte-os-hr")
    slack.mention(question, channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    store = _store(slack)
    before = len(store.read())
    slack.rate(reply, positive=False, response_name="cli", channel=channel, user="UCLI")
    slack.fake.wait_for(lambda: store.read()[before:])

    index_dir = str(slack.services.settings.index.dir)
    listing = CliRunner().invoke(cli, ["feedback", "--index-dir", index_dir])
    assert listing.exit_code == 0, listing.output
    assert f"not_helpful  slack UCLI in {channel}" in listing.output
    assert f"Q: {question}" in listing.output and "[1] " in listing.output
    exported = CliRunner().invoke(
        cli, ["feedback", "--json", "--rating", "not_helpful", "--index-dir", index_dir]
    )
    assert exported.exit_code == 0
    rows = [json.loads(line) for line in exported.output.splitlines()]
    [mine] = [r for r in rows if r["user"] == "UCLI"]
    assert any(e in mine["answer"] for e in expect)
    assert any(any(e in c["quote"] for e in expect) for c in mine["citations"])
