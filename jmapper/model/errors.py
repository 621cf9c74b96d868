"""The one error the model raises when an edit would break an invariant."""


class DomainError(ValueError):
    """An edit would break a rule of journey maps; the message says which.

    The message is a full sentence meant for the user ("A card cannot span
    past the last step of the map."), so the UI can show it as it is.
    """
