"""The registry of digest posters (``bot/digest/post.py``): the digest core knows no chat surface;
each registers its poster by target kind, and an unknown target says which ones exist."""

from __future__ import annotations

import io

import pytest

from bot.digest.models import Digest
from bot.digest.post import POSTERS, PosterRegistry, TextDigestPoster, poster_for
from bot.infra.errors import ConfigError
from bot.infra.settings import Settings
from tests.digest.samples import digest, entry


class PigeonPoster:
    def __init__(self, loft: str) -> None:
        self.loft = loft
        self.digests: list[Digest] = []

    def post(self, digest: Digest) -> str | None:
        self.digests.append(digest)
        return f"{self.loft}-{len(self.digests)}"


def test_a_registered_kind_builds_its_poster_for_the_place_named():
    posters = PosterRegistry()
    posters.register("pigeon", lambda where, _: PigeonPoster(where), usage="pigeon:LOFT")
    poster = posters.poster_for("pigeon: north ", Settings())
    assert isinstance(poster, PigeonPoster) and poster.loft == "north"
    assert poster.post(digest(entry(1))) == "north-1"
    assert posters.kinds() == ["pigeon"]


def test_stdout_is_built_in_and_prints_the_digest():
    out = io.StringIO()
    poster = PosterRegistry().poster_for("-", Settings())
    assert isinstance(poster, TextDigestPoster)
    TextDigestPoster(out).post(digest(entry(2)))
    assert "TRIAL-2" in out.getvalue()


@pytest.mark.parametrize("target", ["pigeon:loft", "slack:", "nowhere"])
def test_an_unknown_target_names_the_registered_ones(target: str):
    posters = PosterRegistry()
    posters.register("slack", lambda where, _: PigeonPoster(where), usage="slack:#channel")
    posters.register("teams", lambda where, _: PigeonPoster(where), usage="teams:CONVERSATION")
    with pytest.raises(ConfigError) as error:
        posters.poster_for(target, Settings())
    assert str(error.value) == (
        f"unknown digest target '{target}': use stdout, slack:#channel or teams:CONVERSATION"
    )


def test_the_cli_registers_every_chat_surface():
    """What `trialbot digest --post` and `trialbot serve` offer (registered by tests/conftest.py
    as by the CLI, through ``bot.surfaces``)."""
    assert POSTERS.kinds() == ["slack", "teams"]
    with pytest.raises(ConfigError) as error:
        poster_for("pigeon:loft", Settings())
    assert str(error.value) == (
        "unknown digest target 'pigeon:loft': use stdout, slack:#channel, slack:C0123ABC or "
        "teams:CONVERSATION (see `trialbot teams conversations`)"
    )
