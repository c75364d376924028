"""pandera, imported without pyspark.pandas: the one place the project imports pandera from.

pandera imports ``pyspark.pandas`` whenever pyspark is installed (to patch pandas for its type
hints), even for pandas schemas: that costs ±0.2 s at every start and prints pyspark's warning
about pandas 3.  pandera has no switch for it, so the first import here hides pyspark for that
one import (pandera then leaves the pyspark type hints out; its PySpark backend, imported later by
the Spark engine, imports pyspark itself as usual).  When pyspark is already loaded (the Spark
engine ran first) nothing is hidden.
"""
from __future__ import annotations

import sys
import threading

_lock = threading.Lock()


def pandera():
    """The ``pandera`` package, with ``pandera.pandas`` and ``pandera.errors`` loaded."""
    with _lock:
        if "pandera.pandas" not in sys.modules and "pyspark" not in sys.modules:
            sys.modules["pyspark"] = None          # "import pyspark…" raises ImportError
            try:
                import pandera.pandas
            finally:
                del sys.modules["pyspark"]
        import pandera.errors
        import pandera.pandas  # noqa: F401
    return sys.modules["pandera"]

