"""Schedules, end to end: a real `prefect server start` on loopback, `newsline serve --cron` registering the
deployment, a flow run triggered through the API, and the run's documents, events and artifact in the warehouse.

Costs ~1 minute (a fresh Prefect database migrates in ~30 s). Every subprocess is killed, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import httpx
import polars as pl
import pytest

from flows.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seeds" / "000_b373e813eec3824c.txt"
BIN = Path(sys.executable).parent
DEPLOYMENT = "newsline-test"
SERVER_START_SECONDS = 120
DEPLOYMENT_SECONDS = 60
RUN_SECONDS = 180

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prefect_env(home: Path, api_url: str | None) -> dict[str, str]:
    """The environment of a subprocess: its own PREFECT_HOME, no telemetry, the given server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false", PREFECT_LOGGING_LEVEL="INFO")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a subprocess started in its own session, with its children (the runner's flow-run processes)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def wait_for(condition: Callable[[], object], seconds: float, what: str, process: subprocess.Popen[bytes],
             log: Path) -> None:
    """Poll condition() until it is truthy; fail early when the process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what}: the process exited with {process.returncode}\n{tail(log)}")
        try:
            if condition():
                return
        except Exception:  # not up yet
            pass
        time.sleep(1)
    pytest.fail(f"{what}: not within {seconds} s\n{tail(log)}")


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    """A Prefect server on a free loopback port with a fresh database; its API URL."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=prefect_env(tmp_path / "server-home", None), stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(lambda: httpx.get(f"{api_url}/health", timeout=2).status_code == 200, SERVER_START_SECONDS,
                 "prefect server start", server, log)
        yield api_url
    finally:
        stop(server)


def test_serve_runs_the_flow_triggered_through_the_api(prefect_server: str, tmp_path: Path) -> None:
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    seeds, warehouse, log = tmp_path / "seeds", tmp_path / "warehouse", tmp_path / "serve.log"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    with log.open("wb") as out:
        serving = subprocess.Popen(
            [str(BIN / "newsline"), "serve", str(seeds), "--warehouse", str(warehouse), "--cron", "0 * * * *",
             "--name", DEPLOYMENT],
            env=prefect_env(tmp_path / "serve-home", prefect_server), cwd=PROJECT_ROOT, stdout=out,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        with SyncPrefectClient(prefect_server) as client:
            wait_for(lambda: client.read_deployment_by_name(f"newsline-etl/{DEPLOYMENT}"), DEPLOYMENT_SECONDS,
                     "newsline serve registers the deployment", serving, log)
            deployment = client.read_deployment_by_name(f"newsline-etl/{DEPLOYMENT}")
            assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]  # type: ignore[union-attr]
            assert deployment.parameters["warehouse"] == str(warehouse.resolve())

            flow_run = client.create_flow_run_from_deployment(deployment.id)
            wait_for(lambda: (s := client.read_flow_run(flow_run.id).state) is not None and s.is_final(), RUN_SECONDS,
                     "the triggered flow run finishes", serving, log)
            state = client.read_flow_run(flow_run.id).state
            assert state is not None and state.is_completed(), f"{state}\n{tail(log)}"
            artifacts = client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])))
    finally:
        stop(serving)

    assert [a.key for a in artifacts] == ["newsline-run"]
    markdown = str(artifacts[0].data)
    assert "| documents_new | 1 |" in markdown
    assert "## Newest events" in markdown and "| pledge | USA | UKR |" in markdown
    assert pl.read_parquet(warehouse / "parquet" / "documents" / "*.parquet").height == 1
    assert pl.read_parquet(warehouse / "parquet" / "events" / "*.parquet").height >= 4
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        runs = con.execute("select status, flow_run_id, documents_new from runs").fetchall()
    assert runs == [("completed", str(flow_run.id), 1)]


def test_serve_command_passes_its_options_and_warns_without_a_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import flows.serve
    from flows.cli import main

    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(flows.serve, "serve_flow", lambda *args: calls.append(args))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "texts", "--warehouse", "wh", "--cron", "*/5 * * * *", "--batch-size", "50"]) == 0
    assert calls == [(Path("texts"), Path("wh"), "*/5 * * * *", "newsline-scheduled", 50)]
    assert "PREFECT_API_URL is not set" in capsys.readouterr().err
    assert flows.serve.deployment_parameters(Path("texts"), Path("wh"), 50) == {
        "seeds": str(tmp_path / "texts"), "warehouse": str(tmp_path / "wh"), "batch_size": 50}
