"""A throwaway PostgreSQL server for the store tests, started from the local binaries.

:func:`start_server` runs ``initdb`` and ``pg_ctl start`` in a temporary folder:
trust authentication, a Unix socket in that folder and no TCP port, durability
switched off (the data is thrown away), and the folder in ``/dev/shm`` when that
memory file system has room (creating tables is several times faster there).  PostgreSQL refuses to run as root, so
under root the server runs as an unprivileged account that owns the folder:
``$EVENTWATCH_PG_TEST_USER`` if set, else ``postgres`` if that account exists,
else ``nobody``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

__all__ = ["PgServer", "ServerUnavailable", "find_binaries", "start_server"]

SUPERUSER = "eventwatch"
USER_ENV_VAR = "EVENTWATCH_PG_TEST_USER"
_PORT = 5432  # only names the socket file, inside the server's private folder
_SERVER_SETTINGS = (
    "listen_addresses=''",
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "max_connections=200",
)
_BINARIES = ("initdb", "pg_ctl")
_MEMORY_FOLDER = Path("/dev/shm")
_MEMORY_NEEDED = 1 << 30  # bytes free in /dev/shm before the server goes there


class ServerUnavailable(RuntimeError):
    """The PostgreSQL binaries are not installed here."""


@dataclass
class PgServer:
    """A running throwaway server; :meth:`stop` ends it and deletes its files."""

    folder: Path
    bin_dir: Path
    run_as: tuple[int, int] | None
    databases: list[str] = field(default_factory=list)

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, dbname: str, *, password: str | None = None, **params: str) -> str:
        """A ``postgresql://`` URL for ``dbname`` over the server's Unix socket."""
        auth = f"{SUPERUSER}:{quote(password, safe='')}" if password else SUPERUSER
        query = "&".join(
            f"{key}={quote(value, safe='')}"
            for key, value in {"host": str(self.socket_dir), "port": str(_PORT), **params}.items()
        )
        return f"postgresql://{auth}@/{dbname}?{query}"

    def stop(self) -> None:
        """Stop the server at once (its data is not kept) and remove its folder."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            _run(
                self,
                [self.bin_dir / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "-w"]
                + ["stop"],
                timeout=60,
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def find_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: on PATH, else the newest Debian install.

    Raises:
        ServerUnavailable: Neither place has them.
    """
    on_path = [shutil.which(name) for name in _BINARIES]
    if all(on_path):
        return Path(os.path.realpath(on_path[0] or "")).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for candidate in reversed(candidates):
        if all((Path(candidate) / name).is_file() for name in _BINARIES):
            return Path(candidate)
    raise ServerUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH or in "
        "/usr/lib/postgresql/*/bin; install them (apt-get install postgresql) to run "
        "the PostgreSQL store tests"
    )


def _unprivileged_account() -> tuple[int, int] | None:
    """The (uid, gid) to run the server as: None unless running as root."""
    if os.geteuid() != 0:
        return None
    wanted = os.environ.get(USER_ENV_VAR)
    for name in [wanted] if wanted else ["postgres", "nobody"]:
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        return account.pw_uid, account.pw_gid
    raise RuntimeError(
        f"running as root and no account {wanted or 'postgres or nobody'!r} exists to run "
        f"PostgreSQL as; create one (useradd --system pgtest) and set {USER_ENV_VAR}"
    )


def _parent_folder() -> str | None:
    """``/dev/shm`` if it is a writable memory file system with room; else None (TMPDIR)."""
    try:
        roomy = shutil.disk_usage(_MEMORY_FOLDER).free >= _MEMORY_NEEDED
    except OSError:
        return None
    return str(_MEMORY_FOLDER) if roomy and os.access(_MEMORY_FOLDER, os.W_OK) else None


def _run(
    server: PgServer, args: list[str | Path], *, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run a server binary as the server's account, in its folder; raise on failure."""
    uid, gid = server.run_as if server.run_as else (None, None)
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=server.folder,
        env=environment,
        user=uid,
        group=gid,
        extra_groups=[] if uid is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def start_server() -> PgServer:
    """Create and start a throwaway server; the caller must call :meth:`PgServer.stop`.

    Raises:
        ServerUnavailable: The binaries are missing.
        RuntimeError: They are there but the server would not start (the message
            carries the tools' output and the server log).
    """
    bin_dir = find_binaries()
    run_as = _unprivileged_account()
    folder = Path(tempfile.mkdtemp(prefix="eventwatch-pg-", dir=_parent_folder()))
    server = PgServer(folder=folder, bin_dir=bin_dir, run_as=run_as)
    log = folder / "server.log"
    try:
        server.socket_dir.mkdir()
        if run_as is not None:
            for path in (folder, server.socket_dir):
                os.chown(path, *run_as)
        _run(
            server,
            [bin_dir / "initdb", "-D", folder / "data", "-U", SUPERUSER, "--auth=trust"]
            + ["--no-locale", "--encoding=UTF8", "--no-sync", "--wal-segsize=1"],
            timeout=120,
        )
        options = f"-p {_PORT} -k {server.socket_dir} " + " ".join(
            f"-c {setting}" for setting in _SERVER_SETTINGS
        )
        _run(
            server,
            [bin_dir / "pg_ctl", "-D", folder / "data", "-l", log, "-o", options, "-w"]
            + ["-t", "60", "start"],
            timeout=90,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        output = ""
        if isinstance(exc, subprocess.CalledProcessError):
            output = f"\n{exc.stdout}\n{exc.stderr}"
        with contextlib.suppress(OSError):
            output += "\n" + log.read_text(errors="replace")[-2000:]
        server.stop()
        account = f" as uid/gid {run_as}" if run_as else ""
        raise RuntimeError(
            f"could not start a throwaway PostgreSQL server from {bin_dir}{account} in "
            f"{folder}: {exc}{output}"
        ) from exc
    return server
