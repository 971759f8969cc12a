"""Answering a person's message (a mention, a DM, a thread follow-up): claim it so it is answered
once, show a reaction while working (and, in a DM, the AI app's status and thread title), run the
command or question, post the reply where it belongs, and turn any failure into a message for
the user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer.engine import DeltaStream
from bot.app.commands import Command, Result, parse_command
from bot.infra.errors import TrialbotError
from bot.slack.blocks import Message, apology_message, error_message, result_message
from bot.slack.dedupe import message_key
from bot.slack.deps import SlackDeps
from bot.slack.streaming import StreamedPreview

log = logging.getLogger(__name__)

# message subtypes a person produces; every other subtype is an edit, a join, a bot, ...
PERSON_SUBTYPES = (None, "thread_broadcast", "file_share")
DM_HISTORY_S = 3600  # earlier DM questions that count as the same conversation
MAX_TITLE = 80  # a thread title from the question, clipped
STATUS = {"add": "Fetching and indexing the article...", "list": "Reading the index..."}
DEFAULT_STATUS = "Searching trial news..."


@dataclass(frozen=True)
class UserMessage:
    """A message to answer; the reply goes to ``thread_ts`` (None: straight into the DM).
    ``assistant_thread``: the DM thread where Slack's AI app surface shows a status and a title
    (None: a channel, where it does not). An LLM answer in a thread is streamed (streaming.py)."""

    channel: str
    ts: str
    user: str
    text: str
    thread_ts: str | None
    assistant_thread: str | None = None
    team: str | None = None  # the person's workspace: a stream to a channel names its reader


def from_a_person(event: dict[str, Any]) -> bool:
    """Not a bot (ours or another), not an edit or a system message."""
    return (
        bool(event.get("user"))
        and event.get("user") != "USLACKBOT"
        and not event.get("bot_id")
        and not event.get("bot_profile")
        and event.get("subtype") in PERSON_SUBTYPES
    )


def run_safely(run: Callable[[], Result], prefix: str, what: str) -> Message:
    """The result as a message; a user error said plainly, anything else an apology (logged)."""
    try:
        return result_message(run(), prefix)
    except TrialbotError as exc:
        log.info("%s: %s", what, exc)
        return error_message(str(exc))
    except Exception:
        log.exception("%s failed", what)
        return apology_message()


def reply_to(
    deps: SlackDeps, client: WebClient, msg: UserMessage, history: list[str], prefix: str
) -> None:
    """Answer ``msg`` once (whichever event delivers it first); an ``add`` runs on the add
    executor, so that it never takes a worker answering questions."""
    if not deps.seen.claim(message_key(msg.channel, msg.ts)):
        log.debug("message %s in %s already answered", msg.ts, msg.channel)
        return
    command = parse_command(msg.text)
    if command.kind == "add":
        deps.run_add(lambda: _run_and_post(deps, client, msg, command, history, prefix))
    else:
        _run_and_post(deps, client, msg, command, history, prefix)


def _run_and_post(
    deps: SlackDeps,
    client: WebClient,
    msg: UserMessage,
    command: Command,
    history: list[str],
    prefix: str,
) -> None:
    reaction = deps.settings.working_reaction
    if reaction:
        _react(client.reactions_add, msg, reaction)
    status = _set_status(client, msg, STATUS.get(command.kind, DEFAULT_STATUS))
    if status and not history:
        _set_title(client, msg, command)

    def run() -> Result:
        return deps.commands.run(command, user=msg.user, history=history)

    what = f"answering {msg.channel}/{msg.ts}"
    try:
        # an LLM answer is streamed into its thread; the extractive one comes in one message
        if deps.streams_answers and command.kind == "ask" and msg.thread_ts:
            _stream_and_post(client, msg, msg.thread_ts, run, prefix, what)
        else:
            post(client, msg.channel, msg.thread_ts, run_safely(run, prefix, what))
    finally:
        if status:  # Slack clears it when the answer lands; cleared here too if that failed
            _set_status(client, msg, "")
        if reaction:
            _react(client.reactions_remove, msg, reaction)


def _stream_and_post(
    client: WebClient,
    msg: UserMessage,
    thread_ts: str,
    run: Callable[[], Result],
    prefix: str,
    what: str,
) -> None:
    """The LLM engine's text streamed into the thread as it is written, then replaced by the
    checked answer (or posted as one message when nothing was streamed)."""
    stream = DeltaStream(run)
    preview = StreamedPreview(client, msg.channel, thread_ts, msg.user, msg.team)
    for piece in stream:
        preview.add(piece)
    message = run_safely(stream.result, prefix, what)
    if not preview.finish(message):
        post(client, msg.channel, msg.thread_ts, message)


def _set_status(client: WebClient, msg: UserMessage, status: str) -> bool:
    """The AI app's "working" line under the thread; False where there is none (a channel, a
    workspace or app without the assistant view)."""
    if msg.assistant_thread is None:
        return False
    try:
        client.assistant_threads_setStatus(
            channel_id=msg.channel, thread_ts=msg.assistant_thread, status=status
        )
    except SlackApiError as exc:  # not an assistant thread, missing scope: the reaction shows
        log.debug("assistant.threads.setStatus in %s: %s", msg.channel, exc.response.get("error"))
        return False
    except OSError as exc:
        log.warning("assistant.threads.setStatus in %s: %s", msg.channel, exc)
        return False
    return True


def _set_title(client: WebClient, msg: UserMessage, command: Command) -> None:
    """The thread's title in the app's history: its first question."""
    title = " ".join((command.arg if command.kind == "ask" else msg.text).split())
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
    try:
        client.assistant_threads_setTitle(
            channel_id=msg.channel, thread_ts=str(msg.assistant_thread), title=title or "Question"
        )
    except (SlackApiError, OSError) as exc:
        log.debug("assistant.threads.setTitle in %s: %s", msg.channel, exc)


def post(client: WebClient, channel: str, thread_ts: str | None, message: Message) -> None:
    """chat.postMessage (429s are retried by the client's retry handler)."""
    try:
        client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            unfurl_links=False,
            unfurl_media=False,
            **message.as_kwargs(),
        )
    except SlackApiError as exc:
        log.error("could not post to %s: %s", channel, exc.response.get("error"))
    except OSError as exc:  # Slack unreachable, after the client's own retries
        log.error("could not post to %s: %s", channel, exc)


def _react(call: Callable[..., Any], msg: UserMessage, name: str) -> None:
    try:
        call(channel=msg.channel, timestamp=msg.ts, name=name)
    except SlackApiError as exc:  # missing scope, already reacted: the answer matters more
        log.debug("reaction %s on %s: %s", name, msg.ts, exc.response.get("error"))


def _is_ours(m: dict[str, Any], bot_user_id: str | None, bot_id: str | None) -> bool:
    return bool(
        (bot_user_id and m.get("user") == bot_user_id) or (bot_id and m.get("bot_id") == bot_id)
    )


def thread_history(
    client: WebClient,
    channel: str,
    thread_ts: str,
    before_ts: str,
    bot_user_id: str | None,
    bot_id: str | None,
) -> tuple[bool, list[str]]:
    """Whether the bot already answered in the thread, and its people's earlier messages."""
    try:
        replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=100)
    except SlackApiError as exc:
        log.warning("conversations.replies in %s: %s", channel, exc.response.get("error"))
        return False, []
    messages = replies.get("messages") or []
    answered = any(_is_ours(m, bot_user_id, bot_id) for m in messages)
    earlier = [
        str(m.get("text", ""))
        for m in messages
        if float(m.get("ts", 0)) < float(before_ts) and from_a_person(m)
    ]
    return answered, earlier


def dm_history(client: WebClient, channel: str, before_ts: str) -> list[str]:
    """The person's messages of the last hour in a DM, oldest first."""
    oldest = max(0.0, float(before_ts) - DM_HISTORY_S)
    try:
        found = client.conversations_history(
            channel=channel, latest=before_ts, oldest=f"{oldest:.6f}", limit=10, inclusive=False
        )
    except SlackApiError as exc:
        log.warning("conversations.history in %s: %s", channel, exc.response.get("error"))
        return []
    messages = [m for m in found.get("messages") or [] if from_a_person(m)]
    return [str(m.get("text", "")) for m in sorted(messages, key=lambda m: float(m["ts"]))]
