"""VS30 per site from a per-postcode (PC4) table, the policy default elsewhere.

Soft soils (low VS30) shake more, so the site term matters near the 2 and 5 mm/s thresholds;
the table (``pc4,vs30_m_s``) comes from the NAM site zonation and covers only the region, hence
the default for postcodes it does not list.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from domain import policy
from domain.errors import InputError, Problem


def load_vs30_table(path: str | Path) -> dict[str, float]:
    """``{pc4: vs30}`` from a CSV with columns ``pc4,vs30_m_s``; every bad row reported at once."""
    path = Path(path)
    problems: list[Problem] = []
    table: dict[str, float] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("pc4", "vs30_m_s") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(
                f"{path.name}: kolommen ontbreken",
                [
                    Problem(f"kolom '{c}' ontbreekt", path.name, 1, c, "kop: pc4,vs30_m_s")
                    for c in missing
                ],
            )
        for line, row in enumerate(reader, start=2):
            pc4 = (row["pc4"] or "").strip()
            if not (pc4.isdigit() and len(pc4) == 4):
                problems.append(
                    Problem(f"postcode '{pc4}' is geen PC4", path.name, line, "pc4", "vier cijfers")
                )
                continue
            try:
                value = float(row["vs30_m_s"])
            except (TypeError, ValueError):
                problems.append(
                    Problem(
                        f"'{row['vs30_m_s']}' is geen getal", path.name, line, "vs30_m_s", "m/s"
                    )
                )
                continue
            if not 50.0 <= value <= 3000.0:
                problems.append(
                    Problem(
                        f"VS30 {value} buiten 50…3000 m/s",
                        path.name,
                        line,
                        "vs30_m_s",
                        "controleer",
                    )
                )
                continue
            if pc4 in table and table[pc4] != value:
                problems.append(
                    Problem(
                        f"PC4 {pc4} komt twee keer voor",
                        path.name,
                        line,
                        "pc4",
                        "houd één waarde over",
                    )
                )
            table[pc4] = value
    if problems:
        raise InputError(f"{path.name}: VS30-tabel niet ingelezen", problems)
    return table


def vs30_for(
    pc4s, table: dict[str, float] | None, default: float = policy.DEFAULT_VS30_M_S
) -> np.ndarray:
    """VS30 per object from its PC4 (a postcode like '9981 AB' works too); default if unknown."""
    table = table or {}
    return np.array([table.get(str(p or "").strip()[:4], default) for p in pc4s], dtype=float)
