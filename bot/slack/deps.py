"""What the Slack listeners need, built once by ``build_app`` and handed to each ``register``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    RetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.app.commands import Commands
from bot.app.feedback import FeedbackStore
from bot.infra.settings import SlackSettings
from bot.slack.blocks import Message
from bot.slack.contexts import ViewContexts
from bot.slack.dedupe import SeenEvents

log = logging.getLogger(__name__)

COMMAND = "/trials"  # the slash command, as in deploy/slack/manifest.yaml
MENTION = "@trialbot"  # how commands are typed in a mention (help text)


def retry_handlers(rate_limit_retries: int) -> list[RetryHandler]:
    """Web API retries: connection errors, and 429 answers after their Retry-After."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=1),
        RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
    ]


@dataclass
class SlackDeps:
    settings: SlackSettings
    commands: Commands
    seen: SeenEvents
    feedback: FeedbackStore
    adds: Executor  # TRIALBOT_SLACK_ADD_WORKERS threads, apart from the answer workers
    streams_answers: bool = False  # the LLM engine: its text streamed into the thread
    contexts: ViewContexts = field(default_factory=ViewContexts)  # what people are viewing

    def run_add(self, work: Callable[[], None]) -> None:
        """Run an add (a fetch and an ingest: seconds, or minutes behind another writer) on
        the add executor, so that the workers answering questions stay free."""

        def logged() -> None:
            try:
                work()
            except Exception:  # nothing else would see it: the executor keeps it silently
                log.exception("adding an article failed")

        self.adds.submit(logged)

    def send_to_response_url(self, url: str, message: Message, **options: Any) -> bool:
        """Post to a slash command's or an action's response_url, retrying 429s like the Web
        API client does; ``options``: response_type, replace_original, ..."""
        client = WebhookClient(
            url, timeout=15, retry_handlers=retry_handlers(self.settings.rate_limit_retries)
        )
        try:
            response = client.send_dict({**message.as_kwargs(), **options})
        except OSError:
            log.exception("could not reach the response_url")
            return False
        if response.status_code != 200:
            log.error("response_url answered %s: %s", response.status_code, response.body[:200])
            return False
        return True
