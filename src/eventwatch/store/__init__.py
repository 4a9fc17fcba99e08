"""The store stage: documents, events and failures in SQLite or PostgreSQL.

Typical use::

    from eventwatch.store import EventQuery, open_store

    with open_store("eventwatch.db") as store:
        store.add_document(doc, sentences=spans, events=records)
        for event in store.events(EventQuery(event_type="COUP", country="KGZ")):
            ...

Modules: ``base`` (``Store``, ``EventQuery``), ``sqlite`` (the SQLite backend),
``postgres`` (the PostgreSQL backend; needs ``pip install 'eventwatch[postgres]'``),
``backends`` (``open_store``), ``queries`` (all SQL), ``dialect`` (backend
differences), ``migrate`` (numbered ``migrations/*.sql``).
"""

from __future__ import annotations

from eventwatch.store.backends import default_db_path, open_store
from eventwatch.store.base import DocumentBundle, EventQuery, Store
from eventwatch.store.migrate import latest_version

__all__ = [
    "DocumentBundle",
    "EventQuery",
    "Store",
    "default_db_path",
    "latest_version",
    "open_store",
]
