"""The JSON API under ``/api``: one router per module, assembled by :func:`api_router`."""

from __future__ import annotations

from fastapi import APIRouter

from eventwatch.serve.api import documents, entities, events, stories, system

__all__ = ["api_router"]


def api_router() -> APIRouter:
    """Every API route, mounted under ``/api``."""
    router = APIRouter(prefix="/api")
    for module in (events, documents, entities, stories, system):
        router.include_router(module.router)
    return router
