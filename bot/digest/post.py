"""Where digests go: the ``DigestPoster`` interface, the terminal poster, and the targets.

A target names a poster: ``stdout`` (print it), ``slack:#channel`` or ``slack:C0123ABC`` (a
channel id is better: a post whose outcome is unknown can then be looked up before it is
retried; see ``bot.digest.slack``). Another surface adds its poster (a ``TeamsDigestPoster``)
and a branch in ``poster_for``.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO, runtime_checkable

from bot.digest.models import Digest
from bot.digest.render import render_text
from bot.errors import ConfigError
from bot.settings import Settings


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


def poster_for(target: str, settings: Settings) -> DigestPoster:
    """The poster of ``target`` (``stdout``, ``slack:#channel``, ``slack:C0123ABC``,
    ``teams:CONVERSATION``)."""
    kind, _, where = target.partition(":")
    if target in ("stdout", "-"):
        return TextDigestPoster()
    if kind == "slack" and where.strip():
        from bot.digest.slack import SlackDigestPoster

        return SlackDigestPoster.from_settings(settings.slack, where.strip())
    if kind == "teams" and where.strip():
        from bot.digest.teams import TeamsDigestPoster

        return TeamsDigestPoster.from_settings(settings, where.strip())
    raise ConfigError(
        f"unknown digest target '{target}': use stdout, slack:#channel, slack:C0123ABC "
        "or teams:CONVERSATION (see `trialbot teams conversations`)"
    )


def normalize_target(target: str) -> str:
    """The ledger key of a target: ``-`` is ``stdout``, spaces dropped."""
    target = target.strip()
    return "stdout" if target in ("", "-") else target
