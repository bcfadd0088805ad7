"""Fetch the pure-Python packages the plugin bundles into ``vendor/`` (exact versions).

The pins are ``[tool.imgschade] vendored`` in ``pyproject.toml``. Each comes as its universal
wheel from PyPI; a package without one (MarkupSafe) comes as its source archive, of which only
the pure-Python package is kept (its C speed-up is optional). Every package keeps its
``*.dist-info`` folder with the licence files. Running it again with the same pins does nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEST = ROOT / "vendor"
STAMP = ".pins"


def pins() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return list(tomllib.load(handle)["tool"]["imgschade"]["vendored"])


def _pip_download(pin: str, into: Path, wheel: bool) -> Path | None:
    """The one file pip fetches for ``pin`` into the empty folder ``into`` (pip caches it)."""
    kind = (
        ["--only-binary=:all:", "--platform", "any", "--implementation", "py"]
        + ["--python-version", "3.9"]
        if wheel
        else ["--no-binary=:all:"]
    )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(into), *kind, pin],
        capture_output=True,
        text=True,
    )
    files = sorted(into.iterdir())
    return files[0] if done.returncode == 0 and len(files) == 1 else None


def _unpack_wheel(wheel: Path, dest: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            if member.filename.endswith("/RECORD") or member.is_dir():
                continue
            target = dest / member.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(member))


def _unpack_sdist(sdist: Path, dest: Path) -> None:
    """Keep ``src/<package>/*.py`` (+ ``py.typed``) and the licence, as a dist-info folder."""
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        top = members[0].name.split("/", 1)[0]
        name, version = top.rsplit("-", 1)
        info = dest / f"{name}-{version}.dist-info"
        info.mkdir(parents=True, exist_ok=True)
        for member in members:
            rel = member.name.split("/", 1)[1]
            data = archive.extractfile(member).read()
            if rel == "PKG-INFO":
                (info / "METADATA").write_bytes(data)
            elif rel.upper().startswith(("LICENSE", "COPYING")):
                (info / Path(rel).name).write_bytes(data)
            elif rel.startswith("src/") and rel.endswith((".py", "py.typed")):
                target = dest / rel[len("src/") :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)


def vendor(dest: Path = DEFAULT_DEST) -> Path:
    wanted = "\n".join(pins()) + "\n"
    stamp = dest / STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return dest
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "vendor"
        staging.mkdir()
        for number, pin in enumerate(pins()):
            wheel_dir, sdist_dir = Path(tmp) / f"w{number}", Path(tmp) / f"s{number}"
            wheel_dir.mkdir()
            wheel = _pip_download(pin, wheel_dir, wheel=True)
            if wheel is not None:
                _unpack_wheel(wheel, staging)
                continue
            sdist_dir.mkdir()
            sdist = _pip_download(pin, sdist_dir, wheel=False)
            if sdist is None:
                sys.exit(f"Kon {pin} niet ophalen van PyPI (pip download).")
            _unpack_sdist(sdist, staging)
        (staging / STAMP).write_text(wanted, encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        shutil.move(str(staging), dest)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args()
    print(vendor(args.dest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
