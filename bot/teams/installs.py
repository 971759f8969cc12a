"""The bot added to or removed from a team, a group chat or someone's personal scope: its
conversation reference is stored (a digest can go there before anyone asks anything) or
forgotten (nothing is ever posted where the bot was uninstalled)."""

from __future__ import annotations

import logging

from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.teams.conversations import conversation_from_activity
from bot.teams.deps import TeamsDeps

log = logging.getLogger(__name__)


def register(app: AgentApplication[TurnState], deps: TeamsDeps) -> None:
    async def on_installation_update(context: TurnContext, state: TurnState) -> None:
        activity = context.activity
        conversation = conversation_from_activity(activity)
        action = (activity.action or "").lower()
        if action.startswith("remove"):
            deps.conversations.remove(conversation.id)
            log.info("removed from %s %s", conversation.kind, conversation.id)
        elif action.startswith("add"):
            deps.conversations.save(conversation)
            log.info("installed in %s %s", conversation.kind, conversation.id)

    async def on_conversation_update(context: TurnContext, state: TurnState) -> None:
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(m.id == bot_id for m in activity.members_added or []):
            deps.conversations.save(conversation_from_activity(activity))

    app.installation_update()(on_installation_update)
    app.conversation_update("membersAdded")(on_conversation_update)
