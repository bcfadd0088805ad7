"""Errors that speak to the person: what was wrong, where (file, row, field), what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.i18n import register, tr

register({"errors.more": ("… en nog {n} problemen", "… and {n} more problems")})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    message: str
    file: str = ""
    line: int | None = None
    field: str = ""
    hint: str = ""

    def location(self) -> str:
        parts = [self.file or "<invoer>"]
        if self.line is not None:
            parts.append(str(self.line))
        if self.field:
            parts.append(self.field)
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }


class DomainError(Exception):
    """Base for errors the product reports to its user (CLI exit code 2)."""


class Cancelled(DomainError):
    """The user stopped a long computation; nothing partial is returned or stored.

    The one cancel signal of the product: the domain's cancel hooks raise it when ``cancel()``
    says so, the plugin's progress callbacks raise it when Cancel was pressed, and the plugin
    catches it (Processing says "stopped", a task reports itself cancelled, not failed)."""


@dataclass
class InputError(DomainError):
    """An input was rejected as a whole; ``problems`` lists every problem found, not just the first."""

    summary: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [self.summary]
        lines += [f"  - {p}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append("  " + tr("errors.more", n=len(self.problems) - 200))
        return "\n".join(lines)
