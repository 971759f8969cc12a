"""Where digests go: the ``DigestPoster`` interface, the terminal poster, and the registry of
posters by target.

A target names a poster: ``stdout`` (print it), or ``KIND:WHERE`` for a chat surface
(``slack:#channel``, ``slack:C0123ABC``, ``teams:CONVERSATION``). The digest core knows no chat
surface: each surface owns its renderer and poster (``bot.slack.digest``, ``bot.teams.digest``)
and registers it here by its kind; the CLI, which runs them all, registers every surface
(``bot.surfaces``). A new surface adds its poster and one ``register`` call, not a branch here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TextIO, runtime_checkable

from bot.digest.models import Digest
from bot.digest.render import render_text
from bot.infra.errors import ConfigError
from bot.infra.settings import Settings


class DigestPoster(Protocol):
    """Delivers a digest to one place."""

    def post(self, digest: Digest) -> str | None:
        """Deliver ``digest``; return the message id when the surface gives one. Raise
        DigestPostError (or any TrialbotError) when it was not taken: it is retried."""
        ...


@runtime_checkable
class PostLookup(Protocol):
    """A poster that can tell whether a digest already reached its channel."""

    def find_posted(self, digest: Digest, since: str) -> str | None:
        """The id of the message carrying ``digest`` posted at or after ``since`` (ISO time),
        or None when there is none. Raise DigestPostError when it cannot tell."""
        ...


class TextDigestPoster:
    """Prints the digest as plain text (``trialbot digest`` without ``--post``)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    def post(self, digest: Digest) -> str | None:
        out = self.out or sys.stdout
        out.write(render_text(digest) + "\n")
        out.flush()
        return None


PosterFactory = Callable[[str, Settings], DigestPoster]
"""Builds the poster of one place (``#news`` in ``slack:#news``) from the settings."""


@dataclass(frozen=True)
class _Registration:
    factory: PosterFactory
    usage: str  # the target forms, for the error of an unknown target


class PosterRegistry:
    """The digest posters by target kind (``slack`` in ``slack:#news``); ``stdout`` is built in."""

    def __init__(self) -> None:
        self._posters: dict[str, _Registration] = {}

    def register(self, kind: str, factory: PosterFactory, *, usage: str) -> None:
        """Post targets ``KIND:WHERE`` with ``factory(WHERE, settings)``. ``usage`` shows the
        target forms (``slack:#channel, slack:C0123ABC``). Registering a kind again replaces it."""
        self._posters[kind] = _Registration(factory, usage)

    def kinds(self) -> list[str]:
        return sorted(self._posters)

    def poster_for(self, target: str, settings: Settings) -> DigestPoster:
        """The poster of ``target`` (``stdout``, or ``KIND:WHERE`` of a registered kind)."""
        if target in ("stdout", "-"):
            return TextDigestPoster()
        kind, _, where = target.partition(":")
        registration = self._posters.get(kind)
        if registration is not None and where.strip():
            return registration.factory(where.strip(), settings)
        forms = ["stdout", *(r.usage for r in self._posters.values())]
        listed = forms[0] if len(forms) == 1 else ", ".join(forms[:-1]) + " or " + forms[-1]
        raise ConfigError(f"unknown digest target '{target}': use {listed}")


POSTERS = PosterRegistry()
"""The registry ``poster_for`` and the digest runs use; ``bot.surfaces`` fills it."""


def poster_for(target: str, settings: Settings) -> DigestPoster:
    """The poster of ``target`` in ``POSTERS`` (``stdout``, ``slack:#channel``,
    ``slack:C0123ABC``, ``teams:CONVERSATION``)."""
    return POSTERS.poster_for(target, settings)


def normalize_target(target: str) -> str:
    """The ledger key of a target: ``-`` is ``stdout``, spaces dropped."""
    target = target.strip()
    return "stdout" if target in ("", "-") else target
