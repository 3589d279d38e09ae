"""Fixtures of the web app's tests: the app (Starlette's TestClient) and the example plan as JSON.

Skipped, saying why, where the serve extra (Starlette, Jinja2, httpx) is not installed.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES

pytest.importorskip("starlette", reason="the serve extra (pip install '.[serve]') is not installed")
pytest.importorskip("jinja2", reason="the serve extra (pip install '.[serve]') is not installed")
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx (the test extra)")


@pytest.fixture(scope="session")
def app() -> Any:
    from vbhc.serve.app import create_app

    return create_app()


@pytest.fixture
def client(app: Any) -> Any:
    from starlette.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def plan_spec() -> dict[str, Any]:
    """The Hoàng Kim plan's YAML spec as the data a form sends (its profile named as in the file)."""
    return yaml.safe_load((EXAMPLES / "ke-hoach-hoang-kim.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_errors() -> int:
    """The errors `vbhc check` reports in the Word-made office seed: the web app, the API and the MCP
    tool must report the same number (not a number copied here that the checker's rules outgrow)."""
    from tests.fixtures.office_seed import build_office_seed
    from vbhc.check import check

    errors = check(build_office_seed(), name="office-seed.docx").errors
    assert errors > 0  # the seed has real findings: a fixed copy must have fewer
    return errors
