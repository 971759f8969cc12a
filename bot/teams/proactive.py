"""Posting to Teams without being asked first (scheduled digests, notices): a card sent to a
stored conversation reference through the SDK's proactive path (``continue_conversation``).

Teams only lets a bot post where it was installed or talked to, which is why every incoming
message stores its conversation's reference (``conversations.py``). A personal chat gets the card
directly; a channel gets it as a new post.
"""

from __future__ import annotations

import asyncio
import logging

from microsoft_agents.activity import ConversationReference
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity, TurnContext

from bot.infra.errors import TrialbotError
from bot.infra.settings import Settings
from bot.teams.auth import (
    TokenProviderFactory,
    auth_configuration,
    build_adapter,
    build_connections,
    outbound_identity,
)
from bot.teams.cards import Card
from bot.teams.conversations import ConversationStore, StoredConversation, open_conversations
from bot.teams.replies import card_activity

log = logging.getLogger(__name__)

Target = StoredConversation | ConversationReference | str


class TeamsProactiveSender:
    """Sends cards to conversations the bot knows (``send``), or to all of them (``send_all``).

    ``loop``: the event loop of a running Teams host, when the sender is called from another
    thread of that process (a scheduler); without it each ``send`` runs its own loop.
    """

    def __init__(
        self,
        adapter: CloudAdapter,
        conversations: ConversationStore,
        identity: ClaimsIdentity,
        *,
        loop: asyncio.AbstractEventLoop | None = None,
        timeout_s: float = 60.0,
    ) -> None:
        self.adapter = adapter
        self.conversations = conversations
        self.identity = identity
        self.loop = loop
        self.timeout_s = timeout_s

    async def send_async(self, conversation: Target, card: Card) -> str:
        """Post ``card`` to ``conversation`` (a stored conversation, a reference, or the id of a
        stored one); returns the id Teams gave the new message."""
        reference = self._reference(conversation)
        continuation = reference.get_continuation_activity()
        sent: list[str] = []
        failed: list[Exception] = []

        async def post(context: TurnContext) -> None:
            # caught here, not by the adapter's error handler: no apology where nobody asked
            try:
                response = await context.send_activity(card_activity(card))
                sent.append(response.id or "")
            except Exception as exc:
                failed.append(exc)

        await self.adapter.continue_conversation_with_claims(self.identity, continuation, post)
        if not sent:
            reason = f": {type(failed[0]).__name__} {failed[0]}" if failed else ""
            raise TrialbotError(
                f"could not post to Teams conversation {reference.conversation.id}{reason}"
            )
        return sent[0]

    def send(self, conversation: Target, card: Card) -> str:
        """``send_async`` for synchronous callers (a scheduler thread, a command)."""
        if self.loop is None:
            return asyncio.run(self.send_async(conversation, card))
        if _running_loop() is self.loop:
            raise RuntimeError("inside the event loop, await send_async() instead")
        future = asyncio.run_coroutine_threadsafe(self.send_async(conversation, card), self.loop)
        return future.result(self.timeout_s)

    def send_all(self, card: Card, kinds: tuple[str, ...] | None = None) -> dict[str, str]:
        """Post ``card`` to every stored conversation (of ``kinds``: "personal", "channel",
        "groupChat"); returns conversation id → message id, or "error: ..." for a failure."""
        results: dict[str, str] = {}
        for conversation in self.conversations.all():
            if kinds and conversation.kind not in kinds:
                continue
            try:
                results[conversation.id] = self.send(conversation, card)
            except Exception as exc:  # one unreachable conversation must not stop the others
                log.warning("could not post to %s: %s", conversation.id, exc)
                results[conversation.id] = f"error: {exc}"
        return results

    def _reference(self, conversation: Target) -> ConversationReference:
        if isinstance(conversation, StoredConversation):
            return conversation.reference
        if isinstance(conversation, ConversationReference):
            return conversation
        stored = self.conversations.get(conversation)
        if stored is None:
            raise TrialbotError(
                f"no Teams conversation {conversation} is known: the bot must be installed there, "
                "or someone must have written to it, before it can post"
            )
        return stored.reference


def build_sender(
    settings: Settings,
    *,
    conversations: ConversationStore | None = None,
    token_provider: TokenProviderFactory | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> TeamsProactiveSender:
    """A sender for a process that does not run the Teams host (a digest job): same settings,
    same conversation references (the file beside the index, or the shared state)."""
    connections = build_connections(auth_configuration(settings.teams), token_provider)
    return TeamsProactiveSender(
        build_adapter(connections),
        conversations or open_conversations(settings),
        outbound_identity(settings.teams),
        loop=loop,
    )


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
