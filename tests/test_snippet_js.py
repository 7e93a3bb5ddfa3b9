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
    {
		key: 'u',
		title: 'Unreal',
		icon: (
			<svg viewBox="0 0 10 10">
				<circle
					cx="5" cy="5" r="4"
				/>
			</svg>
		)
	},
    { key: 'b', title: 'Beta', icon: beta ? <svg className="on"/> : <svg className="off"/> },
  ];
  return (
    <CardGroup cols={2}>
      {defs.map((d) => <Card key={d.key} title={d.title} href={`https://x.example/${d.key}`} icon={d.icon}/>)}
    </CardGroup>
  );
}
"""


def test_markup_held_in_objects_is_drawn_as_an_attribute(tmp_path: Path) -> None:
    """A JSX value in an array of objects is a value like any other: passed on as a prop."""
    page = "import { Defs } from '/snippets/s.jsx';\n\n<Defs />\n"
    html, result = _render(tmp_path, MARKUP_DATA, page)
    assert _codes(result) == []
    assert html.count('<a class="mr-card') == 3
    assert re.search(r'<svg [^>]*viewBox="0 0 10 10"[^>]*>\s*<circle cx="5" cy="5" r="4"', html)
    assert re.search(r'<svg [^>]*class="[^"]*\boff"', html) and not re.search(r'\bon"', html)
    assert "Unreal" in html and "Beta" in html and "Web" in html
    _no_source(html)


CALLBACKS = """export const Src = ({ source = ["u1", "u2", "u3"], runtime }) => (
  <div className="src">
    <p className="files">
      {source.map((item, index) => {
        if (source.length == 1) {
          return <>Open the <a href={item}>Rive file</a>.</>
        }

        if (index == 0) {
          return <>Open <a href={item}>Rive file 1</a></>
        }

        return <>, <a href={item}>file {index + 1}</a></>
      })}
    </p>
    <div className="links">
      {["web", "editor"].map((currentRuntime) => {
        if (runtime && currentRuntime !== runtime) return

        return (
          <b key={currentRuntime}>{currentRuntime}</b>
        )
      })}
    </div>
  </div>
)
export const Bar = ({ pages = [] }) => {
  const total = pages.length;
  return (
    <div className="bar">
      {Array.from({ length: total }, (_, index) => {
        const n = index + 1;
        return <a key={n} href={`#${pages[index]}`}>{n}</a>;
      })}
    </div>
  );
};
export const Bar2 = ({ pages = [] }) => (
  <div className="bar2">{Array.from({ length: pages.length }, (_, i) => <span key={i}>S{i + 1}</span>)}</div>
);
export const Bar3 = ({ n = 3 }) => (
  <div className="bar3">{[...Array(n)].map((_, i) => <b key={i}>#{i}</b>)}</div>
);
export const Bar4 = ({ n = 3 }) => (
  <div className="bar4">{Array.from(new Array(n).keys()).map((i) => <i key={i}>k{i}</i>)}</div>
);
"""


def test_callbacks_with_early_returns_and_array_from(tmp_path: Path) -> None:
    page = (
        "import { Src, Bar, Bar2, Bar3, Bar4 } from '/snippets/s.jsx';\n\n"
        '<Src source={["https://a.example/1", "https://a.example/2"]} runtime="editor" />\n\n'
        '<Src source={["https://a.example/9"]} />\n\n'
        '<Bar pages={["a", "b", "c"]} />\n\n<Bar2 pages={["a", "b"]} />\n\n'
        "<Bar3 n={4} />\n\n<Bar4 n={2} />\n"
    )
    html, result = _render(tmp_path, CALLBACKS, page)
    assert _codes(result) == []
    flat = re.sub(r"\s+", " ", re.sub(r' (?:target|rel)="[^"]*"', "", html))
    assert (
        'Open <a href="https://a.example/1">Rive file 1</a>, '
        '<a href="https://a.example/2">file 2</a>'
    ) in flat
    assert 'Open the <a href="https://a.example/9">Rive file</a>.' in flat
    assert re.search(r'<div class="links">\s*<b>editor</b>\s*</div>', html)
    assert re.search(r'<div class="links">\s*<b>web</b><b>editor</b>\s*</div>', html)
    assert '<a href="#a">1</a><a href="#b">2</a><a href="#c">3</a>' in flat
    assert '<div class="bar2"><span>S1</span><span>S2</span></div>' in flat
    assert '<div class="bar3"><b>#0</b><b>#1</b><b>#2</b><b>#3</b></div>' in flat
    assert '<div class="bar4"><i>k0</i><i>k1</i></div>' in flat
    _no_source(html)


LOOPS = """export const Steps = ({ n = 5 }) => {
  let parts = [];
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    if (i === 1) continue;
    if (i > 3) break;
    parts.push(`s${i}`);
    total += i;
  }
  return <div className="steps">{parts.map((p) => <span key={p}>{p}</span>)} total {total}</div>;
};
export const Desc = ({ children }) => {
  const getText = () => {
    if (typeof children === "string") return children;
    const arr = Array.isArray(children) ? children : [children];
    for (const c of arr) {
      if (typeof c === "string") return c;
    }
    return null;
  };
  const d = getText();
  return <div className="desc">{d && <p>{d}</p>}</div>;
};
export const Keys = ({ labels = { a: "A", b: "B" } }) => {
  const names = [];
  for (const key in labels) names.push(labels[key] + key);
  let k = 0;
  while (k < 3) { k++; }
  return <p className="keys">{names.join(",")} {k}</p>;
};
export const Forever = () => {
  let x = 0;
  while (true) { x += 1; }
  return <p>{x}</p>;
};
export const Spin = () => {
  for (;;) {}
  return <p>never</p>;
};
"""


def test_loops_run_with_break_continue_and_a_budget(tmp_path: Path) -> None:
    page = (
        "import { Steps, Desc, Keys, Forever, Spin } from '/snippets/s.jsx';\n\n"
        "<Steps />\n\n<Desc>plain text child</Desc>\n\n<Keys />\n\n<Forever />\n\n<Spin />\n"
    )
    html, result = _render(tmp_path, LOOPS, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<div class="steps"><span>s0</span><span>s2</span><span>s3</span> total 5</div>' in flat
    assert '<div class="desc"><p>plain text child</p></div>' in flat
    assert '<p class="keys">Aa,Bb 3</p>' in flat
    assert "never" not in html
    warned = [d.message for d in result.diagnostics if d.code == "custom-component"]
    assert len(warned) == 2 and all("more than 10,000 times" in w for w in warned), warned
    _no_source(html)


CHAINED = """export const M2 = ({obj}) => <ul className="m2">{Object.entries(obj).map(([k, v]) => { return <li key={k}>{v.name}</li>; }).filter(Boolean)}</ul>;
export const M4 = ({items}) => <ul className="m4">{items.map((x) => { if (!x) return null; return <li key={x}>{x}</li>; }).filter((el) => el).slice(0, 2)}</ul>;
export const M5 = ({items}) => <ol className="m5">{items.map((x) => <li key={x}>{x}</li>).reverse()}</ol>;
export const M6 = ({items}) => <p className="m6">{items.map((x) => { return <b key={x}>{x}</b>; }).sort()}</p>;
export const M7 = ({items}) => <p className="m7">{items.map((x) => <b key={x}>{x}</b>).join(" ")}</p>;
"""


def test_methods_chained_after_a_map_run_and_never_show_source(tmp_path: Path) -> None:
    """`.map(...)` then `.filter(Boolean)`, `.slice`, `.reverse`: run as JavaScript does;
    a chained method the build cannot run leaves the expression out with a warning (it was
    shown as text: `<li>A2</li>; }).filter(Boolean`)."""
    page = (
        "import { M2, M4, M5, M6, M7 } from '/snippets/s.jsx';\n\n"
        '<M2 obj={{ a: { name: "A2" }, b: { name: "B2" } }} />\n\n'
        '<M4 items={["x", "", "y", "z"]} />\n\n<M5 items={["1", "2"]} />\n\n'
        '<M6 items={["q"]} />\n\n<M7 items={["w"]} />\n'
    )
    html, result = _render(tmp_path, CHAINED, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<ul class="m2"><li>A2</li><li>B2</li></ul>' in flat
    assert '<ul class="m4"><li>x</li><li>y</li></ul>' in flat
    assert '<ol class="m5"><li>2</li><li>1</li></ol>' in flat
    assert '<p class="m6"></p>' in flat and '<p class="m7"></p>' in flat
    warned = [d.message for d in result.diagnostics if d.code == "custom-component"]
    assert len(warned) == 2 and "`.sort(...)`" in warned[0] and "`.join" in warned[1], warned
    for mark in (";", ")", "filter", "sort", "return"):
        assert mark not in re.sub(r"<[^>]*>", "", flat.split('class="m2"')[1]), mark
    _no_source(html)


COMMENTS = """export const M3 = ({obj}) => <ul className="m3">{Object.entries(obj).map(([k, v]) => {
  // a comment
  /* and a block comment */
  return <li key={k}>{v.name}</li>; })}</ul>;
export const M8 = ({obj}) => <ul className="m8">{Object.entries(obj).map(([k, v]) => {
  // skip strings
  if (typeof v === "string") return null; // a trailing comment
  /* the row */
  return <li key={k}>{v.name}</li>;
})}</ul>;
"""


def test_comments_in_callback_bodies_are_ignored(tmp_path: Path) -> None:
    """A `// comment` or `/* comment */` line in a `.map` callback's body (the whole
    expression was left out)."""
    page = (
        "import { M3, M8 } from '/snippets/s.jsx';\n\n"
        '<M3 obj={{ a: { name: "A3" } }} />\n\n'
        '<M8 obj={{ a: { name: "A" }, s: "skip", b: { name: "B" } }} />\n'
    )
    html, result = _render(tmp_path, COMMENTS, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<ul class="m3"><li>A3</li></ul>' in flat
    assert '<ul class="m8"><li>A</li><li>B</li></ul>' in flat
    assert _codes(result) == []
    _no_source(html)


ONE_LINE = """export const Stmts = () => { const steps = []; if (true) { steps.push("one"); } steps.push("two"); return <ul className="st">{steps.map((s) => <li key={s}>{s}</li>)}</ul>; };
export const Lines = ({ n = 2 }) => {
  let out = [];
  if (n > 1) { out.push("big"); out.push("n" + n); } else { out.push("small"); }
  for (let i = 0; i < n; i++) { out.push(i); } out.push("end");
  const tag = (x) => { let t = "#"; if (x) { t += x; t += "!"; } return t; };
  return <p className="ln">{out.join(",")} {tag("a")} {[1, 2].map((k) => { const d = k * 2; if (k > 1) { return <b key={k}>{d}</b>; } return <i key={k}>{d}</i>; })}</p>;
};
"""


def test_statements_on_one_line_and_blocks_of_several(tmp_path: Path) -> None:
    """`;`-separated statements on one line, an `if (c) { … }` block followed by another
    statement (no `;` after its `}`), in a body, a helper and a callback (the component
    was left out: "uses JavaScript that cannot run at build time")."""
    page = "import { Stmts, Lines } from '/snippets/s.jsx';\n\n<Stmts />\n\n<Lines />\n"
    html, result = _render(tmp_path, ONE_LINE, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<ul class="st"><li>one</li><li>two</li></ul>' in flat
    assert '<p class="ln">big,n2,0,1,end #a! <i>2</i><b>4</b></p>' in flat
    assert _codes(result) == []
    _no_source(html)


MEMBERS = """export const Reduce = () => {
  const g = ["a","b","a"].reduce((acc, k) => { acc[k] = (acc[k] || 0) + 1; return acc; }, {});
  return <p className="red">{Object.entries(g).map(([k, v]) => `${k}=${v}`).join(",")}</p>;
};
export const Members = ({ names = ["x", "y"] }) => {
  const o = { a: { b: 1 } }; o.c = "C"; o.a.b += 1; o.a["d"] = names.length;
  const arr = [0, 0]; arr[1] = 5; arr[2] = 7; arr[0]++;
  const counts = {};
  for (const n of names) { counts[n] = (counts[n] ?? 0) + 2; }
  return <p className="mem">{JSON.stringify(o)} {arr.join("-")} {counts.x + counts.y}</p>;
};
"""


def test_reduce_with_a_block_callback_and_member_assignments(tmp_path: Path) -> None:
    """`.reduce((acc, k) => { acc[k] = …; return acc; }, {})` and `obj.x = …`, `a.b += 1`,
    `arr[i] = …`, `arr[0]++` on local objects (the component was left out)."""
    page = "import { Reduce, Members } from '/snippets/s.jsx';\n\n<Reduce />\n\n<Members />\n"
    html, result = _render(tmp_path, MEMBERS, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<p class="red">a=2,b=1</p>' in flat
    assert (
        '<p class="mem">{&quot;a&quot;:{&quot;b&quot;:2,&quot;d&quot;:2},&quot;c&quot;:&quot;C&quot;}'
        " 1-5-7 4</p>"
    ) in flat
    assert _codes(result) == []
    assert "=&gt;" not in html and "acc[" not in html


REFS = """export const Code = ({x}) => <code>{typeof x === "string" ? x : x?.Name}</code>;
export const Wrap = (props) => <p className="wrap">A: <props.ui.Code x={props.c.N}/> end</p>;
export const Slot = ({ icon: Icon, label }) => <p className="slot"><Icon x={label} /></p>;
export const Odd = (props) => <p className="odd"><props.nothing.Here>kid</props.nothing.Here></p>;
"""


def test_components_passed_as_values_draw_where_a_tag_names_them(tmp_path: Path) -> None:
    """`ui={{ Code }}` (or a page's `export const UI = { Code }`) and `<props.ui.Code />`,
    `icon={Code}` and `<Icon />`: the component drawn (it was a raw `<props.ui.Code>`
    element, with a false "`Code` is not defined" warning)."""
    page = (
        "import { Code, Wrap, Slot, Odd } from '/snippets/s.jsx';\n\n"
        'export const UI = { Code };\nexport const Lit = { N: "lit" };\n\n'
        "<Wrap ui={UI} c={Lit} />\n\n"
        '<Wrap ui={{ Code }} c={{ N: "inline" }} />\n\n'
        '<Slot icon={Code} label="slotted" />\n\n{Code}\n\n<Odd />\n'
    )
    html, result = _render(tmp_path, REFS, page)
    flat = re.sub(r"\s+", " ", html)
    assert '<p class="wrap">A: <code>lit</code> end</p>' in flat
    assert '<p class="wrap">A: <code>inline</code> end</p>' in flat
    assert '<p class="slot"><code>slotted</code></p>' in flat
    assert '<p class="odd"><span class="mdx-unknown" data-component="Here">kid</span></p>' in flat
    assert "<props." not in html and "ComponentRef" not in html
    assert _codes(result) == ["unknown-component"]
    _no_source(html)
