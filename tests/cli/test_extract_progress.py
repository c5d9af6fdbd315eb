"""The progress bar: on stderr, only when stderr is a terminal (tested through a
pseudo-terminal) and more than a handful of documents are read; never on
stdout, and never when stderr is redirected unless asked for."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from legation.cli import cli
from legation.cli.extract import PROGRESS_AFTER, _Progress

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pseudo-terminal")

ARTICLE = "date 2024-01-{:02d}\nThe trade minister met the visiting ambassador in Lima on Monday, report {}."


def make_batch(folder: Path, n: int) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(ARTICLE.format(i + 1, i), encoding="utf-8")
    return folder


def run_with_tty_stderr(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run `legation` with stderr on a pseudo-terminal of 100x30; returns (status, stdout, terminal text)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEGATION_", "COLUMNS", "LINES", "NO_COLOR"))}
    env.update(TERM="xterm-256color")
    proc = subprocess.Popen([sys.executable, "-m", "legation", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    stdout = proc.stdout.read().decode()
    proc.stdout.close()
    status = proc.wait(timeout=300)
    os.close(master)
    return status, stdout, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_progress_bar_on_a_terminal(tmp_path: Path):
    batch = make_batch(tmp_path / "batch", PROGRESS_AFTER + 7)
    (batch / "zz-junk.txt").write_bytes(bytes(range(256)))
    status, stdout, term = run_with_tty_stderr(["extract", str(batch)], tmp_path)
    assert status == 3
    data = json.loads(stdout)  # the bar never touches stdout
    assert len(data["documents"]) == PROGRESS_AFTER + 7
    assert "extract" in term and "read" in term and "rejected" in term  # the bar was drawn
    assert "\x1b[" in term  # with terminal control sequences
    assert term.count(f"legation: error: {batch / 'zz-junk.txt'}: binary data, not text") == 1
    assert "1 input(s) rejected" in term


def run_in_process_with_tty_stderr(args: list[str], monkeypatch) -> tuple[int, str]:
    """The same, in this process (the pipeline is already loaded): sys.stderr is a pseudo-terminal."""
    import threading

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    tty = os.fdopen(slave, "w", encoding="utf-8", buffering=1)
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("LEGATION_PROGRESS", "COLUMNS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    try:
        cli.main(args=args, prog_name="legation", standalone_mode=False)
        status = 0
    except SystemExit as exc:
        status = exc.code
    finally:
        tty.close()
        reader.join(timeout=10)
        os.close(master)
    return status, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_no_bar_for_a_handful_of_documents(tmp_path: Path, monkeypatch):
    batch = make_batch(tmp_path / "few", PROGRESS_AFTER)
    status, term = run_in_process_with_tty_stderr(["extract", str(batch), "-o", str(tmp_path / "o.json")],
                                                  monkeypatch)
    assert status == 0 and term.strip() == ""


@pytest.mark.slow
def test_bar_in_process_and_not_when_quiet_or_never(tmp_path: Path, monkeypatch):
    batch = make_batch(tmp_path / "many", PROGRESS_AFTER + 3)
    out = str(tmp_path / "o.json")
    status, term = run_in_process_with_tty_stderr(["extract", str(batch), "-o", out], monkeypatch)
    assert status == 0 and "read" in term and "\x1b[" in term
    for flag in (["--quiet"], ["--progress", "never"]):
        status, term = run_in_process_with_tty_stderr(["extract", str(batch), "-o", out, *flag], monkeypatch)
        assert status == 0 and term.strip() == "", flag


@pytest.mark.slow
def test_no_bar_when_stderr_is_redirected(tmp_path: Path):
    batch = make_batch(tmp_path / "many", PROGRESS_AFTER + 3)
    result = CliRunner().invoke(cli, ["extract", str(batch)], catch_exceptions=False)
    assert result.exit_code == 0 and result.stderr == ""


def test_progress_counts_and_threshold():
    bar = _Progress(enabled=False)
    for _ in range(PROGRESS_AFTER + 2):
        bar.read(None)
    bar.reject(None)
    assert (bar.count, bar.rejected) == (PROGRESS_AFTER + 2, 1)
    assert bar._bar is None  # disabled: never drawn
    bar.close()


def test_progress_always_draws_without_a_terminal(capsys):
    bar = _Progress(enabled=True, force=True, after=0)
    bar.read(None)
    bar.echo("legation: error: x: y")
    bar.close()
    err = capsys.readouterr().err
    assert "legation: error: x: y" in err and "\x1b[" in err
