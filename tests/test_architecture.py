"""The structure a newcomer can rely on, checked on the source: no function or method of ``bot/``
or ``index/`` runs past one screen (``MAX_LINES``). The import layers are checked by
``lint-imports`` (the contracts of pyproject.toml), in ``make test``."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

MAX_LINES = 80

# Functions allowed past MAX_LINES, as "path:qualified name". Only the answer rules
# (bot/answer/extractive.py, question.py, core.py) may be listed here, each with the reason
# as its value; none is over today. Everything else is split instead.
KNOWN_LONG: dict[str, str] = {}
MAY_BE_LISTED = {"bot/answer/extractive.py", "bot/answer/question.py", "bot/answer/core.py"}


def function_lengths() -> dict[str, int]:
    """Every function and method of the packages, "path:Class.name" -> lines from ``def`` to its
    last line (docstring and nested functions included)."""
    lengths: dict[str, int] = {}
    for package in ("bot", "index"):
        for source in sorted((ROOT / package).rglob("*.py")):
            path = source.relative_to(ROOT).as_posix()
            tree = ast.parse(source.read_text(encoding="utf-8"), filename=path)
            _collect(tree, f"{path}:", lengths)
    return lengths


def _collect(node: ast.AST, prefix: str, lengths: dict[str, int]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = prefix + child.name
            lengths[name] = (child.end_lineno or child.lineno) - child.lineno + 1
            _collect(child, name + ".", lengths)
        elif isinstance(child, ast.ClassDef):
            _collect(child, prefix + child.name + ".", lengths)
        else:
            _collect(child, prefix, lengths)


def test_no_function_is_longer_than_a_screen():
    lengths = function_lengths()
    assert len(lengths) > 500, "the walk found the packages' functions"
    too_long = {name: n for name, n in lengths.items() if n > MAX_LINES and name not in KNOWN_LONG}
    assert not too_long, (
        f"functions longer than {MAX_LINES} lines (split them by responsibility): "
        + ", ".join(f"{name} ({n} lines)" for name, n in sorted(too_long.items()))
    )


def test_the_known_long_functions_are_answer_rules_still_too_long():
    lengths = function_lengths()
    for name in KNOWN_LONG:
        assert name.partition(":")[0] in MAY_BE_LISTED, f"{name}: split it instead"
        assert lengths.get(name, 0) > MAX_LINES, f"{name} is short now: drop it from KNOWN_LONG"


def test_a_long_function_is_found():
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_LINES))
    source = f"class Engine:\n    def rank(self):\n{body}\n        return x0\n"
    lengths: dict[str, int] = {}
    _collect(ast.parse(source), "bot/example.py:", lengths)
    assert lengths == {"bot/example.py:Engine.rank": MAX_LINES + 2}


def test_every_source_folder_is_a_package():
    """A folder of modules without ``__init__.py`` is a namespace package: setuptools leaves it
    out of the wheel (and the Docker image), and lint-imports does not see it."""
    folders = {
        source.parent
        for package in ("bot", "index")
        for source in (ROOT / package).rglob("*.py")
        if "__pycache__" not in source.parts
    }
    missing = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists())
    assert not missing, f"folders without __init__.py: {missing}"


def redefined_names(source: str) -> list[str]:
    """Module-level names assigned more than once in ``source``: the later one silently
    replaces the earlier for every user of it (two patterns given one name)."""
    seen: set[str] = set()
    twice: list[str] = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in seen:
                    twice.append(target.id)
                seen.add(target.id)
    return twice


def test_no_module_gives_two_values_one_name():
    twice = {
        source.relative_to(ROOT).as_posix(): names
        for package in ("bot", "index")
        for source in sorted((ROOT / package).rglob("*.py"))
        if (names := redefined_names(source.read_text(encoding="utf-8")))
    }
    assert not twice, f"module-level names assigned twice: {twice}"


def test_a_name_given_twice_is_found():
    source = 'import re\n_AGE = re.compile("a")\nX: int = 1\n_AGE = re.compile("b")\n'
    assert redefined_names(source) == ["_AGE"]
