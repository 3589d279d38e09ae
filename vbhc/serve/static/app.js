// vbhc serve: the form's script. It builds the spec from the fields (their data-path), asks the API
// for the validation and the preview as the officer types (debounced), shows each message beside its
// field, and keeps a draft in localStorage. No framework, no build step.
"use strict";

const DRAFT_KEY = "vbhc-draft-v1";
const form = document.getElementById("form");
const $ = (id) => document.getElementById(id);
let timer = null;
let inflight = null;

// ---- the spec from the fields ------------------------------------------------------------

function children(fieldEl) {
  return Array.from(fieldEl.querySelectorAll(".field")).filter(
    (el) => el.parentElement.closest(".field") === fieldEl);
}

function topFields() {
  return Array.from(form.querySelectorAll(".field")).filter((el) => !el.parentElement.closest(".field"));
}

function lines(text) {
  return text.split("\n").map((s) => s.trim()).filter((s) => s);
}

function valueOf(el) {
  const widget = el.dataset.widget;
  const input = el.querySelector(".input");
  if (el.hidden) return undefined;
  switch (widget) {
    case "group": {
      const obj = collect(children(el));
      return Object.keys(obj).length ? obj : undefined;
    }
    case "signature": {
      if (input.value === "") return undefined;
      if (input.value !== "__own") return input.value;
      const obj = collect(children(el));
      return Object.keys(obj).length ? obj : undefined;
    }
    case "profile":
      return input.value ? "profiles/" + input.value + ".yaml" : undefined;
    case "bool":
      return input.checked ? true : undefined;
    case "int":
      return input.value.trim() === "" ? undefined : Number(input.value);
    case "draft":
      return input.value === "" ? undefined : input.value === "true" ? true : Number(input.value);
    case "list":
      return lines(input.value).length ? lines(input.value) : undefined;
    case "json": {
      if (!input.value.trim()) return undefined;
      try { return JSON.parse(input.value); } catch (e) { return input.value; }
    }
    case "outline": {
      const text = input.value;
      if (!text.trim()) return undefined;
      if (text.trim().startsWith("[")) {  // a body given as nodes (an imported file)
        try { return JSON.parse(text); } catch (e) { /* outline text after all */ }
      }
      return text.replace(/\s+$/, "") + "\n";
    }
    case "file":
      return undefined;
    default: {
      const text = input.value.trim();
      return text === "" ? undefined : input.value.trim();
    }
  }
}

function collect(fields) {
  const out = {};
  for (const el of fields) {
    const v = valueOf(el);
    if (v !== undefined) out[el.dataset.name] = v;
  }
  return out;
}

function currentSpec() {
  const spec = collect(topFields());
  return spec;
}

// ---- fields from a spec (open, import, draft) ----------------------------------------------

function asLine(v) {
  if (v && typeof v === "object") {
    if ("authority" in v) return v.authority + " " + v.of;
    if ("name" in v) return v.name + (v.note ? " (" + v.note + ")" : "");
    if ("text" in v) return v.text;
  }
  return String(v);
}

function asDate(v) {
  if (v && typeof v === "object") {
    const p = (n) => String(n).padStart(2, "0");
    return v.day ? `${v.year}-${p(v.month)}-${p(v.day)}` : v.month ? `${v.year}-${p(v.month)}` : `${v.year}`;
  }
  return String(v);
}

function fill(el, v) {
  const widget = el.dataset.widget;
  const input = el.querySelector(".input");
  switch (widget) {
    case "group":
      for (const c of children(el)) fill(c, v && typeof v === "object" ? v[c.dataset.name] : undefined);
      if (v !== undefined && v !== null) el.querySelector("details").open = true;
      return;
    case "signature": {
      const sig = Array.isArray(v) ? v[0] : v;
      const own = sig && typeof sig === "object";
      if (typeof sig === "string" && !Array.from(input.options).some((o) => o.value === sig)) {
        input.add(new Option(sig, sig));
      }
      input.value = own ? "__own" : sig || "";
      for (const c of children(el)) fill(c, own ? sig[c.dataset.name] : undefined);
      el.querySelector(".sig-fields").hidden = !own;
      return;
    }
    case "type": input.value = v || "ke-hoach"; return;
    case "profile": {
      const name = typeof v === "string" ? v.split(/[\\/]/).pop().replace(/\.(ya?ml|json)$/, "") : "";
      input.value = name;
      return;
    }
    case "bool": input.checked = v === true; return;
    case "draft": input.value = v === undefined || v === null || v === false ? "" : String(v); return;
    case "json": input.value = v === undefined ? "" : JSON.stringify(v, null, 2); return;
    case "outline":
      input.value = v === undefined || v === null ? ""
        : Array.isArray(v) ? (v.every((x) => typeof x === "string") ? v.join("\n") : JSON.stringify(v, null, 2))
        : String(v);
      return;
    case "lines": case "list":
      input.value = v === undefined || v === null ? "" : Array.isArray(v) ? v.map(asLine).join("\n") : asLine(v);
      return;
    case "date": input.value = v === undefined || v === null ? "" : asDate(v); return;
    default:
      if (input && !input.disabled) input.value = v === undefined || v === null ? "" : asLine(v);
  }
}

function load(spec) {
  for (const el of topFields()) fill(el, spec[el.dataset.name]);
  signers();
  profileHints();
  showTypeFields();
}

// ---- the page's state --------------------------------------------------------------------

function signers() {
  const option = $("f-profile").selectedOptions[0];
  const keys = option && option.dataset.signers ? option.dataset.signers.split(" ") : [];
  for (const select of form.querySelectorAll("select.signer")) {
    const keep = select.value;
    for (const o of Array.from(select.options)) if (o.value !== "" && o.value !== "__own") o.remove();
    for (const k of keys) select.add(new Option("Hồ sơ: " + k, k), select.options[select.options.length - 1]);
    if (Array.from(select.options).some((o) => o.value === keep)) select.value = keep;
  }
}

function profileHints() {
  // an empty field shows what the commune's profile gives it
  const option = $("f-profile").selectedOptions[0];
  let values = {};
  try { values = option && option.dataset.values ? JSON.parse(option.dataset.values) : {}; } catch (e) { values = {}; }
  for (const el of form.querySelectorAll(".field")) {
    const input = el.querySelector(":scope > .input");
    if (!input || !("placeholder" in input) || el.dataset.widget === "date") continue;
    let v = values;
    for (const step of el.dataset.path.split(".")) v = v && typeof v === "object" ? v[step] : undefined;
    if (input.dataset.hint === undefined) input.dataset.hint = input.placeholder || "";
    input.placeholder = v === undefined || v === null || typeof v === "object" && !Array.isArray(v)
      ? input.dataset.hint : "Theo hồ sơ: " + (Array.isArray(v) ? v.map(asLine).join("; ") : asLine(v));
  }
}

function showTypeFields() {
  const type = $("f-type").value;
  for (const el of form.querySelectorAll(".field[data-types]")) {
    el.hidden = !el.dataset.types.split(" ").includes(type);
  }
}

function saveDraft() {
  try { localStorage.setItem(DRAFT_KEY, JSON.stringify(currentSpec())); } catch (e) { /* full or off */ }
}

// ---- messages beside their fields --------------------------------------------------------

function fieldFor(path) {
  const plain = path.replace(/\[\d+\]/g, "");
  let best = null;
  for (const el of form.querySelectorAll(".field")) {
    if (el.closest("[hidden]")) continue;
    const p = el.dataset.path;
    for (const candidate of [path, plain]) {
      if (candidate === p || candidate.startsWith(p + ".") || candidate.startsWith(p + "[")) {
        if (!best || p.length > best.dataset.path.length) best = el;
      }
    }
  }
  return best;
}

function showMessages(result) {
  for (const ul of form.querySelectorAll(".messages")) ul.replaceChildren();
  for (const el of form.querySelectorAll(".field.has-error, .field.has-warning")) {
    el.classList.remove("has-error", "has-warning");
  }
  const all = [...(result.errors || []), ...(result.warnings || [])];
  for (const d of all) {
    const el = d.path ? fieldFor(d.path) : null;
    const ul = el ? el.querySelector(".messages") : $("general");
    const li = document.createElement("li");
    li.className = d.severity;
    li.textContent = (d.path ? d.path + ": " : "") + d.message;
    ul.appendChild(li);
    if (el) {
      el.classList.add(d.severity === "error" ? "has-error" : "has-warning");
      for (let box = el.closest("details"); box; box = box.parentElement.closest("details")) {
        if (d.severity === "error") box.open = true;  // an error is never hidden in a folded section
      }
    }
  }
  const n = (result.errors || []).length;
  const w = (result.warnings || []).length;
  $("status").className = n ? "bad" : "good";
  $("status").textContent = n ? `${n} lỗi, ${w} cảnh báo: chưa tải được văn bản`
    : `Hợp lệ${w ? `, ${w} cảnh báo` : ""}: có thể tải văn bản`;
  const numbers = form.querySelector('.field[data-path="body"] .numbers');
  if (numbers) {
    numbers.textContent = (result.numbers || []).join("\n") + "\n\n\n";
    numbers.scrollTop = numbers.parentElement.querySelector("textarea").scrollTop;
  }
}

// ---- talking to the API ------------------------------------------------------------------

async function api(path, body, type = "application/json") {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": type }, body,
    signal: inflight ? inflight.signal : undefined });
  return response;
}

async function refresh() {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const spec = currentSpec();
  saveDraft();
  try {
    const response = await api("/api/preview", JSON.stringify(spec));
    const result = await response.json();
    if (!response.ok) { showMessages({ errors: result.errors && result.errors.length ? result.errors
      : [{ path: "", message: result.error, severity: "error" }] }); return; }
    showMessages(result);
    if (result.html) {
      $("preview").innerHTML = result.html;  // built by the server with every text escaped
      pageGuides();
      if (!$("pages").hidden) pages();
    }
  } catch (e) {
    if (e.name !== "AbortError") $("status").textContent = "Không kết nối được máy chủ: " + e.message;
  }
}

function changed() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 350);
}

function pageGuides() {
  // dashed lines where an A4 page ends, so the officer sees page 1 and the pages after it
  const sheet = $("preview").querySelector(".sheet");
  if (!sheet) return;
  const probe = document.createElement("div");
  probe.style.height = "297mm";
  sheet.appendChild(probe);
  const page = probe.offsetHeight;
  probe.remove();
  const count = Math.ceil(sheet.offsetHeight / page);
  for (let k = 1; k < count; k++) {
    const guide = document.createElement("div");
    guide.className = "page-break";
    guide.style.top = k * page + "px";
    guide.textContent = "Trang " + (k + 1);
    sheet.appendChild(guide);
  }
}

async function download(format) {
  const response = await fetch("/api/render?format=" + format, { method: "POST",
    headers: { "Content-Type": "application/json" }, body: JSON.stringify(currentSpec()) });
  if (!response.ok) {
    const result = await response.json();
    if (result.errors && result.errors.length) showMessages(result);
    $("status").className = "bad";
    $("status").textContent = result.error;
    return;
  }
  save(await response.blob(), ($("f-type").value || "van-ban") + "." + format);
}

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function pages() {
  const target = $("pages");
  target.replaceChildren();
  for (let n = 1; n <= 30; n++) {
    const response = await fetch("/api/page?page=" + n, { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(currentSpec()) });
    if (!response.ok) {
      if (n === 1) {
        const result = await response.json().catch(() => ({}));
        target.textContent = result.error || "Không tạo được ảnh trang.";
      }
      return;
    }
    const img = document.createElement("img");
    img.alt = "Trang " + n;
    img.src = URL.createObjectURL(await response.blob());
    target.appendChild(img);
  }
}

// ---- uploads -----------------------------------------------------------------------------

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function checkFile(file) {
  const box = $("report");
  box.hidden = false;
  box.replaceChildren(el("p", "Đang kiểm tra " + file.name + "…"));
  const query = "?name=" + encodeURIComponent(file.name);
  const response = await fetch("/api/check" + query, { method: "POST", body: file });
  const report = await response.json();
  box.replaceChildren();
  if (!response.ok) { box.appendChild(el("p", report.error, "error")); return; }
  const s = report.summary;
  box.appendChild(el("h2", `Kết quả kiểm tra: ${report.file}`));
  box.appendChild(el("p", `${s.errors} lỗi, ${s.warnings} cảnh báo; ${s.passed} quy tắc đạt, `
    + `${s.not_evaluated} chưa đánh giá được.`, s.errors ? "bad" : "good"));
  for (const group of report.groups) {
    box.appendChild(el("h3", group.title));
    const ul = el("ul");
    for (const f of group.findings) {
      const li = el("li", "", f.severity);
      li.appendChild(el("b", `${f.severity === "error" ? "Lỗi" : "Cảnh báo"} ${f.rule} [${f.clause}] `));
      li.appendChild(document.createTextNode(f.description));
      li.appendChild(el("div", `cần: ${f.expected}; thấy: ${f.found}`));
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }
  const fix = el("button", "Tải bản đã sửa (.docx)");
  fix.type = "button";
  fix.id = "download-fixed";
  fix.onclick = async () => {
    const fixed = await fetch("/api/fix" + query, { method: "POST", body: file });
    if (fixed.ok) save(await fixed.blob(), "da-sua-" + file.name.replace(/\.(docm|doc|rtf|odt)$/i, ".docx"));
  };
  box.appendChild(fix);
  const close = el("button", "Đóng");
  close.type = "button";
  close.onclick = () => { box.hidden = true; };
  box.appendChild(close);
}

async function importFile(file) {
  const profile = $("f-profile").value;
  const response = await fetch("/api/import?name=" + encodeURIComponent(file.name)
    + (profile ? "&profile=" + encodeURIComponent(profile) : ""), { method: "POST", body: file });
  const result = await response.json();
  if (!response.ok) { $("status").className = "bad"; $("status").textContent = result.error; return; }
  const spec = result.spec || {};
  if (!spec.profile && profile) spec.profile = "profiles/" + profile + ".yaml";  // keep the chosen commune
  load(spec);
  refresh();
}

async function openFile(file) {
  const response = await fetch("/api/open", { method: "POST", headers: { "Content-Type": "application/yaml" },
    body: await file.text() });
  const result = await response.json();
  if (!response.ok) { $("status").className = "bad"; $("status").textContent = result.error; return; }
  load(result);
  refresh();
}

// ---- wiring ------------------------------------------------------------------------------

form.addEventListener("input", changed);
for (const box of form.querySelectorAll(".outline")) {  // the numbers scroll with the text
  const text = box.querySelector("textarea");
  text.addEventListener("scroll", () => { box.querySelector(".numbers").scrollTop = text.scrollTop; });
}
form.addEventListener("change", (event) => {
  if (event.target.id === "f-profile") { signers(); profileHints(); }
  if (event.target.id === "f-type") showTypeFields();
  if (event.target.classList.contains("signer")) {
    event.target.parentElement.querySelector(".sig-fields").hidden = event.target.value !== "__own";
  }
  changed();
});
$("download-docx").onclick = () => download("docx");
$("download-pdf").onclick = () => download("pdf");
$("save-yaml").onclick = async () => {
  const response = await fetch("/api/yaml", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(currentSpec()) });
  save(await response.blob(), ($("f-type").value || "van-ban") + ".yaml");
};
$("open-yaml").onchange = (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ""; };
$("check-docx").onchange = (e) => { if (e.target.files[0]) checkFile(e.target.files[0]); e.target.value = ""; };
$("import-docx").onchange = (e) => { if (e.target.files[0]) importFile(e.target.files[0]); e.target.value = ""; };
$("clear").onclick = () => { load({ type: $("f-type").value, profile: $("f-profile").value }); refresh(); };
$("tab-layout").onclick = () => {
  $("preview").hidden = false; $("pages").hidden = true;
  $("tab-layout").classList.add("active"); $("tab-pages").classList.remove("active");
};
$("tab-pages").onclick = () => {
  $("preview").hidden = true; $("pages").hidden = false;
  $("tab-pages").classList.add("active"); $("tab-layout").classList.remove("active");
  pages();
};

let draft = null;
try { draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null"); } catch (e) { draft = null; }
const firstProfile = $("f-profile").options.length > 1 ? $("f-profile").options[1].value : "";
load(draft && typeof draft === "object" ? draft
  : { type: "ke-hoach", profile: firstProfile ? "profiles/" + firstProfile + ".yaml" : undefined });
refresh();
