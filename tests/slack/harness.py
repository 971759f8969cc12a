"""Slack's side of the conversation for tests and benches: the real Bolt app served over HTTP on
127.0.0.1, its Web API pointed at a FakeSlack, and requests signed the way Slack signs them."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import httpx

from bot.app.health import readiness
from bot.app.services import Services
from bot.infra.settings import SlackSettings
from bot.slack.app import build_app
from bot.slack.contexts import ViewContexts
from bot.slack.server import SlackHTTPServer
from tests.slack.fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack

SIGNING_SECRET = "test-signing-secret-5b0c2d"
PERSON = "UPERSON01"


def sign(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def new_channel(prefix: str = "C") -> str:
    return prefix + uuid.uuid4().hex[:10].upper()


class SlackSim:
    """Sends signed Events API, slash command and interactivity requests to a running app."""

    def __init__(self, services: Services, fake: FakeSlack, **slack: Any) -> None:
        self.fake = fake
        self.services = services
        services.settings.slack = SlackSettings(
            bot_token=fake.token,
            signing_secret=SIGNING_SECRET,
            api_base_url=fake.base_url,
            host="127.0.0.1",
            port=0,
            **slack,
        )
        self.contexts = ViewContexts()  # what the app was told people are viewing
        self.app = build_app(services.settings, services, contexts=self.contexts)
        self.server = SlackHTTPServer(
            self.app, "127.0.0.1", 0, ready=lambda: readiness(services)
        ).start()
        self.url = self.server.url
        self.base_url = self.url.removesuffix(self.server.path)
        self.http = httpx.Client(timeout=30)

    def stop(self) -> None:
        self.http.close()
        self.server.stop()

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: str | None = None,
        secret: str = SIGNING_SECRET,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        ts = timestamp or str(int(time.time()))
        signed = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": sign(secret, ts, body),
            **(headers or {}),
        }
        return self.http.post(self.url, content=body.encode(), headers=signed)

    # ---- Events API

    def send_event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None
    ) -> tuple[httpx.Response, str]:
        event_id = event_id or "Ev" + uuid.uuid4().hex[:12].upper()
        envelope = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "ATEST",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        body = json.dumps(envelope)
        return self.post(body, "application/json", headers=headers), event_id

    def person_says(
        self,
        text: str,
        *,
        channel: str,
        event_type: str = "app_mention",
        thread_ts: str | None = None,
        user: str = PERSON,
        channel_type: str = "channel",
        **extra: Any,
    ) -> tuple[str, httpx.Response, str]:
        """A person posts ``text`` (stored by the fake), then Slack sends the event."""
        ts = self.fake.new_ts()
        self.fake.add_message(channel, ts, user, text, thread_ts)
        event: dict[str, Any] = {
            "type": event_type,
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
            **extra,
        }
        if event_type == "message":
            event["channel_type"] = channel_type
        if thread_ts:
            event["thread_ts"] = thread_ts
        response, event_id = self.send_event(event)
        return ts, response, event_id

    def mention(self, question: str, *, channel: str, **kw: Any) -> tuple[str, httpx.Response]:
        ts, response, _ = self.person_says(f"<@{BOT_USER_ID}> {question}", channel=channel, **kw)
        return ts, response

    # ---- slash commands and buttons

    def command(self, text: str, *, response_name: str, user: str = PERSON) -> httpx.Response:
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "test",
            "channel_id": "CCOMMANDS",
            "channel_name": "oncology",
            "user_id": user,
            "user_name": "person",
            "command": "/trials",
            "text": text,
            "api_app_id": "ATEST",
            "response_url": self.fake.response_url(response_name),
            "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def click(
        self,
        button: dict[str, Any],
        *,
        response_name: str,
        channel: str = "CBUTTONS",
        message: dict[str, Any] | None = None,
        user: str = PERSON,
    ) -> httpx.Response:
        """A click on ``button`` (a Block Kit button element) of ``message``."""
        action = {
            "action_id": button["action_id"],
            "block_id": "trialbot_actions",
            "value": button["value"],
            "type": "button",
            "action_ts": str(time.time()),
        }
        return self.send_action(
            action, response_name=response_name, channel=channel, message=message, user=user
        )

    def rate(
        self,
        message: dict[str, Any],
        *,
        positive: bool,
        response_name: str,
        channel: str = "CBUTTONS",
        user: str = PERSON,
        ephemeral: bool = False,
    ) -> httpx.Response:
        """A click on the thumbs of ``message``'s feedback_buttons element, as Slack sends it."""
        element = feedback_control(message)
        button = element["positive_button" if positive else "negative_button"]
        action = {
            "type": "feedback_buttons",
            "action_id": element["action_id"],
            "block_id": next(
                b["block_id"] for b in message["blocks"] if b["type"] == "context_actions"
            ),
            "text": button["text"],
            "value": button["value"],
            "action_ts": str(time.time()),
        }
        return self.send_action(
            action,
            response_name=response_name,
            channel=channel,
            message=None if ephemeral else message,
            user=user,
        )

    def send_action(
        self,
        action: dict[str, Any],
        *,
        response_name: str,
        channel: str,
        message: dict[str, Any] | None,
        user: str,
    ) -> httpx.Response:
        """A block_actions payload holding ``action``, clicked on ``message``."""
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": "person", "team_id": TEAM_ID},
            "api_app_id": "ATEST",
            "token": "legacy-verification-token",
            "container": {
                "type": "message",
                "message_ts": (message or {}).get("ts", "1.0"),
                "channel_id": channel,
                "is_ephemeral": message is None,
            },
            "trigger_id": "13345224609.738474920.8088930838d88f008e0",
            "team": {"id": TEAM_ID, "domain": "test"},
            "channel": {"id": channel, "name": "oncology"},
            "response_url": self.fake.response_url(response_name),
            "actions": [action],
        }
        if message is not None:
            payload["message"] = message
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The buttons of a posted message, by action_id."""
    return {
        e["action_id"]: e
        for b in message.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    }


def feedback_control(message: dict[str, Any]) -> dict[str, Any]:
    """The feedback_buttons element of a posted message (Slack draws it as two thumbs)."""
    [element] = [
        e
        for b in message.get("blocks", [])
        if b["type"] == "context_actions"
        for e in b["elements"]
        if e["type"] == "feedback_buttons"
    ]
    return element


def block_texts(blocks: list[dict[str, Any]]) -> str:
    """All text of the blocks, for asserting on what a person sees."""
    out = []
    for b in blocks:
        if "text" in b:
            out.append(b["text"]["text"])
        for e in b.get("elements", []):
            text = e.get("text")
            out.append(text["text"] if isinstance(text, dict) else str(text or ""))
    return "\n".join(out)
