"""The benchmark corpora: seed articles, held-out articles and their question files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app.evaluation import load_questions
from bot.app.services import Services
from bot.infra.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
HELDOUT_ARTICLES = ROOT / "bench" / "heldout" / "articles"
SEED_QUESTIONS = ROOT / "tests" / "golden" / "seed_questions.yaml"
HELDOUT_QUESTIONS = ROOT / "bench" / "heldout" / "questions.yaml"
HELDOUT2_ARTICLES = ROOT / "bench" / "heldout2" / "articles"
HELDOUT2_QUESTIONS = ROOT / "bench" / "heldout2" / "questions.yaml"


@dataclass(frozen=True)
class Corpus:
    """Article files and the questions asked of them."""

    name: str
    articles: list[Path]
    questions: list[dict[str, Any]]


def article_files(folder: Path, pattern: str = "*") -> list[Path]:
    files = sorted(p for p in folder.glob(pattern) if p.is_file() and p.suffix != ".md")
    if not files:
        raise SystemExit(f"no articles in {folder}")
    return files


def seed_corpus(seeds: Path = SEEDS) -> Corpus:
    """The seed articles and the golden questions written from them."""
    return Corpus("seeds", article_files(seeds, "*.txt"), load_questions(SEED_QUESTIONS))


def heldout_corpus(seeds: Path = SEEDS) -> Corpus:
    """Seeds plus held-out articles, asked the held-out questions."""
    articles = article_files(seeds, "*.txt") + article_files(HELDOUT_ARTICLES)
    return Corpus("held-out", articles, load_questions(HELDOUT_QUESTIONS))


def heldout2_corpus() -> Corpus:
    """The second held-out set alone (its not_found questions assume no other trial is indexed)."""
    articles = sorted(p for p in HELDOUT2_ARTICLES.iterdir() if p.is_file())  # one is .md
    return Corpus("held-out 2", articles, load_questions(HELDOUT2_QUESTIONS))


def services_for(index_dir: Path) -> Services:
    """The project's own services (settings from the environment) on ``index_dir``."""
    settings = Settings()
    settings.index.dir = index_dir
    settings.chroma.url = None  # always a fresh embedded index, never a shared server
    return Services(settings)


def ingest(services: Services, files: list[Path]) -> None:
    with services.ingestor() as ingestor:
        failed = [r for r in ingestor.ingest_paths(files) if r.status == "failed"]
    if failed:
        raise SystemExit("; ".join(f"{r.source}: {r.error}" for r in failed))


def cpu_model() -> str:
    """The CPU's model name (``/proc/cpuinfo``), for the machine line of a bench's output."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else "unknown CPU"
