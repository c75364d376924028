"""pandera, imported without pyspark.pandas: the one place the project imports pandera from.

pandera imports ``pyspark.pandas`` whenever pyspark is installed (to patch pandas for its type
hints), even for pandas schemas: that costs ±0.2 s at every start and prints pyspark's warning
about pandas 3.  pandera has no switch for it, so the first import here hides pyspark for that
one import (pandera then leaves the pyspark type hints out; its PySpark backend, imported later by
the Spark engine, imports pyspark itself as usual).  When pyspark is already loaded (the Spark
engine ran first) nothing is hidden.  ``hypothesis`` the same way: pandera imports it whenever it
is installed (for its data-synthesis strategies, which the project does not use), ±0.3 s more;
``pandera.backends.pandas.builtin_checks`` (which pandera would import at the first validation,
and with it the strategies and hypothesis, ±0.15 s) is therefore imported here too.
"""
from __future__ import annotations

import sys
import threading

_lock = threading.Lock()
HIDDEN = ("pyspark", "hypothesis")


def pandera():
    """The ``pandera`` package, with ``pandera.pandas`` and ``pandera.errors`` loaded."""
    with _lock:
        if "pandera.pandas" not in sys.modules:
            hidden = [m for m in HIDDEN if m not in sys.modules]
            for m in hidden:
                sys.modules[m] = None              # "import pyspark…" raises ImportError
            try:
                import pandera.backends.pandas.builtin_checks
                import pandera.pandas
            finally:
                for m in hidden:
                    del sys.modules[m]
        import pandera.errors
        import pandera.pandas  # noqa: F401
    return sys.modules["pandera"]

