"""kinerja-audit: consistency checks for Indonesian performance reports (Laporan Kinerja)."""

__version__ = "0.1.0"
