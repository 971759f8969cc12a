"""Adaptive Cards for trialbot's results: a pure formatter (data in, card dicts out, no I/O).

Text from articles (answers, quotes) goes into ``RichTextBlock`` runs, which Teams shows as
typed: a quote stays verbatim even when it holds ``*``, ``_`` or ``1.`` that Markdown would
turn into emphasis or a list. Citation lines are Markdown ``TextBlock``s, for their links; their
titles are defused first. Every card stays under Teams' message size limit whatever the answer
(about 28 KB per message): long lists are cut with a note.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from bot.answer.models import Answer, Citation
from bot.app.commands import Added, ArticleList, Help, Result, TrialFigures

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"  # the highest version Teams renders in bot messages
MAX_CARD_CHARS = 24_000  # Teams refuses messages over ~28 KB; the activity envelope needs room
MAX_CITATIONS = 20
MAX_QUOTE = 700
MAX_TITLE = 200
MAX_ARTICLES = 40
SHOW_SOURCES = "Show sources"

Card = dict[str, Any]
Element = dict[str, Any]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def adaptive_card(body: list[Element], actions: list[Element] | None = None) -> Card:
    """A card of ``body`` elements (and ``actions``), full width in Teams."""
    card: Card = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "msteams": {"width": "Full"},
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def literal(text: str, **style: Any) -> Element:
    """Text shown exactly as written (no Markdown), e.g. a quote."""
    return {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": text, **style}]}


def markdown(text: str, **style: Any) -> Element:
    """Teams' Markdown subset (bold, links), for text we composed ourselves."""
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def defuse(text: str) -> str:
    """A title made safe to put in Markdown: no link brackets, no emphasis markers."""
    text = text.replace("[", "(").replace("]", ")")
    return re.sub(r"[*`]", "", text)


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def source_link(title: str, source: str) -> str:
    """Markdown: the title as a link when the source is a URL, else title and file name."""
    shown = defuse(_clip(title or source, MAX_TITLE)) or "untitled"
    if re.match(r"https?://", source):
        return f"[{shown}]({_url(source)})"
    name = PurePath(source).name if source else ""
    return f"{shown} ({defuse(name)})" if name else shown


def citation_line(c: Citation) -> Element:
    return markdown(f"**[{c.n}]** {source_link(c.title, c.source)}", spacing="Small")


def quote_elements(citations: list[Citation]) -> list[Element]:
    """Each citation: its numbered link, then its quote, verbatim."""
    elements: list[Element] = []
    for c in citations:
        quote = _clip(c.quote, MAX_QUOTE) if c.quote else "(quote unavailable)"
        elements.append(citation_line(c))
        elements.append(literal(quote, italic=True))
    return elements


def fact_table(lines: list[str]) -> list[Element]:
    """Fact-sheet rows ("endpoint | arm | value [n]") as an Adaptive Card table; other lines
    (the caveat) as text under it."""
    rows = [line.split(" | ", 2) for line in lines if line.count(" | ") >= 2]
    rest = [literal(line) for line in lines if line.count(" | ") < 2]
    header = ["Endpoint", "Arm / subgroup", "Value [source]"]

    def row(cells: list[str], bold: bool = False) -> Element:
        return {
            "type": "TableRow",
            "cells": [
                {
                    "type": "TableCell",
                    "items": [literal(c, **({"weight": "Bolder"} if bold else {}))],
                }
                for c in cells
            ],
        }

    table: Element = {
        "type": "Table",
        "gridStyle": "accent",
        "firstRowAsHeader": True,
        "columns": [{"width": 1}, {"width": 3}, {"width": 2}],
        "rows": [row(header, bold=True), *(row(r) for r in rows)],
    }
    return [table, *rest] if rows else rest


def _size(card: Card) -> int:
    return len(json.dumps(card, ensure_ascii=False))


def answer_card(answer: Answer, heading: str = "") -> Card:
    """The answer, its numbered citations with links, and "Show sources" revealing the quotes;
    a ``not_found`` answer says so and lists the closest sources the same way."""
    body: list[Element] = []
    if heading:
        body.append(markdown(f"**{defuse(heading)}**", size="Medium"))
    lines = [line for line in answer.text.splitlines() if line.strip()]
    if answer.engine == "facts":
        body += fact_table(lines)
    else:
        body += [literal(line) for line in lines]
    citations = answer.citations[:MAX_CITATIONS]
    more = len(answer.citations) - len(citations)
    if citations:
        label = "Closest sources" if answer.status == "not_found" else "Sources"
        body.append(markdown(f"**{label}**", spacing="Medium", size="Small"))
    while True:
        cited = [citation_line(c) for c in citations]
        if more:
            cited.append(markdown(f"…and {more} more sources", isSubtle=True, size="Small"))
        actions = []
        if citations:
            sources = adaptive_card(quote_elements(citations))
            del sources["$schema"], sources["msteams"]
            actions.append({"type": "Action.ShowCard", "title": SHOW_SOURCES, "card": sources})
        card = adaptive_card(body + cited, actions)
        if _size(card) <= MAX_CARD_CHARS or len(citations) <= 1:
            return card
        citations = citations[:-1]
        more += 1


def help_card(mention: str = "@trialbot") -> Card:
    """The commands; in a channel or group chat they follow an @mention of the bot."""
    facts = [{"title": usage, "value": what} for usage, what in Help().usage]
    return adaptive_card(
        [
            markdown("**What I can do**", size="Medium"),
            {"type": "FactSet", "facts": facts},
            markdown(
                f"In a chat with me, just type it. In a channel or group chat, mention me first: "
                f"{mention} show TRIAL",
                isSubtle=True,
                size="Small",
            ),
        ]
    )


def articles_card(result: ArticleList) -> Card:
    if not result.articles:
        return adaptive_card([markdown("No articles indexed yet. Add one with: add URL")])
    shown = result.articles[:MAX_ARTICLES]
    body = [markdown(f"**{len(result.articles)} indexed articles**", size="Medium")]
    for a in shown:
        trials = ", ".join(a.trials) or "no trial named"
        detail = f"trials: {trials}" + (f" · drugs: {', '.join(a.drugs[:6])}" if a.drugs else "")
        body.append(markdown(f"• {source_link(a.title, a.source)}", spacing="Small"))
        body.append(literal(f"{detail} · {a.chunks} chunks", isSubtle=True, size="Small"))
    if len(result.articles) > len(shown):
        body.append(markdown(f"…and {len(result.articles) - len(shown)} more", isSubtle=True))
    return adaptive_card(body)


def trial_card(result: TrialFigures) -> Card:
    if result.answer is None:
        known = ", ".join(result.known) or "none yet"
        return adaptive_card(
            [
                literal(
                    f"No indexed article names a trial called “{result.trial}”. "
                    f"Indexed trials: {known}. Ask a question instead."
                )
            ]
        )
    return answer_card(result.answer, heading=f"Key figures of {result.trial}")


def added_card(result: Added) -> Card:
    r = result.result
    said = {"added": "Added", "replaced": "Updated", "unchanged": "Already indexed"}.get(
        r.status, r.status
    )
    text = f"{said}: {source_link(r.title, r.source)}"
    if r.status != "unchanged":
        text += f" ({r.chunks} chunks)"
    body = [markdown(text)]
    facts = []
    if result.trials:
        facts.append("trials: " + ", ".join(result.trials))
    if result.drugs:
        facts.append("drugs: " + ", ".join(result.drugs[:8]))
    if facts:
        body.append(literal(" · ".join(facts), isSubtle=True))
    return adaptive_card(body)


def error_card(reason: str) -> Card:
    """A user error (TrialbotError), said plainly."""
    return adaptive_card([literal(f"⚠️ {_clip(reason, 2000)}")])


def apology_card() -> Card:
    """An internal error: a short apology; the details are in the log."""
    return adaptive_card(
        [
            literal(
                "Sorry, something went wrong on my side while answering. "
                "The details are in my log; please try again in a moment."
            )
        ]
    )


def result_card(result: Result) -> Card:
    """Any command result as a card."""
    if isinstance(result, Answer):
        return answer_card(result)
    if isinstance(result, Help):
        return help_card()
    if isinstance(result, ArticleList):
        return articles_card(result)
    if isinstance(result, TrialFigures):
        return trial_card(result)
    return added_card(result)
