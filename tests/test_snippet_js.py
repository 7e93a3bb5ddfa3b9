"""The JavaScript of custom components a snippet defines, as Mintlify runs it for the first
render: children reached any way (`props.children`, a renamed prop, `&&`, `? :`, passed on,
in a `.map`), callbacks with statements, loops, markup kept in data. Each case is a small
site built end to end; the page must show the rendered result, never raw source."""

from __future__ import annotations

import re
from pathlib import Path

from mintrender.model import BuildResult
from tests.sitekit import body, build_site, minimal_config, write_site


def _render(tmp_path: Path, snippet: str, page: str) -> tuple[str, BuildResult]:
    docs = write_site(
        tmp_path / "docs",
        {"snippets/s.jsx": snippet, "index.mdx": "---\ntitle: T\n---\n" + page},
        minimal_config(["index"]),
    )
    result = build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    return body(html), result


def _no_source(html: str) -> None:
    """No JSX or MDX source shown as text: no `&lt;`, no braces, no `**` outside tags."""
    text = re.sub(r"<[^>]*>", "", html)
    for mark in ("&lt;", "{", "}", "**", "className", "=>"):
        assert mark not in text, (mark, text)


def _codes(result: BuildResult) -> list[str]:
    return [d.code for d in result.diagnostics if d.severity in ("error", "warning")]


CHILDREN = """export const S1 = (props) => <div className="s1">{props.children}</div>
export const S2 = ({ open = true, children }) => <div className="s2">{open ? children : null}</div>
export const S3 = ({ show = true, children }) => <div className="s3">{show && children}</div>
export const S4 = ({ children: content }) => <div className="s4">{content}</div>
export const S5 = ({ items = ["a", "b"], children }) => (
  <ul className="s5">
    {items.map((item, index) => (
      <li key={item}>
        {item}
        {index === 1 && children}
      </li>
    ))}
  </ul>
)
export const Inner = ({ children }) => <section className="inner">{children}</section>
export const S6 = (props) => <Inner>{props.children}</Inner>
export const S7 = ({ open = false, children }) => (
  <div className="s7">{open ? <b>closed</b> : children}</div>
)
"""


def test_children_reached_any_way_are_rendered(tmp_path: Path) -> None:
    page = "import { S1, S2, S3, S4, S5, S6, S7 } from '/snippets/s.jsx';\n\n" + "\n\n".join(
        f"<{n}>\n  **{n.lower()}** child\n</{n}>"
        for n in ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
    )
    html, result = _render(tmp_path, CHILDREN, page)
    for n in ("s1", "s2", "s3", "s4", "s6", "s7"):
        assert f"<strong>{n}</strong> child" in html, n
    assert re.search(r'<div class="s1"><p><strong>s1</strong> child</p>\s*</div>', html)
    assert '<section class="inner"><p><strong>s6</strong> child</p>' in html
    assert re.search(
        r"<li>a</li>\s*<li>(?:<p>)?b(?:</p>)?\s*<p><strong>s5</strong> child</p>\s*</li>", html
    )
    _no_source(html)
    assert _codes(result) == []


def test_jsx_children_are_elements_not_escaped_text(tmp_path: Path) -> None:
    page = (
        "import { S1, S3 } from '/snippets/s.jsx';\n\n"
        '<S1>\n  <div className="card">Card *one*</div>\n</S1>\n\n'
        "<S3>\n  <Note>A note</Note>\n</S3>\n"
    )
    html, _ = _render(tmp_path, CHILDREN, page)
    assert re.search(r'<div class="s1">\s*<div class="card">Card <em>one</em></div>', html)
    assert 'class="s3"' in html and "A note" in html and "callout" in html
    _no_source(html)


BLOCKS_IN_TEXT = """export const Grid = ({ examples = ["a"], children, childrenIndex = 0 }) => {
  const data = { a: { title: "Drawing", description: "Draw a star." } }
  return (
    <div className="grid">
      {examples.map((example, index) => {
        const { title, description } = data[example]
        return (
          <>
            {
              index === childrenIndex && children
            }
            <div className="card">
              <h2>{title}</h2>
              <div className="content">
                <p>{description}</p>
                {

                  <div className="links">
                    <a href="https://x.example/">X</a>
                  </div>

                }
              </div>
            </div>
          </>
        )
      })}
    </div>
  )
}
export const Note5 = ({ more = true }) => (
  <div className="n5">
    <div className="body">Some text
      {
        more && (
          <div className="more">
            <span>More</span>
          </div>
        )
      }
    </div>
  </div>
)
"""


def test_multiline_expression_blocks_beside_text_keep_structure(tmp_path: Path) -> None:
    """Rive's `<Demos>`: a `{ … }` holding JSX over several lines, inside an element written
    on one line because it holds text, must not split that element into paragraphs."""
    page = "import { Grid, Note5 } from '/snippets/s.jsx';\n\n<Grid />\n\n<Note5 />\n"
    html, result = _render(tmp_path, BLOCKS_IN_TEXT, page)
    assert _codes(result) == []
    flat = re.sub(r">\s+<", "><", re.sub(r'<a class="mr-heading__anchor"[^>]*></a>', "", html))
    assert re.search(
        r'<div class="grid"><div class="card"><h2 [^>]*>Drawing</h2><div class="content">'
        r'<p>Draw a star.</p><div class="links"><a href="https://x.example/"[^>]*>X</a></div>'
        r"</div></div></div>",
        flat,
    )
    assert re.search(
        r'<div class="n5"><div class="body">(?:<p>)?Some text(?:</p>)?'
        r'<div class="more"><span>More</span></div></div></div>',
        flat,
    )
    _no_source(html)


MARKUP_DATA = """export const Defs = ({ beta = false }) => {
  const defs = [
    { key: 'web', title: 'Web', icon: 'js' },
    { key: 'u', title: 'Unreal', icon: (<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>) },
    { key: 'b', title: 'Beta', icon: beta ? <svg className="on"/> : <svg className="off"/> },
  ];
  return (
    <CardGroup cols={2}>
      {defs.map((d) => <Card key={d.key} title={d.title} href={`/${d.key}`} icon={d.icon}/>)}
    </CardGroup>
  );
}
"""


def test_markup_held_in_objects_is_drawn_as_an_attribute(tmp_path: Path) -> None:
    """A JSX value in an array of objects is a value like any other: passed on as a prop."""
    page = "import { Defs } from '/snippets/s.jsx';\n\n<Defs />\n"
    html, result = _render(tmp_path, MARKUP_DATA, page)
    assert [d.message for d in result.diagnostics if d.code == "custom-component"] == []
    assert html.count('<a class="mr-card') == 3
    assert re.search(r'<svg [^>]*viewBox="0 0 10 10"[^>]*><circle cx="5" cy="5" r="4"', html)
    assert re.search(r'<svg [^>]*class="[^"]*\boff"', html) and not re.search(r'\bon"', html)
    assert "Unreal" in html and "Beta" in html and "Web" in html
    _no_source(html)
