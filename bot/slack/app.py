"""The Bolt app: settings and services in, listeners registered by Slack surface, nothing else.

``process_before_response=True``: the ack function runs in the request's own thread and the
answer is a lazy listener on the worker pool, so acks never wait behind answers being computed.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.error import URLError

from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.app.commands import Commands
from bot.app.feedback import FeedbackStore, open_feedback_store
from bot.app.services import Services
from bot.dedupe import open_seen_events
from bot.infra.errors import ConfigError
from bot.infra.fetch import ArticleFetcher
from bot.infra.settings import Settings
from bot.slack import actions, commands, events
from bot.slack.contexts import ViewContexts
from bot.slack.dedupe import SeenEvents, drop_seen_events
from bot.slack.deps import SlackDeps, retry_handlers

log = logging.getLogger(__name__)


def build_app(
    settings: Settings,
    services: Services,
    *,
    seen: SeenEvents | None = None,
    feedback: FeedbackStore | None = None,
    contexts: ViewContexts | None = None,
) -> App:
    """The Slack app; ``seen`` and ``feedback`` default to files beside the index, or to the
    shared PostgreSQL state (``TRIALBOT_STATE_URL``); ``contexts`` (what people are viewing,
    as Slack reports it) to an empty store in memory."""
    s = settings.slack
    if s.bot_token is None:
        raise ConfigError("TRIALBOT_SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
    if s.app_token is None and s.signing_secret is None:
        raise ConfigError(
            "HTTP mode needs TRIALBOT_SLACK_SIGNING_SECRET; "
            "or set TRIALBOT_SLACK_APP_TOKEN to run in Socket Mode"
        )
    index_dir = settings.index.dir
    state_url = settings.state.url.get_secret_value() if settings.state.url else None
    if seen is None:
        if s.dedupe == "postgres" and s.dedupe_url is None:
            raise ConfigError("TRIALBOT_SLACK_DEDUPE=postgres needs TRIALBOT_SLACK_DEDUPE_URL")
        url = s.dedupe_url.get_secret_value() if s.dedupe_url else None
        seen = open_seen_events(s.dedupe, index_dir / "slack-seen.sqlite3", url, state_url)
    if feedback is None:
        feedback = open_feedback_store(settings, services.state)
    deps = SlackDeps(
        settings=s,
        commands=Commands(
            services,
            ArticleFetcher.from_settings(settings.fetch),
            add_allowed_users=s.add_allowed_users,
        ),
        seen=seen,
        feedback=feedback,
        adds=ThreadPoolExecutor(s.add_workers, thread_name_prefix="trialbot-slack-add"),
        streams_answers=settings.answer.engine == "llm",
        contexts=contexts or ViewContexts(),
    )
    client = WebClient(
        token=s.bot_token.get_secret_value(),
        base_url=s.api_base_url,
        timeout=30,
        retry_handlers=retry_handlers(s.rate_limit_retries),
    )
    try:
        app = App(
            name="trialbot",
            client=client,  # auth.test is called here: a wrong token fails now, not later
            signing_secret=s.signing_secret.get_secret_value() if s.signing_secret else "",
            process_before_response=True,
            listener_executor=ThreadPoolExecutor(s.workers, thread_name_prefix="trialbot-slack"),
        )
    except BoltError as exc:
        raise ConfigError(f"Slack did not accept the bot token ({exc})") from exc
    except URLError as exc:
        raise ConfigError(f"cannot reach the Slack Web API at {s.api_base_url} ({exc})") from exc
    app.use(drop_seen_events(seen))
    events.register(app, deps)
    commands.register(app, deps)
    actions.register(app, deps)
    return app
