"""The one error interchange readers and writers raise."""

from __future__ import annotations


class InterchangeError(ValueError):
    """A file cannot be read or written; the message is one sentence for the user.

    The sentence says what is wrong and where ("Card 3 in the file has an
    unknown field 'colr'."), so the UI and the CLI can show it as it is.
    """
