"""Operations on contributions and requests for input.

One module per concept: ``contributions`` (writing, submitting, signing off),
``review`` (the secretariat merges changes or returns the contribution),
``requests`` (asking entities for input), ``upload`` (Word files in).
"""

from contributions.actions.contributions import (
    do_add_revision,
    do_create_contribution,
    do_send_back_contribution,
    do_submit_contribution,
    do_validate_contribution,
)
from contributions.actions.requests import do_request_input, do_update_request
from contributions.actions.review import (
    do_accept_revision,
    do_return_contribution,
    do_review_contribution,
    review_plan,
)
from contributions.actions.upload import do_upload_word

__all__ = [
    "do_accept_revision",
    "do_add_revision",
    "do_create_contribution",
    "do_request_input",
    "do_return_contribution",
    "do_review_contribution",
    "do_send_back_contribution",
    "do_submit_contribution",
    "do_update_request",
    "do_upload_word",
    "do_validate_contribution",
    "review_plan",
]
