// A dependency-free API reference at /api/docs, rendered on the server from the OpenAPI
// document (no inline script, so the strict Content-Security-Policy holds).
type Operation = {
  tags?: string[];
  summary?: string;
  requestBody?: unknown;
  parameters?: unknown[];
  responses?: Record<string, { description?: string }>;
};
type Document = {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function renderDocs(openapi: unknown, specUrl: string): string {
  const doc = openapi as Document;
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const responses = Object.entries(op.responses ?? {})
        .map(
          ([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? "")}</li>`,
        )
        .join("");
      const request = op.requestBody ?? (op.parameters?.length ? { parameters: op.parameters } : undefined);
      return `<section><h3><span class="m">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code> <small>${escapeHtml((op.tags ?? []).join(", "))}</small></h3>
${request ? `<details><summary>Request</summary><pre>${escapeHtml(JSON.stringify(request, null, 2))}</pre></details>` : ""}
<ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)} reference</title>
<style>body{font:15px system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2937}
section{border-top:1px solid #e5e7eb;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;color:#1d4ed8}
pre{background:#f3f4f6;padding:.75rem;overflow:auto;font-size:13px}small{color:#6b7280;font-weight:400}</style></head>
<body><h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
<p>Machine-readable document: <a href="${escapeHtml(specUrl)}">${escapeHtml(specUrl)}</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.</p>
${rows.join("\n")}</body></html>`;
}
