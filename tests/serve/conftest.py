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
