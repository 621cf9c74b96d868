"""What a map says beyond what it draws: metric scores, priorities and its health.

Pure functions over :class:`~jmapper.model.bundle.MapBundle` (stdlib and the
model only), so the editor, the command line and the PDF compute the same
numbers and findings from one place.  Nothing here reads the clock: callers
pass "today" in.
"""
