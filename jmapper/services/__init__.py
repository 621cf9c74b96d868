"""Use cases shared by the command line and the editor (Qt-free)."""

from jmapper.services.errors import ServiceError

__all__ = ["ServiceError"]
