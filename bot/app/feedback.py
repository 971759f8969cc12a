"""Feedback on answers (the thumbs of a chat surface), behind a small interface: each click is
kept with the question, the answer and its citations, so the team can read what was rated."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from bot.infra.settings import Settings
from bot.state import StateDB

log = logging.getLogger(__name__)

Rating = Literal["helpful", "not_helpful"]


@dataclass(frozen=True)
class Feedback:
    """One click: who rated which answer, and how."""

    rating: Rating
    question: str
    status: str  # the answer's status: answered or not_found
    user: str
    surface: str  # slack, teams, ...
    conversation: str = ""  # channel id
    message: str = ""  # message id (Slack ts, Teams activity id) of the rated answer
    comment: str = ""  # what the person typed with the rating (Teams' feedback form)
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    answer: str = ""  # the rated answer's text, as shown
    citations: list[dict[str, Any]] = field(default_factory=list)  # n, title, source, quote


class FeedbackStore(Protocol):
    """Where feedback goes, and where the team reads it back."""

    def record(self, feedback: Feedback) -> None: ...

    def read(self) -> list[Feedback]: ...


FEEDBACK_FILE = "slack-feedback.jsonl"  # beside the index, on a single host


def open_feedback_store(settings: Settings, state: StateDB) -> FeedbackStore:
    """The shared state's table when ``TRIALBOT_STATE_URL`` is set, else the file beside the
    index (``state`` is only used in the first case)."""
    if settings.state.url:
        return StateFeedbackStore(state)
    return JsonlFeedbackStore(settings.index.dir / FEEDBACK_FILE)


def _log(feedback: Feedback) -> None:
    log.info(
        "feedback %s from %s on %r (%s)",
        feedback.rating,
        feedback.user,
        feedback.question[:80],
        feedback.status,
    )


class JsonlFeedbackStore:
    """Appends one JSON object per line to a file (by default beside the index)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, feedback: Feedback) -> None:
        line = json.dumps(asdict(feedback), ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")
        _log(feedback)

    def read(self) -> list[Feedback]:
        """Every recorded feedback, oldest first."""
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [Feedback(**json.loads(line)) for line in lines if line.strip()]


class StateFeedbackStore:
    """The ``feedback`` table of a shared (PostgreSQL) state: every replica's clicks together."""

    def __init__(self, state: StateDB) -> None:
        self.state = state

    def record(self, feedback: Feedback) -> None:
        with self.state.connect() as db:
            db.execute(
                "INSERT INTO feedback (rating, question, status, user_id, surface, conversation, "
                "message, at, answer, citations, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback.rating,
                    feedback.question,
                    feedback.status,
                    feedback.user,
                    feedback.surface,
                    feedback.conversation,
                    feedback.message,
                    feedback.at,
                    feedback.answer,
                    json.dumps(feedback.citations, ensure_ascii=False),
                    feedback.comment,
                ),
            )
        _log(feedback)

    def read(self) -> list[Feedback]:
        """Every recorded feedback, oldest first."""
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT rating, question, status, user_id, surface, conversation, message, at, "
                f"answer, citations, comment FROM feedback ORDER BY {self.state.insertion_order}"
            ).fetchall()
        return [
            Feedback(
                rating=r["rating"],
                question=r["question"],
                status=r["status"],
                user=r["user_id"],
                surface=r["surface"],
                conversation=r["conversation"],
                message=r["message"],
                at=r["at"],
                answer=r["answer"],
                citations=json.loads(r["citations"] or "[]"),
                comment=r["comment"],
            )
            for r in rows
        ]
