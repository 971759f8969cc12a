"""Teams' feedback loop: the thumbs under an answer come back as a message/submitAction invoke,
answered 200 and stored with the rated answer's question, in the store Slack's feedback uses."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner

from bot.app.feedback import Feedback, open_feedback_store
from bot.app.services import Services
from bot.cli import cli
from bot.infra.settings import Settings
from tests.teams.conftest import golden
from tests.teams.fake_connector import FakeConnector
from tests.teams.harness import Conversation, TeamsSim, feedback_invoke


def _answered(teams: TeamsSim, chat: Conversation) -> tuple[str, str]:
    question, _ = golden("imforte-os-hr")
    teams.say(question, chat)
    [post] = teams.fake.wait_for(lambda: teams.fake.posted(chat.id))
    assert post.activity["channelData"]["feedbackLoopEnabled"] is True
    # remembered once the connector's answer is back (a person cannot click sooner)
    teams.fake.wait_for(lambda: teams.bot.deps.answers.get(post.id))
    return question, post.id


def test_a_dislike_with_a_comment_is_answered_200_and_stored(teams: TeamsSim):
    chat = Conversation.personal()
    question, answer_id = _answered(teams, chat)
    response = teams.rate(answer_id, chat, "dislike", "The HR is for PFS, not OS")
    assert response.status_code == 200
    [stored] = [f for f in teams.feedback.records if f.message == answer_id]
    assert stored.rating == "not_helpful" and stored.comment == "The HR is for PFS, not OS"
    assert stored.question == question and stored.status == "answered"
    assert stored.surface == "teams" and stored.conversation == chat.id
    assert stored.user  # the person's Entra object id


def test_a_like_without_a_comment_is_stored(teams: TeamsSim):
    chat = Conversation.personal()
    _, answer_id = _answered(teams, chat)
    assert teams.rate(answer_id, chat, "like").status_code == 200
    [stored] = [f for f in teams.feedback.records if f.message == answer_id]
    assert stored.rating == "helpful" and stored.comment == ""


def test_a_redelivered_rating_is_stored_once_and_nothing_is_posted(teams: TeamsSim):
    chat = Conversation.personal()
    _, answer_id = _answered(teams, chat)
    invoke = feedback_invoke(answer_id, chat, teams.fake.service_url, "like")
    assert [teams.post(invoke).status_code for _ in range(2)] == [200, 200]
    assert len([f for f in teams.feedback.records if f.message == answer_id]) == 1
    time.sleep(0.3)
    assert len(teams.fake.posted(chat.id)) == 1  # the answer alone: a rating gets no reply


def test_a_rating_of_an_unknown_answer_is_kept_with_its_message_id(teams: TeamsSim):
    chat = Conversation.personal()
    assert teams.rate("1999", chat, "like", "ok").status_code == 200
    [stored] = [f for f in teams.feedback.records if f.message == "1999"]
    assert stored.question == "" and stored.comment == "ok"


def test_a_submit_action_that_is_not_feedback_is_refused(teams: TeamsSim):
    chat = Conversation.personal()
    invoke = feedback_invoke("1", chat, teams.fake.service_url, "like")
    invoke["value"] = {"actionName": "something-else", "actionValue": {}}
    assert teams.post(invoke).status_code == 400


def test_teams_ratings_land_in_the_store_slack_uses_and_trialbot_feedback_lists(
    teams_services: Services, fake: FakeConnector, tmp_path: Path
):
    """As deployed (no store handed in): the rating goes where Slack's clicks go (the shared
    state's feedback table with TRIALBOT_STATE_URL, else the file beside the index), so
    ``trialbot feedback`` lists both surfaces together."""
    settings = Settings()
    settings.index.dir = tmp_path / "index"
    services = Services(settings)
    for shared in ("store", "searcher", "vocabulary"):  # the loaded seed index
        services.__dict__[shared] = getattr(teams_services, shared)
    slack_click = Feedback(
        *("helpful", "PFS HR in IMforte?", "answered", "U1", "slack", "C1", "1.0001")
    )
    open_feedback_store(settings, services.state).record(slack_click)  # what Slack's app opens
    sim = TeamsSim(services, fake, allow_anonymous=True, shared_feedback=True)
    try:
        chat = Conversation.personal()
        question, answer_id = _answered(sim, chat)
        assert sim.rate(answer_id, chat, "dislike", "wrong arm").status_code == 200
    finally:
        sim.stop()
    assert sim.feedback.records == []  # not the test's recorder: the deployed store

    listed = CliRunner().invoke(cli, ["feedback", "--index-dir", str(settings.index.dir), "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["surface"], r["rating"]) for r in rows] == [
        ("slack", "helpful"),
        ("teams", "not_helpful"),
    ]
    teams_row = rows[1]
    assert teams_row["question"] == question and teams_row["comment"] == "wrong arm"
    assert "0.73" in teams_row["answer"]  # the rated answer, with its figure
    [cited] = teams_row["citations"]
    assert cited["n"] == 1 and "0.73" in cited["quote"] and cited["title"]
