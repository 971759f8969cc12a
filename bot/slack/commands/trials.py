"""``/trials QUESTION | list | show TRIAL | add URL | help``.

Acknowledged at once with a short "working" text (help is answered in the ack itself); the
result is computed after the ack and posted to the command's response_url, visible to the
person who typed it. ``add`` runs on the add executor, never on the workers answering questions.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.app.commands import parse_command
from bot.slack.blocks import help_message, working_text
from bot.slack.deps import COMMAND, SlackDeps
from bot.slack.replies import run_safely


def register(app: App, deps: SlackDeps) -> None:
    def ack_trials(ack: Ack, command: dict[str, Any]) -> None:
        text = command.get("text", "")
        if parse_command(text).kind == "help":
            ack(**help_message(COMMAND).as_kwargs(), response_type="ephemeral")
        else:
            working = working_text(f"{command.get('command', COMMAND)} {text}".strip())
            ack(text=working, response_type="ephemeral")

    def run_trials(command: dict[str, Any]) -> None:
        parsed = parse_command(command.get("text", ""))
        if parsed.kind == "help":
            return

        def respond() -> None:
            message = run_safely(
                lambda: deps.commands.run(parsed, user=command.get("user_id", "")),
                COMMAND,
                f"{COMMAND} {parsed.kind} for {command.get('user_id')}",
            )
            deps.send_to_response_url(command["response_url"], message, response_type="ephemeral")

        if parsed.kind == "add":
            deps.run_add(respond)  # a slow page or a busy index must not take an answer worker
        else:
            respond()

    app.command(COMMAND)(ack=ack_trials, lazy=[run_trials])
