"""What the answer core returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["answered", "not_found"]


@dataclass(frozen=True)
class Citation:
    """A numbered source: ``quote`` is the exact text at ``start:end`` of the article."""

    n: int
    title: str
    source: str
    quote: str
    article_id: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Answer:
    question: str
    status: Status
    text: str
    citations: list[Citation] = field(default_factory=list)
    engine: str = "extractive"
    elapsed_ms: float = 0.0
    confidence: float | None = None  # 0..1; None where the engine gives none
    why: list[str] = field(default_factory=list)  # the rules behind the lead (ask --explain)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``trialbot ask --json``."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.text,
            "citations": [
                {k: v for k, v in asdict(c).items() if k in ("n", "title", "source", "quote")}
                for c in self.citations
            ],
            "engine": self.engine,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "why": self.why,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }
