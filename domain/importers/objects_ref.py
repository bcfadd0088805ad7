"""Find the object a CSV row means: by store id, by kadastrale aanduiding or by address."""

from __future__ import annotations

from sqlalchemy import text

from domain.i18n import register, tr

register(
    {
        "ref.none": (
            "geen object opgegeven; vul object_id, kadastrale_aanduiding of postcode + "
            "huisnummer in",
            "no object given; fill in object_id, kadastrale_aanduiding or postcode + house number",
        ),
        "ref.unknown": (
            "object '{value}' staat niet in de opslag; importeer eerst de BAG of controleer de "
            "verwijzing",
            "object '{value}' is not in the store; import the BAG first or check the reference",
        ),
    }
)


class ObjectIndex:
    """Lookups loaded once per import (a CSV may have hundreds of thousands of rows)."""

    def __init__(self, conn) -> None:
        self.ids = {r[0] for r in conn.execute(text("SELECT id FROM objects"))}
        self.by_aanduiding = {}
        for oid, a in conn.execute(
            text(
                "SELECT id, kadastrale_aanduiding FROM objects WHERE kadastrale_aanduiding IS NOT NULL"
            )
        ):
            self.by_aanduiding.setdefault(a.upper(), oid)
        self.by_address = {}
        for oid, pc, nr, letter in conn.execute(
            text("SELECT object_id, postcode, house_number, house_letter FROM addresses")
        ):
            self.by_address.setdefault((pc, nr, (letter or "").upper()), oid)

    def resolve(self, row: dict, problems, line: int) -> int | None:
        raw_id = (row.get("object_id") or "").strip()
        aanduiding = (row.get("kadastrale_aanduiding") or "").strip().upper()
        postcode = (row.get("postcode") or "").replace(" ", "").upper()
        number = (row.get("huisnummer") or row.get("house_number") or "").strip()
        if raw_id:
            if raw_id.isdigit() and int(raw_id) in self.ids:
                return int(raw_id)
            problems.add(line, "object_id", tr("ref.unknown", value=raw_id))
            return None
        if aanduiding:
            oid = self.by_aanduiding.get(" ".join(aanduiding.split()))
            if oid is None:
                problems.add(line, "kadastrale_aanduiding", tr("ref.unknown", value=aanduiding))
            return oid
        if postcode and number:
            letter = (row.get("huisletter") or row.get("house_letter") or "").strip().upper()
            oid = self.by_address.get((postcode, int(number) if number.isdigit() else -1, letter))
            if oid is None:
                problems.add(
                    line, "postcode", tr("ref.unknown", value=f"{postcode} {number}{letter}")
                )
            return oid
        problems.add(line, "object_id", tr("ref.none"))
        return None
