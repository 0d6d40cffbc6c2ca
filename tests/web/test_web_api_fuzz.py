"""The API fuzzed from its own OpenAPI schema: whatever the parameters and bodies, no response is a
500 and none carries a traceback. Bounded to about a minute (hypothesis, a fixed number of examples)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from datapaths import LATIMES_SEED, RT_SEED

from newsprism.cli import main

pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsprism.web.app import create_app  # noqa: E402
from newsprism.web.settings import WebSettings  # noqa: E402


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "news.db"
    assert main(["ingest", f"RT={RT_SEED}", f"Los Angeles Times={LATIMES_SEED}", "--db", str(db)]) == 0
    with TestClient(create_app(WebSettings(db=db)), raise_server_exceptions=False) as client:
        yield client


def _value(schema: dict) -> st.SearchStrategy:
    """A value for a parameter: often of its declared type and bounds, as often anything at all."""
    kinds = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]
    typed: list[st.SearchStrategy] = [st.text(max_size=60)]
    if "integer" in kinds:
        typed.append(st.integers(min_value=-2**70, max_value=2**70).map(str))
    if "boolean" in kinds:
        typed.append(st.sampled_from(["true", "false", "1", "0", "yes", "maybe"]))
    if schema.get("format") == "date" or any(s.get("format") == "date" for s in schema.get("anyOf", [])):
        typed.append(st.dates().map(str))
    return st.one_of(*typed)


def _requests(schema: dict) -> st.SearchStrategy:
    requests = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = operation.get("parameters", [])
        path_params = {p["name"]: _value(p.get("schema", {})) for p in parameters if p["in"] == "path"}
        query_params = {p["name"]: _value(p.get("schema", {})) for p in parameters if p["in"] == "query"}
        requests.append(st.tuples(st.just(path), st.fixed_dictionaries(path_params),
                                  st.fixed_dictionaries({}, optional=query_params)))
    return st.one_of(*requests)


def _no_failure(response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text


def test_no_get_of_the_api_fails_or_shows_a_traceback(web):
    schema = web.get("/api/openapi.json").json()

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(_requests(schema))
    def check(request):
        path, path_params, query = request
        for name, value in path_params.items():
            path = path.replace("{" + name + "}", quote(value, safe="") or "x")
        _no_failure(web.get(path, params=query))

    check()


_NOT_A_URL = st.text(max_size=40).filter(lambda s: "://" not in s)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                     max_leaves=8)
_ADDITIONS = st.one_of(
    _JSON,
    st.fixed_dictionaries({}, optional={
        "inputs": st.one_of(st.lists(_NOT_A_URL, max_size=3), _JSON),
        "files": st.one_of(st.lists(st.fixed_dictionaries({"name": st.text(max_size=30), "text": st.text(max_size=300)}),
                                    max_size=2), _JSON),
        "outlet": st.one_of(st.text(max_size=30), _JSON),
    }),
)


def test_no_addition_of_the_api_fails_or_shows_a_traceback(web):
    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(_ADDITIONS)
    def check(body):
        _no_failure(web.post("/api/add", json=body))

    check()


@given(st.binary(max_size=200))
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_malformed_body_of_the_api_fails_or_shows_a_traceback(web, body):
    _no_failure(web.post("/api/add", content=body, headers={"Content-Type": "application/json"}))
