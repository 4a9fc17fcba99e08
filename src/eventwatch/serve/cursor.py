"""Opaque pagination cursors.

A cursor names the last item of the page it came with, the listing it belongs
to, the sort and a digest of the filters, so the next page starts right after
that item even when new events were stored in between (keyset paging: nothing
is repeated or skipped among the items that were there).  It is base64url
JSON; clients must treat it as opaque.  A cursor used with other filters, another
sort or another listing is refused with a 400.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from eventwatch.serve.errors import BadRequest

__all__ = ["Cursor", "decode_cursor", "encode_cursor"]

_VERSION = 1
_MAX_LENGTH = 1024


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts."""

    listing: str
    sort: str
    filters: str
    after: str


def encode_cursor(cursor: Cursor) -> str:
    """The opaque text of a cursor."""
    payload = {
        "v": _VERSION,
        "l": cursor.listing,
        "s": cursor.sort,
        "f": cursor.filters,
        "a": cursor.after,
    }
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(text: str, *, listing: str, sort: str, filters: str) -> Cursor:
    """Read a cursor and check it belongs to this listing, sort and filters.

    Args:
        text: The cursor as the client sent it.
        listing: The listing being paged (``"events"``, ``"actors"``, ...).
        sort: The sort of this request.
        filters: The digest of this request's filters.

    Returns:
        The cursor.

    Raises:
        BadRequest: The text is not a cursor, or it was made for another
            listing, sort or set of filters.
    """
    problem = (
        "cursor is not valid; use the next_cursor of the previous page as it is, or leave it out"
    )
    if len(text) > _MAX_LENGTH:
        raise BadRequest(problem)
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw.decode("ascii"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadRequest(problem) from None
    if not isinstance(payload, dict) or payload.get("v") != _VERSION:
        raise BadRequest(problem)
    values = [payload.get(key) for key in ("l", "s", "f", "a")]
    texts = [value for value in values if isinstance(value, str)]
    if len(texts) != len(values):
        raise BadRequest(problem)
    cursor = Cursor(*texts)
    if (cursor.listing, cursor.sort, cursor.filters) != (listing, sort, filters):
        raise BadRequest(
            "cursor belongs to another query; repeat the same filters and sort with it, "
            "or start again without cursor"
        )
    return cursor
