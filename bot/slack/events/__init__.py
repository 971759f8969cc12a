"""Events API listeners: @mentions, direct messages, follow-ups in the bot's threads, and the
AI app surface (suggested prompts when a thread starts)."""

from slack_bolt import App

from bot.slack.deps import SlackDeps
from bot.slack.events import assistant, mentions, messages


def register(app: App, deps: SlackDeps) -> None:
    assistant.register(app, deps)
    mentions.register(app, deps)
    messages.register(app, deps)
