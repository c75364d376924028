"""Audit a batch of files, each within a time budget, in worker processes.

Each file is audited in a worker process (one with ``--jobs 1``, N with ``--jobs N``).  A worker
that runs past the budget (``--timeout``, key ``timeout``) is stopped and replaced: that file gets a
one-line error, the other files go on.  A worker process is the only bound that holds everywhere:
a signal-based timer cannot interrupt a regular expression running in C, and Windows has no
``SIGALRM``.  Workers start with ``fork`` on Linux (they inherit the loaded rule packs and
modules) and ``spawn`` elsewhere (Windows, macOS).  Without a budget (``timeout`` 0) and with one
job, files are audited in this process.

Results come back in input order, whatever order the workers finish in.
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .findings import ReportResult

DEFAULT_TIMEOUT = 120.0     # seconds per file; a 500-page PDF reads in well under a minute


@dataclass(frozen=True)
class Job:
    path: str
    ctx: Any                 # rules.registry.Context
    rule_ids: list[str]
    max_bytes: int
    max_pages: int
    copy: tuple | None = None   # (target, in a folder, author) of an annotated copy (--annotate)


def audit_job(job: Job):
    """One file, in this process: its ReportResult (a ``Reviewed`` with ``copy``); an unexpected
    exception is the file's error, never raised."""
    from .audit import audit_path, internal_error

    try:
        if job.copy is None:
            return audit_path(job.path, job.ctx, job.rule_ids, max_bytes=job.max_bytes,
                              max_pages=job.max_pages)
        from .annotate import review

        target, batch, author = job.copy
        return review(job.path, target, batch, job.ctx, job.rule_ids, max_bytes=job.max_bytes,
                      max_pages=job.max_pages, author=author)
    except Exception as exc:  # noqa: BLE001  audit_path catches; this is the last line of defence
        return internal_error(job.path, exc, job.ctx.lang)


def _serve(conn) -> None:
    """Worker loop: receive a job, send its result, until told to stop (None) or the pipe closes."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(audit_job(job))


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods
                                       else "spawn")


class _Worker:
    def __init__(self, mp):
        self.conn, child = mp.Pipe()
        self.process = mp.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = 0.0

    def give(self, index: int, job: Job, timeout: float) -> None:
        self.index, self.deadline = index, time.monotonic() + timeout
        self.conn.send(job)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _failed(job: Job, key: str, **values) -> ReportResult:
    from .ingest import InputError

    return ReportResult(source=job.path, errors=[InputError(job.path, key, **values)
                                                 .reason(job.ctx.lang)])


def run(jobs: list[Job], workers: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
        progress: Callable[[int, int, str], None] | None = None) -> list[ReportResult]:
    """Audit ``jobs`` with ``workers`` processes, ``timeout`` seconds each (None or 0: no limit)."""
    progress = progress or (lambda done, total, name: None)
    if not timeout and workers <= 1:
        results = []
        for i, job in enumerate(jobs, start=1):
            results.append(audit_job(job))
            progress(i, len(jobs), job.path)
        return results
    return _pooled(jobs, max(1, min(workers, len(jobs))), timeout or None, progress)


def _pooled(jobs, workers, timeout, progress) -> list[ReportResult]:
    from multiprocessing.connection import wait

    from . import audit  # noqa: F401  loaded before fork: every worker inherits it
    from .rules.registry import load_all
    from .schemas import frames  # noqa: F401  pandera, the slowest import, once for all workers

    load_all()
    mp = _context()
    budget = timeout if timeout else float("inf")
    results: list[ReportResult | None] = [None] * len(jobs)
    queue = list(enumerate(jobs))
    pool = [_Worker(mp) for _ in range(workers)]
    done = 0

    def finish(worker: _Worker, result: ReportResult) -> None:
        nonlocal done
        results[worker.index] = result
        done += 1
        progress(done, len(jobs), jobs[worker.index].path)
        worker.index = None

    try:
        while done < len(jobs):
            for k, worker in enumerate(pool):
                if worker.index is None and queue:
                    index, job = queue.pop(0)
                    try:
                        worker.give(index, job, budget)
                    except OSError:                       # the worker died while idle
                        worker.stop(kill=True)
                        pool[k] = worker = _Worker(mp)
                        worker.give(index, job, budget)
            busy = [w for w in pool if w.index is not None]
            now = time.monotonic()
            wait_for = max(0.0, min(w.deadline for w in busy) - now)
            ready = wait([w.conn for w in busy], timeout=None if wait_for == float("inf")
                         else wait_for)
            for k, worker in enumerate(pool):
                if worker.index is None:
                    continue
                job = jobs[worker.index]
                if worker.conn in ready:
                    try:
                        finish(worker, worker.conn.recv())
                        continue
                    except (EOFError, OSError):
                        result = _failed(job, "worker_died")
                elif time.monotonic() >= worker.deadline:
                    result = _failed(job, "timeout", seconds=_seconds(timeout))
                else:
                    continue
                worker.stop(kill=True)
                replacement = _Worker(mp)
                replacement.index = worker.index
                pool[k] = replacement
                finish(replacement, result)
    finally:
        for worker in pool:
            worker.stop(kill=worker.index is not None)
    return results


def _seconds(timeout: float):
    return int(timeout) if float(timeout).is_integer() else timeout
