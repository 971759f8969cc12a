"""HTTP mode: only requests signed by Slack, and recent, are handled."""

from __future__ import annotations

import json
import logging
import threading
import time

import httpx

from tests.slack.fake_slack import BOT_TOKEN, BOT_USER_ID
from tests.slack.harness import SIGNING_SECRET, SlackSim


def _mention(channel: str, ts: str) -> str:
    event = {
        "type": "app_mention",
        "user": "UPERSON01",
        "text": f"<@{BOT_USER_ID}> What was the OS HR in IMforte?",
        "ts": ts,
        "channel": channel,
    }
    return json.dumps({"type": "event_callback", "event_id": "Ev" + ts, "event": event})


def test_a_forged_signature_is_rejected_and_nothing_posted(slack: SlackSim, channel: str):
    body = _mention(channel, slack.fake.new_ts())
    response = slack.post(body, "application/json", secret="not-the-signing-secret")
    assert response.status_code == 401
    time.sleep(0.5)
    assert slack.fake.calls_of("chat.postMessage", channel=channel) == []
    assert slack.fake.calls_of("reactions.add", channel=channel) == []


def test_a_stale_timestamp_is_rejected(slack: SlackSim, channel: str):
    body = _mention(channel, slack.fake.new_ts())
    six_minutes_ago = str(int(time.time()) - 6 * 60)
    response = slack.post(body, "application/json", timestamp=six_minutes_ago)
    assert response.status_code == 401
    four_minutes_ago = str(int(time.time()) - 4 * 60)  # within Slack's 5 minutes: accepted
    assert slack.post(body, "application/json", timestamp=four_minutes_ago).status_code == 200
    slack.fake.wait_for(lambda: slack.fake.posted(channel))


def test_an_unsigned_request_is_rejected(slack: SlackSim):
    response = slack.http.post(slack.url, content=b'{"type":"url_verification"}')
    assert response.status_code == 401


def test_the_url_verification_challenge_is_answered(slack: SlackSim):
    body = json.dumps({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9C"})
    response = slack.post(body, "application/json")
    assert response.status_code == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9C"}


def test_tokens_and_secrets_are_never_logged(slack: SlackSim, channel: str, caplog):
    caplog.set_level(logging.DEBUG)
    slack.mention("What was the OS HR in IMforte?", channel=channel)
    slack.fake.wait_for(lambda: slack.fake.calls_of("reactions.remove", channel=channel))
    assert caplog.records, "debug logging was on"
    assert BOT_TOKEN not in caplog.text
    assert SIGNING_SECRET not in caplog.text
    assert BOT_TOKEN not in repr(slack.services.settings)


def _serve_settings(tmp_path, fake, **slack):
    from bot.infra.settings import Settings, SlackSettings

    settings = Settings()
    settings.index.dir = tmp_path / "index"
    settings.slack = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url, **slack)
    return settings


def test_serve_uses_socket_mode_when_an_app_token_is_set(tmp_path, fake, embedder, monkeypatch):
    import slack_bolt.adapter.socket_mode as socket_mode

    from bot.slack import server
    from tests.conftest import make_services

    started = []

    class RecordingHandler:  # stands in for the WebSocket connection to Slack
        def __init__(self, app, app_token):
            started.append((app, app_token))

        def start(self):
            started.append("started")

    monkeypatch.setattr(socket_mode, "SocketModeHandler", RecordingHandler)
    settings = _serve_settings(tmp_path, fake, app_token="xapp-1-A1-test")
    services = make_services(settings.index.dir, embedder)
    services.settings = settings
    server.serve(settings, services)
    (app, token), state = started
    assert token == "xapp-1-A1-test" and state == "started"
    assert app.client.base_url == fake.base_url


def test_serve_uses_http_without_an_app_token(tmp_path, fake, embedder, monkeypatch):
    from bot.slack import server
    from tests.conftest import make_services
    from tests.slack.harness import sign

    started = []

    class RecordedServer(server.SlackHTTPServer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(server, "SlackHTTPServer", RecordedServer)
    settings = _serve_settings(tmp_path, fake, signing_secret="s", host="127.0.0.1", port=0)
    services = make_services(settings.index.dir, embedder)
    services.settings = settings
    serving = threading.Thread(target=server.serve, args=(settings, services))
    serving.start()
    try:
        fake.wait_for(lambda: started)
        body = json.dumps({"type": "url_verification", "challenge": "c0ffee"})
        now = str(int(time.time()))
        headers = {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": sign("s", now, body)}
        assert started[0].url.endswith("/slack/events")
        response = httpx.post(started[0].url, content=body, headers=headers)
        assert response.json() == {"challenge": "c0ffee"}
    finally:
        if started:
            started[0].stop()
        serving.join(timeout=10)
    assert not serving.is_alive()
