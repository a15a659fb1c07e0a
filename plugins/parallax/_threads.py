"""One BLAS thread: imported for its effect, before anything imports numpy.

The analysis multiplies many small matrices (a claim against an article's sentences); BLAS
threads only add start-up cost there (three times slower on a busy two-core machine). An
explicit setting in the environment wins. The entry points (the MkDocs plugin, the command line)
import this module first.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
