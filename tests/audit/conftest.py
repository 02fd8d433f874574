"""Fixtures the audit tests borrow from the areas whose acts they check."""

from tests.consultation.conftest import (  # noqa: F401
    clock,
    consultation_round,
    cso,
    nhri,
    uninvited_reviewer,
)
