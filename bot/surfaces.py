"""The chat surfaces wired into the cores that must not know them: the composition root (the
CLI) registers each surface's digest poster by its target kind, so ``trialbot digest --post`` and
the schedule of ``trialbot serve`` can post to any of them."""

from __future__ import annotations

from bot.digest import post
from bot.slack import digest as slack_digest
from bot.teams import digest as teams_digest


def register_digest_posters(posters: post.PosterRegistry | None = None) -> post.PosterRegistry:
    """``slack:`` and ``teams:`` digest targets, in ``posters`` (default: the one ``poster_for``
    uses)."""
    posters = posters if posters is not None else post.POSTERS
    slack_digest.register(posters)
    teams_digest.register(posters)
    return posters
