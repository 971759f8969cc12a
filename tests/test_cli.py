"""The console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS, seed_files


def run(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={"TRIALBOT_INDEX_DIR": str(index), "PATH": "/usr/bin:/bin", "HOME": str(index)},
        timeout=300,
    )


def test_ingest_ask_json_and_sources(tmp_path: Path):
    index = tmp_path / "idx"
    seed_files()
    ingested = run("ingest", *map(str, sorted(SEEDS.glob("*.txt"))), index=index)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.count("added:") == 2

    asked = run(
        "ask",
        "--json",
        "What was the DCR with I-DXd in the second-line setting?",
        "What was the ORR with sotorasib in CodeBreaK 200?",
        index=index,
    )
    assert asked.returncode == 0, asked.stderr
    first, second = (json.loads(line) for line in asked.stdout.splitlines())
    assert first["status"] == "answered" and "96.9%" in first["answer"]
    assert "96.9%" in first["citations"][0]["quote"]
    assert set(first) == {"question", "status", "answer", "citations", "engine", "elapsed_ms"}
    assert set(first["citations"][0]) == {"n", "title", "source", "quote"}
    assert second["status"] == "not_found" and second["citations"]

    listed = run("sources", index=index)
    assert "IDeate-Lung01" in listed.stdout and "IMforte" in listed.stdout


def test_ingest_exits_non_zero_when_a_file_fails(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    good = tmp_path / "good.txt"
    good.write_text("Some trial news\nThe phase 2 BETA-2 study reported an ORR of 20.5% overall.")
    result = run("ingest", str(bad), str(good), index=tmp_path / "idx")
    assert result.returncode == 1
    assert "bad.pdf" in result.stderr and "not a readable PDF" in result.stderr
    assert "added:" in result.stdout
    assert "Traceback" not in result.stderr


def test_serve_slack_without_a_token_says_what_to_set(tmp_path: Path, monkeypatch, capsys):
    import pytest

    from bot.cli import main

    monkeypatch.delenv("TRIALBOT_SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setattr(sys, "argv", ["trialbot", "serve", "slack", "--port", "3999"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1
    assert "TRIALBOT_SLACK_BOT_TOKEN is not set" in capsys.readouterr().err
