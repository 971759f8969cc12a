"""Teams' feedback loop: the thumbs under an AI-generated answer (``feedbackLoopEnabled``).

A click, and the comment typed in Teams' feedback form, come as an ``invoke`` activity named
``message/submitAction`` whose ``replyToId`` is the rated answer, with ``value.actionValue``:
``reaction`` (``like`` / ``dislike``) and ``feedback``, a JSON string holding ``feedbackText``.
It is stored in the feedback store the Slack buttons use (``surface: teams``) and answered 200
at once; an unreadable one is answered 400. The question and status of the rated answer come
from the answers this process sent (``history.RecentAnswers``, in memory): a rating of an
answer sent before a restart, or by another replica, is kept with its message id alone.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.app.feedback import Feedback, Rating
from bot.teams.deps import TeamsDeps
from bot.teams.history import RecentAnswers

log = logging.getLogger(__name__)

SUBMIT_ACTION = "message/submitAction"
REACTIONS: dict[str, Rating] = {"like": "helpful", "dislike": "not_helpful"}
MAX_COMMENT = 2000


def parse_feedback(value: Any) -> tuple[Rating, str] | None:
    """The rating and the typed comment of a ``message/submitAction`` value; None when it is
    not a feedback action Teams sends."""
    if not isinstance(value, dict) or value.get("actionName") != "feedback":
        return None
    action = value.get("actionValue")
    if not isinstance(action, dict) or action.get("reaction") not in REACTIONS:
        return None
    comment = ""
    raw = action.get("feedback")
    if isinstance(raw, str) and raw.strip():
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = {"feedbackText": raw}  # a plain string: the comment itself
        if isinstance(parsed, dict) and isinstance(parsed.get("feedbackText"), str):
            comment = parsed["feedbackText"].strip()[:MAX_COMMENT]
    return REACTIONS[action["reaction"]], comment


def feedback_from(activity: Activity, answers: RecentAnswers) -> Feedback | None:
    """The Feedback an invoke carries, or None when it carries none."""
    parsed = parse_feedback(activity.value)
    if parsed is None:
        return None
    rating, comment = parsed
    message = activity.reply_to_id or ""
    rated = answers.get(message) if message else None
    sender = activity.from_property
    return Feedback(
        rating=rating,
        question=rated.question if rated else "",
        status=rated.status if rated else "",
        user=(sender.aad_object_id or sender.id) if sender else "",
        surface="teams",
        conversation=activity.conversation.id if activity.conversation else "",
        message=message,
        comment=comment,
        answer=rated.answer if rated else "",
        citations=[dict(c) for c in rated.citations] if rated else [],
    )


async def _respond(context: TurnContext, status: int) -> None:
    await context.send_activity(
        Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=status, body={}))
    )


def register(app: AgentApplication[TurnState], deps: TeamsDeps) -> None:
    async def on_submit_action(context: TurnContext, state: TurnState) -> None:
        feedback = feedback_from(context.activity, deps.answers)
        if feedback is None:
            log.info("a %s that is not feedback: %r", SUBMIT_ACTION, context.activity.value)
            await _respond(context, 400)
            return
        key = f"teams-feedback:{feedback.conversation}:{context.activity.id}"
        if context.activity.id and not deps.seen.claim(key):
            await _respond(context, 200)  # a redelivery: recorded already
            return
        try:
            deps.feedback.record(feedback)
        except Exception:  # the click is acknowledged anyway; the log says what was lost
            log.exception("could not record %s", feedback)
        await _respond(context, 200)

    app.invoke(SUBMIT_ACTION)(on_submit_action)
