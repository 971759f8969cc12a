"""The built wheel carries the prompt files the code loads, and they load from a non-editable
install (an editable install reads them from the source tree and would hide a missing file)."""

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROMPTS = ROOT / "prompts"


def prompt_files_loaded_by_the_code() -> set[str]:
    """Names passed as a literal to ``prompt_path(...)`` anywhere in the packages."""
    names = set()
    for package in ("bot", "index", "prompts"):
        for source in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", "")) == "prompt_path"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    names.add(node.args[0].value)
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built offline from a copy of the tree (an in-tree build would leave
    build/ behind, whose stale files could end up in later wheels)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache", ".trialbot"
        ),
    )
    out = tmp / "dist"
    # no build isolation and no index: builds offline with the setuptools already installed
    command = ["pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet"]
    built = subprocess.run(
        [sys.executable, "-m", *command, "--wheel-dir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    [whl] = out.glob("trialbot-*.whl")
    return whl


def test_the_code_loads_at_least_the_vocabulary():
    assert "vocabulary.yaml" in prompt_files_loaded_by_the_code()


def test_every_prompt_file_is_in_the_wheel(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    in_wheel = {n.removeprefix("prompts/") for n in names if n.startswith("prompts/")}
    on_disk = {
        p.relative_to(PROMPTS).as_posix()
        for p in PROMPTS.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert prompt_files_loaded_by_the_code() <= on_disk  # the code names files that exist
    assert on_disk <= in_wheel, f"missing from the wheel: {sorted(on_disk - in_wheel)}"


def test_the_vocabulary_loads_from_the_unpacked_wheel(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = "import prompts, index.vocabulary as v; v.load_vocabulary(); print(prompts.__file__)"
    # run from outside the repository, with the unpacked wheel ahead of the editable install
    ran = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    assert Path(ran.stdout.strip()).is_relative_to(site)
