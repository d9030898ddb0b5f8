// Renders /openapi.json as a list of routes with their request and response schemas (text only).
"use strict";

function node(tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

function resolve(spec, schema) {
  if (!schema || !schema.$ref) return schema;
  return resolve(spec, schema.$ref.split("/").slice(1).reduce((at, key) => at[key], spec));
}

document.addEventListener("DOMContentLoaded", async () => {
  const spec = await (await fetch("openapi.json")).json();
  document.getElementById("intro").textContent = `${spec.info.summary} ${spec.info.description} (zhguard ${spec.info.version})`;
  const fragment = document.createDocumentFragment();
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const section = node("section", undefined, "route");
      section.append(node("h2", `${method.toUpperCase()} ${path}`), node("p", operation.summary));
      if (operation.description) section.append(node("p", operation.description));
      const body = operation.requestBody && Object.entries(operation.requestBody.content)[0];
      if (body) {
        section.append(node("h3", `请求 ${body[0]}`), node("pre", JSON.stringify(resolve(spec, body[1].schema), null, 2)));
      }
      const codes = Object.keys(operation.responses).join(", ");
      section.append(node("h3", `响应 ${codes}`));
      const ok = operation.responses["200"].content;
      if (ok) section.append(node("pre", JSON.stringify(resolve(spec, ok["application/json"].schema), null, 2)));
      fragment.append(section);
    }
  }
  document.getElementById("paths").replaceChildren(fragment);
});
