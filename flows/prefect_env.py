"""Prefect defaults for this project; imported before prefect so that they take effect.

No telemetry (there is no network to send it to and the failed look-ups clutter the logs), a
persistent PREFECT_HOME so the ephemeral server's database migrations run once, and a start
timeout that a cold machine can meet.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_HOME": str(Path.home() / ".newsline" / "prefect"),
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}

for name, value in DEFAULTS.items():
    os.environ.setdefault(name, value)

# Prefect's sqlite database cannot be created in a missing folder.
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
