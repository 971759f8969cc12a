"""Answers as Teams AI-generated messages: a pure formatter (an Answer in, activity JSON out).

Teams shows a message whose entities hold a ``https://schema.org/Message`` entity with
``additionalType: ["AIGeneratedContent"]`` with the "AI generated" label, and turns each ``[n]``
of its text into a citation pop-up from the ``Claim`` at ``position`` n: the article's title
(a link when it has a URL) and ``abstract``, the quote. Teams' limits (Microsoft's ClientCitation
reference): at most 20 citations, a name of 80 characters, an abstract of 160. A longer quote is
cut around the figure the answer gives, and stays whole in the pop-up's detail card
(``appearance.text``). ``channelData.feedbackLoopEnabled`` adds Teams' thumbs buttons.

A fact sheet (``show TRIAL``) keeps its Adaptive Card table: the text names its sources, [1] [2],
so the table's ``[n]`` have their pop-ups too.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from bot.answer.models import Answer, Citation
from bot.teams.cards import adaptive_card, fact_table, literal, markdown

AI_CONTENT = "AIGeneratedContent"
MESSAGE_ENTITY = "https://schema.org/Message"
MAX_CLAIMS = 20
MAX_NAME = 80
MAX_ABSTRACT = 160
MAX_DETAIL_QUOTE = 700  # the full quote in the pop-up's detail card
# Teams refuses a message over 40 KB of UTF-16: 20,480 characters of the BMP; room for the
# envelope (ids, conversation, service URL) that the SDK adds
MAX_MESSAGE_CHARS = 18_000
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"

Activity = dict[str, Any]

_MARKER = re.compile(r"\[(\d+)\]")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*%?")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def markers(text: str) -> list[int]:
    """The citation numbers of ``text``'s ``[n]`` markers, in order of first appearance."""
    seen: list[int] = []
    for m in _MARKER.finditer(text):
        n = int(m.group(1))
        if n not in seen:
            seen.append(n)
    return seen


def _figures_cited(text: str, n: int) -> list[str]:
    """The figures of the lines of ``text`` that cite ``[n]`` (markers removed)."""
    lines = [line for line in text.splitlines() if f"[{n}]" in line] or text.splitlines()
    return [f for line in lines for f in _FIGURE.findall(_MARKER.sub(" ", line))]


def abstract(quote: str, figures: list[str], limit: int = MAX_ABSTRACT) -> str:
    """``quote`` within ``limit`` characters; a longer one is cut around the first of
    ``figures`` it holds (the figure the answer gives stays in what Teams shows)."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    at = min((quote.find(f) for f in figures if f in quote), default=0)
    start = max(0, at - limit // 3)
    if start:  # begin on a word
        space = quote.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    room = limit - (1 if start else 0)
    end = start + room
    if end < len(quote):
        end = start + room - 1
        space = quote.rfind(" ", start, end)
        end = space if space > at + 1 else end
    return ("…" if start else "") + quote[start:end].rstrip() + ("…" if end < len(quote) else "")


def _detail_card(c: Citation) -> str:
    """The pop-up's detail: the quote, whole, shown as typed (no Markdown)."""
    quote = _clip(c.quote, MAX_DETAIL_QUOTE) if c.quote else "(quote unavailable)"
    card = adaptive_card([literal(quote, italic=True)])
    del card["msteams"]
    return json.dumps(card, ensure_ascii=False)


def claim(c: Citation, position: int, figures: list[str], *, detail: bool = True) -> dict:
    """One ``Claim``: the citation's title, link and quote, at ``position``."""
    appearance: dict[str, Any] = {
        "@type": "DigitalDocument",
        "name": _clip(c.title or PurePath(c.source).name or "untitled", MAX_NAME),
        "abstract": abstract(c.quote, figures) if c.quote else "(quote unavailable)",
    }
    if re.match(r"https?://", c.source):
        appearance["url"] = c.source
    elif c.source:  # a file: its name, where Teams shows keywords
        appearance["keywords"] = [_clip(PurePath(c.source).name, 28)]
    if detail:
        appearance["text"] = _detail_card(c)
        appearance["encodingFormat"] = ADAPTIVE_CARD
    return {"@type": "Claim", "position": position, "appearance": appearance}


def ai_entity(claims: list[dict]) -> dict:
    """The entity that makes Teams label a message as AI generated and show its citations."""
    entity: dict[str, Any] = {
        "type": MESSAGE_ENTITY,
        "@type": "Message",
        "@context": "https://schema.org",
        "additionalType": [AI_CONTENT],
    }
    if claims:
        entity["citation"] = claims
    return entity


def answer_text(answer: Answer, heading: str = "") -> str:
    """The message text: the answer with its markers; a fact sheet or a not-found answer names
    its sources as markers, so that each source has its pop-up."""
    cited = [c.n for c in answer.citations[:MAX_CLAIMS]]
    sources = " ".join(f"[{n}]" for n in cited)
    if answer.engine == "facts":
        return f"**{heading or 'Key figures'}**, from {sources}" if cited else heading
    text = "\n\n".join(line.strip() for line in answer.text.splitlines() if line.strip())
    if heading:
        text = f"**{heading}**\n\n{text}"
    missing = [n for n in cited if n not in markers(text)]
    if missing and answer.status == "not_found":
        text += "\n\nClosest sources: " + " ".join(f"[{n}]" for n in missing)
    return text


def answer_activity(answer: Answer, heading: str = "", *, feedback: bool = True) -> Activity:
    """The AI-generated message answering with ``answer``: text with ``[n]`` markers, one Claim
    per marker, the feedback buttons, and a fact table as a card where there is one."""
    text = answer_text(answer, heading)
    by_n = {c.n: c for c in answer.citations}
    cited = [n for n in markers(text) if n in by_n][:MAX_CLAIMS]
    activity: Activity = {"type": "message", "text": text, "textFormat": "markdown"}
    if answer.engine == "facts":
        lines = [line for line in answer.text.splitlines() if line.strip()]
        table = adaptive_card(fact_table(lines) or [markdown("No figures.")])
        activity["attachments"] = [{"contentType": ADAPTIVE_CARD, "content": table}]
    if feedback:
        activity["channelData"] = {"feedbackLoopEnabled": True}
    detailed = len(cited)
    while True:
        claims = [
            claim(by_n[n], n, _figures_cited(answer.text, n), detail=i < detailed)
            for i, n in enumerate(cited)
        ]
        activity["entities"] = [ai_entity(claims)]
        if detailed == 0 or len(json.dumps(activity, ensure_ascii=False)) <= MAX_MESSAGE_CHARS:
            return activity
        detailed -= 1  # the detail cards go first, from the last source; abstracts stay
