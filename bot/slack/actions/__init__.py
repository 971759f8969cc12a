"""Block action listeners: "Show sources" / "Hide sources" and the feedback buttons."""

from slack_bolt import App

from bot.slack.actions import feedback, sources
from bot.slack.deps import SlackDeps


def register(app: App, deps: SlackDeps) -> None:
    sources.register(app, deps)
    feedback.register(app, deps)
