"""Earlier questions of a conversation, so a follow-up ("and the OS?") stays on its trial.

Teams sends no thread history with a message, and reading it back needs Graph permissions the
bot does not ask for; so the bot remembers what it was asked, per conversation (a personal chat,
or one channel thread), for an hour, in memory. A restart forgets: the next question simply has
to name its trial again. The answers it sent are remembered the same way, by message id, so a
rating of one (Teams' feedback buttons) is stored with its question.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

WINDOW_S = 3600.0
PER_CONVERSATION = 5
CONVERSATIONS = 2000
ANSWERS_KEPT = 5000


class RecentQuestions:
    """The last questions asked in each conversation, within ``window_s``."""

    def __init__(
        self,
        window_s: float = WINDOW_S,
        per_conversation: int = PER_CONVERSATION,
        conversations: int = CONVERSATIONS,
    ) -> None:
        self.window_s = window_s
        self.per_conversation = per_conversation
        self.conversations = conversations
        self._asked: OrderedDict[str, list[tuple[float, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def before(self, conversation: str) -> list[str]:
        """The questions asked in ``conversation`` within the window, oldest first."""
        cutoff = time.monotonic() - self.window_s
        with self._lock:
            return [q for at, q in self._asked.get(conversation, []) if at >= cutoff]

    def add(self, conversation: str, question: str) -> None:
        now = time.monotonic()
        with self._lock:
            asked = [e for e in self._asked.pop(conversation, []) if e[0] >= now - self.window_s]
            self._asked[conversation] = [*asked, (now, question)][-self.per_conversation :]
            while len(self._asked) > self.conversations:
                self._asked.popitem(last=False)


@dataclass(frozen=True)
class RatedAnswer:
    """What a rating is about: the question, the answer's status, its text and citations (n,
    title, source, quote), stored with the rating as Slack's are."""

    question: str
    status: str
    answer: str = ""
    citations: tuple[dict[str, Any], ...] = ()


class RecentAnswers:
    """The last ``kept`` answers sent, by their message id."""

    def __init__(self, kept: int = ANSWERS_KEPT) -> None:
        self.kept = kept
        self._answers: OrderedDict[str, RatedAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, message_id: str, answer: RatedAnswer) -> None:
        with self._lock:
            self._answers[message_id] = answer
            while len(self._answers) > self.kept:
                self._answers.popitem(last=False)

    def get(self, message_id: str) -> RatedAnswer | None:
        with self._lock:
            return self._answers.get(message_id)
