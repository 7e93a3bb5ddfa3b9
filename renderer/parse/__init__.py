"""The parse stage: frontmatter, MDX (imports, JSX, expressions) and Markdown into tokens."""
