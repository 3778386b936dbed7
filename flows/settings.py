"""Every path and switch in one place, read from the environment (NEWSLINE_*) and overridable by the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"
LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
DATABASE_FILE = "newsline.duckdb"


def languages_with(file_name: str, lexicon_dir: Path = LEXICON_DIR) -> tuple[str, ...]:
    """The languages whose lexicon folder holds file_name, sorted."""
    return tuple(sorted(p.parent.name for p in lexicon_dir.glob(f"*/{file_name}")))


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    warehouse_dir: Path
    max_file_bytes: int
    batch_size: int
    language_sample_chars: int
    lock_timeout: float  # seconds a run waits for another process to release the warehouse
    workers: int  # extraction processes; 0: one per core
    duckdb_memory_limit: str  # DuckDB's own cap (its default is 80% of the machine); it spills to disk beyond
    task_runner: str = "local"  # "local": batches in the flow's process; "dask": on a Dask cluster
    dask_address: str | None = None  # scheduler of an existing cluster; None: a temporary LocalCluster
    shard_root: str | None = None  # where Dask workers write their batches (path or fsspec URL); None: WAREHOUSE/shards

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / DATABASE_FILE

    @property
    def parquet_dir(self) -> Path:
        return self.warehouse_dir / "parquet"

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given non-None fields replaced (CLI options win over the environment)."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **kept)  # type: ignore[arg-type]


def load_settings() -> Settings:
    """Settings from NEWSLINE_* environment variables, with defaults relative to the working directory."""
    env = os.environ
    return Settings(
        seeds_dir=Path(env.get("NEWSLINE_SEEDS", "seeds")),
        warehouse_dir=Path(env.get("NEWSLINE_WAREHOUSE", "warehouse")),
        max_file_bytes=int(env.get("NEWSLINE_MAX_FILE_BYTES", str(20 * 1024 * 1024))),
        batch_size=int(env.get("NEWSLINE_BATCH_SIZE", "5000")),
        language_sample_chars=int(env.get("NEWSLINE_LANGUAGE_SAMPLE_CHARS", "500")),
        lock_timeout=float(env.get("NEWSLINE_LOCK_TIMEOUT", "30")),
        workers=int(env.get("NEWSLINE_WORKERS", "0")),
        duckdb_memory_limit=env.get("NEWSLINE_DUCKDB_MEMORY_LIMIT", "1000MB"),
        task_runner=env.get("NEWSLINE_TASK_RUNNER", "local"),
        dask_address=env.get("NEWSLINE_DASK_ADDRESS") or None,
        shard_root=env.get("NEWSLINE_SHARD_ROOT") or None,
    )
