"""Pure renderers of a digest: ``digest_view`` (plain dict: the wording every surface shares,
ready for a Slack message, a Teams Adaptive Card or any other renderer) and ``render_text``
(the terminal). The chat surfaces own their renderers: ``bot.slack.digest.digest_message``,
``bot.teams.digest.digest_card``."""

from __future__ import annotations

from typing import Any

from bot.digest.build import parse_time
from bot.digest.models import Digest


def when(iso: str) -> str:
    """An ISO time as people read it: ``2025-06-02 08:00 UTC``."""
    try:
        return parse_time(iso).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def headline(digest: Digest) -> str:
    if digest.empty:
        return f"Nothing new since {when(digest.since)}."
    n = len(digest.entries) + digest.more
    return f"Trial news: {n} new article{'s' if n != 1 else ''} since {when(digest.since)}"


def digest_view(digest: Digest) -> dict[str, Any]:
    """The digest as plain data: ``headline``, ``entries`` (``title``, ``link`` (a URL or a
    file), ``is_url``, ``trials``, ``figures`` (lines ending in ``[n]`` markers), ``sources``
    (``n`` and the exact ``quote``)), ``footer`` (or empty) and the digest ``id``."""
    entries = []
    for e in digest.entries:
        entries.append(
            {
                "title": e.title,
                "link": e.link,
                "is_url": e.link.startswith(("http://", "https://")),
                "trials": list(e.trials),
                "figures": list(e.figures),
                "sources": [{"n": c.n, "quote": c.quote} for c in e.citations],
            }
        )
    footer = ""
    if digest.more:
        footer = (
            f"{digest.more} more new article{'s' if digest.more != 1 else ''} "
            "will follow in the next digest."
        )
    return {"id": digest.id, "headline": headline(digest), "entries": entries, "footer": footer}


def trials_line(trials: list[str]) -> str:
    if not trials:
        return "Trial: none named"
    return ("Trials: " if len(trials) > 1 else "Trial: ") + ", ".join(trials)


def render_text(digest: Digest) -> str:
    """The digest for a terminal: per article its title, trials, figures, link and quotes."""
    view = digest_view(digest)
    lines = [view["headline"]]
    for i, e in enumerate(view["entries"], 1):
        lines += ["", f"{i}. {e['title']}", f"   {trials_line(e['trials'])}"]
        if e["figures"]:
            lines += [f"   {f}" for f in e["figures"]]
        else:
            lines.append("   No key figure (ORR, PFS, OS, HR) found in this article.")
        lines.append(f"   {e['link']}")
        lines += [f'     [{s["n"]}] "{s["quote"]}"' for s in e["sources"]]
    if view["footer"]:
        lines += ["", view["footer"]]
    return "\n".join(lines)
