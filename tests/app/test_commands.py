"""Parsing what people type into commands, for any chat surface."""

import pytest

from bot.app.commands import Command, parse_command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("", Command("help")),
        ("<@UBOT>", Command("help")),
        ("help", Command("help")),
        ("Help?", Command("help")),
        ("list", Command("list")),
        ("list trials", Command("list")),
        ("<@UBOT> show IMforte", Command("show", "IMforte")),
        ("show CheckMate 816", Command("show", "CheckMate 816")),
        ("compare ORR IMforte IDeate-Lung01", Command("compare", "ORR IMforte IDeate-Lung01")),
        ("compare the ORR of these trials?", Command("ask", "compare the ORR of these trials?")),
        ("add <https://example.org/a.html>", Command("add", "https://example.org/a.html")),
        (
            "add <https://example.org/a.html|the article>",
            Command("add", "https://example.org/a.html"),
        ),
        ("add https://example.org/a.html please", Command("add", "https://example.org/a.html")),
        ("add", Command("add")),
        ("What was the ORR?", Command("ask", "What was the ORR?")),
        ("show me the ORR in IMforte", Command("ask", "show me the ORR in IMforte")),
        ("list the OS in IMforte?", Command("ask", "list the OS in IMforte?")),
        ("add to that: the OS?", Command("ask", "add to that: the OS?")),
        (
            "<@UBOT> <@U2> OS HR in <https://x.org/i|IMforte>? <#C1|onc>",
            Command("ask", "OS HR in IMforte?"),
        ),
    ],
)
def test_parse_command(text: str, command: Command):
    assert parse_command(text) == command
