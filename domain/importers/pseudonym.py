"""The one rule for person ids in imports: a pseudonym, never a BSN, a name or an e-mail address.

The store holds persons only as pseudonyms (``persons.id``). A value in an id column
(``applicant_id``, ``person_id``) is refused when it passes the BSN eleven-test (nine digits,
or eight where a leading zero was lost, as Excel does to numbers), when it reads like a
person's name (words of letters with spaces between, e.g. "Jan de Vries" or "J. de Vries"),
when it is an e-mail address, or when it holds anything but letters, digits and ``- _ . : / #``.
"""

from __future__ import annotations

import re

from domain.i18n import register

register(
    {
        "pseudonym.bsn": (
            "'{value}' lijkt een BSN (doorstaat de elfproef); BSN's worden nooit opgeslagen",
            "'{value}' looks like a BSN (passes the eleven-test); BSNs are never stored",
        ),
        "pseudonym.name": (
            "'{value}' lijkt een naam van een persoon; namen worden nooit opgeslagen",
            "'{value}' looks like a person's name; names are never stored",
        ),
        "pseudonym.email": (
            "'{value}' is een e-mailadres; dat wordt nooit opgeslagen",
            "'{value}' is an e-mail address; it is never stored",
        ),
        "pseudonym.chars": (
            "'{value}' is geen pseudoniem: alleen letters, cijfers en - _ . : / # zijn toegestaan",
            "'{value}' is not a pseudonym: only letters, digits and - _ . : / # are allowed",
        ),
        "pseudonym.hint": (
            "vervang de waarde door het pseudoniem uit uw koppeltabel (bijv. P0001234)",
            "replace the value with the pseudonym from your key table (e.g. P0001234)",
        ),
    }
)

_SEPARATORS = re.compile(r"[ .\-]")
_ALLOWED = re.compile(r"[A-Za-z0-9_.:/#-]+", re.ASCII)
# a word of letters (any script), with an inner apostrophe, hyphen or dot ("d'Ancona",
# "Smit-Bakker", "J."), optionally followed by a comma ("Vries, Jan")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]*)*\.?,?")


def passes_eleven_test(digits: str) -> bool:
    """The BSN eleven-test on nine digits (not all zero)."""
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def looks_like_bsn(value: str) -> bool:
    """Nine digits (spaces, dots or hyphens between allowed) that pass the eleven-test, or
    eight digits that do once the dropped leading zero is put back."""
    digits = _SEPARATORS.sub("", value.strip())
    if not digits.isascii() or not digits.isdigit():
        return False
    if len(digits) == 8:
        digits = "0" + digits
    return passes_eleven_test(digits)


def looks_like_name(value: str) -> bool:
    """Two or more words of letters separated by spaces ("Jan de Vries", "Vries, J. de")."""
    words = value.split()
    return len(words) >= 2 and all(_WORD.fullmatch(w) for w in words)


def pseudonym_problem(value: str) -> str | None:
    """The message id of why ``value`` may not be stored as a person id, or None."""
    value = value.strip()
    if looks_like_bsn(value):
        return "pseudonym.bsn"
    if looks_like_name(value):
        return "pseudonym.name"
    if "@" in value:
        return "pseudonym.email"
    if not _ALLOWED.fullmatch(value):
        return "pseudonym.chars"
    return None
