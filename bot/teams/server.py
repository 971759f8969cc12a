"""Running the Teams bot: an aiohttp host with ``/api/messages`` (where Azure Bot Service posts
Teams' activities), ``/healthz`` and ``/readyz`` (``bot.app.health``, for load balancers and
probes).

Each POST is authenticated first (the SDK's JWT check: 401 without a valid Bot Framework token,
unless anonymous requests are allowed), then parsed: a body that is not an activity gets a clean
400 and the host keeps serving. The model loads in the background after the port opens:
``/healthz`` answers at once, ``/readyz`` once questions can be answered.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import warnings
from collections.abc import Awaitable, Callable

from aiohttp import web
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.aiohttp import jwt_authorization_decorator, start_agent_process
from pydantic import ValidationError

from bot.app.health import HEALTH_PATH, READY_PATH, Readiness, probe_response, readiness
from bot.app.services import Services
from bot.infra.settings import Settings
from bot.teams.app import TeamsBot, build_bot

log = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
DRAIN_S = 30.0  # answers in progress get this long to finish when the host stops

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def build_web_app(bot: TeamsBot, ready: Readiness | None = None) -> web.Application:
    """The aiohttp application: the bot at ``/api/messages`` and the two probes."""
    app = web.Application()
    with warnings.catch_warnings():  # the SDK's JWT check reads this plain str key
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        app["agent_configuration"] = bot.auth
    app.router.add_post(MESSAGES_PATH, _authenticated(_messages(bot)))
    probe = _probe(ready or (lambda: (True, "ready")))
    app.router.add_get(HEALTH_PATH, probe)
    app.router.add_get(READY_PATH, probe)

    async def drain(_: web.Application) -> None:
        await bot.deps.drain(DRAIN_S)

    app.on_shutdown.append(drain)
    return app


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


def _authenticated(handler: Handler) -> Handler:
    """The SDK's JWT check before ``handler``; a token it chokes on (e.g. without a key id,
    a KeyError in SDK 1.9) is refused like any invalid one, 401, not a 500."""
    checked = jwt_authorization_decorator(handler)

    async def authenticated(request: web.Request) -> web.StreamResponse:
        try:
            return await checked(request)
        except web.HTTPException:
            raise  # aiohttp's own answers, e.g. 413 for a body over its 1 MiB limit
        except Exception as exc:  # ``handler`` itself never raises: this is the token check
            log.warning("token check failed: %s", type(exc).__name__)
            return web.json_response(
                {"error": "Invalid token or authentication failed."}, status=401
            )

    return authenticated


def _messages(bot: TeamsBot) -> Handler:
    async def messages(request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except ValueError:
            return _bad_request("the body is not JSON")
        if not isinstance(body, dict):
            return _bad_request("the body is not an activity (a JSON object)")
        try:
            activity = Activity.model_validate(body)
        except ValidationError as exc:
            fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors()[:5])
            return _bad_request(f"not a valid activity ({fields})")
        if not activity.type or not activity.conversation or not activity.conversation.id:
            return _bad_request("an activity needs a type and a conversation id")
        try:
            response = await start_agent_process(request, bot.app, bot.adapter)
        except Exception:
            log.exception("activity %s of type %s failed", activity.id, activity.type)
            return web.json_response({"error": "internal error"}, status=500)
        return response or web.Response(status=202)

    return messages


def _probe(ready: Readiness) -> Handler:
    async def probe(request: web.Request) -> web.StreamResponse:
        # the readiness check touches the store (blocking I/O): off the event loop
        loop = asyncio.get_running_loop()
        status, body = await loop.run_in_executor(
            None, lambda: probe_response(request.path, ready) or (404, b"{}")
        )
        return web.Response(status=status, body=body, content_type="application/json")

    return probe


class TeamsHTTPServer:
    """The aiohttp host on ``host:port``, run in the calling thread or in a background one."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.requested_port = port
        self.port = port
        self.loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._started = threading.Event()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def _serve(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        # lingering_time: a client whose oversized body was refused (413) holds shutdown 2 s,
        # not aiohttp's default 10
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None, lingering_time=2.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.requested_port, backlog=128)
            await site.start()
            if runner.addresses:
                self.port = int(runner.addresses[0][1])  # the real one when 0 was asked
            self._started.set()
            await self._stop.wait()
        finally:
            await runner.cleanup()  # runs on_shutdown: answers in progress are drained

    def serve_forever(self) -> None:
        """Serve until ``stop()`` or Ctrl-C."""
        try:
            asyncio.run(self._serve())
        except BaseException as exc:
            self._error = exc
            raise
        finally:
            self._started.set()

    def start(self) -> TeamsHTTPServer:
        """Serve from a background thread (tests, benchmarks); returns once listening."""
        self._thread = threading.Thread(target=self._run_quietly, daemon=True)
        self._thread.start()
        self._started.wait(30)
        if self._error is not None:
            raise RuntimeError(f"the Teams host did not start: {self._error}") from self._error
        return self

    def _run_quietly(self) -> None:
        try:
            self.serve_forever()
        except BaseException:
            log.debug("Teams host stopped with an error", exc_info=True)

    def stop(self) -> None:
        """Stop serving (from another thread than the one serving)."""
        if self.loop is not None and self._stop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._stop.set)
        if self._thread:
            self._thread.join(timeout=DRAIN_S + 5)


def warm_up(services: Services) -> None:
    """Load the model and open the index now, so the first question is answered as fast as the
    rest (``/readyz`` turns 200 when this is done)."""
    try:
        services.embedder.embed(["warm up"])
        articles = len(services.searcher.snapshot().articles)
        log.info("ready: model loaded, %d articles indexed", articles)
    except Exception:
        log.exception("warm-up failed; /readyz says why")


def serve(
    settings: Settings, services: Services, *, on_ready: Callable[[], object] | None = None
) -> None:
    """Run until interrupted. ``on_ready`` runs once the bot is built and the model is loading
    in the background, before serving (the CLI starts the digest schedule there)."""
    bot = build_bot(settings, services)  # credentials checked before the slow part
    s = settings.teams
    server = TeamsHTTPServer(build_web_app(bot, lambda: readiness(services)), s.host, s.port)
    if s.allow_anonymous:
        log.warning(
            "TRIALBOT_TEAMS_ALLOW_ANONYMOUS is on: requests without a token are accepted "
            "(local development only)"
        )
    # aiohttp >= 3.12 warns on every request about the SDK's str request key; nothing to act on
    warnings.filterwarnings(
        "ignore", category=web.NotAppKeyWarning, module=r"microsoft_agents\.hosting\.aiohttp"
    )
    threading.Thread(target=warm_up, args=(services,), daemon=True).start()
    if on_ready is not None:
        on_ready()
    log.info("Teams bot on http://%s:%d%s", s.host, s.port, MESSAGES_PATH)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopped")
