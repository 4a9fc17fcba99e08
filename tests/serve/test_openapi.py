"""The OpenAPI document: valid, complete, and true to what the API returns."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from tests.serve.conftest import auth


@pytest.fixture
def spec(client) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_is_valid(spec) -> None:
    validate(spec)
    assert spec["info"]["title"] == "eventwatch"


def test_openapi_lists_every_api_route(spec) -> None:
    from eventwatch.serve.api import documents, entities, events, stories, system

    routes = {
        (method.lower(), "/api" + route.path)
        for module in (events, documents, entities, stories, system)
        for route in module.router.routes
        if route.include_in_schema
        for method in route.methods
    }
    documented = {
        (method, path) for path, operations in spec["paths"].items() for method in operations
    }
    assert routes == documented
    expected = {
        ("get", "/api/events"),
        ("get", "/api/events/{event_id}"),
        ("get", "/api/documents"),
        ("get", "/api/documents/{doc_id}"),
        ("get", "/api/actors"),
        ("get", "/api/actors/{actor_id}"),
        ("get", "/api/places"),
        ("get", "/api/stories"),
        ("get", "/api/stories/{story_id}"),
        ("get", "/api/search"),
        ("get", "/api/export"),
        ("post", "/api/ingest"),
        ("get", "/api/health"),
    }
    assert documented == expected


@pytest.mark.parametrize("path", ["/api/events", "/api/export"])
def test_openapi_documents_the_doc_filter(spec, path) -> None:
    parameters = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
    doc = parameters["doc"]
    assert doc["in"] == "query" and not doc.get("required")
    assert "document" in doc["description"]


def test_openapi_documents_the_json_export_format(spec) -> None:
    export = spec["paths"]["/api/export"]["get"]
    assert "application/json" in export["responses"]["200"]["content"]
    formats = {p["name"]: p for p in export["parameters"]}["format"]["description"]
    assert "json (one array)" in formats


def test_openapi_error_responses_use_the_error_shape(spec) -> None:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status in ("404", "422", "500"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (
                    method,
                    path,
                    status,
                )
    ingest = spec["paths"]["/api/ingest"]["post"]
    assert {"401", "403", "413"} <= set(ingest["responses"])
    assert ingest["security"] == [{"HTTPBearer": []}]


def _validator(spec: dict[str, Any], path: str, method: str, status: str = "200") -> OAS31Validator:
    schema = spec["paths"][path][method]["responses"][status]["content"]["application/json"][
        "schema"
    ]
    # References are "#/components/schemas/X": carry the components along so they resolve.
    return OAS31Validator({**schema, "components": spec["components"]})


def test_openapi_schemas_describe_real_responses(client, spec, store_events) -> None:
    event = store_events[0]
    actor = client.get("/api/actors").json()["actors"][0]
    story = client.get("/api/stories").json()["stories"][0]
    cases = [
        ("/api/events", "get", client.get("/api/events", params={"limit": 3})),
        ("/api/events/{event_id}", "get", client.get(f"/api/events/{event['id']}")),
        ("/api/documents", "get", client.get("/api/documents")),
        ("/api/documents/{doc_id}", "get", client.get(f"/api/documents/{event['doc_id']}")),
        ("/api/actors", "get", client.get("/api/actors")),
        ("/api/actors/{actor_id}", "get", client.get(f"/api/actors/{actor['id']}")),
        ("/api/places", "get", client.get("/api/places")),
        ("/api/stories", "get", client.get("/api/stories")),
        ("/api/stories/{story_id}", "get", client.get(f"/api/stories/{story['id']}")),
        ("/api/search", "get", client.get("/api/search", params={"q": "police"})),
        ("/api/health", "get", client.get("/api/health")),
        (
            "/api/ingest",
            "post",
            client.post(
                "/api/ingest",
                json={"documents": [{"text": "Police arrested two men."}]},
                headers=auth(),
            ),
        ),
    ]
    for path, method, response in cases:
        assert response.status_code == 200, (path, response.text)
        _validator(spec, path, method).validate(response.json())
    error = client.get("/api/events/nope")
    _validator(spec, "/api/events/{event_id}", "get", "404").validate(error.json())
