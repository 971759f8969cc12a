"""Teams' side of the conversation for tests: the real host (Agents SDK, aiohttp) on 127.0.0.1,
Activity JSON shaped like what Azure Bot Service posts for Teams, Bot Framework tokens signed
with a test key, and a fake token provider for the bot's outbound tokens."""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
from azure.core.credentials_async import AsyncTokenCredential
from cryptography.hazmat.primitives.asymmetric import rsa
from microsoft_agents.hosting.core import AccessTokenProviderBase, AgentAuthConfiguration

from bot.app.feedback import Feedback
from bot.app.health import readiness
from bot.app.services import Services
from bot.dedupe import MemorySeenEvents
from bot.infra.settings import TeamsSettings
from bot.teams.app import TeamsBot, build_bot
from bot.teams.conversations import MemoryConversationStore
from bot.teams.server import TeamsHTTPServer, build_web_app
from tests.teams.fake_connector import FakeConnector

APP_ID = "3f1c2a9e-6d4b-4a8e-9b7f-1c2d3e4f5a6b"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT_ID = f"28:{APP_ID}"
BOT_NAME = "trialbot"
PERSON = {"id": "29:1q2w3e4r5t6y", "name": "Ada Oncologist", "aadObjectId": str(uuid.UUID(int=7))}
BF_ISSUER = "https://api.botframework.com"  # who signs the tokens Azure Bot Service sends
BF_GOV_ISSUER = "https://api.botframework.us"  # the same, in Azure Government
OUTBOUND_TOKEN = "fake-outbound-token-for-the-connector"
SECRET = "test-client-secret-never-logged"


class FakeTokenProvider(AccessTokenProviderBase):
    """Stands in for MSAL: hands out a fixed outbound token, never calls Entra ID."""

    def __init__(self, configuration: AgentAuthConfiguration) -> None:
        self._configuration = configuration

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return self._configuration

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        return OUTBOUND_TOKEN

    def get_token_credential(self) -> AsyncTokenCredential:  # not used by the bot
        raise NotImplementedError


class TokenIssuer:
    """Signs Bot Framework-shaped JWTs with an RSA key whose public half the fake publishes."""

    def __init__(self, kid: str = "test-key") -> None:
        self.kid = kid
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return jwk | {"kid": self.kid, "use": "sig", "alg": "RS256"}

    def token(self, service_url: str, *, audience: str = APP_ID, **claims: Any) -> str:
        now = int(time.time())
        payload = {
            "iss": BF_ISSUER,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + 3600,
            **claims,
        }
        return jwt.encode(payload, self.key, algorithm="RS256", headers={"kid": self.kid})


@dataclass
class Conversation:
    """A Teams conversation the test talks in."""

    id: str
    kind: str  # personal | channel | groupChat

    @classmethod
    def personal(cls) -> Conversation:
        return cls(f"a:1{uuid.uuid4().hex}", "personal")

    @classmethod
    def channel_thread(cls) -> tuple[Conversation, str]:
        """A new post in a channel: its conversation id, and the channel's own id."""
        channel = f"19:{uuid.uuid4().hex}@thread.tacv2"
        return cls(f"{channel};messageid={new_activity_id()}", "channel"), channel


def new_activity_id() -> str:
    return str(int(time.time() * 1000) * 1000 + uuid.uuid4().int % 1000)


def message(
    text: str,
    conversation: Conversation,
    service_url: str,
    *,
    mention_bot: bool = False,
    activity_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A message activity as Azure Bot Service posts it for Teams."""
    channel_data: dict[str, Any] = {"tenant": {"id": TENANT_ID}}
    conversation_json: dict[str, Any] = {
        "conversationType": conversation.kind,
        "tenantId": TENANT_ID,
        "id": conversation.id,
    }
    if conversation.kind == "channel":
        channel = conversation.id.split(";")[0]
        conversation_json["isGroup"] = True
        channel_data |= {
            "teamsChannelId": channel,
            "teamsTeamId": "19:oncology-team@thread.tacv2",
            "channel": {"id": channel, "name": "Trials"},
            "team": {"id": "19:oncology-team@thread.tacv2", "name": "Oncology"},
        }
    entities: list[dict[str, Any]] = [
        {"type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web"}
    ]
    if mention_bot:
        mention = f"<at>{BOT_NAME}</at>"
        text = f"{mention} {text}"
        entities.append(
            {"type": "mention", "text": mention, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
        )
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return {
        "type": "message",
        "id": activity_id or new_activity_id(),
        "timestamp": now,
        "localTimestamp": now,
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": PERSON,
        "conversation": conversation_json,
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "textFormat": "plain",
        "locale": "en-US",
        "text": text,
        "entities": entities,
        "channelData": channel_data,
        **extra,
    }


class RecordedFeedback:
    """A FeedbackStore that keeps what it is given."""

    def __init__(self) -> None:
        self.records: list[Feedback] = []

    def record(self, feedback: Feedback) -> None:
        self.records.append(feedback)


class TeamsSim:
    """The real Teams host on 127.0.0.1, replying to the fake connector."""

    def __init__(
        self,
        services: Services,
        fake: FakeConnector,
        *,
        shared_feedback: bool = False,
        **teams: Any,
    ) -> None:
        """``shared_feedback``: ratings go to the store the settings open (Slack's, as deployed),
        not to ``self.feedback``."""
        self.fake = fake
        settings = services.settings.model_copy(
            update={"teams": TeamsSettings(host="127.0.0.1", port=0, **teams)}
        )
        self.seen = MemorySeenEvents()
        self.conversations = MemoryConversationStore()
        self.feedback = RecordedFeedback()
        self.bot: TeamsBot = build_bot(
            settings,
            services,
            seen=self.seen,
            conversations=self.conversations,
            feedback=None if shared_feedback else self.feedback,
            token_provider=FakeTokenProvider,
        )
        web_app = build_web_app(self.bot, lambda: readiness(services))
        self.server = TeamsHTTPServer(web_app, "127.0.0.1", 0).start()
        self.url = self.server.url
        self.http = httpx.Client(timeout=30)

    def stop(self) -> None:
        self.http.close()
        self.server.stop()

    def post(
        self, activity: dict[str, Any] | str | bytes, token: str | None = None
    ) -> httpx.Response:
        """POST to /api/messages, as Azure Bot Service does (with a bearer token if given)."""
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        body = activity if isinstance(activity, str | bytes) else json.dumps(activity)
        return self.http.post(f"{self.url}/api/messages", content=body, headers=headers)

    def say(
        self, text: str, conversation: Conversation, *, token: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        """A person writes ``text`` in ``conversation``; returns the activity (202 checked)."""
        activity = message(text, conversation, self.fake.service_url, **kw)
        response = self.post(activity, token)
        assert response.status_code == 202, response.text
        return activity

    def answers(self, conversation: Conversation, n: int = 1) -> list[dict[str, Any]]:
        """The messages posted in ``conversation``, once there are ``n`` of them."""
        self.fake.wait_for(lambda: len(self.fake.posted(conversation.id)) >= n)
        return [p.activity for p in self.fake.posted(conversation.id)]

    def rate(
        self, answer_id: str, conversation: Conversation, reaction: str, comment: str | None = None
    ) -> httpx.Response:
        """A click on Teams' thumbs under the answer ``answer_id`` (and the comment typed)."""
        return self.post(
            feedback_invoke(answer_id, conversation, self.fake.service_url, reaction, comment)
        )


def feedback_invoke(
    answer_id: str,
    conversation: Conversation,
    service_url: str,
    reaction: str,
    comment: str | None = None,
) -> dict[str, Any]:
    """The ``message/submitAction`` invoke Teams sends for a feedback click."""
    activity = message("", conversation, service_url)
    del activity["text"], activity["textFormat"]
    action: dict[str, Any] = {"reaction": reaction}
    if comment is not None:
        action["feedback"] = json.dumps({"feedbackText": comment})
    return activity | {
        "type": "invoke",
        "name": "message/submitAction",
        "replyToId": answer_id,
        "value": {"actionName": "feedback", "actionValue": action},
    }


def ai_entity(activity: dict[str, Any]) -> dict[str, Any]:
    """The AI-generated-content entity of a posted message."""
    [entity] = [
        e for e in activity.get("entities", []) if e["type"] == "https://schema.org/Message"
    ]
    return entity


def claims(activity: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """The citations Teams shows, by position: ``{n: appearance}``."""
    return {c["position"]: c["appearance"] for c in ai_entity(activity).get("citation", [])}


def rendered_markers(text: str) -> list[int]:
    """The ``[n]`` in a message's text, which Teams renders as citation pop-ups."""
    return sorted({int(n) for n in re.findall(r"\[(\d+)\]", text)})


def card(activity: dict[str, Any]) -> dict[str, Any]:
    """The Adaptive Card of a posted activity."""
    [attachment] = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def card_texts(node: Any) -> str:
    """Every text of a card, shown or behind an action (Show sources), one per line."""
    out: list[str] = []
    if isinstance(node, dict):
        for key in ("text", "title", "value"):
            if isinstance(node.get(key), str):
                out.append(node[key])
        for value in node.values():
            if isinstance(value, dict | list):
                out.append(card_texts(value))
    elif isinstance(node, list):
        out.extend(card_texts(item) for item in node)
    return "\n".join(t for t in out if t)


def shown_texts(card: dict[str, Any]) -> str:
    """The texts shown without clicking anything (not what a Show sources action reveals)."""
    return card_texts([e for e in card["body"] if e["type"] != "ActionSet"])


def quotes(card: dict[str, Any]) -> list[str]:
    """The quotes behind "Show sources"."""
    [show] = [a for a in card.get("actions", []) if a["type"] == "Action.ShowCard"]
    return [
        run["text"]
        for element in show["card"]["body"]
        if element["type"] == "RichTextBlock"
        for run in element["inlines"]
    ]
