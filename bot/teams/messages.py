"""Message activities: a personal chat with the bot, and channel or group chat messages that
@mention it (Teams delivers only those to a bot without extra permissions). The same commands as
on Slack: ``help``, ``list``, ``show TRIAL``, ``add URL``, or any question."""

from __future__ import annotations

from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.teams.deps import TeamsDeps
from bot.teams.replies import reply_to, send_apology


def register(app: AgentApplication[TurnState], deps: TeamsDeps) -> None:
    async def on_message(context: TurnContext, state: TurnState) -> None:
        await reply_to(deps, context)

    async def on_error(context: TurnContext, error: Exception) -> None:
        await send_apology(context)  # the SDK has logged the error with its traceback

    app.message()(on_message)
    app.error(on_error)
