"""The answer-engine interface: a question and its passages in, a draft answer out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bot.answer.models import Citation, Status

if TYPE_CHECKING:
    from bot.answer.passages import Sentence
    from bot.answer.question import Question


@dataclass
class Draft:
    """An engine's answer before the grounding check."""

    status: Status
    text: str
    citations: list[Citation] = field(default_factory=list)
    reason: str = ""  # why not found, in words
    confidence: float | None = None  # 0..1, how sure the engine is of its lead
    why: list[str] = field(default_factory=list)  # the rules that made the lead win


class AnswerEngine(Protocol):
    name: str

    def answer(self, question: Question, sentences: list[Sentence]) -> Draft: ...
