"""Demo objects: points clustered around real places, parcels, addresses, building facts.

Everything is drawn from one seeded generator in a fixed order, so the same seed gives the
same objects. Street and number follow the position (streets are bands across each place,
numbers run west to east), so neighbours share a street and numbers look like a real walk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from domain.demo.places import PLACES, STREETS
from domain.demo.rows import AddressRow
from domain.store.repository import normalise_search_key

_LETTERS = [a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ"]


@dataclass
class DemoObjects:
    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    place: np.ndarray  # index into PLACES
    pc4: list[str]
    construction_year: np.ndarray
    use: list[str]
    small: np.ndarray
    woz: np.ndarray
    monument: np.ndarray
    ncg: np.ndarray
    vs30: np.ndarray
    aanduiding: list[str]
    parcels: object  # shapely MultiPolygon array
    parcel_area: np.ndarray
    addresses: list[AddressRow]

    def __len__(self) -> int:
        return int(self.ids.shape[0])


def make_objects(n: int, rng: np.random.Generator) -> DemoObjects:
    weights = np.array([p.weight for p in PLACES], dtype=float)
    place = rng.choice(len(PLACES), size=n, p=weights / weights.sum())
    cx = np.array([p.x for p in PLACES])[place]
    cy = np.array([p.y for p in PLACES])[place]
    spread = np.array([p.spread_m for p in PLACES])[place]
    x = np.round(cx + rng.normal(0, 1, n) * spread, 1)
    y = np.round(cy + rng.normal(0, 1, n) * spread, 1)
    era = rng.choice(6, size=n, p=[0.10, 0.18, 0.20, 0.22, 0.22, 0.08])
    lo = np.array([1850, 1900, 1946, 1971, 1991, 2013])[era]
    hi = np.array([1899, 1945, 1970, 1990, 2012, 2025])[era]
    year = rng.integers(lo, hi + 1)
    woning = rng.random(n) < 0.9
    small = (~woning & (rng.random(n) < 0.4)) | (woning & (rng.random(n) < 0.01))
    woz = np.round(rng.lognormal(np.log(260_000), 0.45, n), -3).astype(np.int64)
    woz = np.where(small, np.round(woz * 0.15, -3), woz).astype(np.int64)
    monument = (year < 1900) & (rng.random(n) < 0.08)
    dist_centre = np.hypot(x - 245000.0, y - 592000.0)
    ncg = rng.random(n) < np.where(dist_centre < 15000, 0.12, 0.02)
    vs30 = np.round(np.array([p.vs30 for p in PLACES])[place] + rng.normal(0, 8, n), 1)
    side = np.sqrt(np.where(woning, rng.uniform(150, 700, n), rng.uniform(60, 2500, n)))
    aspect = rng.uniform(0.5, 2.0, n)
    w, h = side * np.sqrt(aspect), side / np.sqrt(aspect)
    boxes = shapely.box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    parcels = shapely.multipolygons(boxes, indices=np.arange(n))
    ids = np.arange(1, n + 1, dtype=np.int64)
    pc4, aanduiding, addresses = _addresses(ids, x, y, place, rng)
    return DemoObjects(
        ids=ids,
        x=x,
        y=y,
        place=place,
        pc4=pc4,
        construction_year=year,
        use=["woning" if u else "niet-woning" for u in woning],
        small=small,
        woz=woz,
        monument=monument,
        ncg=ncg,
        vs30=vs30,
        aanduiding=aanduiding,
        parcels=parcels,
        parcel_area=np.round(w * h, 1),
        addresses=addresses,
    )


def _addresses(ids, x, y, place, rng):
    """Streets as bands across each place, numbers in west-east order, postcodes per block."""
    n = len(ids)
    pc4 = [""] * n
    aanduiding = [""] * n
    rows: list[AddressRow] = []
    extra = rng.random(n)
    vbo_seq = 0
    for p_index, p in enumerate(PLACES):
        members = np.flatnonzero(place == p_index)
        if members.size == 0:
            continue
        # a band ~120 m wide per street; bands also split east/west of the centre
        band = np.floor((y[members] - p.y) / 120.0).astype(np.int64)
        half = (x[members] >= p.x).astype(np.int64)
        street_key = band * 2 + half
        order = np.lexsort((x[members], street_key))
        streets_seen: dict[int, int] = {}
        number_of: dict[int, int] = {}
        code = f"{p.name.replace(chr(39), '').replace(' ', '')[:3].upper()}00"
        block_ids: dict[str, dict[tuple, int]] = {}
        for parcel_no, pos in enumerate(order, start=1):
            i = int(members[pos])
            key = int(street_key[pos])
            s = streets_seen.setdefault(key, len(streets_seen))
            street = STREETS[s % len(STREETS)]
            if s >= len(STREETS):
                street = f"{s // len(STREETS) + 1}e {street}"
            number = number_of.get(s, 0) + 1 + (1 if extra[i] > 0.8 else 0)
            number_of[s] = number
            pc = p.pc4s[(abs(key) // 3) % len(p.pc4s)]
            per_pc = block_ids.setdefault(pc, {})
            block = per_pc.setdefault((s, number // 40), len(per_pc))
            postcode = pc + _LETTERS[block % len(_LETTERS)]
            pc4[i] = pc
            aanduiding[i] = f"{code} {'ABCDEFGHK'[abs(key) % 9]} {parcel_no}"
            letters = [None]
            if extra[i] > 0.96:
                letters = ["A", "B"] if extra[i] < 0.99 else ["A", "B", "C"]
            for letter in letters:
                vbo_seq += 1
                vbo = f"{p.cbs_code:04d}01{vbo_seq:010d}"
                key_text = normalise_search_key(street, f"{number}{letter or ''}", p.name)
                rows.append(
                    AddressRow(
                        object_id=int(ids[i]),
                        bag_vbo_id=vbo,
                        bag_num_id=f"{p.cbs_code:04d}20{vbo_seq:010d}",
                        street=street,
                        house_number=number,
                        house_letter=letter,
                        addition=None,
                        postcode=postcode,
                        place=p.name,
                        search_key=key_text,
                    )
                )
    rows.sort(key=lambda row: (row.object_id, row.house_letter or ""))
    return pc4, aanduiding, rows
