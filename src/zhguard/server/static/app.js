// zhguard's page for editors: paste or drop a draft, see the findings in place, accept fixes.
//
// Two rules hold throughout:
// - the draft is never parsed as HTML: every piece of it enters the DOM through createTextNode or
//   textContent, so a draft holding <script> or <img onerror> stays text;
// - the API's offsets are Unicode code points, JavaScript strings are UTF-16: every offset is
//   converted once, by locate(), before it touches a string (a CJK Extension B character such as
//   𠀀 is one code point and two UTF-16 units).
"use strict";

const $ = (id) => document.getElementById(id);
const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
const APPLICABILITY = { safe: "安全修改", unsafe: "需确认后修改", display_only: "仅提示，请人工判断" };
const FORMAT_BY_SUFFIX = { md: "markdown", markdown: "markdown", html: "html", htm: "html", xhtml: "html" };

const state = {
  text: "",        // the text the findings point into
  findings: [],    // API findings plus s16/e16 (UTF-16 indices) and line
  filename: null,  // the uploaded file's name, for the download
  sequence: 0,     // the latest request; older answers are dropped
  controller: null,
  timer: 0,
  current: -1,
};

// ---------- offsets ----------

// For each code-point offset (any order), its UTF-16 index and 1-based line, in one pass over text.
function locate(text, offsets) {
  const order = offsets.map((offset, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const result = new Array(offsets.length);
  let unit = 0, point = 0, line = 1;
  for (const i of order) {
    const target = offsets[i];
    while (point < target && unit < text.length) {
      const code = text.charCodeAt(unit);
      if (code === 10) line += 1;
      const pair = code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length
        && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
      unit += pair ? 2 : 1;
      point += 1;
    }
    result[i] = { unit, line };
  }
  return result;
}

function codePoints(text) {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) count += 1;
  }
  return count;
}

function withUnits(text, findings) {
  const offsets = findings.flatMap((f) => [f.start, f.end]);
  const places = locate(text, offsets);
  return findings.map((f, i) => ({ ...f, s16: places[2 * i].unit, e16: places[2 * i + 1].unit,
                                   line: places[2 * i].line }));
}

// ---------- rendering ----------

function render(text, findings) {
  state.text = text;
  state.findings = findings;
  state.current = -1;
  renderView(text, findings);
  renderList(findings);
  $("accept-all").disabled = !findings.some(isSafe);
  $("count").textContent = findings.length ? `（${findings.length}）` : "";
}

// The highlighted copy of the text, built in one pass into a fragment.  Findings may overlap (a
// format finding inside a term): the text is cut at every start and end, and each piece is marked
// with the most severe finding covering it.
function renderView(text, findings) {
  const starting = new Map(), ending = new Map(), empty = new Map();
  const add = (map, key, value) => { if (!map.has(key)) map.set(key, []); map.get(key).push(value); };
  findings.forEach((f, id) => {
    if (f.s16 === f.e16) add(empty, f.s16, id);
    else { add(starting, f.s16, id); add(ending, f.e16, id); }
  });
  const cuts = [...new Set([0, text.length, ...starting.keys(), ...ending.keys(), ...empty.keys()])]
    .sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const active = new Set();
  for (let k = 0; k < cuts.length; k += 1) {
    const at = cuts[k];
    for (const id of ending.get(at) || []) active.delete(id);
    for (const id of empty.get(at) || []) fragment.appendChild(mark([id], "caret"));
    for (const id of starting.get(at) || []) active.add(id);
    if (k + 1 === cuts.length) break;
    const piece = document.createTextNode(text.slice(at, cuts[k + 1]));
    if (active.size === 0) { fragment.appendChild(piece); continue; }
    const element = mark([...active]);
    element.appendChild(piece);
    fragment.appendChild(element);
  }
  $("view").replaceChildren(fragment);
}

function mark(ids, extra) {
  const element = document.createElement("mark");
  const worst = ids.reduce((a, b) => (SEVERITY_RANK[state.findings[b].severity]
    > SEVERITY_RANK[state.findings[a].severity] ? b : a));
  element.className = `sev-${state.findings[worst].severity}${extra ? " " + extra : ""}`;
  element.dataset.ids = ids.join(" ");
  element.title = ids.map((id) => `${state.findings[id].code} ${state.findings[id].message}`).join("\n");
  return element;
}

function renderList(findings) {
  const fragment = document.createDocumentFragment();
  if (!findings.length) {
    const item = element("li", "empty", state.text.trim() ? "未发现问题。" : "粘贴或上传文稿后自动检查。");
    fragment.appendChild(item);
  }
  findings.forEach((f, id) => {
    const item = element("li", `finding sev-${f.severity}`);
    item.dataset.id = id;
    const head = element("div", "head");
    head.append(element("span", "code", f.code), element("span", "sev", SEVERITY[f.severity] || f.severity),
                element("span", "conf", `置信度 ${f.confidence.toFixed(2)}`), element("span", "where", `第 ${f.line} 行`));
    item.append(head, element("div", "msg", f.message));
    if (f.suggestions.length) {
      const suggestion = element("div", "suggestion", "建议：");
      f.suggestions.forEach((s, i) => { if (i) suggestion.append("、"); suggestion.append(element("b", "", s)); });
      item.append(suggestion);
    }
    const actions = element("div", "actions");
    if (f.applicability !== "display_only" && f.suggestions.length) {
      const button = element("button", "accept", "接受修改");
      button.type = "button";
      button.dataset.accept = id;
      actions.append(button);
    }
    actions.append(element("span", "", APPLICABILITY[f.applicability] || f.applicability));
    item.append(actions);
    fragment.appendChild(item);
  });
  $("list").replaceChildren(fragment);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function select(id, from) {
  document.querySelectorAll(".current").forEach((n) => n.classList.remove("current"));
  state.current = id;
  const item = document.querySelector(`#list [data-id="${id}"]`);
  const marks = [...document.querySelectorAll("#view mark")].filter((m) => m.dataset.ids.split(" ").includes(String(id)));
  if (item) { item.classList.add("current"); if (from !== "list") item.scrollIntoView({ block: "nearest" }); }
  marks.forEach((m) => m.classList.add("current"));
  if (marks.length && from !== "view") marks[0].scrollIntoView({ block: "center" });
}

// ---------- fixes ----------

function isSafe(f) { return f.applicability === "safe" && f.suggestions.length > 0; }

function draftUnchanged() {
  if ($("draft").value === state.text) return true;
  status("文稿在检查后又有修改，已重新检查，请再点一次。");
  checkNow();
  return false;
}

function accept(id) {
  const f = state.findings[id];
  if (!f || !draftUnchanged()) return;
  const text = state.text, replacement = f.suggestions[0];
  if (text.slice(f.s16, f.e16) !== f.found) { checkNow(); return; }
  const fixed = text.slice(0, f.s16) + replacement + text.slice(f.e16);
  // Shift the other findings now, so that several fixes can be accepted before the check returns.
  const d16 = replacement.length - (f.e16 - f.s16), dPoints = codePoints(replacement) - (f.end - f.start);
  const rest = state.findings.filter((g, i) => i !== id && (g.e16 <= f.s16 || g.s16 >= f.e16)).map((g) => (
    g.s16 >= f.e16 ? { ...g, s16: g.s16 + d16, e16: g.e16 + d16, start: g.start + dPoints, end: g.end + dPoints } : g));
  setDraft(fixed);
  render(fixed, rest);
  status(`已改为「${replacement}」`);
  schedule(300);
}

// The server applies the safe fixes as zhguard check --fix does: the fixed text is checked again and a
// fix that would create a finding of its own is dropped; names after 原, 前, 时任 … are kept.
async function acceptAllSafe() {
  if (!draftUnchanged()) return;
  const body = await postDraft("v1/fix", state.text);
  if (!body) return;
  setDraft(body.text);
  render(body.text, withUnits(body.text, body.findings));
  status(`已接受 ${body.applied} 处安全修改；${summary(body.findings)}`);
}

function setDraft(text) {
  const draft = $("draft"), top = draft.scrollTop;
  draft.value = text;
  draft.scrollTop = top;
}

// ---------- requests ----------

function headers(extra) {
  const token = $("token").value;
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function request(url, options) {
  state.sequence += 1;
  const sequence = state.sequence;
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  status("检查中…");
  let response, body;
  try {
    response = await fetch(url, { ...options, signal: state.controller.signal });
    body = await response.json();
  } catch (error) {
    if (error.name !== "AbortError" && sequence === state.sequence) status(`无法连接服务：${error.message}`, true);
    return null;
  }
  if (sequence !== state.sequence) return null;
  if (response.status === 401) {
    $("token-box").hidden = false;
    $("token").focus();
    status("此服务需要访问令牌：请填写后重新检查。", true);
    return null;
  }
  if (!response.ok) { status(`${response.status}：${body.error}`, true); return null; }
  return body;
}

// The draft to a JSON route (v1/check, v1/fix) with the chosen format; null where the request failed
// (request says why) or the editor typed on meanwhile (then a new check is scheduled).
async function postDraft(url, text) {
  const body = await request(url, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify({ text, format: $("format").value }),
  });
  if (!body) return null;
  if ($("draft").value !== text) { schedule(); return null; }
  return body;
}

async function checkNow() {
  clearTimeout(state.timer);
  const text = $("draft").value;
  if (!text.trim()) { render(text, []); status(""); return; }
  const started = performance.now();
  const body = await postDraft("v1/check", text);
  if (!body) return;
  render(text, withUnits(text, body.findings));
  status(summary(body.findings, performance.now() - started));
}

async function upload(file) {
  const form = new FormData();
  form.append("file", file);
  const body = await request("v1/check-file", { method: "POST", headers: headers({}), body: form });
  if (!body) return;
  const suffix = file.name.split(".").pop().toLowerCase();
  $("format").value = FORMAT_BY_SUFFIX[suffix] || "plain";
  state.filename = body.encoding === "extracted" ? file.name.replace(/\.[^.]*$/, "") + ".txt" : file.name;
  setDraft(body.text);
  render(body.text, withUnits(body.text, body.findings));
  status(`${file.name}：${summary(body.findings)}`);
}

function summary(findings, ms) {
  const counts = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => { counts[f.severity] += 1; });
  const took = ms === undefined ? "" : `（${Math.round(ms)} 毫秒）`;
  if (!findings.length) return `未发现问题${took}`;
  return `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}${took}`;
}

function status(message, isError) {
  $("status").textContent = message;
  $("status").classList.toggle("error", Boolean(isError));
}

// Long drafts wait longer after the last keystroke: one check of 500 KB takes about half a second.
function schedule(delay) {
  clearTimeout(state.timer);
  const wait = delay ?? ($("draft").value.length > 100000 ? 1500 : 600);
  state.timer = setTimeout(checkNow, wait);
}

// ---------- copy and download ----------

async function copy() {
  const text = $("draft").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    $("draft").select();
    document.execCommand("copy");
  }
  status("已复制全文。");
}

function download() {
  const blob = new Blob([$("draft").value], { type: "text/plain;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = state.filename || "zhguard-文稿.txt";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ---------- wiring ----------

document.addEventListener("DOMContentLoaded", () => {
  $("token").value = sessionStorage.getItem("zhguard-token") || "";
  $("token").addEventListener("change", () => { sessionStorage.setItem("zhguard-token", $("token").value); checkNow(); });
  $("draft").addEventListener("input", () => schedule());
  $("format").addEventListener("change", checkNow);
  $("check").addEventListener("click", checkNow);
  $("accept-all").addEventListener("click", acceptAllSafe);
  $("copy").addEventListener("click", copy);
  $("download").addEventListener("click", download);
  $("file").addEventListener("change", (event) => {
    if (event.target.files.length) upload(event.target.files[0]);
    event.target.value = "";
  });
  $("list").addEventListener("click", (event) => {
    const button = event.target.closest("[data-accept]");
    if (button) { accept(Number(button.dataset.accept)); return; }
    const item = event.target.closest("[data-id]");
    if (!item) return;
    const id = Number(item.dataset.id), f = state.findings[id];
    select(id, "list");
    if (f && $("draft").value === state.text) {
      $("draft").focus();
      $("draft").setSelectionRange(f.s16, f.e16);
    }
  });
  $("view").addEventListener("click", (event) => {
    const found = event.target.closest("mark");
    if (found) select(Number(found.dataset.ids.split(" ")[0]), "view");
  });
  let depth = 0;
  document.addEventListener("dragenter", (event) => { event.preventDefault(); depth += 1; $("drop").hidden = false; });
  document.addEventListener("dragleave", () => { depth -= 1; if (depth <= 0) { depth = 0; $("drop").hidden = true; } });
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    depth = 0;
    $("drop").hidden = true;
    if (event.dataTransfer.files.length) upload(event.dataTransfer.files[0]);
  });
  render("", []);
});
