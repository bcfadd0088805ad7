"""Start the real QGIS desktop with the plugin installed from its zip into a fresh profile.

Used by ``make demo`` and the end-to-end tests. Without a display the same run happens under
``xvfb-run``; the startup script (``--code``) then saves a screenshot and closes QGIS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.package import install  # noqa: E402

# what a desktop session passes on to QGIS; nothing of the project, its .venv or the shell
# that runs the tests (no PYTHONPATH, VIRTUAL_ENV, pyenv shims)
KEPT_VARIABLES = (
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "LC_ALL",
    "TZ",
    "DISPLAY",
    "XAUTHORITY",
    "XDG_RUNTIME_DIR",
    "TMPDIR",
)
USER_PATH = "/usr/local/bin:/usr/bin:/bin"

# the plugin's PDOK background map is off in a fresh profile: the demo and the end-to-end
# tests never need the network (a startup script may switch it on for its own run)
QGIS_INI = """[PythonPlugins]
img_qgis_plugin=true

[qgis]
checkVersion=false
showTips=false
allowVersionCheck=false

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true

[plugins]
askToUpgrade=false

[UI]
UITheme=default

[img_qgis_plugin]
background_map=false
"""


def prepare_profile(profiles_dir: Path, zip_path: Path, ini_extra: str = "") -> Path:
    """A fresh profile ``default`` under ``profiles_dir`` with the plugin unzipped and enabled;
    ``ini_extra`` adds sections to its QGIS3.ini (e.g. the interface language)."""
    if profiles_dir.exists():
        shutil.rmtree(profiles_dir)
    profile = profiles_dir / "profiles" / "default"
    install(zip_path, profile / "python" / "plugins")
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(QGIS_INI + ini_extra, encoding="utf-8")
    return profile


# QGIS runs the startup script without __file__; the prologue loads the helper module by its
# path, so no project folder goes on QGIS's sys.path
PROLOGUE = """import importlib.util as _util, os as _os, sys as _sys
_spec = _util.spec_from_file_location(
    "qgis_session", _os.path.join(_os.environ["IMG_TOOLS_DIR"], "qgis_session.py")
)
_sys.modules["qgis_session"] = _util.module_from_spec(_spec)
_spec.loader.exec_module(_sys.modules["qgis_session"])
"""


#: QGIS's own interface language set to English (Settings › Options › General › Locale)
ENGLISH_INTERFACE = """
[locale]
overrideFlag=true
userLocale=en_US
"""


def user_environment() -> dict[str, str]:
    """The environment a user's desktop gives QGIS: the plugin must run from the zip alone."""
    env = {key: os.environ[key] for key in KEPT_VARIABLES if key in os.environ}
    env["PATH"] = USER_PATH
    return env


def qgis_environment(out_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The user's environment plus where the startup script writes its result."""
    env = user_environment()
    env["IMG_OUT_DIR"] = str(out_dir.resolve())
    env["IMG_TOOLS_DIR"] = str(Path(__file__).resolve().parent)
    env["IMG_EXIT_WHEN_DONE"] = os.environ.get(
        "IMG_EXIT_WHEN_DONE", "0" if env.get("DISPLAY") else "1"
    )
    if extra:
        env.update(extra)
    return env


def run_qgis(
    zip_path: Path,
    profiles_dir: Path,
    code: Path,
    out_dir: Path,
    extra_env: dict[str, str] | None = None,
    timeout: int = 300,
    ini_extra: str = "",
) -> dict:
    """Run QGIS with ``code`` as startup script; return what the script wrote to result.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result_file = out_dir / "result.json"
    result_file.unlink(missing_ok=True)
    prepare_profile(profiles_dir, zip_path, ini_extra)
    env = qgis_environment(out_dir, extra_env)
    startup = out_dir / "startup.py"
    startup.write_text(PROLOGUE + code.read_text(encoding="utf-8"), encoding="utf-8")
    cmd = [
        "qgis",
        "--profiles-path",
        str(profiles_dir.resolve()),
        "--profile",
        "default",
        "--nologo",
        "--noversioncheck",
        "--code",
        str(startup.resolve()),
    ]
    if not os.environ.get("DISPLAY"):
        cmd = ["/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"] + cmd
    log_path = out_dir / "qgis.log"
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
    if not result_file.exists():
        raise RuntimeError(
            f"QGIS schreef geen resultaat (exitcode {proc.returncode}); zie {log_path}"
        )
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["qgis_exit_code"] = proc.returncode
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, required=True)
    parser.add_argument("--profile", type=Path, required=True, help="profiles folder to (re)create")
    parser.add_argument("--code", type=Path, required=True, help="startup script run inside QGIS")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the script")
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    result = run_qgis(args.zip, args.profile, args.code, args.out, extra_env=extra)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    raise SystemExit(main())
