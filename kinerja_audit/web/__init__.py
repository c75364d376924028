"""The local web page (``kinerja-audit serve``): :mod:`.app` (the application), :mod:`.uploads`
(receiving files within limits), :mod:`.server` (uvicorn on this computer).  Needs the ``web``
extra: ``pip install "kinerja-audit[web]"``."""
