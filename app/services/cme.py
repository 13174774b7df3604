"""CME attendance numbers: the event number (VNR) and the doctors' EFN with its Luhn digit."""

from __future__ import annotations

import re
from enum import Enum

from app.services.errors import InvalidInput
from app.services.messages import say

EFN_PREFIX = "80276"


def luhn_valid(number: str) -> bool:
    """Whether the last digit is the Luhn check digit of the others."""
    if not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def luhn_check_digit(stem: str) -> str:
    """The digit that makes ``stem + digit`` Luhn-valid (used by tests and the demo)."""
    for digit in "0123456789":
        if luhn_valid(stem + digit):
            return digit
    raise AssertionError("unreachable")


class EfnProblem(Enum):
    """Why a typed EFN is not valid (a UI says it in its own language)."""

    DIGITS = "digits"  # not 15 digits
    PREFIX = "prefix"  # does not start with EFN_PREFIX
    CHECK_DIGIT = "check_digit"  # the Luhn digit is wrong


def efn_problem(raw: str) -> EfnProblem | None:
    """What is wrong with a typed EFN (spaces and dashes ignored); None if valid or empty."""
    efn = re.sub(r"[\s-]", "", raw)
    if not efn:
        return None
    if not efn.isdigit() or len(efn) != 15:
        return EfnProblem.DIGITS
    if not efn.startswith(EFN_PREFIX):
        return EfnProblem.PREFIX
    if not luhn_valid(efn):
        return EfnProblem.CHECK_DIGIT
    return None


def normalise_efn(raw: str) -> str:
    """Strip spaces; raise :class:`InvalidInput` with the reason if the EFN is not valid."""
    problem = efn_problem(raw)
    if problem is EfnProblem.DIGITS:
        raise InvalidInput(say("efn_digits", efn=raw))
    if problem is EfnProblem.PREFIX:
        raise InvalidInput(say("efn_prefix", efn=raw, prefix=EFN_PREFIX))
    if problem is EfnProblem.CHECK_DIGIT:
        raise InvalidInput(say("efn_check_digit", efn=raw))
    return re.sub(r"[\s-]", "", raw)


MAX_EFN_TYPED = 40


def efn_valid(efn: str) -> bool:
    """Whether a stored EFN is valid (an empty one is no EFN, not a wrong one)."""
    try:
        return normalise_efn(efn) == efn
    except InvalidInput:
        return False


def stored_efn(raw: str) -> str:
    """The EFN to store: normalised when valid, else as typed (one line, at most 40
    characters), so that the person stays on the CME list, marked for the office to fix."""
    try:
        return normalise_efn(raw)
    except InvalidInput:
        typed = "".join(ch for ch in raw if ch.isprintable()).strip()
        return typed[:MAX_EFN_TYPED]


def normalise_vnr(raw: str) -> str:
    """The 19-digit event number (Veranstaltungsnummer); empty is allowed before it is known."""
    vnr = re.sub(r"[\s-]", "", raw)
    if vnr and (not vnr.isdigit() or len(vnr) != 19):
        raise InvalidInput(say("vnr_digits", vnr=raw))
    return vnr
