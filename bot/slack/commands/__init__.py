"""Slash command listeners: ``/trials``."""

from slack_bolt import App

from bot.slack.commands import trials
from bot.slack.deps import SlackDeps


def register(app: App, deps: SlackDeps) -> None:
    trials.register(app, deps)
