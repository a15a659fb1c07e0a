"""Measuring a build honestly: wall time, CPU time and the peak memory of the whole process
tree, bytes.

Peak memory is sampled every 50 ms as the sum of the proportional set size (PSS) of the build
process and every process it started (a process pool's workers included), so memory shared by
forked workers counts once, not once per worker. `ru_maxrss` would report the largest single
process only. CPU time is the user and system time of the command and every process it waited
for (workers, Pagefind): the work done, which other load on a shared machine disturbs far less
than the wall time.
"""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    """One timed command."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue += _children(current)
    return pids


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        key = "Pss:"
    except OSError:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
            key = "VmRSS:"
        except OSError:
            return 0
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


@dataclass
class _Sampler:
    pid: int
    peak_kb: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            self.stop.wait(0.05)


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `command`, sampling the memory of its process tree until it ends."""
    started, cpu_before = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    sampler = _Sampler(process.pid)
    thread = threading.Thread(target=sampler.run, daemon=True)
    thread.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop.set()
    thread.join()
    return Run(seconds, _children_cpu() - cpu_before, sampler.peak_kb / 1024,
               process.returncode, stdout, stderr)


def _children_cpu() -> float:
    """CPU seconds of every child process this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def folder_bytes(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())
