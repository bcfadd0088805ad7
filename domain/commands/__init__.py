"""Sub-commands of ``imgschade``; each module has ``register(subparsers, tr)``.

Listed here (not discovered) so a broken module fails loudly instead of vanishing from --help.
"""

COMMAND_MODULES: tuple[str, ...] = ()
