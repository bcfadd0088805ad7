"""``imgschade ARGV`` run in the test's own process.

The CLI's ``main(argv)`` with stdout and stderr captured: the same parser, handlers and output
as the installed command, at the cost of a function call instead of a fresh interpreter (about
a second each). The result reads like ``subprocess.run``'s. Tests that are about the process
itself (the last-resort net, a kill, a fresh interpreter's warnings) still start one.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from domain.cli import main


@dataclass(frozen=True)
class CliRun:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def run_cli(*argv: str, check: bool = False, cwd: str | Path | None = None) -> CliRun:
    """``imgschade *argv`` in this process; ``check``: fail the test on a non-zero exit;
    ``cwd``: the folder relative paths in ``argv`` start from (restored afterwards)."""
    out, err = io.StringIO(), io.StringIO()
    with _folder(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's --help, --version and usage errors
            code = _exit_code(exc.code, err)
    done = CliRun(tuple(argv), int(code), out.getvalue(), err.getvalue())
    if check and done.returncode != 0:
        raise AssertionError(f"imgschade {' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    return done


@contextlib.contextmanager
def _folder(cwd: str | Path | None):
    # contextlib.chdir is Python 3.11+; the project targets 3.9
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def _exit_code(code: object, err: io.StringIO) -> int:
    # what the interpreter does with sys.exit(code): None is 0, a text is printed and gives 1
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1
