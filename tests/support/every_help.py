"""Run ``imgschade --help`` and every sub-command's ``--help`` in this one fresh interpreter.

Each call gets its own file descriptors 1 and 2 (temporary files), so a warning a library writes
from C (PROJ, GDAL) lands with the call that caused it, as a Python warning does. Writes
``{"argv": [exit code, stdout, stderr], …}`` as JSON to the path given; used by
tests/unit/test_cli_quiet.py instead of one interpreter per sub-command.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile

from domain.cli import main


def run(argv: list[str]) -> tuple[object, str, str]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            try:
                code = main(argv)
            except SystemExit as exc:  # --help exits through argparse
                code = exc.code
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8"), err.read().decode("utf-8")


def every_help() -> dict[str, tuple[object, str, str]]:
    report = {"--help": run(["--help"])}
    usage = report["--help"][1]
    commands = max(re.findall(r"\{([a-z,-]+)\}", usage), key=len).split(",")
    for command in commands:
        report[command] = run([command, "--help"])
    return report


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(every_help(), f, ensure_ascii=False)
