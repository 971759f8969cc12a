"""The MCP server (``trialbot serve mcp``), on the official MCP Python SDK.

stdio for a desktop AI client that starts it; streamable HTTP for a team, every request carrying
``Authorization: Bearer <TRIALBOT_MCP_TOKEN>`` (the transport refuses to start without a token).
"""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING, Any, Literal

from bot.infra.errors import ConfigError
from bot.mcp.knowledge import (
    AskResult,
    Document,
    RowsResult,
    SearchResults,
    TrialKnowledge,
)

if TYPE_CHECKING:
    from mcp.server import MCPServer

    from bot.infra.settings import McpSettings

INSTRUCTIONS = (
    "trialbot answers questions about the clinical-trial news articles of its index with exact "
    "figures, each quoted from its article. Use `ask` for a question, `search` and `fetch` to "
    "read articles, `show_trial` for a trial's key figures and `compare` for one endpoint across "
    "trials. Quote figures as the tools return them, with their citations; a `not_found` status "
    "means the index does not hold the answer: do not guess one."
)


def _require_sdk() -> None:
    try:
        import mcp.server  # noqa: F401
    except ImportError as exc:
        raise ConfigError(
            f"the MCP server needs the MCP SDK: pip install 'trialbot[mcp]' ({exc})"
        ) from exc


class StaticTokenVerifier:
    """Accepts exactly one bearer token (compared in constant time)."""

    def __init__(self, token: str) -> None:
        self._token = token.encode()

    async def verify_token(self, token: str) -> Any:
        from mcp.server.auth.provider import AccessToken

        if hmac.compare_digest(token.encode(), self._token):
            return AccessToken(token=token, client_id="trialbot-team", scopes=[])
        return None


def build_server(knowledge: TrialKnowledge, *, http: McpSettings | None = None) -> MCPServer:
    """The MCP server's tools and resources over ``knowledge``; with ``http``, behind its
    bearer token."""
    _require_sdk()
    from mcp.server import MCPServer
    from mcp.types import ToolAnnotations

    server: MCPServer = MCPServer(
        "trialbot", instructions=INSTRUCTIONS, log_level="WARNING", **_auth(http)
    )
    _add_tools(server, knowledge, ToolAnnotations(read_only_hint=True, open_world_hint=False))
    _add_resources(server, knowledge)
    return server


def _auth(http: McpSettings | None) -> dict[str, Any]:
    """The SDK's bearer-token check for the HTTP transport (none for stdio)."""
    from mcp.server.auth.settings import AuthSettings

    auth: dict[str, Any] = {}
    if http is not None:
        if http.token is None or not http.token.get_secret_value().strip():
            raise ConfigError(
                "the MCP HTTP transport needs a bearer token: set TRIALBOT_MCP_TOKEN "
                "(a long random string: python -c 'import secrets; print(secrets.token_urlsafe())')"
            )
        # no OAuth server: AuthSettings only turns the SDK's bearer check on; nothing is advertised
        base = f"http://{http.host}:{http.port}"
        auth = {
            "auth": AuthSettings(issuer_url=base, resource_server_url=None),  # type: ignore[arg-type]
            "token_verifier": StaticTokenVerifier(http.token.get_secret_value()),
        }
    return auth


def _add_tools(server: MCPServer, knowledge: TrialKnowledge, read_only: Any) -> None:
    """The tools: ask, search and fetch (as knowledge connectors expect), show_trial, compare."""
    from mcp.server.mcpserver.exceptions import ToolError

    @server.tool(annotations=read_only)
    def ask(question: str) -> AskResult:
        """Answer a question about the indexed trial news with the exact figure and its cited
        quotes (status `not_found` when the articles do not answer it)."""
        return knowledge.ask(question)

    @server.tool(annotations=read_only)
    def search(query: str) -> SearchResults:
        """Find indexed articles: each result has an id (for `fetch`), title, url and the
        best-matching passage as its snippet."""
        return knowledge.search(query)

    @server.tool(annotations=read_only)
    def fetch(id: str) -> Document:
        """The full indexed text and metadata of the article with this id (from `search`)."""
        document = knowledge.fetch(id)
        if document is None:
            raise ToolError(f"no indexed article has the id {id!r}; use search to find one")
        return document

    @server.tool(annotations=read_only)
    def show_trial(trial: str) -> RowsResult:
        """A trial's key reported figures (ORR, PFS, OS, hazard ratios...) by arm, one row per
        figure, each with its cited quote."""
        return knowledge.show_trial(trial)

    @server.tool(annotations=read_only)
    def compare(endpoint: str, trials: list[str] | None = None) -> RowsResult:
        """One endpoint (ORR, PFS, OS, HR...) across trials and arms, each row cited; no
        trials = every indexed trial that reports it."""
        return knowledge.compare(endpoint, trials or [])


def _add_resources(server: MCPServer, knowledge: TrialKnowledge) -> None:
    """The indexed articles as a list, and each article's text."""
    from mcp.server.mcpserver.exceptions import ResourceNotFoundError

    @server.resource(
        "trialbot://articles",
        name="articles",
        description="The indexed articles: id, title, url, trials, drugs, when ingested.",
        mime_type="application/json",
    )
    def articles() -> str:
        return json.dumps([a.model_dump() for a in knowledge.articles()], indent=1)

    @server.resource(
        "trialbot://articles/{article_id}",
        name="article",
        description="One indexed article's text.",
        mime_type="text/plain",
    )
    def article(article_id: str) -> str:
        document = knowledge.fetch(article_id)
        if document is None:
            raise ResourceNotFoundError(f"no indexed article has the id {article_id!r}")
        return document.text


def serve(
    knowledge: TrialKnowledge, settings: McpSettings, transport: Literal["stdio", "http"]
) -> None:
    """Run the server until it is stopped (stdio: until the client closes the pipe)."""
    if transport == "stdio":
        build_server(knowledge).run("stdio")
        return
    server = build_server(knowledge, http=settings)
    server.run(
        "streamable-http",
        host=settings.host,
        port=settings.port,
        streamable_http_path=settings.path,
    )
