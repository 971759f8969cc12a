"""The Teams bot: settings and services in, the Agents SDK's application and adapter out, handlers
registered by activity type, nothing else. ``server.py`` puts it behind ``/api/messages``."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentApplication,
    AgentAuthConfiguration,
    MemoryStorage,
    TurnState,
)

from bot.app.commands import Commands
from bot.app.feedback import FeedbackStore, open_feedback_store
from bot.app.services import Services
from bot.dedupe import SeenEvents, open_seen_events
from bot.infra.fetch import ArticleFetcher
from bot.infra.settings import Settings
from bot.teams import feedback as feedback_loop
from bot.teams import installs, messages
from bot.teams.auth import (
    TokenProviderFactory,
    auth_configuration,
    build_adapter,
    build_connections,
    outbound_identity,
)
from bot.teams.conversations import ConversationStore, open_conversations
from bot.teams.deps import TeamsDeps
from bot.teams.proactive import TeamsProactiveSender


@dataclass
class TeamsBot:
    """What the HTTP host needs: the application, its adapter and the auth configuration the
    SDK's JWT check reads."""

    app: AgentApplication[TurnState]
    adapter: CloudAdapter
    auth: AgentAuthConfiguration
    deps: TeamsDeps

    def sender(self, loop: asyncio.AbstractEventLoop | None = None) -> TeamsProactiveSender:
        """Proactive posts to the conversations this bot stored, with its credentials."""
        return TeamsProactiveSender(
            self.adapter, self.deps.conversations, outbound_identity(self.deps.settings), loop=loop
        )


def build_bot(
    settings: Settings,
    services: Services,
    *,
    seen: SeenEvents | None = None,
    conversations: ConversationStore | None = None,
    feedback: FeedbackStore | None = None,
    token_provider: TokenProviderFactory | None = None,
) -> TeamsBot:
    """The Teams bot; ``seen``, ``conversations`` and ``feedback`` default to files beside the
    index (or the shared PostgreSQL state, ``TRIALBOT_STATE_URL``; feedback with Slack's),
    ``token_provider`` to MSAL (the app id and secret)."""
    s = settings.teams
    auth = auth_configuration(s)  # missing credentials fail here, before anything is started
    connections = build_connections(auth, token_provider)
    adapter = build_adapter(connections)
    index_dir = settings.index.dir
    state_url = settings.state.url.get_secret_value() if settings.state.url else None
    if feedback is None:
        feedback = open_feedback_store(settings, services.state)  # beside Slack's feedback
    deps = TeamsDeps(
        settings=s,
        commands=Commands(
            services,
            ArticleFetcher.from_settings(settings.fetch),
            add_allowed_users=s.add_allowed_users,
        ),
        seen=open_seen_events(s.dedupe, index_dir / "teams-seen.sqlite3", state_url=state_url)
        if seen is None
        else seen,
        conversations=conversations
        or open_conversations(settings, services.state if state_url else None),
        feedback=feedback,
        adapter=adapter,
        streams_progress=settings.answer.engine == "llm",
        executor=ThreadPoolExecutor(s.workers, thread_name_prefix="trialbot-teams"),
    )
    # turn state is unused (history is RecentQuestions); the SDK requires a storage anyway
    app = AgentApplication[TurnState](
        storage=MemoryStorage(),
        connection_manager=connections,
        start_typing_timer=False,  # answers come after the ack; they send their own typing
        remove_recipient_mention=True,
    )
    messages.register(app, deps)
    installs.register(app, deps)
    feedback_loop.register(app, deps)
    return TeamsBot(app, adapter, auth, deps)
