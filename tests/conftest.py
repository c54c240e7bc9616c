"""Shared fixtures: one spaCy model and one default pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from conflict_events.nlp import load_language_model
from conflict_events.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_language_model()


@pytest.fixture(scope="session")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared (corpus and gold) is not beside the checkout")
    return SHARED
