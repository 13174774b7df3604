"""Errors a user can cause; front ends turn them into a message, an HTTP 4xx or an exit code."""

from __future__ import annotations

from app.texts import Message


class VotumError(Exception):
    """Base of every user-facing error. It carries its :attr:`message` in every language;
    a front end shows :meth:`in_language`, ``str(err)`` says both languages."""

    #: HTTP status a web front end should answer with.
    status = 400

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def in_language(self, lang: str) -> str:
        """What went wrong, said in ``lang``."""
        return self.message.in_language(lang)


class NotFound(VotumError):
    """A conference, case, question, site or token that does not exist."""

    status = 404


class InvalidInput(VotumError):
    """A value that breaks a rule of the domain (wrong option, bad EFN …)."""

    status = 422


class StateConflict(VotumError):
    """The action does not fit the current state (ballot for a closed question …)."""

    status = 409


class Forbidden(VotumError):
    """A token that does not allow the action (revoked link, site not invited)."""

    status = 403
