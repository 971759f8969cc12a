"""The grounding rule: every number in an answer appears verbatim in one of its citation quotes."""

from __future__ import annotations

import re

from bot.answer.models import Citation

_MARKER = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
_NUMBER = re.compile(r"(?<![\d.])(?:\d+(?:[.,]\d+)*|\.\d+)")


def numbers_in(text: str) -> list[str]:
    """The numbers written in ``text``, citation markers like [1] excluded."""
    return _NUMBER.findall(_MARKER.sub(" ", text))


def _present(number: str, quote: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|[.,]\d)", quote) is not None


def ungrounded_numbers(text: str, citations: list[Citation]) -> list[str]:
    """Numbers of ``text`` found in none of the quotes (empty when the answer is grounded)."""
    quotes = [c.quote for c in citations]
    return [n for n in numbers_in(text) if not any(_present(n, q) for q in quotes)]


def is_grounded(text: str, citations: list[Citation]) -> bool:
    return bool(citations) and not ungrounded_numbers(text, citations)
