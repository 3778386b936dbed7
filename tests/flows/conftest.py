"""Flow tests share one Prefect test harness: entering it costs ~13 s."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    import flows.prefect_env  # noqa: F401

    with prefect_test_harness(server_startup_timeout=120):
        yield
