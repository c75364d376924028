@echo off
rem Klik dua kali: membuka halaman reviu kinerja-audit di peramban (hanya di komputer ini).
rem Double-click: opens the kinerja-audit review page in the browser (this computer only).
rem Sekali saja sebelumnya / once beforehand:  py -m pip install "kinerja-audit[web]"
title kinerja-audit
py -m kinerja_audit serve --open
if errorlevel 1 (
  echo.
  echo Halaman tidak dapat dijalankan. Sudahkah menjalankan: py -m pip install "kinerja-audit[web]" ?
  pause
)
