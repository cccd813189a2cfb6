"""Extraction on several cores: long-lived worker processes, each with its own spaCy model, fed batches of articles.

spaCy's own `nlp.pipe(n_process=N)` starts its workers again for every call, and the extractor calls it once per
64-article batch, so on the benchmark it made the pipeline slower (see README, "Performance and scale"). Here the
workers are started once per stage and each loads the model once; the parent keeps reading, validating and
spilling while they parse. Results come back in the order the batches went out, so the output (and the rows
written) is the same with any number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

import polars as pl

from diplowatch.events import extract_events

#: Batches in flight per worker: enough to keep every worker busy while the parent validates one result,
#: few enough that memory stays bounded (each batch holds `batch_articles` texts).
IN_FLIGHT_PER_WORKER = 2

_worker_extractor = None
_worker_error: BaseException | None = None


def _start_worker(model_name: str, exhaustive: bool) -> None:
    """Runs once in each worker: load the model there (spawned workers share nothing with the parent).

    An error is kept and raised by the worker's first task, so the caller sees it (e.g. "model not
    installed") rather than the executor's bare "a process in the pool was terminated abruptly".
    """
    global _worker_extractor, _worker_error
    # One thread per worker: the workers are the parallelism, and BLAS threads would compete with them.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    try:
        from diplowatch.nlp import Extractor

        _worker_extractor = Extractor(model_name=model_name, exhaustive=exhaustive)
        _worker_extractor.nlp  # noqa: B018 -- load now, not in the middle of the first batch
    except Exception as exc:  # noqa: BLE001 -- re-raised by every task of this worker
        _worker_error = exc


def _extract_in_worker(batch: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    if _worker_error is not None:
        raise _worker_error
    return extract_events(batch, _worker_extractor)


def resolve_workers(workers: int | None) -> int:
    """The number of extraction processes: `workers` when given (>= 1), else one per core."""
    if workers is None or workers <= 0:
        return max(1, os.cpu_count() or 1)
    return workers


def extract_in_processes(
    batches: Iterable[pl.DataFrame], extractor, workers: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]:
    """(batch, visit_mentions, reactions) for every batch, in the batches' order, extracted by `workers`
    processes running an extractor configured like `extractor` (its `model_name` and `exhaustive`).

    A worker's error is raised here, with the worker's traceback as its cause; the pool is shut down on any
    exit (an error, or the caller closing the iterator early). Workers are spawned, so a script calling this
    needs Python's `if __name__ == "__main__":` guard (Dagster, `diplowatch` and the benchmark have it).
    """
    from diplowatch.nlp import Extractor

    if not isinstance(extractor, Extractor):
        # The workers build their own extractor from the configuration: another kind cannot be copied there.
        raise TypeError(f"extraction in {workers} processes needs a diplowatch Extractor, not "
                        f"{type(extractor).__name__}; use workers=1")
    model_name, exhaustive = extractor.model_name, extractor.exhaustive
    # spawn, not fork: the parent may hold DuckDB and Polars thread pools, which do not survive a fork.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(model_name, exhaustive))
    pending: deque[tuple[pl.DataFrame, Future]] = deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(_extract_in_worker, batch)))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done, future = pending.popleft()
                yield (done, *future.result())
        while pending:
            done, future = pending.popleft()
            yield (done, *future.result())
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
