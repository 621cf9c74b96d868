"""The error a use case raises: its message is one sentence for the user."""


class ServiceError(Exception):
    """Something the user asked for cannot be done; ``str()`` says what and what to do."""
