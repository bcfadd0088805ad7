"""What ``update-catalog`` reports: the objects the service desk needs the next morning,
grouped (reopened after a final decision, newly in the effect area, newly in the Duurzaam
herstel count), as text, JSON and a CSV for the service desk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain import policy
from domain.i18n import register, tr

#: the report's groups, in the order the service desk reads them
GROUPS = ("reopened", "new_effect_area", "new_dh_count")

register(
    {
        "update.group.reopened": (
            "heropend na een finaal besluit",
            "reopened after a final decision",
        ),
        "update.group.new_effect_area": ("nieuw in het effectgebied", "newly in the effect area"),
        "update.group.new_dh_count": (
            "nieuw in de telling Duurzaam herstel (≥ {n} bevingen ≥ {pgv} mm/s vóór {before})",
            "newly in the Duurzaam herstel count (≥ {n} quakes ≥ {pgv} mm/s before {before})",
        ),
        "update.summary": (
            "{source}: nieuwe bevingen {added} ({counting} tellen mee), al in de opslag "
            "{present}; herberekende objecten {recomputed} (binnen bereik {reach})",
            "{source}: new quakes {added} ({counting} counting), already in the store "
            "{present}; objects recomputed {recomputed} (within reach {reach})",
        ),
        "update.nothing_new": (
            "geen nieuwe bevingen: de opslag is niet gewijzigd",
            "no new quakes: the store was not changed",
        ),
        "update.col.group": ("groep", "group"),
        "update.col.object_id": ("object", "object"),
        "update.col.address": ("adres", "address"),
        "update.col.place": ("plaats", "place"),
        "update.col.municipality": ("gemeente", "municipality"),
        "update.col.status": ("kaartstatus", "map status"),
        "update.col.event_id": ("beving", "quake"),
        "update.col.quake_date": ("datum beving", "quake date"),
        "update.col.pgv": ("PGV nieuwe beving (mm/s)", "PGV of the new quake (mm/s)"),
        "update.col.x": ("x (RD)", "x (RD)"),
        "update.col.y": ("y (RD)", "y (RD)"),
    }
)


@dataclass(frozen=True)
class ObjectChange:
    """One object in one group of the report, with the new quake that put it there."""

    group: str
    object_id: int
    x: float
    y: float
    place: str
    municipality: str
    address: str
    status: str
    event_id: str
    quake_date: dt.date  # Dutch calendar date
    pgv_mm_s: float  # the new quake's PGV at the object

    def as_dict(self) -> dict:
        return {
            "group": self.group,
            "object_id": self.object_id,
            "x": self.x,
            "y": self.y,
            "place": self.place,
            "municipality": self.municipality,
            "address": self.address,
            "status": self.status,
            "event_id": self.event_id,
            "quake_date": self.quake_date.isoformat(),
            "pgv_mm_s": self.pgv_mm_s,
        }


@dataclass
class CatalogUpdate:
    """What ``update-catalog`` did: events added and skipped, objects recomputed, the groups."""

    source: str
    added: int = 0
    added_counting: int = 0
    already_present: int = 0
    new_event_ids: list[str] = field(default_factory=list)
    objects_in_reach: int = 0
    objects_recomputed: int = 0
    exposure_events_added: int = 0
    summaries_changed: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    changes: list[ObjectChange] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def group(self, name: str) -> list[ObjectChange]:
        return [c for c in self.changes if c.group == name]

    def object_ids(self, name: str | None = None) -> list[int]:
        return sorted({c.object_id for c in self.changes if name is None or c.group == name})

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "added": self.added,
            "added_counting": self.added_counting,
            "already_present": self.already_present,
            "new_event_ids": list(self.new_event_ids),
            "objects_in_reach": self.objects_in_reach,
            "objects_recomputed": self.objects_recomputed,
            "exposure_events_added": self.exposure_events_added,
            "summaries_changed": self.summaries_changed,
            "statuses": dict(self.statuses),
            "groups": {g: [c.as_dict() for c in self.group(g)] for g in GROUPS},
            "seconds": {k: round(v, 4) for k, v in self.seconds.items()},
        }


def group_label(name: str, lang: str | None = None) -> str:
    from domain.presentation.text_format import number

    if name == "new_dh_count":
        return tr(
            "update.group.new_dh_count",
            lang,
            n=policy.DH_MIN_QUAKES,
            pgv=number(policy.NULMETING_PGV_MM_S, 0, lang),
            before=policy.DH_QUAKES_BEFORE.isoformat(),
        )
    return tr(f"update.group.{name}", lang)


def changes_header(lang: str | None = None) -> list[str]:
    keys = (
        "group",
        "object_id",
        "address",
        "place",
        "municipality",
        "status",
        "event_id",
        "quake_date",
        "pgv",
        "x",
        "y",
    )
    return [tr(f"update.col.{k}", lang) for k in keys]


def changes_rows(update: CatalogUpdate, lang: str | None = None) -> list[list]:
    from domain.rules.status import status_label

    return [
        [
            group_label(c.group, lang),
            c.object_id,
            c.address,
            c.place,
            c.municipality,
            status_label(c.status, lang) if c.status else "",
            c.event_id,
            c.quake_date.isoformat(),
            policy.pgv_rounded(c.pgv_mm_s),
            round(c.x, 1),
            round(c.y, 1),
        ]
        for c in update.changes
    ]


def write_changes_csv(update: CatalogUpdate, path, lang: str | None = None):
    """The report's objects as a CSV for the service desk (``;``, decimal comma, UTF-8)."""
    from domain.planning.export import write_csv

    return write_csv(path, changes_header(lang), changes_rows(update, lang))


def report_text(update: CatalogUpdate, lang: str | None = None) -> str:
    """The report as text: the counts, then per group the objects."""
    from domain.presentation.text_format import speed

    lines = [
        tr(
            "update.summary",
            lang,
            source=update.source,
            added=update.added,
            counting=update.added_counting,
            present=update.already_present,
            recomputed=update.objects_recomputed,
            reach=update.objects_in_reach,
        )
    ]
    if not update.added:
        lines.append(tr("update.nothing_new", lang))
        return "\n".join(lines)
    for group in GROUPS:
        members = update.group(group)
        lines.append(f"{group_label(group, lang)}: {len(members)}")
        for change in members:
            where = change.address or ", ".join(
                part for part in (change.place, change.municipality) if part
            )
            lines.append(
                f"  {change.object_id}  {where}  {change.event_id} "
                f"{change.quake_date.isoformat()} {speed(change.pgv_mm_s, lang)}"
            )
    return "\n".join(lines)
