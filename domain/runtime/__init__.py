"""What the domain needs from the Python it runs in: the bundled packages and the compiled ones."""
