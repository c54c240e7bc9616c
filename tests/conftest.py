"""Shared fixtures: one spaCy model and one default pipeline per test session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL on a fresh, empty schema, dropped afterwards.

    The server comes from ``CE_TEST_POSTGRES_URL`` (``.ci/run`` starts one and sets it); without it the
    PostgreSQL tests skip on a developer's machine but fail in CI, where they must run.
    """
    base = os.environ.get("CE_TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CE_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL and sets it")
        pytest.skip("no PostgreSQL server: set CE_TEST_POSTGRES_URL=postgresql://user:password@host/db")
    psycopg = pytest.importorskip("psycopg", reason='PostgreSQL needs the postgres extra (psycopg 3)')
    schema = f"ce_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
