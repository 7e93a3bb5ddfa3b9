"""Custom components a snippet defines in JavaScript (`export const X = () => {...}`): their
first render, as Mintlify's server renders them before the page reaches the reader. Locals
before the `return`, `useState` initial values, conditions and `.map`s in the JSX; event
handlers left out; JSX text read as JSX, not Markdown. What cannot be computed falls back to the
component's children with one warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mintrender.model import BuildResult
from tests.sitekit import body, build_site, minimal_config, write_site

COUNTER = """export const Counter = ({ start = 0, label: name = "Count" }) => {
  const [count, setCount] = useState(start)
  const increment = () => setCount(count + 1)
  useEffect(() => {
    document.title = `${count}`;
  }, [count]);

  return (
    <div className="counter">
      <button
        onClick={() => setCount(count - 1)}
        aria-label="Decrease"
      >
        -
      </button>
      <span className="value">{name}: {count}</span>
      <button onClick={increment} aria-label="Increase">
        +
      </button>
    </div>
  )
}

export const Toggle = ({ title }) => {
  const [open, setOpen] = useState(false);
  const heading = `${title} (${open ? "open" : "closed"})`;
  const items = ["alpha", "beta"];
  return (
    <section className="toggle">
      <h4>{heading}</h4>
      {open ? <p>Shown when open</p> : <p>*Closed* for now</p>}
      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>
    </section>
  );
};

export const Tag = (props) => {
  const { label, tone = "info", size: scale } = props;
  return <span className={`tag tag--${tone}`} data-size={scale}>{label}</span>;
};

export const Thread = ({ channel = "general", children }) => {
  const label = `Message #${channel.replace(/^#/, "")}`;
  return (
    <div className="thread">
      {channel ? (
        <div className="head">
          <span>{channel}</span>
        </div>
      ) : null}
      <div className="body">{children}</div>
      <div className="composer">{label}</div>
    </div>
  );
};

export const Status = ({ label, ok = true, items = [] }) => {
  const icon = ok ? <span className="ok">yes</span> : <span className="no">no</span>;
  const dot = <svg width="8" height="8"><circle cx="4" cy="4" r="4" /></svg>;
  const heading = <strong>{label}</strong>;
  return (
    <Card title={label} icon={dot}>
      {heading} {icon}
      <ul>{items.map((icon) => <li key={icon}>{icon}</li>)}</ul>
    </Card>
  );
};

export const Support = ({ rows }) => {
  const headers = ["Name", "Since"];
  if (!rows) {
    return <div className="err">No rows</div>;
  }
  if (rows.length === 0) return <p className="empty">Empty</p>;
  return (
    <table>
      <thead><tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
      <tbody>{rows.map((e) => (<tr key={e.name}><td>{e.name}</td><td>{e.since || "-"}</td></tr>))}</tbody>
    </table>
  );
};

export const Either = ({ ok }) => (ok ? <b>yes</b> : <i>no</i>);

export const Only = ({ ok }) => ok && <b>shown</b>;

export const Quote = () => (<p className="quote">Don't panic</p>);

export const Late = ({ at }) => {
  const [now] = useState(() => Date.now());
  if (now > at) return <p>late</p>;
  return <p>on time</p>;
};

export function Clock() {
  const [now, setNow] = useState(() => new Date());
  return <time className="clock">{now.toISOString()}</time>;
}
"""


def _page(
    tmp_path: Path, text: str, snippets: dict[str, str] | None = None
) -> tuple[str, BuildResult]:
    """The body of a page `text` (frontmatter added) built with `snippets` (path -> source;
    the widgets above by default), and the build's result."""
    page = "---\ntitle: Widgets\n---\n" + text
    files = {"index.mdx": page, **(snippets or {"snippets/widgets.jsx": COUNTER})}
    docs = write_site(tmp_path / "docs", files, minimal_config(["index"]))
    result = build_site(docs, tmp_path / "out")
    return body((tmp_path / "out" / "index.html").read_text(encoding="utf-8")), result


def _with_snippet(tmp_path: Path, path: str, snippet: str, body: str) -> tuple[str, BuildResult]:
    """`_page` of `body` under an import of every component the snippet at `path` exports."""
    names = ", ".join(re.findall(r"^export (?:const|function) ([\w$]+)", snippet, re.M))
    return _page(tmp_path, f'import {{ {names} }} from "/{path}";\n\n{body}', {path: snippet})


def _warnings(result: BuildResult) -> list[str]:
    """The `custom-component` warnings (not the notices: an effect runs in the browser)."""
    found = result.diagnostics
    return [d.message for d in found if d.code == "custom-component" and d.severity != "info"]


IMPORT = 'import { Counter, Toggle, Tag, Thread, Status, Clock } from "/snippets/widgets.jsx";\n\n'


def test_state_locals_and_handlers_give_the_first_render(tmp_path: Path) -> None:
    html, result = _page(tmp_path, IMPORT + '<Counter start={3} label="Clicks" />\n\nAfter.\n')
    buttons = re.findall(r"<button[^>]*>([^<]*)</button>", html)
    assert buttons == ["-", "+"]  # JSX text, not a Markdown list item
    assert '<span class="value">Clicks: 3</span>' in html
    assert "onClick" not in html and "onclick" not in html and "setCount" not in html
    assert "<ul>" not in html and "useEffect" not in html and "document.title" not in html
    assert "After." in html
    assert _warnings(result) == []


def test_conditions_maps_and_template_literals_in_the_returned_jsx(tmp_path: Path) -> None:
    html, result = _page(tmp_path, IMPORT + '<Toggle title="Details" />\n')
    assert re.search(r"<h4[^>]*>(?:<a [^>]*></a>)?Details \(closed\)</h4>", html), html
    assert "*Closed* for now" in html and "<em>" not in html  # JSX text is literal
    assert "Shown when open" not in html
    assert re.findall(r"<li>([^<]*)</li>", html) == ["alpha", "beta"]
    for leak in ("=&gt;", ".map(", "useState", "{open", "{heading"):
        assert leak not in html, leak
    assert _warnings(result) == []


def test_a_value_only_the_browser_knows_is_left_out_with_one_warning(tmp_path: Path) -> None:
    """The component is drawn without that value (as a page's own expression that cannot run
    would be), not replaced by its children, which `Clock` never shows."""
    html, result = _page(tmp_path, IMPORT + "<Clock>\n\nThe time.\n\n</Clock>\n")
    assert '<time class="clock"></time>' in html
    assert "The time." not in html and "toISOString" not in html
    found = _warnings(result)
    assert len(found) == 1
    assert "<Clock>" in found[0] and "`now` is only computed in the browser" in found[0]
    assert "left out" in found[0]


def test_a_browser_value_in_an_attribute_leaves_out_that_attribute(tmp_path: Path) -> None:
    """Spree's `<Since version>` badge: a local made by a function called in place feeds only
    the badge's link; the badge is drawn without the link, not dropped (11 badges on a page),
    and a heading holding it keeps the id MDX gives it, from the text as written."""
    snippet = (
        "export const Since = ({ version }) => {\n"
        "  const previous = (() => { const [m] = version.split('.'); return `${m - 1}`; })();\n"
        '  return <Badge icon="lock" href={`/up/${previous}`}>Spree {version}+</Badge>;\n};\n'
    )
    body = (
        '## Video <Since version="6.0" />\n\n## Gallery <Since version="5.1">beta</Since>\n\n'
        "See [video](#video).\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/since.mdx", snippet, body)
    assert '<h2 id="video"' in html and '<h2 id="gallery-beta"' in html
    badges = re.findall(r'<span class="mr-badge[^"]*"[^>]*>.*?</span>', html)
    assert len(badges) == 2 and "Spree 6.0+" in badges[0] and "/up/" not in html
    found = _warnings(result)
    assert len(found) == 1 and "href={…}: `previous` is only computed in the browser" in found[0]


def test_props_destructured_in_the_body(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path, IMPORT + '<Tag label="New" size="lg" />\n\n<Tag label="Old" />\n'
    )
    assert '<span class="tag tag--info" data-size="lg">New</span>' in html
    assert '<span class="tag tag--info">Old</span>' in html  # undefined: left out
    assert _warnings(result) == []


def test_a_container_with_markdown_children_and_a_computed_label(tmp_path: Path) -> None:
    """Elements that hold only elements keep their lines, so the children (Markdown blocks)
    stay inside them; a regex `.replace` computes the label."""
    html, result = _page(
        tmp_path, IMPORT + '<Thread channel="#eng">\n\nHello **team**.\n\n</Thread>\n'
    )
    assert '<div class="composer">Message #eng</div>' in html
    assert '<div class="head">' in html and "<span>#eng</span>" in html
    assert re.search(r'<div class="body">\s*<p>Hello <strong>team</strong>\.</p>\s*</div>', html)
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    assert _warnings(result) == []


def test_markup_in_a_local_is_drawn_where_it_is_used(tmp_path: Path) -> None:
    """`const icon = ok ? <Yes/> : <No/>` and `const dot = <svg/>`: the markup is drawn where
    `{icon}` is, read in the scope of that place (a `.map` parameter of the same name wins), and
    as an attribute value it is the element (`<Card icon={dot}>`)."""
    html, result = _page(
        tmp_path,
        IMPORT
        + '<Status label="Ready" items={["a", "b"]} />\n\n<Status label="Down" ok={false} />\n',
    )
    assert re.findall(r'<span class="(ok|no)">', html) == ["ok", "no"]
    assert html.count("<strong>Ready</strong>") == 1 and html.count("<strong>Down</strong>") == 1
    assert re.findall(r"<li>([^<]*)</li>", html) == ["a", "b"]
    assert html.count('<circle cx="4" cy="4" r="4"') == 2  # the card icons
    assert 'class="mr-card__icon"' in html
    assert _warnings(result) == []


def test_early_returns_and_a_returned_condition(tmp_path: Path) -> None:
    """`if (!rows) return ...;` before the main `return` is run at build time (pipecat's
    transport table); a component that returns a condition (`ok ? <A/> : <B/>`, `ok && <A/>`)
    draws its result, never its source as text; a guard only the browser can decide falls back
    to the children, with the reason."""
    html, result = _page(
        tmp_path,
        IMPORT
        + '<Support rows={[{"name": "ws", "since": "1.2"}, {"name": "http"}]} />\n\n'
        + "<Support />\n\n<Support rows={[]} />\n\n"
        + "Pick <Either ok /> or <Either ok={false} />, <Only ok /> and <Only />.\n\n"
        + "<Late at={5}>\n\nThe children.\n\n</Late>\n\n<Quote />\n",
    )
    # an apostrophe in JSX text is no string: the rest of the snippet file still reads
    assert '<p class="quote">Don\'t panic</p>' in html
    assert re.findall(r"<th>([^<]*)</th>", html) == ["Name", "Since"]
    assert re.findall(r"<td>([^<]*)</td>", html) == ["ws", "1.2", "http", "-"]
    assert '<div class="err">No rows</div>' in html and '<p class="empty">Empty</p>' in html
    assert "<p>Pick <b>yes</b> or <i>no</i>, <b>shown</b> and .</p>" in html
    for leak in ("ok ?", "&amp;&amp;", "rows.length", "if ("):
        assert leak not in html, leak
    assert "The children." in html and "late" not in html and "on time" not in html
    (late,) = _warnings(result)
    assert "<Late>" in late and "`if (now > at)`" in late


DATA = """export const methods = () => [
  { name: "connect()", since: "1.0" },
  { name: "disconnect()" },
];
export const pick = (kind = "all", n) => (kind === "all" ? methods() : methods().slice(0, n));
export const loop = () => loop();
export const Rows = ({ rows }) => {
  if (!rows) {
    return <div className="err">No rows</div>;
  }
  return <ul>{rows.map((e) => <li key={e.name}>{e.name} {e.since || "-"}</li>)}</ul>;
};
"""


def test_a_files_functions_that_return_data_can_be_called(tmp_path: Path) -> None:
    """`export const methods = () => [...]` (pipecat's transport table) is a function the
    page can call in a prop or in text, with parameters and defaults; one that calls itself
    without end is a warning, not a hang."""
    page = (
        'import { methods, pick, loop, Rows } from "/snippets/data.jsx";\n\n'
        "<Rows rows={methods()} />\n\n<Rows rows={pick('one', 1)} />\n\n"
        "Count: {methods().length}, first {pick()[0].name}.\n\nLoop: {loop()}\n"
    )
    html, result = _page(tmp_path, page, {"snippets/data.jsx": DATA})
    assert re.findall(r"<li>([^<]*)</li>", html) == [
        "connect() 1.0",
        "disconnect() -",
        "connect() 1.0",
    ]
    assert "Count: 2, first connect()." in html and "No rows" not in html
    found = [d.message for d in result.diagnostics if d.code == "mdx-expression"]
    assert found == [
        "{loop()} cannot be evaluated at build time (`loop` calls itself more "
        "than 32 times); it is left out"
    ]


ICONS = """export const ChartIcon = ({ icon, size = 20 }) => {
  const icons = {
    'database': (
      <svg width={size} height={size} viewBox="0 0 24 24"><path d="M4 6a8 3 0 1 0 16 0" /></svg>
    ),
    filter: <svg width={size} viewBox="0 0 24 24"><path d="M4 4h16" /></svg>,
    "label": "Filters",
  };

  const selectedIcon = icons[icon];

  if (!selectedIcon) {
    return null;
  }

  return selectedIcon;
};
"""


def test_an_object_of_markup_is_looked_up_at_build_time(tmp_path: Path) -> None:
    """`const icons = { database: (<svg/>), ... }; const s = icons[icon]; if (!s) return
    null; return s;` (Twenty's chart icons): the markup chosen by the prop is drawn, with the
    component's other props in it; an unknown name draws nothing, as `return null` does."""
    page = (
        'import { ChartIcon } from "/snippets/icons.mdx";\n\n'
        '## <ChartIcon icon="database" /> Source\n\n'
        '<ChartIcon icon="filter" size={16} />\n\n<ChartIcon icon="nope" />\n\nEnd.\n'
    )
    html, result = _page(tmp_path, page, {"snippets/icons.mdx": ICONS})
    sizes = re.findall(r'<svg width="(\d+)"(?: height="(\d+)")?', html)
    assert sizes == [("20", "20"), ("16", "")]
    assert "End." in html and "icons[" not in html and "selectedIcon" not in html
    assert _warnings(result) == []


def test_a_javascript_snippet_is_no_markdown(tmp_path: Path) -> None:
    """A .jsx file that starts with comments (Chroma's YouTube snippet) or holds a ``` in a
    template literal keeps its exports: the MDX rules for where a statement may start (not
    after a line of text, not in a fence) are not a JavaScript file's."""
    snippet = (
        "// Embeds a video.\n// Keep it small.\n"
        "export const YouTube = ({ src, title }) => (<iframe src={src} title={title} />);\n\n"
        "const sample = `\n```js\nlet x = 1\n```\n`;\n"
        "export const After = () => <b>after</b>;\n"
    )
    page = (
        "import { YouTube, After } from '/snippets/video.jsx';\n\n"
        '<YouTube src="https://www.youtube.com/embed/x" title="Intro" />\n\n<After />\n'
    )
    html, result = _page(tmp_path, page, {"snippets/video.jsx": snippet})
    assert '<iframe src="https://www.youtube.com/embed/x" title="Intro"></iframe>' in html
    assert "<b>after</b>" in html and "mdx-unknown" not in html
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []


HELPERS = """export const Picker = ({ kind = "x" }) => {
  const icon = () => <i>ic</i>;
  const pick = (label) => <button>{label}</button>;
  const named = ({ id, label = "default" }) => (<button id={id}>{label} {kind}</button>);
  return (
    <div className="picker">
      {icon()}{pick("L")}{named({ id: "a", label: "M" })}{named({ id: "b" })}
    </div>
  );
};
"""


def test_markup_helpers_are_drawn_where_they_are_called(tmp_path: Path) -> None:
    """`const pick = (label) => <button>{label}</button>` and `{pick("L")}` (Firecrawl's
    client picker builds its buttons so): the helper's markup with its arguments bound,
    positional or destructured with defaults, and the component's props in reach."""
    html, result = _page(
        tmp_path,
        "import { Picker } from '/snippets/picker.jsx';\n\n<Picker kind=\"k\" />\n",
        {"snippets/picker.jsx": HELPERS},
    )
    assert (
        '<div class="picker"><i>ic</i><button>L</button><button id="a">M k</button>'
        '<button id="b">default k</button></div>'
    ) in html
    assert _warnings(result) == []


def test_values_and_references_are_shown_as_react_shows_them(tmp_path: Path) -> None:
    """A string value is text, braces, `&amp;` and line breaks included (Activepieces' JSON
    preview); a character reference in a component's JSX text is decoded (FastMCP's version
    badge, `&nbsp;`); a quoted attribute value decodes its references, as JSX reads it."""
    snippet = (
        'export const Json = () => <pre className="json">{`{\\n  "key": "value"\\n}`}</pre>;\n'
        'export const Label = ({ text }) => <p className="lbl">{text}</p>;\n'
        "export const Badge = ({ v }) => (\n"
        '  <p className="vb"><span>New in:</span>&nbsp;<code>{v}</code> &copy; 3 &lt; 4</p>\n'
        ");\n"
        "export const Box = ({ text }) => <Card title={text}>x</Card>;\n"
    )
    text = (
        'import { Json, Label, Badge, Box } from "/snippets/s.jsx";\n\n<Json />\n\n'
        '<Label text="Returns {} when empty" />\n\n<Label text={"A &amp; B {a: 1}"} />\n\n'
        '<Badge v="2.13" />\n\n<Box text={\'say "hi" & go\'} />\n\n'
        '<Card title="A &amp; B &quot;q&quot; &amp x">y</Card>\n'
    )
    html, result = _page(tmp_path, text, {"snippets/s.jsx": snippet})
    assert '<pre class="json">{\n  &quot;key&quot;: &quot;value&quot;\n}</pre>' in html
    assert '<p class="lbl">Returns {} when empty</p>' in html
    assert '<p class="lbl">A &amp;amp; B {a: 1}</p>' in html
    assert "<span>New in:</span>\u00a0<code>2.13</code> \u00a9 3 &lt; 4</p>" in html
    assert '<p class="mr-card__title">say &quot;hi&quot; &amp; go</p>' in html
    assert '<p class="mr-card__title">A &amp; B &quot;q&quot; &amp;amp x</p>' in html
    assert [d.message for d in result.diagnostics] == []


def test_let_assignments_and_if_else_branches_run_at_build_time(tmp_path: Path) -> None:
    """`let x = []; if (role === "all") { x = Object.keys(recs); } else if ... else ...`
    (Continue's model recommendations): the branch the props choose runs; a value a branch
    on the browser decides is left out, with a warning naming it."""
    snippet = (
        'export const Recs = ({ role = "all" }) => {\n'
        '  const recs = { chat: ["Claude"], embed: ["Voyage"] };\n'
        "  let rolesToShow = [];\n  let title;\n"
        '  if (role === "all") {\n    rolesToShow = Object.keys(recs);\n    title = "All";\n'
        '  } else if (recs[role]) {\n    rolesToShow = [role];\n    title = "One";\n'
        '  } else {\n    title = "None";\n  }\n'
        "  return <div><h3>{title}</h3><ul>{rolesToShow.map((k) => <li key={k}>{k}: "
        '{recs[k].join(", ")}</li>)}</ul></div>;\n};\n'
        "export const Late = () => {\n  const [open, setOpen] = useState(false);\n"
        '  let label = "closed";\n  if (window.innerWidth > 600) {\n'
        '    label = "open";\n  }\n  return <b>{label}</b>;\n};\n'
        "export const Ssr = () => {\n"
        '  const base = typeof window !== "undefined" && window.open ? "/docs" : "";\n'
        "  return <i>{`${base}/a`}</i>;\n};\n"
    )
    text = (
        'import { Recs, Late, Ssr } from "/snippets/r.jsx";\n\n<Recs />\n\n<Recs role="embed" />\n\n'
        '<Recs role="x" />\n\n<Late>fallback</Late>\n\n<Ssr />\n'
    )
    html, result = _page(tmp_path, text, {"snippets/r.jsx": snippet})
    assert "<h3>All</h3><ul><li>chat: Claude</li><li>embed: Voyage</li></ul>" in html
    assert "<h3>One</h3><ul><li>embed: Voyage</li></ul>" in html
    assert "<h3>None</h3><ul></ul>" in html
    assert "<b></b>" in html and "fallback" not in html  # `label`, left out
    # `typeof window` is "undefined", as on the server that renders the page first (ClickHouse)
    assert "<i>/a</i>" in html
    warnings = _warnings(result)
    assert len(warnings) == 1 and "<Late>" in warnings[0] and "`label`" in warnings[0]


def test_an_expression_that_cannot_run_is_left_out_not_the_component(tmp_path: Path) -> None:
    """A component whose markup holds one `{...}` the build cannot run (Hypermode's SdkHeader:
    an arrow function called in place) is drawn without that part, as a page's own expression
    would be, with a warning naming it; before, the whole Note and its text were lost."""
    snippet = (
        "export const SdkHeader = ({ feature }) => (\n  <Note>\n"
        "    <p>Modus {feature} APIs documentation is on these pages:</p>\n    <ul>\n"
        '      {(() => {\n        const languages = ["AssemblyScript", "Go"]\n'
        "        return languages.map((lang) => <li>{lang} {feature} APIs</li>)\n"
        "      })()}\n    </ul>\n  </Note>\n)\n"
    )
    body = '<SdkHeader feature="HTTP" />\n'
    html, result = _with_snippet(tmp_path, "snippets/sdk-header.mdx", snippet, body)
    assert "<p>Modus HTTP APIs documentation is on these pages:</p><ul></ul>" in html
    assert "mr-callout--note" in html and "languages" not in html
    warnings = _warnings(result)
    assert len(warnings) == 1 and "<SdkHeader>" in warnings[0] and "left out" in warnings[0]


def test_a_snippets_default_function_is_what_its_default_import_draws(tmp_path: Path) -> None:
    """`export default function Trace({ id })` in an .mdx or .jsx snippet, imported by default
    (Laminar's span embeds): `<Trace id="abc" />` draws the function, where it drew nothing."""
    snippet = 'export default function Trace({ id }) {\n  return <div className="trace">Trace {id}</div>;\n}\n'
    text = (
        'import Trace from "/snippets/Trace";\nimport Span from "/snippets/Span.jsx";\n\n'
        'Before.\n\n<Trace id="abc" />\n\n<Span id="xyz" />\n\nAfter.\n'
    )
    files = {"snippets/Trace.mdx": snippet, "snippets/Span.jsx": snippet.replace("Trace", "Span")}
    html, result = _page(tmp_path, text, files)
    assert '<div class="trace">Trace abc</div>' in html
    assert '<div class="trace">Span xyz</div>' in html
    assert [d.message for d in result.diagnostics] == []


def test_an_apostrophe_in_a_line_comment_starts_no_string(tmp_path: Path) -> None:
    """`// AgentMail's own surfaces` in a component's array hid the end of its `export const`:
    the whole component fell back to its (empty) children."""
    snippet = (
        "export const Wall = () => {\n  const WALL = [\n    // the first group's\n"
        '    { name: "Alpha" },\n    { name: "Beta" },\n  ];\n  return (\n'
        '    <div className="wall">\n      {WALL.map((t) => (\n'
        "        <span key={t.name}>{t.name}</span>\n      ))}\n    </div>\n  );\n};\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/wall.jsx", snippet, "<Wall />\n")
    assert '<div class="wall"><span>Alpha</span><span>Beta</span></div>' in html
    assert _warnings(result) == []


def test_markup_given_as_a_prop_is_a_true_value(tmp_path: Path) -> None:
    """`icon={<svg .../>}` given to a component that does `{icon ? <div>{icon}</div> : ...}`
    (ClickHouse's HeroCard) takes the first branch and draws the markup; without the prop the
    other branch is drawn."""
    text = (
        "export const Hero = ({ title, icon }) => (\n  <div>\n"
        '    {icon ? <div className="icon">{icon}</div> : <p>NO ICON</p>}\n'
        '    <b style={{ marginTop: icon ? "0" : "20px" }}>{title}</b>\n  </div>\n);\n\n'
        '<Hero title="With" icon={<svg width="16"><circle r="8" /></svg>} />\n\n'
        '<Hero title="Without" />\n'
    )
    html, result = _page(tmp_path, text, {})
    assert '<div class="icon"><svg width="16"><circle r="8"></circle></svg></div>' in html
    assert '<b style="margin-top: 0">With</b>' in html
    assert "<p>NO ICON</p>" in html and '<b style="margin-top: 20px">Without</b>' in html
    assert _warnings(result) == []


def test_a_component_defined_inside_a_component_draws_its_tags(tmp_path: Path) -> None:
    """`const Chip = ({ children, variant }) => <span className={...}>{children}</span>`
    inside a component's body (AgentMail's use-case cards), then `<Chip>` in its markup, on
    one line or on lines of their own: drawn, not an unknown component."""
    snippet = (
        "export const Cards = () => {\n"
        '  const Chip = ({ children, variant = "fill" }) => (\n'
        "    <span className={`chip chip--${variant}`}>{children}</span>\n  );\n"
        '  return (\n    <div className="rows">\n'
        '      <div className="row"><span>Lead</span><Chip>HOT</Chip></div>\n'
        '      <div>\n        <Chip variant="line">COLD</Chip>\n      </div>\n'
        "    </div>\n  );\n};\n"
    )
    text = 'import { Cards } from "/snippets/cards.jsx";\n\n<Cards />\n'
    html, result = _page(tmp_path, text, {"snippets/cards.jsx": snippet})
    assert re.search(r'<span class="chip chip--fill">\s*HOT\s*</span>', html)
    assert re.search(r'<span class="chip chip--line">(<p>)?COLD', html)
    assert "mdx-unknown" not in html
    assert [d.code for d in result.diagnostics] == []


def test_markup_of_several_lines_inside_a_link_stays_inside_it(tmp_path: Path) -> None:
    """`const content = (<>\\n<h3>…</h3>\\n<span>…</span>\\n</>); return <a href>{content}</a>`
    (ClickHouse's link cards): one link holding the heading and text, with no link in the
    link (the heading's anchor chip) and no errors; they were outside an empty link."""
    text = (
        "export const LinkCard = ({ title, href }) => {\n  const content = (\n    <>\n"
        "      <h3>{title}</h3>\n      <span>Body text</span>\n    </>\n  );\n"
        "  return <a href={href}>{content}</a>;\n};\n\n"
        '<LinkCard title="Card title" href="https://example.com" />\n'
    )
    html, result = _page(tmp_path, text, {})
    assert re.search(
        r'<a href="https://example.com"[^>]*><h3 id="card-title"[^>]*>Card title</h3>'
        r"<span>Body text</span></a>",
        html,
    )
    assert [d.code for d in result.diagnostics] == []


def test_a_local_helper_that_returns_a_value_is_called_at_build_time(tmp_path: Path) -> None:
    """Hydra DB's ContextDecider: `const optionClass = (selected) => \\`… ${selected ? …}\\``
    called in `className={optionClass(audience === "shared")}`; the whole picker was dropped
    (its helper "only computed in the browser"). A helper with a block body that returns a
    value runs too; one that calls for an effect cannot, and only its part is left out."""
    snippet = (
        "export const Picker = () => {\n"
        '  const [audience, setAudience] = useState("shared");\n'
        "  const optionClass = (selected) =>\n"
        '    `rounded-xl border ${selected ? "border-blue-500" : "border-gray-200"}`;\n'
        "  const label = (key) => { return key.toUpperCase(); };\n"
        "  const spin = (n) => { fetch(n); return n; };\n"
        "  return (\n    <div>\n      <p>Who is this for?</p>\n"
        '      <button className={optionClass(audience === "shared")}>{label("team")}</button>\n'
        '      <button className={optionClass(audience === "me")} data-n={spin(3)}>Me</button>\n'
        "    </div>\n  );\n};\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/picker.jsx", snippet, "<Picker />\n")
    assert '<button class="rounded-xl border border-blue-500">TEAM</button>' in html
    assert '<button class="rounded-xl border border-gray-200">Me</button>' in html
    found = _warnings(result)
    assert len(found) == 1 and "data-n={…}: `spin` is only computed in the browser" in found[0]


def test_markup_picked_from_an_object_is_drawn(tmp_path: Path) -> None:
    """Kombiverse's icon snippet: `const icons = { a: <svg…/> }; return icons[name] || null;`
    (72 icons came out empty, silently); `{icons[name]}` inside markup and `return icons[name]`
    too; a name with no entry draws nothing, as React draws null."""
    snippet = (
        "export const Icon = ({ name }) => {\n  const icons = { a: <b>bold-a</b> };\n"
        "  return icons[name] || null;\n};\n"
        "export const Wrapped = ({ name }) => {\n  const icons = { a: <b>bold-b</b> };\n"
        "  return <i>{icons[name]}</i>;\n};\n"
        "export const Bare = ({ name }) => {\n  const icons = { a: <b>bold-c</b> };\n"
        "  return icons[name];\n};\n"
    )
    body = 'Before <Icon name="a" /> after, <Wrapped name="a" />, <Bare name="a" />, '
    body += '[<Icon name="zz" />].\n'
    html, result = _with_snippet(tmp_path, "snippets/icon.jsx", snippet, body)
    assert "<p>Before <b>bold-a</b> after, <i><b>bold-b</b></i>, <b>bold-c</b>, [].</p>" in html
    assert _warnings(result) == []


def test_rest_props_are_spread_and_a_tag_can_be_a_local(tmp_path: Path) -> None:
    """Kombiverse's pass-through wrappers: `({ children, ...props }) => <details {...props}>`
    writes the props it does not name as attributes (`hidden`, `id`, `className`), and
    `const Tag = "dialog"` names the element; both fell back to their children, so closed
    FAQ answers showed open and dialogs sat inline."""
    snippet = (
        "export const Faq = ({ children, ...props }) => <details {...props}>{children}</details>;\n"
        'export const Panel = ({ children, as = "article", ...rest }) => {\n'
        "  const Tag = as;\n  return <Tag {...rest}>{children}</Tag>;\n};\n"
    )
    body = (
        '<Faq className="faq" id="q1">\n<summary>Question</summary>\nAnswer.\n</Faq>\n\n'
        '<Panel as="dialog" id="d1">\nModal text.\n</Panel>\n\n'
        "<Panel hidden={true}>\nStep two.\n</Panel>\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/p.jsx", snippet, body)
    assert '<details class="faq" id="q1"><summary>Question</summary><p>Answer.</p>' in html
    assert '<dialog id="d1"><p>Modal text.</p>' in html
    assert "<article hidden><p>Step two.</p>" in html
    assert _warnings(result) == []


def test_a_branch_giving_markup_a_name_holds_draws_it(tmp_path: Path) -> None:
    """grid-api's FeatureCard ends `return href ? <a href={href}>{card}</a> : card;`: a card
    without `href` came out empty, silently. The name's markup is drawn in the place it is
    used (its `{title}` is the component's prop), in `?:` and `&&` branches alike."""
    snippet = (
        "export const Box = ({ title, href }) => {\n"
        '  const card = <div className="box">{title}</div>;\n'
        "  return href ? <a href={href}>{card}</a> : card;\n};\n"
        "export const Maybe = ({ title, on }) => {\n"
        "  const tag = on ? <b>{title}</b> : <i>{title}</i>;\n  return <span>{on && tag}{!on && tag}</span>;\n};\n"
    )
    body = (
        '<Box title="With href" href="https://example.com" />\n\n<Box title="Without href" />\n\n'
        '<Maybe title="yes" on={true} /> <Maybe title="no" on={false} />\n'
    )
    html, result = _with_snippet(tmp_path, "snippets/box.jsx", snippet, body)
    drawn = ['<div class="box">With href</div></a>', '<div class="box">Without href</div>']
    drawn.append("<span><b>yes</b></span> <span><i>no</i></span>")
    assert [part for part in drawn if part not in html] == []
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_a_value_expression_across_a_blank_line_is_one_expression(tmp_path: Path) -> None:
    """micromark reads `{` ... `}` alone on its lines as one expression, blank lines inside
    and all (checked with remark-mdx); a paragraph ended at the blank line and showed both
    halves as text (AgentOps' `<script>{...}</script>`)."""
    text = '\n{["a",\n\n"b"].join(" and ")}\n\n<div>\n  {[1, 2].map((n) => {\n    const x = n;\n\n    return x * 10;\n  })}\n</div>\n'
    html, result = _page(tmp_path, text)
    html = html[: html.index("mr-page-end")]
    assert 'prose">a and b' in html and "{" not in html and "return" not in html
    assert "<div>1020</div>" in html.replace("\n", "")  # React joins the list's items
    assert [d for d in result.diagnostics if d.code == "mdx-expression"] == []


def test_a_modules_own_declarations_are_in_scope_for_its_components(tmp_path: Path) -> None:
    """superdoc's demo reads `const SUPERDOC_VERSION` and draws `<Sep />`, both declared at
    the top of its .jsx without `export`, and an exported helper the page never imported:
    JavaScript's module scope. The card was dropped, and `<Sep>` called unknown."""
    snippet = (
        "const VERSION = '1.30.1';\n\nconst Sep = () => <hr />;\n\n"
        "function Label({ text }) {\n  return <b>{text}</b>;\n}\n\n"
        "export const Shared = () => <i>shared</i>;\n\n"
        "export const Demo = () => (\n  <div>\n    <p>Loads SuperDoc {VERSION}</p>\n"
        '    <Sep />\n    <Label text="v" />\n    <Shared />\n  </div>\n);\n'
    )
    text = "import { Demo } from '/snippets/demo.jsx'\n\n<Demo />\n"
    html, result = _page(tmp_path, text, {"snippets/demo.jsx": snippet})
    drawn = "<div><p>Loads SuperDoc 1.30.1</p><hr><b>v</b><i>shared</i></div>"
    assert drawn in html.replace("\n", "")
    assert [d.message for d in result.diagnostics if d.severity != "info"] == []


def test_a_spread_of_computed_attributes_is_drawn_or_left_out_alone(tmp_path: Path) -> None:
    """Cosmos' doc card spreads `{...(link.startsWith('http') ? { target: '_blank', … } : {})}`
    on the `<a>` it returns: the whole component came out empty, with only its (absent)
    children shown. The spread's object gives attributes, as React does; a spread that cannot
    run at build time leaves out that attribute alone, with a warning."""
    snippet = (
        "export const GhLink = ({ href }) => (\n"
        "  <a href={href} {...(href.startsWith('http') ? { target: '_blank', rel: 'noopener' }"
        " : {})}>GitHub</a>\n)\n"
        "export const Plain = ({ href }) => <a href={href} {...{ title: 'Docs' }}>Docs</a>\n"
        "export const Odd = ({ href }) => <a href={href} {...extra(href)}>Odd</a>\n"
    )
    body = (
        '<GhLink href="https://github.com/x/y" />\n\n<GhLink href="/local" />\n\n'
        '<Plain href="/docs" />\n\n<Odd href="/odd" />\n'
    )
    html, result = _with_snippet(tmp_path, "snippets/card.jsx", snippet, body)
    links = [a for a in re.findall(r"<a [^>]*>[^<]*</a>", html) if "mr-footer" not in a]
    assert links == [
        '<a href="https://github.com/x/y" target="_blank" rel="noopener">GitHub</a>',
        '<a href="/local/">GitHub</a>',
        '<a href="/docs/" title="Docs">Docs</a>',
        '<a href="/odd/">Odd</a>',
    ]
    found = _warnings(result)
    assert len(found) == 1 and "{...extra(href)}: `extra` is not defined" in found[0]


def test_a_named_function_can_be_mapped(tmp_path: Path) -> None:
    """Tyk's release summary renders `{releaseData.licensed.map(renderComponent)}` with a
    local `const renderComponent = (component) => (<Card …>…</Card>)`: the whole list was
    left out (`.map()` needed an inline arrow). A named helper giving markup, and one giving a
    value, are run as an inline arrow is; a branch of several lines inside the helper's
    markup (`{c.latest && (<>…</>)}`) is blocks of the card, not a fragment left open."""
    snippet = """export const Releases = ({ items }) => {
  const shout = (s) => s.toUpperCase();
  const renderItem = (item, i) => (
    <Card title={`${item.name} v${item.v}`}>
      Click to <a href={`/${item.name}`}>discover</a>

      {item.docker && (
        <>
          <div>Docker {i}</div>
          <div>- latest</div>
        </>
      )}
    </Card>
  );
  return <div><p>{items.map((x) => x.name).map(shout).join(', ')}</p>{items.map(renderItem)}</div>;
};
"""
    body = '<Releases items={[{name: "gateway", v: "5.1", docker: true}, {name: "pump", v: "1.2"}]} />\n'
    html, result = _with_snippet(tmp_path, "snippets/releases.jsx", snippet, body)
    assert "<p>GATEWAY, PUMP</p>" in html
    titles = re.findall(r'mr-card__title">([^<]*)<', html)
    assert titles == ["gateway v5.1", "pump v1.2"]
    assert "<div>Docker 0</div>" in html and "<div>- latest</div>" in html
    assert "Docker 1" not in html and "&lt;&gt;" not in html
    assert not [d for d in result.diagnostics if d.code in ("custom-component", "jsx-unclosed")]


def test_an_array_of_objects_holding_markup_is_known(tmp_path: Path) -> None:
    """Cosmos' stack picker: `const techs = [{ name, desc, icon: () => (<svg/>) }, …]` made
    the whole array unknown, so its `.map` and a `.find` of it were lost. The plain fields
    are known; the markup a field holds is kept as markup."""
    snippet = (
        "export const Learn = () => {\n  const techs = [\n"
        '    { name: "Alpha", desc: "Alpha text", icon: () => (<svg width="8"></svg>) },\n'
        '    { name: "Beta", desc: "Beta text", badge: <b>new</b> }\n  ];\n'
        '  const picked = techs.find(t => t.name === "Alpha");\n'
        "  return (<div>{techs.map((t, i) => <span key={i}>{t.name}</span>)}"
        "<p>{picked?.desc}</p>{techs[1].badge}</div>);\n};\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/learn.jsx", snippet, "<Learn />\n")
    assert re.findall(r"<span>([^<]*)</span>", html)[:2] == ["Alpha", "Beta"]
    assert "<p>Alpha text</p>" in html and "<b>new</b>" in html
    assert _warnings(result) == []


def test_components_livepeer_mintlify_and_clickhouse_write(tmp_path: Path) -> None:
    """Three shapes real snippets take that dropped the whole component:
    a default holding brackets (`color = 'var(--accent)'`, livepeer's links: the parameter
    list was cut at the first `)`); `const Embed = …` then `export default Embed;`
    (mintlify's iframe); a built-in function in an attribute (`encodeURIComponent(prompt)`,
    mintlify's setup prompt)."""
    snippets = {
        "snippets/pill.jsx": (
            "export const Pill = ({ label, color = 'var(--accent)' }) => (\n"
            "  <span style={{ color }}>{label}</span>\n);\n"
            'export function Tag({ bg = "rgb(0, 0, 0)" }) {\n  return <b style={{ background: bg }}>t</b>;\n}\n'
        ),
        "snippets/embed.jsx": (
            "const Embed = ({ url }) => {\n  return <iframe src={url} />\n}\n\nexport default Embed;\n"
        ),
        "snippets/cursor.jsx": (
            'export const Open = () => {\n  const prompt = "Set up my docs";\n'
            "  return <a href={`https://c.example/p?text=${encodeURIComponent(prompt)}`}>Open</a>;\n};\n"
        ),
    }
    text = (
        "import { Pill, Tag } from '/snippets/pill.jsx';\nimport Embed from '/snippets/embed.jsx';\n"
        "import { Open } from '/snippets/cursor.jsx';\n\n"
        'Before <Pill label="Beta" /> <Tag /> after.\n\n<Embed url="https://example.com/e" />\n\n<Open />\n'
    )
    html, result = _page(tmp_path, text, snippets)
    assert '<span style="color: var(--accent)">Beta</span>' in html
    assert '<b style="background: rgb(0, 0, 0)">t</b>' in html
    assert '<iframe src="https://example.com/e"' in html
    assert 'href="https://c.example/p?text=Set%20up%20my%20docs"' in html
    assert "mdx-unknown" not in html and _warnings(result) == []


def test_a_value_of_several_paragraphs_stays_in_its_attribute(tmp_path: Path) -> None:
    """Mintlify's setup prompt puts a prompt of several paragraphs in a link's `href`: the
    blank line in it split the element, whose source leaked as text."""
    snippet = (
        "export const Share = () => {\n  const text = `Line one.\n\nLine two.`;\n"
        '  return <a className="share" title={text} href={`https://x.example/?q=${text}`}>Share</a>;\n};\n'
    )
    html, result = _with_snippet(tmp_path, "snippets/share.jsx", snippet, "<Share />\n")
    assert (
        '<a class="share" title="Line one.\n\nLine two." href="https://x.example/?q=Line one.'
        in html
    )
    assert ">Share</a>" in html and "&lt;a" not in html and _warnings(result) == []
    assert not [d for d in result.diagnostics if d.severity == "error"]


def test_a_custom_component_in_an_attribute_is_drawn(tmp_path: Path) -> None:
    """livepeer's primer: `<Card title={<CustomCardTitle icon="users" title="Community Hub" />}>`
    gave an empty unknown-component placeholder as the card's title, warned at 1:1; the same
    component drawn directly worked."""
    snippet = (
        "export const CardTitle = ({ icon, title }) => {\n"
        "  return (<div style={{ display: 'flex' }}><Icon icon={icon} size={20} />{title}</div>)\n}\n"
    )
    body = '<Card title={<CardTitle icon="users" title="Community Hub" />}>\n  Join us.\n</Card>\n'
    html, result = _with_snippet(tmp_path, "snippets/title.jsx", snippet, body)
    title = html[html.index('<div class="mr-card__title">') : html.index("Join us.")]
    assert '<div style="display: flex"><span class="mr-inline-icon icon"' in title
    assert "Community Hub</div>" in title and "mdx-unknown" not in html
    assert not [d for d in result.diagnostics if d.code == "unknown-component"]


def test_liquidify_and_infisical_components_render_as_react_first_does(tmp_path: Path) -> None:
    """What React's first render gives and mintrender left out: a separator after a
    comparison (`i < items.length - 1 && <span>/</span>`), `.filter(Boolean)`, a handler inside
    an item of data (`{ label, onClick: () => … }`), `JSON.stringify` in a branch the render
    never takes, and booleans on `aria-`/`data-` attributes (written "true"/"false")."""
    snippet = """export const Crumbs = ({ items }) => (
  <ol>{items.map((item, i) => (<li key={i}><button onClick={item.onClick}>{item.label}</button>{i < items.length - 1 && <span>/</span>}</li>))}</ol>
);
export const Btn = ({ wide = false, open = false, children }) => {
  const cls = ["btn", wide && "w-full", open && "open"].filter(Boolean).join(" ");
  return <button className={cls} aria-expanded={open} data-wide={wide}>{children}</button>;
};
export const Policy = () => {
  const [picked, setPicked] = useState([]);
  if (picked.length === 0) {
    return <p>Pick something first.</p>;
  }
  return <pre>{JSON.stringify(picked, null, 2)}</pre>;
};
"""
    body = (
        '<Crumbs items={[{ label: "Home", onClick: () => go("/") }, { label: "Docs" }]} />\n\n'
        "<Btn wide>Go</Btn>\n\n<Policy />\n"
    )
    html, result = _with_snippet(tmp_path, "snippets/c.jsx", snippet, body)
    assert (
        "<ol><li><button>Home</button><span>/</span></li><li><button>Docs</button></li></ol>"
        in html
    )
    assert '<button class="btn w-full" aria-expanded="false" data-wide="true">Go</button>' in html
    assert "<p>Pick something first.</p>" in html
    assert _warnings(result) == []


def test_an_attributes_array_holding_markup_is_passed_on(tmp_path: Path) -> None:
    """LiqUIdify's tabs are written `tabs={[{ id, label, content: <div>…</div> }]}` on the
    page: the attribute was left out ("JSX inside an expression"), and the tabs were empty.
    The data is passed on, its markup drawn where the component puts it."""
    snippet = (
        "export const Tabs2 = ({ tabs }) => <div>{tabs.map((t) => <section key={t.id}>"
        "{t.label}: {t.content}</section>)}</div>\n"
    )
    body = (
        '<Tabs2 tabs={[{ id: "a", label: "A", content: <b>one</b> }, { id: "b", label: "B" }]} />\n'
    )
    html, result = _with_snippet(tmp_path, "snippets/t.jsx", snippet, body)
    assert "<div><section>A: <b>one</b></section><section>B: </section></div>" in html
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_a_jsx_snippet_reads_the_values_it_imports_from_another(tmp_path: Path) -> None:
    """Continue's components read a data file of their own (`import { PROVIDERS } from
    "./data.jsx"`): each file resolves its imports (mdx-and-markdown.md §7). A `.jsx`
    module's imports were never read: the list was empty and `LABEL` "not defined"."""
    data = (
        'export const LABEL = "Providers";\n\n'
        "export const PROVIDERS = [\n  { name: 'a', on: true },\n  { name: 'b', on: false },\n];\n"
    )
    use = (
        'import { LABEL, PROVIDERS } from "/snippets/data.jsx";\n'
        "import { Missing } from './nowhere.jsx';\n\n"
        'export const Uses = () => (\n  <div className="uses">\n    <b>{LABEL}</b>\n'
        "    {PROVIDERS.filter((p) => p.on).map((p) => <i key={p.name}>{p.name}</i>)}\n"
        "  </div>\n);\n"
    )
    text = 'import { Uses } from "/snippets/use.jsx";\n\n<Uses />\n'
    files = {"snippets/data.jsx": data, "snippets/use.jsx": use}
    html, result = _page(tmp_path, text, files)
    assert '<div class="uses"><b>Providers</b><i>a</i></div>' in html.replace("\n", "")
    found = [(d.file, d.line, d.code) for d in result.diagnostics if d.severity != "info"]
    assert found == [("snippets/use.jsx", 2, "mdx-import")]


def test_exported_constants_read_what_their_file_imports(tmp_path: Path) -> None:
    """mint-tsdocs' pages: `export const field = { name: Info.pkg.name, … }` reads an import.
    Exports were evaluated before the imports were known: the value was left out without a
    word and its fields drawn empty (`N: T:`), and `{d.name}` said `d` was not defined. So in a
    `.jsx` module that builds an export from another file's."""
    data = 'export const Info = { pkg: { name: "fromSnippet", type: "string" } };\n'
    show = (
        'import { Info } from "/snippets/data.jsx";\n'
        "export const Pair = [Info.pkg.name, 'pair'];\n"
        "export const Show = ({ name, type }) => <p>N:{name} T:{type}</p>;\n"
    )
    text = (
        'import { Info } from "/snippets/data.jsx";\n'
        'import { Show, Pair } from "/snippets/show.jsx";\n'
        'export const a = { name: "A", type: "ta" };\n'
        "export const d = { name: Info.pkg.name, type: a.type };\n"
        "export const e = [Info.pkg, d];\n\n"
        "<Show {...d} />\n\n<Show {...e[0]} />\n\n<Show name={e[1].name} type={Pair.join()} />\n"
    )
    files = {"snippets/data.jsx": data, "snippets/show.jsx": show}
    html, result = _page(tmp_path, text, files)
    assert re.findall(r"<p>N:[^<]*</p>", html) == [
        "<p>N:fromSnippet T:ta</p>",
        "<p>N:fromSnippet T:string</p>",
        "<p>N:fromSnippet T:fromSnippet,pair</p>",
    ]
    assert [d for d in result.diagnostics if d.severity != "info"] == []


def test_text_ending_in_an_equals_sign_before_a_value_is_text(tmp_path: Path) -> None:
    """`<span>k={n}</span>`: the `=` is text, so the value is too (React writes `k=z`); it was
    taken for an attribute and written as a JavaScript literal, `k="z"` (mint-tsdocs)."""
    text = (
        "export const Inl = ({ n }) => <span>k={n}</span>;\n"
        "export const KV = ({ obj }) => (\n  <ul>\n    {Object.entries(obj).map(([k, v]) => "
        '<li key={k} title={k} data-n={v}>{k}={v} <a href={"https://x.example/?k=" + k}>go</a> x ={v}</li>)}\n  </ul>\n);\n\n'
        '<Inl n="z" />\n\n<KV obj={{ a: 1, b: "two" }} />\n'
    )
    html, result = _page(tmp_path, text, {})
    assert "<span>k=z</span>" in html
    assert re.findall(r"<li[^>]*>.*?</li>", html) == [
        '<li title="a" data-n="1">a=1 <a href="https://x.example/?k=a" target="_blank" rel="noopener">go</a> x =1</li>',
        '<li title="b" data-n="two">b=two <a href="https://x.example/?k=b" target="_blank" rel="noopener">go</a> x =two</li>',
    ]
    assert [d for d in result.diagnostics if d.severity != "info"] == []


def test_multi_line_markup_of_text_and_icons_stays_on_its_line(tmp_path: Path) -> None:
    """Bvndle's tables and URL blocks. A prop's fragment written over several lines
    (`d={<>⏎one <br />⏎two⏎</>}`) and an icon drawn by a condition (`{!hide && (⏎<svg …>`)
    were put on lines of their own inside an element written on one line: it was split, the
    value landed after it, and the page had false `jsx-unclosed` errors. JSX also drops the
    line break between an element and one an expression draws ("Bx", not "B x")."""
    snippet = (
        "export const P = ({ d }) => (\n  <div>\n    <b>x</b>\n"
        '    <span className="d">{d}</span>\n  </div>\n);\n'
        'export const U = ({ hide, t }) => (\n  <div className="outer">\n'
        '    <div className="row">\n      <span>{t}</span>\n      {!hide && (\n'
        '      <svg\n        width="16"\n        >\n          <path\n            d="M6 10Z"\n'
        "          />\n      </svg>\n      )}\n    </div>\n    {t}\n  </div>\n);\n"
        "export const W = ({ t, xs }) => (\n  <p>\n    <i>B</i>\n    {t && <span>{t}</span>}\n"
        "    {xs.map((x) => <em key={x}>{x}</em>)}\n  </p>\n);\n"
    )
    text = (
        'import { P, U, W } from "/snippets/p.jsx";\n\n'
        "<P d={<>\n  one <br />\n  two\n</>} />\n\n"
        '<U t="hello" />\n\n<W t="x" xs={["y", "z"]} />\n'
    )
    html, result = _page(tmp_path, text, {"snippets/p.jsx": snippet})
    flat = html.replace("\n", "")
    assert '<div><b>x</b><span class="d">one <br>two</span></div>' in flat
    assert (
        '<div class="outer"><div class="row"><span>hello</span>'
        '<svg width="16"><path d="M6 10Z"></path></svg></div>hello</div>'
    ) in flat
    assert "<p><i>B</i><span>x</span><em>y</em><em>z</em></p>" in html
    assert [d for d in result.diagnostics if d.severity != "info"] == []


def test_a_component_whose_effect_fills_it_is_drawn_with_a_notice(tmp_path: Path) -> None:
    """Bvndle's colour generator fills its swatches in `useEffect`, which runs in the browser
    after the first render: the page shows the first render (empty swatches), as the README
    says, but said nothing. A notice (info, once per page) says so now."""
    snippet = (
        "export const Swatches = () => {\n  const [colors, setColors] = useState([]);\n"
        "  useEffect(() => {\n    setColors(['#000', '#fff']);\n  }, []);\n"
        '  return <div className="sw">{colors.map((c) => <span key={c}>{c}</span>)}</div>;\n};\n'
        "export function Plain() {\n  React.useEffect(() => {}, []);\n  return <b>plain</b>;\n}\n"
        "export const Still = () => <i>still</i>;\n"
    )
    text = (
        'import { Swatches, Plain, Still } from "/snippets/s.jsx";\n\n'
        "<Swatches />\n\n<Swatches />\n\n<Plain />\n\n<Still />\n"
    )
    html, result = _page(tmp_path, text, {"snippets/s.jsx": snippet})
    assert '<div class="sw"></div>' in html and "<b>plain</b>" in html and "<i>still</i>" in html
    notes = [(d.severity, d.line, d.message.split(":")[0]) for d in result.diagnostics]
    assert sorted(notes) == [
        ("info", 6, "<Swatches> (defined in snippets/s.jsx)"),
        ("info", 10, "<Plain> (defined in snippets/s.jsx)"),
    ], notes
    assert "useEffect` runs in the browser" in result.diagnostics[0].message


def test_a_jsx_snippet_draws_an_mdx_snippet_it_imports(tmp_path: Path) -> None:
    """W&B's CodeSnippet.jsx imports MDX snippets (`import RunResume from
    '/snippets/run_resume.mdx'`) and draws them: a false "no export named 'default'" warning,
    and an unknown tag. A `console.warn` in its body is no reason to give up on it."""
    code = "```python\nprint('hello')\n```\n"
    jsx = (
        "import Hello from '/snippets/code.mdx';\n\n"
        "export const Direct = ({ file }) => {\n"
        "  if (!file) {\n    console.warn('no file');\n  }\n  console.log(file)\n"
        '  return (\n    <div className="d">\n      <Hello />\n    </div>\n  );\n};\n'
    )
    text = 'import { Direct } from "/snippets/direct.jsx";\n\n<Direct file="x" />\n'
    files = {"snippets/code.mdx": code, "snippets/direct.jsx": jsx}
    html, result = _page(tmp_path, text, files)
    assert '<div class="d"><div class="mr-code' in html.replace("\n", "")
    assert "print" in html and "mdx-unknown" not in html
    assert [d.message for d in result.diagnostics if d.severity != "info"] == []


def test_a_snippet_importing_react_hooks_draws_without_a_warning(tmp_path: Path) -> None:
    """Dub's image carousel starts `import { useState } from "react";`: Mintlify provides the
    hooks, so the import is nothing to find (a false "cannot find imported file" warning)."""
    jsx = (
        'import { useState, useEffect } from "react";\n\n'
        "export const Slides = ({ items }) => {\n"
        "  const [at, setAt] = useState(0);\n"
        '  return <div className="slide">{items[at]}</div>;\n};\n'
    )
    text = 'import { Slides } from "/snippets/slides.jsx";\n\n<Slides items={["one", "two"]} />\n'
    html, result = _page(tmp_path, text, {"snippets/slides.jsx": jsx})
    assert '<div class="slide">one</div>' in html
    assert [d.message for d in result.diagnostics if d.severity != "info"] == []


def test_a_snippet_statement_that_never_ends_is_reported_in_the_snippet(tmp_path: Path) -> None:
    """`export function F( {` in a `.jsx` snippet swallowed the file's later exports; only the
    page said "no export named 'G'", never where the mistake was."""
    jsx = "export function F( {\n\nexport const G = () => <b>g</b>;\n"
    text = 'import { G } from "/snippets/a.jsx";\n\n<G />\n'
    _, result = _page(tmp_path, text, {"snippets/a.jsx": jsx})
    found = [(d.file, d.line) for d in result.diagnostics if "never ends" in d.message]
    assert found == [("snippets/a.jsx", 1)]


def test_an_imported_component_named_in_lowercase_is_said(tmp_path: Path) -> None:
    """Wavix imports `createAccount` and writes `<createAccount />`: MDX reads a lowercase name
    as an HTML element, so the snippet is not drawn, and nothing said so. An HTML element and
    a capitalized use say nothing."""
    text = (
        "import createAccount from '/snippets/create-account.mdx';\n"
        "import CreateAccount from '/snippets/create-account.mdx';\n\n"
        '<createAccount product="Wavix" />\n\nText <createAccount /> inline, <span>ok</span>.\n\n'
        "<CreateAccount />\n\n<div>fine</div>\n"
    )
    snippet = {"snippets/create-account.mdx": "1. Go to the [signup page](https://x.example).\n"}
    html, result = _page(tmp_path, text, snippet)
    found = [d for d in result.diagnostics if d.code == "unknown-component"]
    assert [(d.line, d.column) for d in found] == [(7, 1), (9, 6)]
    assert all("starts with a lowercase letter" in d.message for d in found)
    assert html.count("signup page") == 1  # the capitalized use only


def test_block_children_in_an_element_after_a_sibling_stay_in_it(tmp_path: Path) -> None:
    """Lightdash's checklist: `<input />` then `<label style={{…}}>{children}</label>` with
    children on lines of their own. The label began a paragraph beside the input, so the page
    failed with a false "<label> is never closed" error and the children landed after it. A
    React context's `<Ctx.Provider>` around the render draws its children, no unknown tag."""
    jsx = (
        "const ListContext = React.createContext(null);\n\n"
        "export const List = ({ children }) => (\n"
        "  <ListContext.Provider value={{ open: true }}>\n"
        '    <ul className="list">{children}</ul>\n'
        "  </ListContext.Provider>\n);\n\n"
        "export const Item = ({ id, label, children }) => (\n"
        '  <li className="item">\n'
        '    <input id={id} type="checkbox" />\n'
        "    <label htmlFor={id} style={{ cursor: 'pointer' }}>\n"
        "      {children}\n    </label>\n"
        "    <strong>{label}</strong>\n    <em>\n      {children}\n    </em>\n  </li>\n);\n"
    )
    text = (
        'import { List, Item } from "/snippets/list.jsx";\n\n<List>\n'
        '  <Item id="a" label="L">\n    **Set domains** first.\n  </Item>\n</List>\n'
    )
    html, result = _page(tmp_path, text, {"snippets/list.jsx": jsx})
    flat = html.replace("\n", "")
    assert '<ul class="list"><li class="item"><input id="a" type="checkbox">' in flat
    assert '<label for="a" style="cursor: pointer"><p><strong>Set domains</strong>' in flat
    assert "<strong>L</strong><em><p><strong>Set domains</strong> first.</p></em></li>" in flat
    assert "Provider" not in html
    assert [d.message for d in result.diagnostics if d.severity != "info"] == []


NESTED_AFTER_INLINE = """export const C = () => (
  <div>
    <b>x</b>
    <span>
      <span>y</span>
    </span>
  </div>
);
"""


@pytest.mark.parametrize("where", ["page", "snippet"])
def test_an_inline_element_before_a_multi_line_one_keeps_both_whole(
    tmp_path: Path, where: str
) -> None:
    """An `export const` body is JSX: `<b>x</b>` and a `<span>` holding elements on lines of
    their own were joined on one line, so the `<span>` opened in a paragraph and never
    closed there (Bodhveda: `<span>` emptied, its content after it, `jsx-stray-close` and a
    `jsx-unclosed` error); MDX draws both elements whole."""
    if where == "page":
        html, result = _page(tmp_path, NESTED_AFTER_INLINE + "\n<C />\n", {})
    else:
        html, result = _with_snippet(tmp_path, "snippets/c.mdx", NESTED_AFTER_INLINE, "<C />\n")
    flat = re.sub(r"\s+", "", html)
    assert "<div><b>x</b><span><span>y</span></span></div>" in flat, html
    assert not [d for d in result.diagnostics if d.code.startswith("jsx-")]
