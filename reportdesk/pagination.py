"""The API's pagination: LimitOffset, with bounds a request cannot exceed.

A limit or offset beyond what a database integer holds made the query fail
(found by fuzzing the API); a page is at most MAX_LIMIT rows anyway.
"""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

MAX_LIMIT = 1000
MAX_OFFSET = 10**9


class Pagination(LimitOffsetPagination):
    max_limit = MAX_LIMIT

    def get_offset(self, request: Request) -> int:
        return min(super().get_offset(request), MAX_OFFSET)
