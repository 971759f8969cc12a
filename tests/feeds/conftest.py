"""Feed tests: a loopback news site per test, and services allowed to fetch from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.app.services import Services
from tests.feeds.site import site, site_services

__all__ = ["services", "site"]


@pytest.fixture
def services(tmp_path: Path, embedder: Any) -> Services:
    return site_services(tmp_path / "index", embedder)
