"""Find the object a CSV row means: by store id, by kadastrale aanduiding or by address.

Rows are resolved in chunks with a few indexed queries each, so memory does not grow with the
store. A reference must be exact: an unknown one, an aanduiding or address shared by several
objects, or two references on one row that point at different objects are problems, never a
guess.
"""

from __future__ import annotations

import re

from domain.i18n import register, tr
from domain.importers import csvfile
from domain.store.schema import objects

#: columns that name an object (at least one must be in the header)
REF_COLUMNS = ("object_id", "kadastrale_aanduiding", "postcode")
REF_FIELDS = (
    "object_id",
    "kadastrale_aanduiding",
    "postcode",
    "huisnummer",
    "house_number",
    "huisletter",
    "house_letter",
)
SYNONYMS = (("huisnummer", "house_number"), ("huisletter", "house_letter"))
HOUSE_NUMBER_MAX = 99999
_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Z]{2}", re.ASCII)
_LETTER = re.compile(r"[A-Z]", re.ASCII)

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
        "ref.ambiguous": (
            "'{value}' hoort bij {n} objecten ({ids}); niet te zeggen welk bedoeld is",
            "'{value}' belongs to {n} objects ({ids}); impossible to tell which one is meant",
        ),
        "ref.ambiguous.hint": (
            "gebruik object_id of het adres met huisletter",
            "use object_id or the address with its house letter",
        ),
        "ref.disagree": (
            "de verwijzingen op deze rij wijzen naar verschillende objecten ({found})",
            "the references on this row point at different objects ({found})",
        ),
        "ref.disagree.hint": (
            "laat één verwijzing staan of herstel de verkeerde",
            "keep one reference or fix the wrong one",
        ),
        "ref.bad_postcode": ("'{value}' is geen postcode", "'{value}' is not a postcode"),
        "ref.postcode.hint": ("schrijf bijv. 9919 AB", "write e.g. 9919 AB"),
        "ref.need_number": (
            "postcode zonder huisnummer",
            "postcode without a house number",
        ),
        "ref.bad_letter": (
            "'{value}' is geen huisletter (één letter A–Z)",
            "'{value}' is not a house letter (one letter A–Z)",
        ),
    }
)

CHUNK = 2000  # rows per lookup: below the 32,766 bound parameters SQLite allows since 3.32


class ObjectIndex:
    """Resolves object references of rows against the store, a chunk of rows at a time."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.aanduiding_max = csvfile.column_length(objects, "kadastrale_aanduiding")

    def _parse(self, row) -> list[tuple[str, str, object]]:
        """(field, shown value, key) of each reference given on the row."""
        refs = []
        oid = row.value("object_id", csvfile.whole_number)
        if oid is not None:
            refs.append(("object_id", str(oid), ("id", oid)))
        raw = row.get("kadastrale_aanduiding")
        if raw and "kadastrale_aanduiding" not in row.bad:
            value = " ".join(raw.upper().split())
            try:
                csvfile.text(value, self.aanduiding_max)
                refs.append(("kadastrale_aanduiding", value, ("a", value)))
            except csvfile.BadValue as exc:
                row.problem("kadastrale_aanduiding", exc.message, exc.hint)
        postcode = row.get("postcode").replace(" ", "").upper()
        number_field = "huisnummer" if "huisnummer" in row.values else "house_number"
        letter_field = "huisletter" if "huisletter" in row.values else "house_letter"
        number = row.value(number_field, csvfile.whole_number, 1, HOUSE_NUMBER_MAX)
        letter = row.get(letter_field).upper()
        if postcode and "postcode" not in row.bad:
            ok = True
            if not _POSTCODE.fullmatch(postcode):
                row.problem(
                    "postcode",
                    tr("ref.bad_postcode", value=row.get("postcode")),
                    tr("ref.postcode.hint"),
                )
                ok = False
            if letter and not _LETTER.fullmatch(letter):
                row.problem(letter_field, tr("ref.bad_letter", value=letter))
                ok = False
            if number is None:
                if not row.get(number_field):
                    row.problem(number_field, tr("ref.need_number"))
                ok = False
            if ok:
                shown = f"{postcode[:4]} {postcode[4:]} {number}{letter}"
                refs.append(("postcode", shown, ("pc", postcode, number, letter)))
        return refs

    def resolve(self, rows) -> list[int | None]:
        """The object id of each row (None where it could not be resolved: a problem added)."""
        parsed = []
        ids, aanduidingen, postcodes = set(), set(), set()
        for row in rows:
            start = row.problems.total
            refs = self._parse(row)
            if not refs and row.problems.total == start:
                row.problem("object_id", tr("ref.none"))
            for _f, _shown, key in refs:
                if key[0] == "id":
                    ids.add(key[1])
                elif key[0] == "a":
                    aanduidingen.add(key[1])
                else:
                    postcodes.add(key[1])
            parsed.append(refs)
        known = self._ids(ids)
        by_aanduiding = self._aanduidingen(aanduidingen)
        by_address = self._addresses(postcodes)
        out = []
        for row, refs in zip(rows, parsed):
            found: list[tuple[str, int]] = []
            for fld, shown, key in refs:
                if key[0] == "id":
                    matches = [key[1]] if key[1] in known else []
                elif key[0] == "a":
                    matches = by_aanduiding.get(key[1], [])
                else:
                    matches = sorted(by_address.get(key[1:], ()))
                if not matches:
                    row.problem(fld, tr("ref.unknown", value=shown))
                elif len(matches) > 1:
                    listed = ", ".join(str(m) for m in matches[:5])
                    row.problem(
                        fld,
                        tr("ref.ambiguous", value=shown, n=len(matches), ids=listed),
                        tr("ref.ambiguous.hint"),
                    )
                else:
                    found.append((fld, matches[0]))
            distinct = {oid for _f, oid in found}
            if len(distinct) > 1:
                shown = ", ".join(f"{f} → {oid}" for f, oid in found)
                row.problem(found[0][0], tr("ref.disagree", found=shown), tr("ref.disagree.hint"))
                out.append(None)
            elif distinct and len(found) == len(refs):
                out.append(found[0][1])
            else:
                out.append(None)
        return out

    def _ids(self, ids: set[int]) -> set[int]:
        from domain.store.objects import existing_object_ids

        return existing_object_ids(self.conn, ids)

    def _aanduidingen(self, values: set[str]) -> dict[str, list[int]]:
        from domain.store.objects import objects_by_aanduiding

        return objects_by_aanduiding(self.conn, values)

    def _addresses(self, postcodes: set[str]) -> dict[tuple, set[int]]:
        from domain.store.objects import addresses_with_postcodes

        out: dict[tuple, set[int]] = {}
        for address in addresses_with_postcodes(self.conn, postcodes):
            key = (address.postcode, address.house_number, (address.house_letter or "").upper())
            out.setdefault(key, set()).add(address.object_id)
        return out
