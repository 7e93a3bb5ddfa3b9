"""An API page's operation in its Markdown copy (`/page.md`, llms-full.txt): the sections of
its reference (authorizations, parameters, body, responses) and each field with its type,
pills and description, nested fields indented. openapi.md §10: the `.md` version of an API
page holds the operation, unless docs.json's `markdown.schema` is `false`."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

_FIELD = "mr-api-field"
_PARTS = {
    "mr-api-section__title": "section",
    "mr-api-section__subtitle": "subsection",
    "mr-api-tabs__list": "skip",
    "mr-api-field__name": "name",
    "mr-api-field__desc": "desc",
    "mr-api-field__meta": "meta",
    "mr-pill": "pill",
    "mr-api-pill": "pill",
    "mr-api-section__ctype": "ctype",
    "mr-api-response__desc": "desc",
}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.stack: list[tuple[str, str | None]] = []  # (tag, part or "field")
        self.depth = 0  # fields open around the text
        self.text: list[str] = []
        self.part: str | None = None
        self.field: dict[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        kind = "field" if _FIELD in classes else None
        if attributes.get("role") == "tabpanel" and self.part is None:  # a status, an option
            self._flush_field()
            title = attributes.get("data-tab-title") or ""
            if attributes.get("data-status"):
                self.lines.append(f"\n#### {title}\n")
            else:  # an alternative: an item of the list, its type, facts and fields under it
                self.depth += 1
                self.field = {"name": [], "pill": [], "desc": [], "meta": [], "option": [title]}
                self.stack.append((tag, "option"))
                return
        for cls in classes:
            kind = kind or _PARTS.get(cls)
            if cls.startswith("mr-pill") and kind is None:
                kind = "pill"
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        if kind == "field" and self.part is None:
            self._flush_field()
            self.depth += 1
            self.field = {"name": [], "pill": [], "desc": [], "meta": []}
        elif kind is not None and self.part is None:
            self.part, self.text = kind, []
        self.stack.append((tag, kind))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, kind = self.stack.pop()
            if kind in ("field", "option"):
                self._flush_field()
                self.depth -= 1
            elif kind is not None and kind == self.part:
                self._close_part()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.part is not None:
            self.text.append(data)

    def _close_part(self) -> None:
        text = " ".join("".join(self.text).split())
        part, self.part = self.part, None
        if not text:
            return
        if part == "section":
            self._flush_field()
            self.lines.append(f"\n### {text}\n")
        elif part == "ctype":
            self.lines.append(f"Content type: `{text}`\n")
        elif part == "skip":
            return
        elif part == "subsection":
            self._flush_field()
            self.lines.append(f"\n#### {text}\n")
        elif self.field is not None and part in self.field:
            self.field[part].append(text)
        elif part == "desc":
            self.lines.append(f"{text}\n")

    def _flush_field(self) -> None:
        field, self.field = self.field, None
        if not field or not (field["name"] or field.get("option")):
            return
        pills = ", ".join(dict.fromkeys(field["pill"]))
        label = f"One of: **{field['option'][0]}**" if field.get("option") else ""
        line = "  " * max(0, self.depth - 1) + f"- {label or '`' + field['name'][0] + '`'}"
        line += f" ({pills})" if pills else ""
        details = " ".join(field["desc"] + field["meta"])
        self.lines.append(line + (f": {details}" if details else ""))


def operation_markdown(body_html: str) -> str:
    """The operation of an API page's reference HTML (`ApiPage.body_html`) as Markdown."""
    if not body_html:
        return ""
    reader = _Reader()
    try:
        reader.feed(body_html)
        reader.close()
    except Exception:  # noqa: BLE001 - a copy without its operation, never a failed build
        return ""
    reader._flush_field()
    return unescape("\n".join(line for line in reader.lines)).strip()
