"""Answering a person's message (a personal chat, a channel or group chat @mention): remember
the conversation for proactive posts, claim the activity so a redelivery is not answered twice,
acknowledge at once, then answer: an AI-generated message with citations (``ai_message``), or a
card for the commands.

The answer is computed after the request is acknowledged (202): Teams redelivers a message whose
request takes longer than 15 s, and an answer (an LLM engine, ``show TRIAL``, ``add URL``) may
take longer. It is sent as a reply to the question through the SDK's proactive path, with the
identity of the request that brought it. While the LLM engine works (seconds), a personal chat
shows Teams' informative streaming update ("Searching trial news..."), then the model's text as
it is written, ended by the checked answer carrying the stream's id (``streaming``). A request with
``deliveryMode: expectReplies`` wants its replies in the HTTP response: that one is answered
before the request returns.
"""

from __future__ import annotations

import html
import logging
import re

from microsoft_agents.activity import Activity, ActivityTypes, DeliveryModes
from microsoft_agents.hosting.core import (
    CardFactory,
    ClaimsIdentity,
    MessageFactory,
    TurnContext,
)

from bot.app.commands import parse_command
from bot.teams.cards import Card, apology_card
from bot.teams.conversations import conversation_from_activity
from bot.teams.deps import Question, Reply, TeamsDeps
from bot.teams.streaming import end_of_stream, start_stream, stream_text

log = logging.getLogger(__name__)

# tags Teams may put in a message's text; "<" alone (as in "P<0.001") is left alone
_TAGS = re.compile(r"</?(?:at|p|div|span|br|b|i|u|strong|em|s)\b[^>]*>", re.IGNORECASE)


def card_activity(card: Card) -> Activity:
    """A message activity carrying one Adaptive Card."""
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


async def send_reply(
    deps: TeamsDeps, context: TurnContext, reply: Reply, stream_id: str | None = None
) -> None:
    """Send ``reply`` (ending the stream ``stream_id``); an answer is remembered by its message
    id, for the ratings it gets."""
    activity = Activity.model_validate(reply.activity)
    if stream_id:
        activity = end_of_stream(activity, stream_id)
    response = await context.send_activity(activity)
    if reply.rated is not None and response is not None and response.id:
        deps.answers.add(response.id, reply.rated)


def from_a_person(activity: Activity) -> bool:
    """Not the bot itself, not another bot."""
    sender = activity.from_property
    if sender is None or not sender.id:
        return False
    if activity.recipient is not None and sender.id == activity.recipient.id:
        return False
    return (sender.role or "").lower() != "bot"


def addressed_to_bot(activity: Activity) -> bool:
    """A personal chat message, or a channel / group chat message that @mentions the bot."""
    kind = (activity.conversation.conversation_type if activity.conversation else None) or ""
    if kind in ("", "personal"):
        return True
    bot_id = activity.recipient.id if activity.recipient else None
    return any(m.mentioned and m.mentioned.id == bot_id for m in activity.get_mentions())


def question_text(activity: Activity) -> str:
    """What the person typed, without the bot's @mention and Teams' markup."""
    text = activity.text or ""
    name = activity.recipient.name if activity.recipient else None
    if name:  # the SDK already removed it when the mention entity came along; this is the rest
        text = re.sub(rf"^\s*<at>\s*{re.escape(name)}\s*</at>", "", text, flags=re.IGNORECASE)
    text = html.unescape(_TAGS.sub(" ", text))
    return " ".join(text.split())


def activity_key(activity: Activity) -> str | None:
    """The dedupe key of a delivery: Teams redelivers an activity with the same id."""
    if not activity.id or not activity.conversation:
        return None
    return f"teams:{activity.conversation.id}:{activity.id}"


async def reply_to(deps: TeamsDeps, context: TurnContext) -> None:
    """Answer the person's message in ``context`` once."""
    activity = context.activity
    if not from_a_person(activity) or not addressed_to_bot(activity):
        return
    try:
        deps.conversations.save(conversation_from_activity(activity))
    except Exception:  # a reference we could not store costs a digest, not this answer
        log.exception("could not store the conversation reference of %s", activity.conversation.id)
    key = activity_key(activity)
    if key and not deps.seen.claim(key):
        log.info("dropped a second delivery of %s", key)
        return
    sender = activity.from_property
    question = Question(
        question_text(activity),
        sender.aad_object_id or sender.id,
        activity.conversation.id,
    )
    if activity.delivery_mode == DeliveryModes.expect_replies:
        await send_reply(deps, context, await deps.answer(question))
        return
    deps.spawn(_answer_later(deps, context.identity or ClaimsIdentity(), activity, question))


async def _answer_later(
    deps: TeamsDeps, identity: ClaimsIdentity, activity: Activity, question: Question
) -> None:
    continuation = activity.get_conversation_reference().get_continuation_activity()
    continuation.id = activity.id  # replies go to the question (in a channel: its thread)

    personal = (activity.conversation.conversation_type or "personal") == "personal"
    streams = deps.streams_progress and personal and parse_command(question.text).kind == "ask"

    async def deliver(context: TurnContext) -> None:
        stream_id = await start_stream(context) if streams else None
        if stream_id is None:
            try:
                await context.send_activity(Activity(type=ActivityTypes.typing))
            except Exception as exc:  # the typing dots are a courtesy; the answer still goes
                log.debug("typing indicator in %s: %s", question.conversation, exc)
            reply = await deps.answer(question)
        else:
            reply = await stream_text(
                context,
                stream_id,
                lambda sink: deps.answer_streaming(question, sink),
                deps.stream_interval_s,
            )
        await send_reply(deps, context, reply, stream_id)

    try:
        await deps.adapter.continue_conversation_with_claims(identity, continuation, deliver)
    except Exception:
        log.exception("could not deliver the answer in %s", question.conversation)


async def apologize(context: TurnContext, error: Exception) -> None:
    """A turn failed: log it, and tell the user briefly (never the exception's text)."""
    log.error("turn failed in %s", _conversation_id(context), exc_info=error)
    await send_apology(context)


async def send_apology(context: TurnContext) -> None:
    """The short apology card (the error is logged by whoever caught it)."""
    try:
        await context.send_activity(card_activity(apology_card()))
    except Exception as exc:
        log.warning("could not send the apology to %s: %s", _conversation_id(context), exc)


def _conversation_id(context: TurnContext) -> str:
    return context.activity.conversation.id if context.activity.conversation else "-"
