"""Who may talk to the bot, and how it proves itself when it answers: the Agents SDK's pieces,
built from ``TeamsSettings``.

Inbound: every POST to ``/api/messages`` carries a Bot Framework token (a JWT signed by Azure
Bot Service for this bot's app id). The SDK's ``JwtTokenValidator`` checks its signature against
the published keys, its audience (our app id) and, because we turn it on, its issuer. A request
without a valid token gets 401, unless ``allow_anonymous`` is set (local development only).

Outbound: replies and proactive messages carry a token the SDK gets from Entra ID with the app id
and secret (MSAL client credentials). ``token_provider`` is the one place where that can be
swapped (tests use a fake; a managed identity or a certificate would be another provider).
"""

from __future__ import annotations

from collections.abc import Callable

from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AccessTokenProviderBase,
    AgentAuthConfiguration,
    AuthTypes,
    ClaimsIdentity,
    ConnectionManager,
)
from microsoft_agents.hosting.core.authorization import AuthenticationConstants

from bot.infra.errors import ConfigError
from bot.infra.settings import TeamsSettings
from bot.teams.replies import apologize

TokenProviderFactory = Callable[[AgentAuthConfiguration], AccessTokenProviderBase]


def auth_configuration(s: TeamsSettings) -> AgentAuthConfiguration:
    """The SDK's configuration: app id, secret and tenant; anonymous only when allowed."""
    given = {
        "TRIALBOT_TEAMS_APP_ID": s.app_id,
        "TRIALBOT_TEAMS_APP_PASSWORD": s.app_password,
        "TRIALBOT_TEAMS_TENANT_ID": s.tenant_id,
    }
    missing = [name for name, value in given.items() if not value]
    if missing and (not s.allow_anonymous or len(missing) < len(given)):
        raise ConfigError(
            f"{', '.join(missing)} not set: the Azure Bot's app id, its client secret and its "
            "tenant id are needed to check Teams' requests and to answer them (see README, "
            "Teams); for local development without them set TRIALBOT_TEAMS_ALLOW_ANONYMOUS=true"
        )
    return AgentAuthConfiguration(
        auth_type=AuthTypes.client_secret,
        client_id=s.app_id,
        tenant_id=s.tenant_id,
        client_secret=s.app_password.get_secret_value() if s.app_password else None,
        anonymous_allowed=s.allow_anonymous,
        validate_issuer=True,  # off in the SDK by default: accept only Bot Framework / our tenant
    )


def build_connections(
    config: AgentAuthConfiguration, token_provider: TokenProviderFactory | None = None
) -> ConnectionManager:
    """Where outbound tokens come from: MSAL with the app id and secret, unless swapped."""
    return ConnectionManager(
        provider_factory=token_provider or MsalAuth,
        connections_configurations={"SERVICE_CONNECTION": config},
    )


def build_adapter(connections: ConnectionManager) -> CloudAdapter:
    """The SDK's CloudAdapter: turns requests into turns, and sends through the connector."""
    adapter = CloudAdapter(connection_manager=connections)
    # the SDK's default prints the traceback and sends the exception's text to the user
    adapter.on_turn_error = apologize
    return adapter


def outbound_identity(s: TeamsSettings) -> ClaimsIdentity:
    """Who proactive messages are sent as: the bot's app id, or nobody in anonymous mode."""
    if s.app_id and s.app_password:
        return ClaimsIdentity(
            {
                AuthenticationConstants.AUDIENCE_CLAIM: s.app_id,
                AuthenticationConstants.APP_ID_CLAIM: s.app_id,
            }
        )
    return ClaimsIdentity()
