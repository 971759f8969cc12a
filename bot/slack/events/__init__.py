"""Events API listeners: @mentions, direct messages, and follow-ups in the bot's threads."""

from slack_bolt import App

from bot.slack.deps import SlackDeps
from bot.slack.events import mentions, messages


def register(app: App, deps: SlackDeps) -> None:
    mentions.register(app, deps)
    messages.register(app, deps)
