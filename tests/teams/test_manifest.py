"""deploy/teams: the app manifest matches the bot, the icons are what Teams requires, and the
package script builds a zip Teams can sideload."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from bot.app.commands import USAGE
from tests.conftest import ROOT

TEAMS = ROOT / "deploy" / "teams"
MANIFEST = json.loads((TEAMS / "manifest.json").read_text())


def _png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decoded RGBA rows of a PNG written by make_icons.py."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    assert (depth, color) == (8, 6)  # 8-bit RGBA
    idat = b"".join(
        data[i + 8 : i + 8 + struct.unpack(">I", data[i : i + 4])[0]]
        for i in _chunks(data)
        if data[i + 4 : i + 8] == b"IDAT"
    )
    return width, height, zlib.decompress(idat)


def _chunks(data: bytes):
    i = 8
    while i < len(data):
        yield i
        i += 12 + struct.unpack(">I", data[i : i + 4])[0]


def test_the_manifest_declares_the_bot_in_every_scope_with_its_commands():
    assert int(MANIFEST["manifestVersion"].split(".")[1]) >= 16
    assert "v" + MANIFEST["manifestVersion"] in MANIFEST["$schema"]
    [bot] = MANIFEST["bots"]
    assert bot["botId"] == MANIFEST["id"] == "${{BOT_ID}}"
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    personal, shared = bot["commandLists"]
    assert personal["scopes"] == ["personal"] and set(shared["scopes"]) == {"team", "groupChat"}
    titles = [c["title"] for c in shared["commands"]]
    assert titles == ["help", "list", "show"]
    typed = {usage.split()[0] for usage, _ in USAGE}
    assert set(titles) <= typed  # every listed command is one the bot understands
    for commands in (personal, shared):
        assert len(commands["commands"]) <= 10
        assert all(
            len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands["commands"]
        )


def test_the_personal_chat_has_prompt_starters_the_bot_answers():
    [personal] = [c for c in MANIFEST["bots"][0]["commandLists"] if c["scopes"] == ["personal"]]
    typed = {usage.split()[0] for usage, _ in USAGE}
    starters = [c["title"] for c in personal["commands"] if c["title"] not in typed]
    assert len(starters) >= 2  # questions a click sends as they are
    assert any(c["title"].startswith("compare ") for c in personal["commands"])
    assert len(MANIFEST["name"]["short"]) <= 30 and len(MANIFEST["description"]["short"]) <= 80


def test_the_icons_are_the_sizes_teams_requires():
    width, height, _ = _png(TEAMS / MANIFEST["icons"]["color"])
    assert (width, height) == (192, 192)
    width, height, rows = _png(TEAMS / MANIFEST["icons"]["outline"])
    assert (width, height) == (32, 32)
    pixels = {
        rows[y * (1 + 4 * width) + 1 + 4 * x : y * (1 + 4 * width) + 5 + 4 * x]
        for y in range(height)
        for x in range(width)
    }
    # outline: white on transparent, nothing else
    assert pixels == {b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"}


def test_the_package_script_fills_the_placeholders_and_zips_flat(tmp_path: Path):
    out = tmp_path / "trialbot-teams.zip"
    bot_id = "3f1c2a9e-6d4b-4a8e-9b7f-1c2d3e4f5a6b"
    subprocess.run(
        [
            sys.executable,
            str(TEAMS / "package.py"),
            "--bot-id",
            bot_id,
            "--website-url",
            "https://trialbot.example.org/",
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    with zipfile.ZipFile(out) as z:
        assert sorted(z.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(z.read("manifest.json"))
    assert manifest["id"] == manifest["bots"][0]["botId"] == bot_id
    assert manifest["developer"]["privacyUrl"] == "https://trialbot.example.org/privacy"
