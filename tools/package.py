"""Build the installable plugin zip, or install it into a QGIS profile.

The zip's top folder is ``img_qgis_plugin/`` holding ``metadata.txt``, the adapter, ``domain/``,
``ui/``, ``resources/`` (with built ``.qm`` files) and ``vendor/`` (the bundled pure-Python
packages with their licences, see ``tools/vendor.py``) — no tests, caches or build output.
"""

from __future__ import annotations

import argparse
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = "img_qgis_plugin"
INCLUDED = ("img_qgis_plugin", "domain", "ui", "resources", "vendor")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
# Cython sources and stubs of the vendored packages are not run by anyone
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej", ".pyx", ".pxd", ".pyi", ".c"}


def _files() -> list[tuple[Path, str]]:
    pairs = [
        (ROOT / "metadata.txt", f"{TOP}/metadata.txt"),
        (ROOT / "README.md", f"{TOP}/README.md"),
    ]
    for folder in INCLUDED:
        base = ROOT / folder
        for path in sorted(base.rglob("*")):
            if path.is_dir() or SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                continue
            if path.suffix in SKIPPED_SUFFIXES:
                continue
            rel = path.relative_to(base) if folder == TOP else path.relative_to(ROOT)
            pairs.append((path, f"{TOP}/{rel.as_posix()}"))
    return pairs


def build(out: Path) -> Path:
    qm = list((ROOT / "resources" / "i18n").glob("*.qm"))
    if not qm:
        sys.exit("Geen vertalingen (.qm) gevonden: draai eerst 'make translations'.")
    if not (ROOT / "vendor" / ".pins").exists():
        sys.exit("Geen gebundelde pakketten (vendor/) gevonden: draai eerst 'make vendor'.")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, name in _files():
            # fixed timestamps keep the zip reproducible
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    os.replace(tmp, out)
    print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB")
    return out


def default_profile_plugins() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "QGIS" / "QGIS3" / "profiles" / "default" / "python" / "plugins"


def install(zip_path: Path, plugins_dir: Path) -> Path:
    """Unzip into ``plugins_dir``, replacing an earlier copy of the plugin."""
    import shutil

    plugins_dir.mkdir(parents=True, exist_ok=True)
    target = plugins_dir / TOP
    if target.exists():
        shutil.rmtree(target)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins_dir)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="build the zip here")
    parser.add_argument("--deploy", type=Path, help="install this zip into the default profile")
    args = parser.parse_args()
    if args.out:
        build(args.out)
    if args.deploy:
        target = install(args.deploy, default_profile_plugins())
        print(f"Geïnstalleerd in {target}; zet de plugin aan via Plugins › Beheren en installeren.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
