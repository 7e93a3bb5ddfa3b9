"""YAML is read as YAML 1.2 everywhere (frontmatter and specs), into plain JSON data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mintrender.errors import Diagnostics
from mintrender.load.yaml12 import MAX_VALUES, load_yaml
from mintrender.parse.frontmatter import split_frontmatter
from tests.sitekit import build_site, minimal_config, write_site


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("d: 2024-01-01", {"d": "2024-01-01"}),
        ("t: 2024-01-01T10:00:00Z", {"t": "2024-01-01T10:00:00Z"}),
        ("on: 1\noff: 2\nyes: 3\nno: 4", {"on": 1, "off": 2, "yes": 3, "no": 4}),
        ("a: yes\nb: no\nc: on\nd: off\ne: y", {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "y"}),
        ("n: 1.0e3\nm: 1e3\nk: -2.5E-1", {"n": 1000.0, "m": 1000.0, "k": -0.25}),
        ("o: 0755\nh: 0x1F\nq: 0o17\nu: 1_000", {"o": 755, "h": 31, "q": 15, "u": "1_000"}),
        ("a: true\nb: False\nc: TRUE\nd: ~\ne: null\nf:", {"a": True, "b": False, "c": True, "d": None, "e": None, "f": None}),
        ("200: ok\n404: missing\ntrue: x\n~: y\n1.5: z", {"200": "ok", "404": "missing", "true": "x", "null": "y", "1.5": "z"}),
        ("t: !!timestamp 2024-01-02\ns: !!set {b, a}\nb: !!binary aGk=", {"t": "2024-01-02", "s": ["a", "b"], "b": "aGk="}),
        ("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2", {"base": {"x": 1}, "m": {"x": 1, "y": 2}}),
        ("time: 12:30:00\nver: 1.10", {"time": "12:30:00", "ver": 1.1}),
    ],
)  # fmt: skip
def test_yaml_1_2_core_schema(text: str, expected: object) -> None:
    data = load_yaml(text)
    assert data == expected
    json.dumps(data, allow_nan=False)  # nothing that JSON cannot hold


def test_aliases_are_bounded() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)
    )
    with pytest.raises(yaml.YAMLError, match=f"more than {MAX_VALUES:,} values"):
        load_yaml(laughs)
    with pytest.raises(yaml.YAMLError, match="contains it"):
        load_yaml("a: &a [1, *a]")


def test_frontmatter_is_yaml_1_2() -> None:
    diags = Diagnostics()
    fm, _, _ = split_frontmatter(
        "---\ntitle: On\ndate: 2024-01-01\non: true\nversion: 1.0e3\n---\n# Hi\n", "p.mdx", diags
    )
    assert fm == {"title": "On", "date": "2024-01-01", "on": True, "version": 1000.0}
    assert not diags


def test_recursive_alias_in_frontmatter_is_a_diagnostic() -> None:
    diags = Diagnostics()
    fm, _, _ = split_frontmatter("---\ntitle: &a [*a]\n---\n", "p.mdx", diags)
    assert [d.code for d in diags] == ["frontmatter-yaml"]
    assert "contains it" in diags[0].message


def test_yaml_spec_with_dates_builds(tmp_path: Path) -> None:
    """An unquoted date in a YAML spec once killed the build (json.dumps of a `date`)."""
    spec = """\
openapi: 3.1.0
info: {title: Dates, version: 2024-01-01}
paths:
  /events:
    get:
      summary: List events
      parameters:
        - name: since
          in: query
          schema: {type: string, format: date, example: 2024-01-01}
        - name: on
          in: query
          schema: {type: boolean}
      responses:
        '200':
          description: Events
          content:
            application/json:
              schema:
                type: object
                properties:
                  on: {type: string, example: 2024-05-06T07:08:09Z}
                  yes: {type: number, example: 1.0e3}
              example: {on: 2024-05-06, yes: 1.0e3}
"""
    docs = write_site(
        tmp_path / "docs",
        {"api.yaml": spec, "events.mdx": "---\nopenapi: GET /events\n---\n"},
        minimal_config(["events"]),
    )
    result = build_site(docs)
    assert result.fatal is None
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    html = (tmp_path / "docs-out" / "events" / "index.html").read_text()
    assert "2024-05-06" in html and "2024-01-01" in html
    assert 'id="param-on"' in html  # the key `on` stays the string "on"
    assert "1000" in html


def test_an_anchor_defined_again_names_its_latest_node() -> None:
    """YAML 1.2 lets an anchor be defined again, an alias naming the latest node (js-yaml
    reads it so); libyaml refused the document ("second occurrence"): the page lost its
    frontmatter, a spec all its operations. The YAML 1.2 schema holds in that path too."""
    text = (
        "title: &t Home\nsidebarTitle: &t Side\ndescription: *t\nb: yes\nd: 2024-01-01\nn: 0o17\n"
    )
    assert load_yaml(text) == {
        "title": "Home",
        "sidebarTitle": "Side",
        "description": "Side",
        "b": "yes",
        "d": "2024-01-01",
        "n": 15,
    }
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: *nope\n")
