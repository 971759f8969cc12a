"""Liveness and readiness, the same for every HTTP surface (Slack, Teams).

- ``/healthz``: the process answers HTTP. Always 200; a load balancer or Kubernetes restarts a
  process that stops answering it.
- ``/readyz``: this replica can answer questions now: the index store answers and the embedding
  model is in memory. 503 with a short reason otherwise, so no traffic is routed to a replica
  that is still loading its model or has lost its Chroma server.

``probe_response`` is framework-neutral: a WSGI or aiohttp host maps a path to its answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.app.services import Services

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"

Readiness = Callable[[], tuple[bool, str]]


def readiness(services: Services) -> tuple[bool, str]:
    """``(True, "ready")`` when the store answers and the model is loaded, else
    ``(False, reason)``. Cheap: one store round trip, never loads the model itself."""
    # a probe reports what is wrong, it never raises: anything failing here means not ready
    try:
        services.store.ping()
    except Exception as exc:
        return False, _short(f"index: {exc}")
    try:
        embedder = services.embedder
    except Exception as exc:
        return False, _short(f"embedding model: {exc}")
    # an embedder that loads nothing (a test fake) has nothing to wait for
    if not getattr(embedder, "loaded", True):
        return False, "embedding model not loaded yet"
    return True, "ready"


def probe_response(path: str, ready: Readiness) -> tuple[int, bytes] | None:
    """HTTP status and JSON body for a probe path; None for any other path."""
    if path == HEALTH_PATH:
        return 200, _json({"status": "alive"})
    if path == READY_PATH:
        ok, reason = ready()
        if ok:
            return 200, _json({"status": "ready"})
        return 503, _json({"status": "not ready", "reason": reason})
    return None


def _json(body: dict[str, str]) -> bytes:
    return json.dumps(body).encode()


def _short(reason: str, limit: int = 300) -> str:
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else reason[: limit - 1] + "…"
