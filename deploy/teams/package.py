"""Builds the Teams app package to sideload: manifest.json (placeholders filled) and the two icons,
zipped flat, as Teams expects.

    python deploy/teams/package.py --bot-id 00000000-0000-0000-0000-000000000000 \\
        --website-url https://trialbot.example.org [--out trialbot-teams.zip]

``--bot-id`` is the Azure Bot's Microsoft App ID (TRIALBOT_TEAMS_APP_ID); it doubles as the Teams
app id. ``--website-url`` is any page about your deployment (Teams requires https URLs for the
website, privacy and terms; ``/privacy`` and ``/terms`` are appended).
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def manifest(bot_id: str, website_url: str) -> str:
    """manifest.json with its placeholders filled; checked to be valid JSON."""
    if not GUID.match(bot_id):
        raise SystemExit(f"--bot-id must be the Azure Bot's app id, a GUID (got {bot_id!r})")
    if not website_url.startswith("https://"):
        raise SystemExit("--website-url must be an https:// URL (Teams refuses others)")
    text = (HERE / "manifest.json").read_text(encoding="utf-8")
    text = text.replace("${{BOT_ID}}", bot_id).replace("${{WEBSITE_URL}}", website_url.rstrip("/"))
    left = re.findall(r"\$\{\{\w+\}\}", text)
    if left:
        raise SystemExit(f"unfilled placeholders in manifest.json: {', '.join(sorted(set(left)))}")
    json.loads(text)
    return text


def build(bot_id: str, website_url: str, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", manifest(bot_id, website_url))
        for icon in ("color.png", "outline.png"):
            z.write(HERE / icon, icon)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bot-id", required=True, help="the Azure Bot's Microsoft App ID")
    parser.add_argument("--website-url", required=True, help="https URL about your deployment")
    parser.add_argument("--out", type=Path, default=Path("trialbot-teams.zip"))
    args = parser.parse_args()
    print(build(args.bot_id, args.website_url, args.out))


if __name__ == "__main__":
    main()
