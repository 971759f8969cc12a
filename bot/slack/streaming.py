"""An LLM answer written into its thread as the model writes it, with Slack's streaming methods
(``chat.startStream``, ``chat.appendStream``, ``chat.stopStream``), then replaced by the checked
answer (``chat.update``): the streamed text is a preview that never stays. When the model's
answer fails the grounding check, the message becomes the deterministic answer or Not found;
when it passes, it becomes the same answer with its citations, sources and feedback control.
Where Slack refuses a streaming call, the answer is posted as one message, as without streaming.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Message

log = logging.getLogger(__name__)

APPEND_CHARS = 120  # text gathered before each chat.appendStream: Slack rate-limits the methods
MAX_PREVIEW = 12_000  # chat.startStream / appendStream's markdown_text limit


@dataclass
class StreamedPreview:
    """The preview of one answer in ``thread_ts`` of ``channel``, streamed to ``user``."""

    client: WebClient
    channel: str
    thread_ts: str
    user: str
    team: str | None = None
    ts: str | None = None  # the streamed message, once started
    _pending: str = ""
    _sent: int = 0
    _refused: bool = False

    def add(self, piece: str) -> None:
        """Stream ``piece`` (gathered until it is worth a call)."""
        self._pending += piece
        if self._refused or not self._pending.strip():
            return
        if self._sent + len(self._pending) > MAX_PREVIEW:
            return  # the checked answer replaces it anyway
        if self.ts is None:
            self._start()
        elif len(self._pending) >= APPEND_CHARS:
            self._append()

    def finish(self, message: Message) -> bool:
        """End the stream and replace the preview by ``message``; False when ``message`` is not
        in place (no stream started, or Slack refused the update: the preview is then deleted),
        and the caller posts it."""
        if self.ts is None:
            return False
        self._call("chat.stopStream", self.client.chat_stopStream, channel=self.channel, ts=self.ts)
        replaced = self._call(
            "chat.update",
            self.client.chat_update,
            channel=self.channel,
            ts=self.ts,
            **message.as_kwargs(),
        )
        if replaced:
            return True
        # an unchecked preview must not stay: take it away, the caller posts the answer
        self._call("chat.delete", self.client.chat_delete, channel=self.channel, ts=self.ts)
        return False

    def _start(self) -> None:
        try:
            response = self.client.chat_startStream(
                channel=self.channel,
                thread_ts=self.thread_ts,
                markdown_text=self._pending,
                recipient_user_id=self.user,
                recipient_team_id=self.team,
            )
        except (SlackApiError, OSError) as exc:  # no streaming here: one message at the end
            log.info("chat.startStream in %s: %s; one message instead", self.channel, _error(exc))
            self._refused = True
            return
        self.ts = str(response["ts"])
        self._sent, self._pending = len(self._pending), ""

    def _append(self) -> None:
        if self._call(
            "chat.appendStream",
            self.client.chat_appendStream,
            channel=self.channel,
            ts=str(self.ts),
            markdown_text=self._pending,
        ):
            self._sent, self._pending = self._sent + len(self._pending), ""
        else:
            self._refused = True  # the preview stops here; the answer still replaces it

    def _call(self, method: str, call: Callable[..., Any], **kwargs: Any) -> bool:
        try:
            call(**kwargs)
        except (SlackApiError, OSError) as exc:
            log.warning("%s in %s: %s", method, self.channel, _error(exc))
            return False
        return True


def _error(exc: Exception) -> object:
    return exc.response.get("error") if isinstance(exc, SlackApiError) else exc
