"""Judging an answer against a question with known expectations (golden and eval files)."""

from __future__ import annotations

from typing import Any

from bot.answer.models import Answer


def judge(question: dict[str, Any], answer: Answer) -> bool:
    """Correct when an expected figure is in the answer's first line and in a cited quote, or
    when the question expects ``not_found`` and gets it."""
    if question.get("not_found"):
        return answer.status == "not_found"
    lead = answer.text.split("\n")[0]
    return answer.status == "answered" and any(
        e in lead and any(e in c.quote for c in answer.citations) for e in question["expect"]
    )
