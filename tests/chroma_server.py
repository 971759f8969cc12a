"""A real Chroma server for tests and benches: ``chroma run`` (installed with chromadb) on
127.0.0.1 and a free port, persisting in a folder of the caller's."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx


def chroma_binary() -> str:
    """The ``chroma`` CLI of this interpreter's environment (chromadb installs it)."""
    beside = Path(sys.executable).parent / "chroma"
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        raise RuntimeError(f"no `chroma` CLI beside {sys.executable} nor on PATH (pip chromadb)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """``chroma run --path DIR --host 127.0.0.1 --port FREE``, up once its heartbeat answers.

    Its banner and log go to ``DIR/chroma.log``. It is told to send no telemetry: the Rust
    server has no product telemetry of its own, ``ANONYMIZED_TELEMETRY=False`` covers the
    Python side, and no OpenTelemetry endpoint is configured.
    """

    def __init__(self, folder: Path, startup_timeout_s: float = 30.0) -> None:
        self.folder = folder
        self.startup_timeout_s = startup_timeout_s
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ChromaServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "CHROMA_OPEN_TEL"))
        }
        env["ANONYMIZED_TELEMETRY"] = "False"
        log = (self.folder / "chroma.log").open("ab")
        command = [chroma_binary(), "run", "--path", str(self.folder / "data")]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        self._process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        log.close()  # the child has its own descriptor
        self._wait_for_heartbeat()
        return self

    def _wait_for_heartbeat(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"chroma run exited: {self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run did not answer in {self.startup_timeout_s} s")

    def log_tail(self, chars: int = 2000) -> str:
        path = self.folder / "chroma.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> ChromaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
