"""The answer-engine interface: a question and its passages in, a draft answer out.

An engine that writes its answer over seconds (the LLM engine) may also hand out its text as it
is written: whoever wants it runs the work under ``streaming_to(sink)`` (or iterates a
``DeltaStream``), and the engine passes each piece to ``emit_delta``. The pieces are a preview
only: the answer that counts is the one the core returns after its grounding check, which may be
another engine's.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, copy_context
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

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


DeltaSink = Callable[[str], None]
T = TypeVar("T")

# per call, not per engine: one engine answers many questions at once, on many threads
_sink: ContextVar[DeltaSink | None] = ContextVar("trialbot_answer_delta_sink", default=None)


@contextmanager
def streaming_to(sink: DeltaSink) -> Iterator[None]:
    """Hand the text an engine writes in this context (this thread) to ``sink``, piece by piece."""
    token = _sink.set(sink)
    try:
        yield
    finally:
        _sink.reset(token)


def wants_deltas() -> bool:
    """Whether someone in this context takes the answer's text as it is written."""
    return _sink.get() is not None


def emit_delta(text: str) -> None:
    """Pass a piece of the answer being written to whoever streams it (nobody: a no-op)."""
    sink = _sink.get()
    if sink is not None and text:
        sink(text)


class DeltaStream(Generic[T]):
    """``work`` (an answer, a command) run on a thread of its own; iterate for the text the
    engine writes as it writes it, then ``result()`` for what ``work`` returned (the checked
    answer) or the exception it raised. No pieces at all when the engine does not stream."""

    _END = object()

    def __init__(self, work: Callable[[], T]) -> None:
        self._pieces: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._result: T | None = None
        self._error: BaseException | None = None
        context = copy_context()  # the caller's context vars (log fields, settings) come along

        def run() -> None:
            try:
                with streaming_to(self._pieces.put):
                    self._result = work()
            except BaseException as exc:  # handed to whoever calls result()
                self._error = exc
            finally:
                self._pieces.put(self._END)

        self._thread = threading.Thread(
            target=context.run, args=(run,), name="trialbot-answer-stream", daemon=True
        )
        self._thread.start()

    def __iter__(self) -> Iterator[str]:
        while (piece := self._pieces.get()) is not self._END:
            yield str(piece)
        self._pieces.put(self._END)  # a second iteration ends at once

    def result(self) -> T:
        """What ``work`` returned, once it has (the pieces not read are dropped)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]
