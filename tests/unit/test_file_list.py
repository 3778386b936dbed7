"""FileList: the files handed between Prefect tasks as one value Prefect does not walk."""

from __future__ import annotations

import pickle
from pathlib import Path

from prefect.utilities.collections import visit_collection

from flows.pipeline import FileList

PATHS = [Path(f"/seeds/{n:05d}.txt") for n in range(2000)]


def visits(value: object) -> int:
    seen: list[object] = []
    visit_collection(value, lambda item: seen.append(item), return_data=False)
    return len(seen)


def test_prefect_visits_a_file_list_once_and_a_list_once_per_path() -> None:
    assert visits(PATHS) == len(PATHS) + 1
    assert visits(FileList(PATHS)) == 1
    assert visits((FileList(PATHS), 3)) == 3  # the tuple, the list, the count


def test_a_file_list_behaves_as_the_sequence_of_its_paths() -> None:
    files = FileList(PATHS)
    assert len(files) == len(PATHS) and list(files) == PATHS
    assert files[7] == PATHS[7] and files[-1] == PATHS[-1]
    batch = files[100:300]
    assert isinstance(batch, FileList) and list(batch) == PATHS[100:300]
    assert Path("/seeds/00042.txt") in files
    assert list(pickle.loads(pickle.dumps(files))) == PATHS  # as a Dask worker receives it
