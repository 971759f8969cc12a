"""What the Teams handlers need, built once by ``build_bot`` and handed to each ``register``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from microsoft_agents.hosting.aiohttp import CloudAdapter

from bot.answer.engine import streaming_to
from bot.answer.models import Answer
from bot.app.commands import Commands, Result, TrialFigures, parse_command
from bot.app.feedback import FeedbackStore
from bot.dedupe import SeenEvents
from bot.infra.errors import TrialbotError
from bot.infra.settings import TeamsSettings
from bot.teams.ai_message import answer_activity
from bot.teams.cards import Card, apology_card, error_card, result_card
from bot.teams.conversations import ConversationStore
from bot.teams.history import RatedAnswer, RecentAnswers, RecentQuestions
from bot.teams.streaming import UPDATE_INTERVAL_S

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Question:
    """What a person typed (mention removed), who typed it, and in which conversation."""

    text: str
    user: str
    conversation: str


@dataclass(frozen=True)
class Reply:
    """What answers a question: an AI-generated message (an Answer, rated with Teams' feedback
    buttons) or a card (help, list, errors)."""

    activity: dict[str, Any]
    rated: RatedAnswer | None = None

    @classmethod
    def card(cls, card: Card) -> Reply:
        attachment = {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        return cls({"type": "message", "attachments": [attachment]})


def reply_for(result: Result) -> Reply:
    """An answer (or a trial's figures) as an AI-generated message; anything else as a card."""
    answer: Answer | None = result if isinstance(result, Answer) else None
    heading = ""
    if isinstance(result, TrialFigures) and result.answer is not None:
        answer, heading = result.answer, f"Key figures of {result.trial}"
    if answer is None:
        return Reply.card(result_card(result))
    cited = tuple(
        {"n": c.n, "title": c.title, "source": c.source, "quote": c.quote} for c in answer.citations
    )
    rated = RatedAnswer(answer.question, answer.status, answer.text, cited)
    return Reply(answer_activity(answer, heading), rated)


@dataclass
class TeamsDeps:
    settings: TeamsSettings
    commands: Commands
    seen: SeenEvents
    conversations: ConversationStore
    feedback: FeedbackStore
    adapter: CloudAdapter
    executor: ThreadPoolExecutor
    streams_progress: bool = False  # the LLM engine: "Searching trial news..." while it works
    stream_interval_s: float = UPDATE_INTERVAL_S  # between two updates of the streamed text
    history: RecentQuestions = field(default_factory=RecentQuestions)
    answers: RecentAnswers = field(default_factory=RecentAnswers)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def answer(self, question: Question) -> Reply:
        """The reply to ``question``, computed on the worker pool (the answer core is
        blocking: the event loop keeps serving requests meanwhile)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.answer_now, question)

    async def answer_streaming(self, question: Question, sink: Callable[[str], None]) -> Reply:
        """``answer``, the engine's text handed to ``sink`` as it is written (on the worker
        thread; only an engine that writes over time, the LLM engine, hands any)."""

        def run() -> Reply:
            with streaming_to(sink):
                return self.answer_now(question)

        return await asyncio.get_running_loop().run_in_executor(self.executor, run)

    def answer_now(self, question: Question) -> Reply:
        """Run the command or question; a user error is said plainly, anything else is an
        apology (details logged)."""
        command = parse_command(question.text)
        history = self.history.before(question.conversation) if command.kind == "ask" else None
        try:
            reply = reply_for(self.commands.run(command, user=question.user, history=history))
        except TrialbotError as exc:
            log.info("%s in %s: %s", command.kind, question.conversation, exc)
            return Reply.card(error_card(str(exc)))
        except Exception:
            log.exception("%s in %s failed", command.kind, question.conversation)
            return Reply.card(apology_card())
        if command.kind == "ask":
            self.history.add(question.conversation, command.arg)
        return reply

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` after the request is acknowledged; kept until done (drained on exit)."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout_s: float = 30.0) -> None:
        """Wait for answers still being computed (shutdown), at most ``timeout_s``."""
        if self._tasks:
            log.info("waiting for %d answers in progress", len(self._tasks))
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout_s)
            for task in pending:
                task.cancel()
        self.executor.shutdown(wait=False, cancel_futures=True)
