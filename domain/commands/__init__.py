"""Sub-commands of ``imgschade``; each module has ``register(subparsers)``.

Listed here (not discovered) so a broken module fails loudly instead of vanishing from --help.
Each handler gets the parsed arguments and returns an exit code; ``domain.cli.emit`` prints.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "domain.commands.groundmotion",
    "domain.commands.rules",
    "domain.commands.store",
    "domain.commands.catalog_update",
    "domain.commands.planning",
    "domain.commands.shared",
)
