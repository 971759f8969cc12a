"""Block Kit for trialbot's results: a pure formatter (data in, message dicts out, no I/O).

Every message holds Slack's limits whatever the answer: at most 50 blocks, section text at most
3000 characters, at most 10 elements in a context block, button values at most 2000 characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from bot.answer.models import Answer, Citation
from bot.app.commands import (
    Added,
    ArticleList,
    Help,
    Result,
    SourceRef,
    TrialFigures,
    source_refs,
)

MAX_BLOCKS = 50
MAX_TEXT = 3000  # section text, context element text
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK = 3000  # the notification text beside the blocks
MAX_TEXT_SECTIONS = 10  # an answer longer than this many sections is cut

SHOW_SOURCES = "trialbot_show_sources"
HIDE_SOURCES = "trialbot_hide_sources"
# the thumbs buttons of answers posted before the native feedback control: still handled
FEEDBACK_HELPFUL = "trialbot_feedback_helpful"
FEEDBACK_NOT_HELPFUL = "trialbot_feedback_not_helpful"
FEEDBACK = "trialbot_feedback"  # Slack's feedback_buttons element under an answer
FEEDBACK_BLOCK = "trialbot_feedback"
ACTIONS_BLOCK = "trialbot_actions"
QUOTE_BLOCK_PREFIX = "trialbot_quote_"

Block = dict[str, Any]


@dataclass
class Message:
    """What chat.postMessage or a response_url receives: fallback text and blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks} if self.blocks else {"text": self.text}


def escape(text: str) -> str:
    """Slack's three control characters as entities, so text is shown, not interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at line ends or spaces."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section_block(text: str, block_id: str | None = None) -> Block:
    """A mrkdwn section, its text clipped to Slack's limit."""
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, MAX_TEXT)}}
    if block_id:
        block["block_id"] = block_id
    return block


def context_block(texts: list[str]) -> Block:
    """A context block of mrkdwn elements within Slack's limits: texts past the tenth element
    are joined into the last one, each text clipped."""
    if len(texts) > MAX_CONTEXT_ELEMENTS:
        texts = [*texts[: MAX_CONTEXT_ELEMENTS - 1], "\n".join(texts[MAX_CONTEXT_ELEMENTS - 1 :])]
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": clip(t, MAX_TEXT)} for t in texts],
    }


def source_link(title: str, source: str) -> str:
    """The source as a link when it is a URL, else its title and file name."""
    title = escape(clip(" ".join(title.split()) or source, 300)).replace("|", "¦")
    if re.match(r"https?://", source):
        return f"<{source}|{title}>"
    name = PurePath(source).name if source else ""
    return f"{title} ({escape(name)})" if name else title


def _citation_contexts(citations: list[Citation], budget: int, label: str = "") -> list[Block]:
    """Numbered citations (title, link) in context blocks, at most ``budget`` blocks."""
    texts = [f"{escape(label)}"] if label else []
    texts += [f"*[{c.n}]* {source_link(c.title, c.source)}" for c in citations]
    capacity = budget * MAX_CONTEXT_ELEMENTS
    if len(texts) > capacity:
        shown = capacity - 1
        texts = [*texts[:shown], f"…and {len(texts) - shown} more sources"]
    return [
        context_block(texts[i : i + MAX_CONTEXT_ELEMENTS])
        for i in range(0, len(texts), MAX_CONTEXT_ELEMENTS)
    ]


def encode_refs(refs: list[SourceRef]) -> str:
    """Citation places as a button value (as many as fit in 2000 characters)."""
    kept: list[list[Any]] = []
    for r in refs:
        candidate = [*kept, [r.n, r.article_id, r.start, r.end]]
        if len(json.dumps(candidate, separators=(",", ":"))) > MAX_BUTTON_VALUE:
            break
        kept = candidate
    return json.dumps(kept, separators=(",", ":"))


def decode_refs(value: str) -> list[SourceRef]:
    try:
        return [SourceRef(int(n), str(a), int(s), int(e)) for n, a, s, e in json.loads(value)]
    except (ValueError, TypeError):
        return []


def encode_feedback(question: str, status: str, rating: str = "") -> str:
    """The rated answer's question and status (and the rating a button gives), as a button
    value."""
    extra = {"r": rating} if rating else {}
    value = json.dumps({"q": question, "s": status, **extra}, ensure_ascii=False)
    while len(value) > MAX_BUTTON_VALUE:
        question = question[: len(question) - (len(value) - MAX_BUTTON_VALUE) - 1]
        value = json.dumps({"q": question + "…", "s": status, **extra}, ensure_ascii=False)
    return value


def decode_feedback(value: str) -> tuple[str, str]:
    try:
        data = json.loads(value)
        return str(data.get("q", "")), str(data.get("s", ""))
    except (ValueError, AttributeError):
        return "", ""


def decode_rating(value: str) -> str:
    """The rating a feedback button's value carries ("helpful", "not_helpful"), or ""."""
    try:
        return str(json.loads(value).get("r", ""))
    except (ValueError, AttributeError):
        return ""


def _button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _actions(answer: Answer) -> Block:
    refs = encode_refs(source_refs(answer.citations))
    button = _button("Show sources", SHOW_SOURCES, refs)
    return {"type": "actions", "block_id": ACTIONS_BLOCK, "elements": [button]}


def _feedback_button(emoji: str, label: str, answer: Answer, rating: str) -> Block:
    return {
        "text": {"type": "plain_text", "text": emoji, "emoji": True},
        "accessibility_label": label,
        "value": encode_feedback(answer.question, answer.status, rating),
    }


def feedback_block(answer: Answer) -> Block:
    """Slack's own thumbs control (a feedback_buttons element in a context_actions block)."""
    return {
        "type": "context_actions",
        "block_id": FEEDBACK_BLOCK,
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK,
                "positive_button": _feedback_button("👍", "Helpful answer", answer, "helpful"),
                "negative_button": _feedback_button(
                    "👎", "Not a helpful answer", answer, "not_helpful"
                ),
            }
        ],
    }


def answer_message(answer: Answer, heading: str = "") -> Message:
    """The answer, its numbered citations, "Show sources" and Slack's feedback control."""
    text = fact_table_text(answer.text) if answer.engine == "facts" else escape(answer.text)
    body = f"*{escape(heading)}*\n{text}" if heading else text
    pieces = split_text(body)
    if len(pieces) > MAX_TEXT_SECTIONS:
        cut = " _(cut: the answer is too long for one message)_"
        last = clip(pieces[MAX_TEXT_SECTIONS - 1], MAX_TEXT - len(cut))
        pieces = [*pieces[: MAX_TEXT_SECTIONS - 1], last + cut]
    blocks = [section_block(p) for p in pieces]
    label = "Closest sources:" if answer.status == "not_found" and answer.citations else ""
    budget = MAX_BLOCKS - len(blocks) - 2  # the actions block and the feedback block
    blocks += _citation_contexts(answer.citations, budget, label)
    if answer.citations:
        blocks.append(_actions(answer))
    blocks.append(feedback_block(answer))
    return Message(clip(answer.text, MAX_FALLBACK), blocks)


def fact_table_text(text: str) -> str:
    """Fact-sheet rows ("endpoint | arm | value [n]") as an aligned table in a code block; other
    lines (the caveat) as text after it."""
    rows = [line.split(" | ", 2) for line in text.splitlines() if line.count(" | ") >= 2]
    rest = [line for line in text.splitlines() if line.strip() and line.count(" | ") < 2]
    if not rows:
        return escape(text)
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    lines = [f"{r[0]:<{widths[0]}}  {clip(r[1], 60):<{min(widths[1], 60)}}  {r[2]}" for r in rows]
    table = "```" + escape("\n".join(lines)) + "```"
    return "\n".join([table, *(escape(line) for line in rest)])


def quote_blocks(citations: list[Citation], budget: int = MAX_BLOCKS) -> list[Block]:
    """One section per citation: number, link and the quote, at most ``budget`` blocks."""
    blocks = []
    for c in citations[:budget]:
        quote = escape(" ".join(c.quote.split())) if c.quote else "_(quote unavailable)_"
        text = f"*[{c.n}]* {source_link(c.title, c.source)}\n>{quote}"
        blocks.append(section_block(text, f"{QUOTE_BLOCK_PREFIX}{c.n}"))
    return blocks


def with_quotes(blocks: list[Block], citations: list[Citation]) -> list[Block]:
    """An answer's blocks with its quotes shown above the buttons ("Show sources" clicked)."""
    kept = without_quotes(blocks)
    controls = (ACTIONS_BLOCK, FEEDBACK_BLOCK)
    at = next((i for i, b in enumerate(kept) if b.get("block_id") in controls), len(kept))
    quotes = quote_blocks(citations, MAX_BLOCKS - len(kept))
    return [*kept[:at], *quotes, *_toggle(kept[at:], SHOW_SOURCES, HIDE_SOURCES, "Hide sources")]


def without_quotes(blocks: list[Block]) -> list[Block]:
    """An answer's blocks with its quotes hidden again."""
    kept = [b for b in blocks if not str(b.get("block_id", "")).startswith(QUOTE_BLOCK_PREFIX)]
    return _toggle(kept, HIDE_SOURCES, SHOW_SOURCES, "Show sources")


def _toggle(blocks: list[Block], old: str, new: str, label: str) -> list[Block]:
    out = []
    for b in blocks:
        if b.get("block_id") == ACTIONS_BLOCK:
            b = {**b, "elements": [dict(e) for e in b.get("elements", [])]}
            for e in b["elements"]:
                if e.get("action_id") == old:
                    e["action_id"] = new
                    e["text"] = {"type": "plain_text", "text": label, "emoji": True}
        out.append(b)
    return out


def help_message(prefix: str) -> Message:
    """The commands, as typed after ``prefix`` (``/trials`` or ``@trialbot``)."""
    lines = [f"`{prefix} {usage}`: {escape(what)}" for usage, what in Help().usage]
    text = "*What I can do*\n" + "\n".join(lines)
    return Message("What I can do: " + ", ".join(u for u, _ in Help().usage), [section_block(text)])


def articles_message(result: ArticleList, prefix: str) -> Message:
    if not result.articles:
        text = f"No articles indexed yet. Add one with `{prefix} add URL`."
        return Message(text, [section_block(text)])
    lines = []
    for a in result.articles:
        trials = ", ".join(a.trials) or "no trial named"
        drugs = ", ".join(a.drugs[:6])
        detail = f"trials: {escape(trials)}" + (f" · drugs: {escape(drugs)}" if drugs else "")
        lines.append(f"• {source_link(a.title, a.source)}\n   {detail} · {a.chunks} chunks")
    heading = f"*{len(result.articles)} indexed articles*"
    pieces = split_text(heading + "\n" + "\n".join(lines))
    if len(pieces) > MAX_BLOCKS:
        pieces = [*pieces[: MAX_BLOCKS - 1], "_(more articles not shown)_"]
    return Message(f"{len(result.articles)} indexed articles", [section_block(p) for p in pieces])


def trial_message(result: TrialFigures, prefix: str) -> Message:
    if result.answer is None:
        known = ", ".join(result.known) or "none yet"
        text = (
            f"No indexed article names a trial called “{escape(result.trial)}”. "
            f"Indexed trials: {escape(known)}. Ask a question instead: `{prefix} QUESTION`."
        )
        return Message(text, [section_block(text)])
    return answer_message(result.answer, heading=f"Key figures of {result.trial}")


def added_message(result: Added) -> Message:
    r = result.result
    said = {"added": "Added", "replaced": "Updated", "unchanged": "Already indexed"}.get(
        r.status, r.status
    )
    link = source_link(r.title, r.source)
    text = f"{said}: {link}"
    if r.status != "unchanged":
        text += f" ({r.chunks} chunks)"
    facts = []
    if result.trials:
        facts.append("trials: " + escape(", ".join(result.trials)))
    if result.drugs:
        facts.append("drugs: " + escape(", ".join(result.drugs[:8])))
    if facts:
        text += "\n" + " · ".join(facts)
    return Message(f"{said}: {clip(r.title, 200)}", [section_block(text)])


def error_message(reason: str) -> Message:
    """A user error (TrialbotError), said plainly."""
    text = f":warning: {escape(reason)}"
    return Message(clip(text, MAX_FALLBACK), [section_block(text)])


def apology_message() -> Message:
    """An internal error: a short apology; the details are in the log."""
    text = (
        ":confused: Sorry, something went wrong on my side while answering. "
        "The details are in my log; please try again in a moment."
    )
    return Message(text, [section_block(text)])


def working_text(command_text: str) -> str:
    """The immediate acknowledgement of a slash command."""
    return f":hourglass_flowing_sand: Working on it: _{escape(clip(command_text, 200))}_"


def result_message(result: Result, prefix: str) -> Message:
    """Any command result as a message; ``prefix`` is how commands are typed on this surface."""
    if isinstance(result, Answer):
        return answer_message(result)
    if isinstance(result, Help):
        return help_message(prefix)
    if isinstance(result, ArticleList):
        return articles_message(result, prefix)
    if isinstance(result, TrialFigures):
        return trial_message(result, prefix)
    return added_message(result)
