"""A throw-away PostgreSQL cluster for the tests:
a temp dir, loopback, a free port, torn down after.

Debian's ``postgresql`` package (``tests/setup/postgres.sh``) puts ``initdb`` and ``pg_ctl`` under
``/usr/lib/postgresql/VERSION/bin``.  initdb refuses to run as root, and CI runs as root: there the
server runs as the ``postgres`` system user (``runuser -u postgres --``) in a temp dir it owns.
The cluster trusts local connections (loopback only) and skips fsync: it lives for one session.
"""
from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def bin_dir() -> Path | None:
    """The newest installed server's bin directory (Debian layout first, then PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def available() -> bool:
    if bin_dir() is None:
        return False
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return False
        return shutil.which("runuser") is not None
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """``start()`` → ``url``; ``stop()`` removes everything."""

    def __init__(self) -> None:
        self.bin = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="kinerja-audit-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr.strip()}\n{log}")

    def start(self) -> str:
        if self._as_root:
            import pwd

            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        return self.url

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def load_text_table(url: str, name: str, frame) -> None:
    """``frame`` as a table of ``text`` columns (as a CSV is loaded), with COPY."""
    import psycopg

    cols = ", ".join(f'"{c}" text' for c in frame.columns)
    buf = io.StringIO()
    frame.astype(str).to_csv(buf, index=False, header=False)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS {name}')
        cur.execute(f"CREATE TABLE {name} ({cols})")
        with cur.copy(f"COPY {name} FROM STDIN WITH (FORMAT csv)") as copy:
            copy.write(buf.getvalue())


def load_typed_table(url: str, name: str, frame, numeric: list[str]) -> None:
    """``frame`` with the ``numeric`` columns as ``numeric`` (values already numbers or None)."""
    import psycopg

    cols = ", ".join(f'"{c}" {"numeric" if c in numeric else "text"}' for c in frame.columns)
    buf = io.StringIO()
    frame.to_csv(buf, index=False, header=False)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS {name}')
        cur.execute(f"CREATE TABLE {name} ({cols})")
        with cur.copy(f"COPY {name} FROM STDIN WITH (FORMAT csv)") as copy:
            copy.write(buf.getvalue())
