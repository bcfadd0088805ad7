"""One case file: read and check it (``file``), complete it with ground motion (``motion``).

The reader stays free of ground-motion imports; the rules never compute ground motion, the
glue in ``motion`` feeds them.
"""
