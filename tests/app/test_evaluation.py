"""`trialbot eval` and bot/app/evaluation.py: a real index of the seed articles, a small questions
file made of golden questions, and malformed files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import bot.cli
from bot.app.evaluation import evaluate, load_questions, parse_questions, percentile
from bot.cli import cli
from bot.infra.errors import QuestionsFileError
from tests.conftest import GOLDEN, ROOT, make_services, seed_files


def _golden(qid: str, **override: object) -> dict[str, object]:
    """A golden question, optionally with its expectation replaced."""
    q = {"id": qid, "question": GOLDEN[qid]["question"]}
    q.update(override or {k: v for k, v in GOLDEN[qid].items() if k in ("expect", "not_found")})
    return q


# Three answered correctly, two abstained correctly; then the same golden questions with the
# wrong expectation: an answer that is not the expected figure, an answer where not_found is
# expected, and an abstention where a figure is expected.
QUESTIONS = [
    _golden("ideate-dcr-2l"),
    _golden("imforte-pfs-combo"),
    _golden("imforte-os-hr"),
    _golden("ideate-orr-8mg-not-reported"),
    _golden("imforte-nct-not-reported"),
    _golden("ideate-dcr-3l-plus", id="wrong-figure", expect=["96.9%"]),
    _golden("imforte-os-hr", id="answered-not-found", not_found=True),
    _golden("ideate-orr-8mg-not-reported", id="abstained-wrongly", expect=["48.2%"]),
]
EXPECTED_COUNTS = {
    "questions": 8,
    "correct": 5,
    "answered_correctly": 3,
    "abstained_correctly": 2,
    "wrong": 2,
    "wrong_answered_not_found_question": 1,
    "wrongly_abstained": 1,
    "ungrounded": 0,
}


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, embedder) -> Path:
    index = tmp_path_factory.mktemp("eval") / "index"
    services = make_services(index, embedder)
    with services.ingestor() as ingestor:
        ingestor.ingest_paths(seed_files())
    return index


@pytest.fixture
def questions_file(tmp_path: Path) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump({"questions": QUESTIONS}, sort_keys=False))
    return path


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, embedder) -> CliRunner:
    """The CLI in this process, sharing the session's loaded model."""
    monkeypatch.setattr(bot.cli, "_services", lambda index_dir: make_services(index_dir, embedder))
    return CliRunner()


def test_evaluate_sorts_every_answer(seed_index, embedder):
    report = evaluate(make_services(seed_index, embedder).answerer, QUESTIONS)
    summary = report.to_dict()
    assert {k: summary[k] for k in EXPECTED_COUNTS} == EXPECTED_COUNTS
    outcomes = {r["id"]: r["outcome"] for r in summary["results"]}
    assert outcomes["wrong-figure"] == "wrong"
    assert outcomes["answered-not-found"] == "wrong"
    assert outcomes["abstained-wrongly"] == "wrongly_abstained"
    assert summary["accuracy"] == pytest.approx(5 / 8)
    assert 0 < summary["latency_ms"]["median"] <= summary["latency_ms"]["p95"]


def test_cli_prints_misses_and_summary(seed_index, questions_file, runner):
    result = runner.invoke(cli, ["eval", "--index-dir", str(seed_index), str(questions_file)])
    assert result.exit_code == 0, result.output
    misses = [line for line in result.output.splitlines() if line.startswith("MISS")]
    assert [m.split()[1] for m in misses] == [
        "wrong-figure",
        "answered-not-found",
        "abstained-wrongly",
    ]
    assert "expected: 96.9%" in result.output
    lines = {line[:29].strip(): line[29:].strip() for line in result.output.splitlines()}
    assert lines["answered correctly, grounded"] == "3"
    assert lines["abstained correctly"] == "2"
    assert lines["wrong answers"].startswith("2 (1 answered a not_found question)")
    assert lines["wrongly abstained"] == "1"
    assert lines["figure not in its citations"] == "0 (must be 0)"
    assert lines["accuracy"] == "62.5% (5/8)"
    assert lines["latency (warm)"].startswith("median ") and "p95" in lines["latency (warm)"]


def test_cli_json_summary(seed_index, questions_file, runner):
    args = ["eval", "--json", "--index-dir", str(seed_index), str(questions_file)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert {k: summary[k] for k in EXPECTED_COUNTS} == EXPECTED_COUNTS
    assert [r["id"] for r in summary["results"]] == [q["id"] for q in QUESTIONS]
    first = summary["results"][0]
    assert first["ok"] and first["status"] == "answered" and "96.9%" in first["answer"]
    assert "96.9%" in first["citations"][0]["quote"]


def test_cli_min_accuracy_is_a_quality_gate(seed_index, questions_file, runner):
    base = ["eval", "--index-dir", str(seed_index), str(questions_file)]
    failed = runner.invoke(cli, [*base, "--min-accuracy", "0.9"])
    assert failed.exit_code == 1
    assert "quality gate failed: accuracy 62.5% (minimum 90.0%)" in failed.output
    assert runner.invoke(cli, [*base, "--min-accuracy", "0.6"]).exit_code == 0


def test_cli_refuses_an_empty_index(tmp_path, questions_file, runner):
    result = runner.invoke(
        cli, ["eval", "--index-dir", str(tmp_path / "empty"), str(questions_file)]
    )
    assert result.exit_code == 1
    assert "no articles indexed" in result.output


def test_json_file_of_the_same_shape(tmp_path, questions_file):
    as_json = tmp_path / "questions.json"
    as_json.write_text(json.dumps({"questions": QUESTIONS}))
    assert load_questions(as_json) == load_questions(questions_file)


def test_the_shipped_question_sets_are_valid():
    for path in [
        ROOT / "tests/golden/seed_questions.yaml",
        ROOT / "bench/heldout/questions.yaml",
        ROOT / "bench/heldout2/questions.yaml",
    ]:
        assert len(load_questions(path)) >= 30


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- id: a\n  question: q\n", "top-level 'questions:' list"),
        ("questions: []\n", "'questions' list is empty"),
        ("questions:\n  - id: a\n    question: q\n", "questions[0] (id 'a'): needs 'expect"),
        ("questions:\n  - id: a\n    question: q\n    expect: [0.70]\n", "quote them"),
        ("questions:\n  - id: a\n    question: q\n    expected: ['1']\n", "unknown key expected"),
        (
            "questions:\n  - {id: a, question: q, expect: ['1']}\n"
            "  - {id: a, question: r, not_found: true}\n",
            "questions[1]: duplicate id 'a'",
        ),
        ("questions:\n  - {id: a, question: q, expect: ['1'], not_found: true}\n", "not both"),
        ("questions:\n  - {id: a, question: '', expect: ['1']}\n", "'question' must be"),
        ("questions:\n  - id: a\n   question: [\n", "not valid YAML (line"),
    ],
)
def test_malformed_files_say_what_and_where(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(QuestionsFileError) as caught:
        load_questions(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_malformed_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"questions": [')
    with pytest.raises(QuestionsFileError, match=r"not valid JSON \(line 1"):
        load_questions(bad)
    with pytest.raises(QuestionsFileError, match="cannot read"):
        load_questions(tmp_path / "missing.yaml")


def test_malformed_file_from_the_command_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n  - id: a\n    question: q\n")
    result = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "eval", str(bad)],
        capture_output=True,
        text=True,
        env={"TRIALBOT_INDEX_DIR": str(tmp_path / "idx"), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert result.returncode == 1
    assert "error:" in result.stderr and "malformed questions file" in result.stderr
    assert "questions[0] (id 'a')" in result.stderr
    assert "Traceback" not in result.stderr


def test_parse_questions_normalizes():
    assert parse_questions({"questions": [{"id": "a", "question": "q", "expect": "5.4"}]}) == [
        {"id": "a", "question": "q", "expect": ["5.4"]}
    ]


def test_percentile_interpolates():
    assert percentile([], 95) == 0.0
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)


def test_a_figure_written_with_a_superscript_is_the_same_figure():
    # cervical and gastric cancer doses: "m²" in the article, "m2" in the questions file
    from bot.answer.models import Answer, Citation
    from bot.app.evaluation import judge

    for said, expected in (("40 mg/m² weekly", "40 mg/m2"), ("CAPOX 130 mg/m²", "130 mg/m2")):
        quote = f"Cisplatin was given at {said}."
        answer = Answer("q", "answered", f"Dose: {said} [1]", [Citation(1, "t", "s", quote)])
        assert judge({"expect": [expected]}, answer)
        assert not judge({"expect": ["41 mg/m2"]}, answer)
