"""The digest in Slack: a pure Block Kit renderer and the poster (chat.postMessage), registered
for ``slack:`` targets (``register``).

Each digest message carries Slack message metadata ``trialbot_digest`` with the digest's id.
When a post's outcome is unknown (the process died after Slack took the message but before
the ledger marked it, or the answer was lost), ``find_posted`` looks for that metadata in the
channel's recent history before the digest is posted again. That needs the channel's *id*
(``slack:C0123ABC``) and the ``channels:history`` / ``groups:history`` scopes; a target given
by name (``slack:#news``) cannot be looked up, so in that one window a digest may be posted a
second time rather than lost.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.digest.build import parse_time
from bot.digest.models import Digest
from bot.digest.post import PosterRegistry
from bot.digest.render import digest_view, trials_line
from bot.infra.errors import ConfigError, DigestPostError
from bot.infra.settings import Settings, SlackSettings
from bot.slack.blocks import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    Block,
    Message,
    clip,
    context_block,
    escape,
    section_block,
)
from bot.slack.blocks import source_link as slack_link
from bot.slack.deps import retry_handlers

log = logging.getLogger(__name__)

EVENT_TYPE = "trialbot_digest"
MAX_HEADER = 150  # plain text of a header block
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{6,}$")
_HISTORY_PAGES = 10
_CLOCK_SLACK_S = 120  # look a little before the first attempt: clocks differ


def digest_message(digest: Digest) -> Message:
    """The digest as one message: a header, per article a section (linked title, trials, key
    figures) and a context with its numbered quotes. Always within Slack's limits: 50 blocks,
    3000 characters per text; with too many articles the quotes of the last ones are left out
    (every article is still listed)."""
    view = digest_view(digest)
    header: Block = {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(view["headline"], MAX_HEADER), "emoji": True},
    }
    sections: list[Block] = []
    quotes: list[Block | None] = []
    for e in view["entries"]:
        link = slack_link(e["title"], e["link"])
        lines = [f"*{link}*", escape(trials_line(e["trials"]))]
        lines += [f"• {escape(f)}" for f in e["figures"]] or ["_No key figure found._"]
        sections.append(section_block("\n".join(lines)))
        texts = [f"*[{s['n']}]* “{escape(' '.join(s['quote'].split()))}”" for s in e["sources"]]
        quotes.append(context_block(texts) if texts else None)
    footer = [context_block([escape(view["footer"])])] if view["footer"] else []
    # the quotes go first when blocks run short; every article keeps its section
    budget = MAX_BLOCKS - 1 - len(sections) - len(footer)
    kept = [q for q in quotes if q is not None]
    dropped = max(0, len(kept) - budget)
    if dropped:
        seen = 0
        for i in range(len(quotes) - 1, -1, -1):
            if quotes[i] is not None and seen < dropped:
                quotes[i] = None
                seen += 1
        footer.append(
            context_block([f"_Quotes of the last {dropped} articles left out (too long)._"])
        )
    blocks: list[Block] = [header]
    for section, quote in zip(sections, quotes, strict=True):
        blocks.append(section)
        if quote is not None:
            blocks.append(quote)
    blocks += footer
    titles = "; ".join(e["title"] for e in view["entries"])
    fallback = f"{view['headline']}: {titles}" if titles else view["headline"]
    return Message(clip(fallback, MAX_FALLBACK), blocks[:MAX_BLOCKS])


class SlackDigestPoster:
    """Posts digests to one Slack channel with chat.postMessage (429s retried after
    Retry-After by the client), and finds a digest already posted by its metadata."""

    def __init__(self, client: WebClient, channel: str) -> None:
        self.client = client
        self.channel = channel

    @classmethod
    def from_settings(cls, settings: SlackSettings, channel: str) -> SlackDigestPoster:
        if settings.bot_token is None:
            raise ConfigError("TRIALBOT_SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
        client = WebClient(
            token=settings.bot_token.get_secret_value(),
            base_url=settings.api_base_url,
            timeout=30,
            retry_handlers=retry_handlers(settings.rate_limit_retries),
        )
        return cls(client, channel)

    def post(self, digest: Digest) -> str | None:
        """Post the digest; returns the message ts."""
        message = digest_message(digest)
        try:
            response = self.client.chat_postMessage(
                channel=self.channel,
                **message.as_kwargs(),
                metadata={"event_type": EVENT_TYPE, "event_payload": {"digest_id": digest.id}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            raise DigestPostError(
                f"Slack did not take the digest for {self.channel}: {_slack_error(exc)}"
            ) from exc
        except (OSError, URLError) as exc:
            raise DigestPostError(f"cannot reach Slack to post the digest ({exc})") from exc
        return str(response.get("ts") or "") or None

    def find_posted(self, digest: Digest, since: str) -> str | None:
        """The ts of a message of this channel carrying ``digest``'s id, posted since
        ``since``; None when there is none, or when the channel is named rather than given by
        id (history needs the id)."""
        if not _CHANNEL_ID.match(self.channel):
            log.warning(
                "cannot check whether digest %s already reached %s (history needs a channel "
                "id, e.g. slack:C0123ABC); posting it again",
                digest.id,
                self.channel,
            )
            return None
        oldest = f"{parse_time(since).timestamp() - _CLOCK_SLACK_S:.6f}" if since else "0"
        cursor = None
        for _ in range(_HISTORY_PAGES):
            try:
                page = self.client.conversations_history(
                    channel=self.channel,
                    oldest=oldest,
                    limit=200,
                    include_all_metadata=True,
                    cursor=cursor,
                )
            except SlackApiError as exc:
                raise DigestPostError(
                    f"cannot check whether the digest reached {self.channel}: "
                    f"{_slack_error(exc)}; it stays pending"
                ) from exc
            except (OSError, URLError) as exc:
                raise DigestPostError(
                    f"cannot reach Slack ({exc}); the digest stays pending"
                ) from exc
            for m in page.get("messages") or []:
                if _carries(m, digest.id):
                    return str(m.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                break
        return None


def register(posters: PosterRegistry) -> None:
    """Post ``slack:#channel`` and ``slack:C0123ABC`` targets to that Slack channel."""
    posters.register("slack", _poster, usage="slack:#channel, slack:C0123ABC")


def _poster(channel: str, settings: Settings) -> SlackDigestPoster:
    return SlackDigestPoster.from_settings(settings.slack, channel)


def _carries(message: dict[str, Any], digest_id: str) -> bool:
    metadata = message.get("metadata") or {}
    payload = metadata.get("event_payload") or {}
    return metadata.get("event_type") == EVENT_TYPE and payload.get("digest_id") == digest_id


def _slack_error(exc: SlackApiError) -> str:
    response = exc.response
    error = response.get("error") if hasattr(response, "get") else None
    status = getattr(response, "status_code", "")
    return str(error or f"HTTP {status}")
