// Block outline of MDX pages by the reference parser (remark-parse + remark-mdx + remark-gfm +
// remark-frontmatter), for tests/test_conformance.py. A test-time oracle only.
//
// stdin: JSON list of {"id", "text"}; stdout: one JSON line per page, {"id", "outline"} with
// entries [depth, kind, line] (kind: "<Name>", "code", "h2", "ul", "ol", "li"), or
// {"id", "error", "line"} when the reference rejects the page. Pages are shared among worker
// threads (one per core): one node process for the whole run.
import os from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";

const CONTAINERS = { mdxJsxFlowElement: true, mdxJsxTextElement: true, list: true, listItem: true };

function kind(node) {
  switch (node.type) {
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return "<" + (node.name ?? "") + ">";
    case "code":
      return "code";
    case "heading":
      return "h" + node.depth;
    case "list":
      return node.ordered ? "ol" : "ul";
    case "listItem":
      return "li";
    default:
      return null;
  }
}

function walk(node, depth, out) {
  const k = kind(node);
  if (k !== null) out.push([depth, k, node.position ? node.position.start.line : 0]);
  const inner = CONTAINERS[node.type] ? depth + 1 : depth;
  for (const child of node.children ?? []) walk(child, inner, out);
}

function outlines(pages) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkFrontmatter, ["yaml", "toml"]);
  return pages.map((page) => {
    try {
      const outline = [];
      walk(processor.parse(page.text), 0, outline);
      return JSON.stringify({ id: page.id, outline });
    } catch (error) {
      const reason = String(error.reason ?? error.message);
      return JSON.stringify({ id: page.id, error: reason, line: error.line ?? 0 });
    }
  });
}

if (isMainThread) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const pages = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const count = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
  const shares = Array.from({ length: count }, (_, i) => pages.filter((_, j) => j % count === i));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: share });
          worker.on("message", resolve);
          worker.on("error", reject);
        }),
    ),
  );
  process.stdout.write(results.flat().join("\n") + "\n");
} else {
  parentPort.postMessage(outlines(workerData));
}
