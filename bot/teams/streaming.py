"""Teams' streaming protocol for bot messages (personal chats), while the LLM engine answers.

A stream is a run of ``typing`` activities, then one ``message`` that ends it. Each carries a
``streaminfo`` entity (and, for clients that read it there, the same fields in ``channelData``):
the first, ``informative`` ("Searching trial news...", a progress line), starts the stream and
its id comes back as the stream's id; ``streaming`` updates carry the text written so far, the
whole of it each time, with a rising ``streamSequence``; the final message, ``streamType: final``
with the stream's id, replaces everything shown. The streamed text is the model's, unchecked: the
final message is the checked answer (the model's, or the deterministic one when the model's
failed the grounding check), with its AI-generated entity and citations.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, Entity
from microsoft_agents.hosting.core import TurnContext

log = logging.getLogger(__name__)

PROGRESS = "Searching trial news..."
UPDATE_INTERVAL_S = 1.0  # Teams throttles streaming updates: at most about one a second


def stream_info(
    stream_type: str, *, sequence: int | None = None, stream_id: str | None = None
) -> dict[str, Any]:
    """The fields of one activity of a stream (``streamSequence`` on typing activities only)."""
    info: dict[str, Any] = {"streamType": stream_type}
    if sequence is not None:
        info["streamSequence"] = sequence
    if stream_id is not None:
        info["streamId"] = stream_id
    return info


def _marked(activity: Activity, info: dict[str, Any]) -> Activity:
    """``activity`` carrying ``info`` as a streaminfo entity and in its channelData."""
    entity = Entity.model_validate({"type": "streaminfo", **info})
    activity.entities = [*(activity.entities or []), entity]
    channel_data = activity.channel_data
    if hasattr(channel_data, "model_dump"):
        channel_data = channel_data.model_dump(by_alias=True, exclude_none=True)
    kept = channel_data if isinstance(channel_data, dict) else {}  # feedbackLoopEnabled stays
    activity.channel_data = {**kept, **info}
    return activity


def informative_update(text: str = PROGRESS) -> Activity:
    """The first activity of a stream: a progress line, no answer text."""
    update = Activity(type=ActivityTypes.typing, text=text)
    return _marked(update, stream_info("informative", sequence=1))


def streaming_update(text: str, sequence: int, stream_id: str) -> Activity:
    """The answer as written so far (all of it: each update replaces the one before)."""
    update = Activity(type=ActivityTypes.typing, text=text)
    return _marked(update, stream_info("streaming", sequence=sequence, stream_id=stream_id))


def end_of_stream(activity: Activity, stream_id: str) -> Activity:
    """``activity`` (the answer) as the final message of the stream ``stream_id``."""
    return _marked(activity, stream_info("final", stream_id=stream_id))


async def start_stream(context: TurnContext) -> str | None:
    """Send the informative update; returns the stream's id (None: no stream, Teams refused)."""
    try:
        response = await context.send_activity(informative_update())
    except Exception as exc:  # a courtesy, like the typing dots: the answer still goes
        log.debug("streaming update in %s: %s", context.activity.conversation.id, exc)
        return None
    return response.id if response is not None and response.id else None


async def stream_text(
    context: TurnContext,
    stream_id: str,
    answer: Callable[[Callable[[str], None]], Awaitable[Any]],
    interval_s: float = UPDATE_INTERVAL_S,
) -> Any:
    """Run ``answer(sink)`` (the answer computed on a worker thread, the engine's text passed
    to ``sink`` there) and send the text as it grows, at most one update per ``interval_s``;
    returns what ``answer`` returns. Only the final message (sent by the caller) stays."""
    loop = asyncio.get_running_loop()
    pieces: asyncio.Queue[str | None] = asyncio.Queue()

    def sink(piece: str) -> None:  # on the worker thread
        loop.call_soon_threadsafe(pieces.put_nowait, piece)

    work = asyncio.ensure_future(answer(sink))
    work.add_done_callback(lambda _: pieces.put_nowait(None))
    written, sequence, last, refused = "", 2, float("-inf"), False
    while (piece := await pieces.get()) is not None:
        written += piece
        if refused or loop.time() - last < interval_s or not written.strip():
            continue
        try:
            await context.send_activity(streaming_update(written, sequence, stream_id))
        except Exception as exc:  # the person stopped it, or Teams refused: the answer still goes
            log.info("streaming in %s stopped: %s", context.activity.conversation.id, exc)
            refused = True
        sequence, last = sequence + 1, loop.time()
    return await work
