"""The digest in Teams: a pure Adaptive Card renderer and the poster (a proactive post to a stored
conversation, ``bot.teams.proactive``), registered for ``teams:`` targets (``register``).

A target is ``teams:CONVERSATION``: the id of a conversation the bot stored (a channel
``19:...@thread.tacv2``, a personal chat ``a:...``; ``trialbot teams conversations`` lists them),
or its name when exactly one stored conversation has it. The bot must have been installed there
or talked to first: Teams lets a bot post nowhere else.

Teams' connector cannot read a channel back, so there is no ``find_posted``: if the process dies
after Teams took a digest and before the ledger marked it, that digest is posted again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bot.digest.models import Digest
from bot.digest.post import PosterRegistry
from bot.digest.render import digest_view, trials_line
from bot.infra.errors import ConfigError, DigestPostError, TrialbotError
from bot.infra.settings import Settings
from bot.teams.cards import MAX_CARD_CHARS, Card, Element, adaptive_card, literal, markdown
from bot.teams.cards import source_link as teams_link

if TYPE_CHECKING:  # the Agents SDK loads when a poster is built, not when it is registered
    from bot.teams.proactive import TeamsProactiveSender

MAX_QUOTE = 500


def digest_card(digest: Digest) -> Card:
    """The digest as one card: a headline, per article its linked title, trials and key figures
    (text as written) and a "Show sources" revealing its numbered quotes. Within Teams' size
    limit: with too many articles the quotes of the last ones are left out (every article is
    still listed)."""
    view = digest_view(digest)
    entries = view["entries"]
    with_quotes = len(entries)
    while True:
        body: list[Element] = [markdown(f"**{view['headline']}**", size="Medium")]
        for i, e in enumerate(entries):
            body += _entry(e, quotes=i < with_quotes)
        if view["footer"]:
            body.append(literal(view["footer"], isSubtle=True))
        if with_quotes < len(entries):
            left_out = len(entries) - with_quotes
            body.append(literal(f"Quotes of the last {left_out} articles left out (too long)."))
        card = adaptive_card(body)
        if len(json.dumps(card, ensure_ascii=False)) <= MAX_CARD_CHARS or with_quotes == 0:
            return card
        with_quotes -= 1


def _entry(e: dict[str, Any], *, quotes: bool) -> list[Element]:
    elements: list[Element] = [
        markdown(f"**{teams_link(e['title'], e['link'])}**", spacing="Large", separator=True),
        literal(trials_line(e["trials"]), isSubtle=True),
    ]
    elements += [literal(f"• {f}") for f in e["figures"]] or [
        literal("No key figure (ORR, PFS, OS, HR) found in this article.", isSubtle=True)
    ]
    if quotes and e["sources"]:
        shown: list[Element] = []
        for s in e["sources"]:
            quote = " ".join(s["quote"].split())
            if len(quote) > MAX_QUOTE:
                quote = quote[: MAX_QUOTE - 1].rstrip() + "…"
            shown.append(literal(f"[{s['n']}] “{quote}”", italic=True))
        sources = {"type": "AdaptiveCard", "version": "1.5", "body": shown}
        show = {"type": "Action.ShowCard", "title": "Show sources", "card": sources}
        elements.append({"type": "ActionSet", "actions": [show]})
    return elements


class TeamsDigestPoster:
    """Posts digests to one stored Teams conversation."""

    def __init__(self, sender: TeamsProactiveSender, conversation: str) -> None:
        self.sender = sender
        self.conversation = conversation

    @classmethod
    def from_settings(cls, settings: Settings, conversation: str) -> TeamsDigestPoster:
        from bot.teams.proactive import build_sender

        sender = build_sender(settings)
        return cls(sender, resolve_conversation(sender, conversation))

    def post(self, digest: Digest) -> str | None:
        """Post the digest; returns the id Teams gave the message."""
        try:
            return self.sender.send(self.conversation, digest_card(digest)) or None
        except TrialbotError as exc:
            raise DigestPostError(f"Teams did not take the digest: {exc}") from exc
        except Exception as exc:  # the connector unreachable, a token refused, ...
            raise DigestPostError(
                f"cannot post the digest to Teams conversation {self.conversation} "
                f"({type(exc).__name__}: {exc})"
            ) from exc


def register(posters: PosterRegistry) -> None:
    """Post ``teams:CONVERSATION`` targets to that stored Teams conversation."""
    posters.register(
        "teams",
        _poster,
        usage="teams:CONVERSATION (see `trialbot teams conversations`)",
    )


def _poster(conversation: str, settings: Settings) -> TeamsDigestPoster:
    return TeamsDigestPoster.from_settings(settings, conversation)


def resolve_conversation(sender: TeamsProactiveSender, wanted: str) -> str:
    """The stored conversation id ``wanted`` names (its id, or its unique name)."""
    conversations = sender.conversations.all()
    if any(c.id == wanted for c in conversations):
        return wanted
    named = [c for c in conversations if c.name.casefold() == wanted.casefold()]
    if len(named) == 1:
        return named[0].id
    known = ", ".join(f"{c.name or '-'} ({c.id})" for c in conversations[:10]) or "none yet"
    reason = "several conversations are named" if named else "no stored conversation is"
    raise ConfigError(
        f"digest target teams:{wanted}: {reason} '{wanted}'. The bot must be installed in the "
        f"channel or chat (or have been written to) first. Known: {known}"
    )
