"""The MCP server with the SDK's own client: in process for the tools' shapes, then as users run
it, ``trialbot serve mcp`` over stdio and over streamable HTTP on 127.0.0.1 (refused without
its bearer token). The index holds the seed articles."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from bot.answer.grounding import ungrounded_numbers
from bot.answer.models import Citation
from bot.app.services import Services
from bot.mcp.knowledge import TrialKnowledge
from bot.mcp.server import build_server
from tests.conftest import MODEL_CACHE, seeded_services

mcp = pytest.importorskip("mcp")
from mcp import Client, StdioServerParameters  # noqa: E402
from mcp.shared._httpx_utils import create_mcp_http_client  # noqa: E402

pytestmark = pytest.mark.slow

IMFORTE_OS_HR = "What was the overall survival hazard ratio in IMforte?"
TOKEN = "test-token-0123456789abcdef"
CLI = [sys.executable, "-c", "from bot.cli import main; main()"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, embedder) -> Services:
    return seeded_services(tmp_path_factory.mktemp("mcp") / "index", embedder)


def grounded(text: str, citations: list[dict[str, Any]]) -> bool:
    quotes = [Citation(c["n"], c["title"], c["source"], c["quote"]) for c in citations]
    return bool(quotes) and not ungrounded_numbers(text, quotes)


async def check_ask_and_search(client: Client) -> None:
    """What a user's AI client sees: the tools, then the IMforte OS hazard ratio with its quote."""
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert {"ask", "search", "fetch", "show_trial", "compare"} <= set(tools)
    assert tools["ask"].annotations is not None and tools["ask"].annotations.read_only_hint
    asked = await client.call_tool("ask", {"question": IMFORTE_OS_HR})
    assert not asked.is_error
    result = asked.structured_content
    assert result is not None
    assert result["status"] == "answered"
    assert "0.73" in result["answer"]
    assert 0.0 <= result["confidence"] <= 1.0
    (cited,) = [c for c in result["citations"] if "0.73" in c["quote"]]
    assert "IMforte" in cited["quote"] or "overall survival" in cited["quote"]
    assert set(cited) >= {"title", "source", "quote"}
    assert grounded(result["answer"], result["citations"])
    # the text content (what a client without structured output shows) carries the same
    assert json.loads(asked.content[0].text)["answer"] == result["answer"]  # type: ignore[union-attr]
    found = await client.call_tool("search", {"query": "IMforte overall survival"})
    hits = found.structured_content["results"]  # type: ignore[index]
    assert hits and set(hits[0]) == {"id", "title", "url", "snippet"}


def test_tools_in_process(seeded):
    server = build_server(TrialKnowledge(seeded))

    async def session() -> None:
        async with Client(server) as client:
            await check_ask_and_search(client)
            hits = await client.call_tool("search", {"query": "lurbinectedin IMforte"})
            first = hits.structured_content["results"][0]  # type: ignore[index]
            doc = (await client.call_tool("fetch", {"id": first["id"]})).structured_content
            assert doc is not None and doc["id"] == first["id"] and doc["title"] == first["title"]
            assert "HR = 0.73" in doc["text"] and doc["metadata"]["trials"] == ["IMforte"]
            assert first["snippet"] in doc["text"]  # snippets are the article's own words
            missing = await client.call_tool("fetch", {"id": "no-such-article"})
            assert missing.is_error and "no-such-article" in missing.content[0].text  # type: ignore[union-attr]

            shown = (await client.call_tool("show_trial", {"trial": "imforte"})).structured_content
            assert shown is not None and shown["status"] == "answered"
            assert shown["title"] == "IMforte"
            assert any("0.73" in r["text"] for r in shown["rows"])
            quotes = {c["n"]: c for c in shown["citations"]}
            for row in shown["rows"]:  # every row's figures are in its own quotes
                assert grounded(
                    row["text"].replace("IMforte", ""), [quotes[n] for n in row["citations"]]
                )
            unknown = (
                await client.call_tool("show_trial", {"trial": "FRESCO-2"})
            ).structured_content
            assert unknown["status"] == "not_found" and "IMforte" in unknown["note"]  # type: ignore[index]

            compared = await client.call_tool("compare", {"endpoint": "OS", "trials": []})
            rows = compared.structured_content
            assert rows is not None and rows["status"] == "answered"
            assert {"IMforte", "IDeate-Lung01"} <= {
                t for r in rows["rows"] for t in ("IMforte", "IDeate-Lung01") if t in r["text"]
            }
            assert "head-to-head" in rows["note"]
            quotes = {c["n"]: c for c in rows["citations"]}
            for row in rows["rows"]:
                text = row["text"].replace("IDeate-Lung01", "").replace("IMforte", "")
                assert grounded(text, [quotes[n] for n in row["citations"]])

            listed = await client.read_resource("trialbot://articles")
            articles = json.loads(listed.contents[0].text)  # type: ignore[union-attr]
            assert sorted(t for a in articles for t in a["trials"]) == ["IDeate-Lung01", "IMforte"]

            not_found = await client.call_tool("ask", {"question": "What was the ORR in FRESCO-2?"})
            answer = not_found.structured_content
            assert answer is not None and answer["status"] == "not_found"
            assert "FRESCO-2" in answer["answer"]

    anyio.run(session)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "TRIALBOT_EMBEDDING_CACHE_DIR": str(MODEL_CACHE),
        **extra,
    }


def test_stdio_session_with_the_cli(seeded, tmp_path):
    params = StdioServerParameters(
        command=CLI[0],
        args=[*CLI[1:], "serve", "mcp", "--index-dir", str(seeded.settings.index.dir)],
        env=_env(tmp_path),
        cwd=str(tmp_path),
    )

    async def session() -> None:
        with (tmp_path / "stderr.txt").open("w") as errlog:
            from mcp.client.stdio import stdio_client

            async with Client(stdio_client(params, errlog=errlog)) as client:
                await check_ask_and_search(client)

    anyio.run(session)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def http_server(seeded, tmp_path) -> Iterator[str]:
    port = _free_port()
    log = tmp_path / "stderr.txt"
    with log.open("w") as errlog:
        proc = subprocess.Popen(
            [
                *CLI,
                "serve",
                "mcp",
                "--transport",
                "http",
                "--port",
                str(port),
                "--index-dir",
                str(seeded.settings.index.dir),
            ],
            env=_env(tmp_path, TRIALBOT_MCP_TOKEN=TOKEN),
            stdout=subprocess.DEVNULL,
            stderr=errlog,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the MCP server did not start"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        proc.terminate()
        proc.wait(10)


def test_http_session_needs_the_token(http_server):
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "0"},
        },
    }
    headers = {"Accept": "application/json, text/event-stream"}
    for auth in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}):
        refused = httpx.post(http_server, json=initialize, headers={**headers, **auth})
        assert refused.status_code == 401, refused.text
        assert "0.73" not in refused.text

    async def session() -> None:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with (
            create_mcp_http_client(headers=headers) as http,
            Client(streamable_http_client(http_server, http_client=http)) as client,
        ):
            await check_ask_and_search(client)

    from mcp.client.streamable_http import streamable_http_client

    anyio.run(session)


def test_http_refuses_to_start_without_a_token(seeded, tmp_path):
    started = subprocess.run(
        [
            *CLI,
            "serve",
            "mcp",
            "--transport",
            "http",
            "--index-dir",
            str(seeded.settings.index.dir),
        ],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode == 1
    assert "TRIALBOT_MCP_TOKEN" in started.stderr


def test_the_http_listener_is_loopback_by_default():
    from bot.infra.settings import Settings

    assert Settings().mcp.host == "127.0.0.1"
