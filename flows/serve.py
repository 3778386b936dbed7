"""Schedules: serve the ETL flow as a deployment that a Prefect server runs on a cron schedule."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEFAULT_DEPLOYMENT = "newsline-scheduled"


def deployment_parameters(seeds: Path, warehouse: Path, batch_size: int | None = None) -> dict[str, Any]:
    """The flow's parameters for every scheduled run (absolute paths: runs start in another process)."""
    parameters: dict[str, Any] = {"seeds": str(seeds.resolve()), "warehouse": str(warehouse.resolve())}
    if batch_size is not None:
        parameters["batch_size"] = batch_size
    return parameters


def serve_flow(seeds: Path, warehouse: Path, cron: str, name: str = DEFAULT_DEPLOYMENT,
               batch_size: int | None = None) -> None:
    """Register the deployment with the server at PREFECT_API_URL and run its flow runs until interrupted."""
    from flows.pipeline import newsline_etl  # Prefect is slow to import: only when serving

    newsline_etl.serve(
        name=name,
        cron=cron,
        parameters=deployment_parameters(seeds, warehouse, batch_size),
        description=f"newsline ETL on {seeds} into {warehouse}, on the schedule {cron!r}",
        tags=["newsline"],
    )


def api_url() -> str | None:
    """The Prefect server the deployment registers with (None: a temporary one that ends with the process)."""
    return os.environ.get("PREFECT_API_URL") or None
