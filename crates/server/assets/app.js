// isnad's page. Plain JavaScript, no dependency, nothing from the network
// but this server's API. Every piece of article text is put in the page as
// text (textContent, createTextNode), never as HTML.
//
// Bidi: every piece of stored text (outlet and source names, titles,
// article text, event names, vague values) sits in its own isolate
// (<bdi>, or dir=auto), numbers, dates and ids in left-to-right isolates,
// and the explicit bidi controls a text may carry (U+202A–202E,
// U+2066–2069) are shown as visible markers (⟨RLO⟩ …) instead of acting.
"use strict";

const LABELS = {
  en: {
    search: "Search", searchHint: "Search reports (Arabic or English)", lang: "العربية",
    events: "Events", event: "Event", reports: "reports", origins: "origins", dates: "dates",
    low: "low", best: "best", high: "high", conservative: "conservative", contested: "contested",
    values: "values", claims: "Who claims it", noEvents: "The store holds no claims yet. Run isnad ingest first.",
    results: "Results for", noResults: "No document matches.", back: "Back to the event",
    published: "published", outlet: "outlet", undated: "undated", unnamed: "unnamed source",
    relation: { agrees: "agrees", contradicts: "contradicts", different_scope: "different scope", only: "only value" },
    chart: "Values each origin claimed, by publication date", error: "Error",
    filters: "Filters", source: "source", origin: "origin", language: "language", from: "from", to: "to",
    stance: "stance", anonymous: "source named", any: "any", asserted: "asserted", denied: "denied",
    named: "named", unnamedOnly: "unnamed", clear: "Clear", more: "More", of: "of", shown: "shown",
    find: "name or place", kind: "kind", contestedOnly: "contested only", eventsShown: "events shown",
    match: "claims match the filters", csv: "Export CSV", parquet: "Export Parquet", exporting: "Exporting…",
    undatedN: "undated", vagueN: "vague", deniedN: "denied", listedBelow: "listed below",
    date: "date", value: "value", url: "address", arabic: "Arabic", english: "English",
    firstOf: (n, t) => `the first ${n} of ${t} claims`,
    disputesHead: "Who disputes whom", disputes: "disputes", denies: "denies",
  },
  ar: {
    search: "بحث", searchHint: "ابحث في التقارير (بالعربية أو الإنجليزية)", lang: "English",
    events: "الأحداث", event: "الحدث", reports: "تقارير", origins: "مصادر أصلية", dates: "التواريخ",
    low: "الأدنى", best: "الأرجح", high: "الأعلى", conservative: "الأكثر تحفظاً", contested: "متنازع عليه",
    values: "قيم", claims: "من يقول ذلك", noEvents: "لا توجد ادعاءات بعد. شغّل isnad ingest أولاً.",
    results: "نتائج البحث عن", noResults: "لا توجد وثيقة مطابقة.", back: "العودة إلى الحدث",
    published: "نُشر", outlet: "الوسيلة", undated: "بلا تاريخ", unnamed: "مصدر غير مسمى",
    relation: { agrees: "يتفق", contradicts: "يتناقض", different_scope: "نطاق مختلف", only: "قيمة وحيدة" },
    chart: "القيم التي أعلنها كل مصدر بحسب تاريخ النشر", error: "خطأ",
    filters: "تصفية", source: "المصدر", origin: "المصدر الأصلي", language: "اللغة", from: "من", to: "إلى",
    stance: "الموقف", anonymous: "تسمية المصدر", any: "الكل", asserted: "مؤكَّد", denied: "منفي",
    named: "مسمى", unnamedOnly: "غير مسمى", clear: "مسح", more: "المزيد", of: "من", shown: "معروضة",
    find: "الاسم أو المكان", kind: "النوع", contestedOnly: "المتنازع عليها فقط", eventsShown: "أحداث معروضة",
    match: "ادعاءات تطابق التصفية", csv: "تصدير CSV", parquet: "تصدير Parquet", exporting: "جارٍ التصدير…",
    undatedN: "بلا تاريخ", vagueN: "غير محددة", deniedN: "منفية", listedBelow: "مذكورة أدناه",
    date: "التاريخ", value: "القيمة", url: "الرابط", arabic: "العربية", english: "الإنجليزية",
    firstOf: (n, t) => `أول ${n} من ${t} ادعاءً`,
    disputesHead: "من يخالف من", disputes: "يناقض", denies: "ينفي",
  },
};
let lang = localStorage.getItem("isnad-lang") === "ar" ? "ar" : "en";
const L = () => LABELS[lang];
const main = () => document.getElementById("main");

/// Claims per value the event answer gives by default (the API's default).
const PAGE = 25;
/// Claims per page of a filtered list.
const FILTERED_PAGE = 50;
/// The filters of the event page, as /api/claims names them.
const FILTERS = ["source", "origin", "lang", "from", "to", "stance", "anonymous"];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "onclick") e.addEventListener("click", v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// ---- bidi -----------------------------------------------------------------

const CONTROL_NAMES = {
  "\u202A": "LRE", "\u202B": "RLE", "\u202C": "PDF", "\u202D": "LRO", "\u202E": "RLO",
  "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
};
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// A string with each explicit bidi control written as its visible name, for
// attributes (a title) and file names.
function clean(s) {
  return String(s ?? "").replace(CONTROLS, (c) => `⟨${CONTROL_NAMES[c]}⟩`);
}

// Text as nodes: plain text, and each bidi control as a visible marker
// (a span whose text is its name), so none acts on the text around it.
function safe(s) {
  const text = String(s ?? "");
  const out = [];
  let at = 0;
  for (const m of text.matchAll(CONTROLS)) {
    if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
    out.push(el("span", { class: "bidi-control", title: `U+${m[0].codePointAt(0).toString(16).toUpperCase()}` },
      `⟨${CONTROL_NAMES[m[0]]}⟩`));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

// Stored text of either script, in an isolate of its own direction.
function iso(s, attrs) {
  return el("bdi", { dir: "auto", ...attrs }, safe(s));
}

// Numbers, dates and ids: a left-to-right isolate.
function ltr(s, attrs) {
  return el("bdi", { dir: "ltr", class: "ltr", ...attrs }, safe(s));
}

// A value's label: left to right when it is a number or a range, else (a
// vague word of either language) in its own direction.
function valueText(s) {
  return /\p{L}/u.test(String(s)) ? iso(s, { class: "value" }) : ltr(s, { class: "ltr value" });
}

function fmt(x) {
  return x === null || x === undefined ? "–" : Number(x).toLocaleString("en");
}

// ---- the API ----------------------------------------------------------------

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await r.json();
  } catch {
    // Not JSON: a proxy's page, a cut connection.
  }
  if (!r.ok || body === null) throw answerError(r, body);
  return body;
}

// The error of a failed answer: the API's message, else its status.
function answerError(r, body) {
  return new Error((body && typeof body.error === "string" && body.error) || `${r.status} ${r.statusText}`);
}

// What a view shows: its nodes, and what to do once they are in the page.
function view(nodes, after) {
  return { nodes: nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false), after };
}

function failure(e) {
  return view([el("p", { class: "error", role: "alert" }, `${L().error}: `, safe(e && e.message ? e.message : String(e)))]);
}

// The hash's path parts and its query.
function hashParts() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const parts = (path || "/").split("/").filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  return { parts, params: new URLSearchParams(query || "") };
}

// ---- events -------------------------------------------------------------

// The events list's filters, as the hash's query names them.
const EVENT_FILTERS = ["find", "kind", "from", "to", "contested"];

// True when event `e` passes the list's filters: a word of its name,
// place or id; its kind; dates that meet [from, to]; a contested facet.
function eventPasses(e, params) {
  const find = (params.get("find") || "").trim().toLowerCase();
  const hay = `${e.name} ${e.place || ""} ${e.id}`.toLowerCase();
  if (find && !hay.includes(find)) return false;
  if (params.get("kind") && e.kind !== params.get("kind")) return false;
  const from = params.get("from"), to = params.get("to");
  if ((from || to) && !e.dates) return false;
  if (from && e.dates[1] < from) return false;
  if (to && e.dates[0] > to) return false;
  if (params.get("contested") && !e.facets.some((f) => f.summary.contested)) return false;
  return true;
}

// The filter bar of the events list; each change rewrites the hash.
function eventFilterForm(events, params) {
  const kinds = [...new Set(events.map((e) => e.kind).filter(Boolean))].sort();
  const input = (name, attrs) => el("input", { name, "data-filter": name, value: params.get(name) || "", ...attrs });
  const kind = el("select", { name: "kind", "data-filter": "kind" },
    [["", L().any], ...kinds.map((k) => [k, k.replace(/_/g, " ")])].map(([v, text]) => {
      const o = el("option", { value: v }, clean(text));
      if (v === (params.get("kind") || "")) o.selected = true;
      return o;
    }));
  const contested = el("input", { type: "checkbox", name: "contested", "data-filter": "contested", value: "1" });
  contested.checked = params.get("contested") === "1";
  const field = (label, control) => el("label", {}, el("span", {}, label), control);
  const form = el("form", { class: "filters", "aria-label": L().filters, "data-events-filters": "" },
    field(L().find, input("find", { type: "search" })),
    field(L().kind, kind),
    field(L().from, input("from", { type: "date" })),
    field(L().to, input("to", { type: "date" })),
    field(L().contestedOnly, contested),
    el("button", { type: "button", class: "clear", onclick: () => { location.hash = "#/"; } }, L().clear));
  const apply = () => {
    const next = new URLSearchParams();
    for (const c of form.querySelectorAll("[data-filter]")) {
      if (c.type === "checkbox" ? c.checked : c.value) next.set(c.name, c.type === "checkbox" ? "1" : c.value);
    }
    const q = next.toString();
    location.hash = `#/${q ? `?${q}` : ""}`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  return form;
}

async function viewEvents(params = new URLSearchParams()) {
  const { events: all } = await api("/api/events");
  if (!all.length) return view([el("p", {}, L().noEvents)]);
  const events = all.filter((e) => eventPasses(e, params));
  const rows = events.map((e) =>
    el("tr", {},
      el("td", { class: "name" }, el("a", { href: `#/event/${encodeURIComponent(e.id)}`, "data-event": e.id }, iso(e.name))),
      el("td", { class: "muted id" }, ltr(e.id)),
      el("td", { class: "dates" }, e.dates ? [ltr(e.dates[0]), " – ", ltr(e.dates[1])] : L().undated),
      el("td", { class: "num" }, ltr(fmt(e.reports))),
      el("td", { class: "num" }, ltr(fmt(e.origins))),
      el("td", {}, e.facets.filter((f) => f.summary.contested).map((f, i) => [i ? ", " : "", facetLabel(f)]))));
  const filtered = EVENT_FILTERS.some((k) => params.get(k));
  return view([el("h1", {}, L().events),
    eventFilterForm(all, params),
    filtered ? el("p", { class: "muted", "data-events-shown": events.length }, ltr(fmt(events.length)), ` ${L().of} `, ltr(fmt(all.length)), ` ${L().eventsShown}`) : null,
    el("div", { class: "scroll" },
      el("table", { class: "events" },
        el("thead", {}, el("tr", {}, ["", "id", L().dates, L().reports, L().origins, L().contested].map((h) => el("th", {}, h)))),
        el("tbody", {}, rows)))]);
}

// A facet's label in the page's language (its id when the data has none).
function facetLabel(f) {
  const t = (f.label && f.label[lang]) || f.facet;
  return el("bdi", { dir: "auto", title: f.facet }, safe(t));
}

// The filters of the hash's query, only those /api/claims takes.
function filtersOf(params) {
  const out = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

async function viewEvent(id, params) {
  const filters = filtersOf(params);
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const filtered = [...filters.keys()].length > 0;
  const facets = [];
  for (const f of e.facets) facets.push(await facetBox(e, f, filters, filtered));
  return view([el("h1", {}, iso(e.name)),
    el("p", { class: "muted" }, ltr(e.id), " · ", ltr(fmt(e.reports)), ` ${L().reports} · `, ltr(fmt(e.origins)), ` ${L().origins}`,
      e.dates ? [" · ", ltr(e.dates[0]), " – ", ltr(e.dates[1])] : null),
    filterForm(e, filters),
    facets]);
}

// The filter bar: each change rewrites the hash, so a reload or a link
// keeps the filters.
function filterForm(e, filters) {
  const origins = new Map(), sources = new Map();
  for (const f of e.facets) {
    for (const t of f.timeline || []) origins.set(t.origin, t.name);
    for (const v of f.values) {
      for (const c of v.claims) for (const l of c.chain) sources.set(l.id, l.name);
    }
  }
  for (const [k, v] of origins) if (!sources.has(k)) sources.set(k, v);
  const select = (name, options) => {
    const cur = filters.get(name) || "";
    const s = el("select", { name, "data-filter": name },
      options.map(([v, text]) => {
        const o = el("option", { value: v }, clean(text));
        if (v === cur) o.selected = true;
        return o;
      }));
    // A value in the address that the list does not hold is still shown.
    if (cur && !options.some(([v]) => v === cur)) {
      const o = el("option", { value: cur }, clean(cur));
      o.selected = true;
      s.append(o);
    }
    return s;
  };
  const sorted = (m) => [...m].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  const date = (name) => el("input", { type: "date", name, "data-filter": name, value: filters.get(name) || "" });
  const field = (label, input) => el("label", {}, el("span", {}, label), input);
  const form = el("form", { class: "filters", "aria-label": L().filters },
    field(L().source, select("source", [["", L().any], ...sorted(sources)])),
    field(L().origin, select("origin", [["", L().any], ...sorted(origins)])),
    field(L().language, select("lang", [["", L().any], ["ar", L().arabic], ["en", L().english]])),
    field(L().from, date("from")),
    field(L().to, date("to")),
    field(L().stance, select("stance", [["", L().any], ["asserted", L().asserted], ["denied", L().denied]])),
    field(L().anonymous, select("anonymous", [["", L().any], ["false", L().named], ["true", L().unnamedOnly]])),
    el("button", { type: "button", class: "clear", onclick: () => setFilters(e.id, new URLSearchParams()) }, L().clear),
    el("button", { type: "button", class: "export", "data-export": "csv", onclick: (ev) => exportCsv(e, filters, ev.currentTarget) }, L().csv),
    EXPORTS.includes("parquet")
      ? el("button", { type: "button", class: "export", "data-export": "parquet", onclick: (ev) => exportParquet(e, filters, ev.currentTarget) }, L().parquet)
      : null);
  form.addEventListener("change", () => {
    const next = new URLSearchParams();
    for (const input of form.querySelectorAll("[data-filter]")) {
      if (input.value) next.set(input.name, input.value);
    }
    setFilters(e.id, next);
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  return form;
}

function setFilters(id, filters) {
  const q = filters.toString();
  location.hash = `#/event/${encodeURIComponent(id)}${q ? `?${q}` : ""}`;
}

async function facetBox(event, f, filters, filtered) {
  const s = f.summary;
  const n = (x) => ltr(fmt(x));
  const summary = el("span", { class: "muted" },
    `${L().low} `, n(s.low), ` · ${L().best} `, n(s.best), ` · ${L().high} `, n(s.high), ` · `,
    `${L().conservative} `, n(s.conservative), ` · `, n(s.origins), ` ${L().origins}, `, n(s.reports), ` ${L().reports}`,
    s.contested ? ` · ${L().contested}` : null);
  const names = originNames(f);
  const chips = f.values.map((v) => {
    const first = v.claims[0];
    const disputes = (v.disputed_by || []).map((d) =>
      `${d.origins.map((o) => originName(names, o)).join(" + ")}: ${d.stance === "denied" ? "not " : ""}${d.value}`);
    return el("button", {
      class: `chip ${v.relation}${v.stance === "denied" ? " denied" : ""}`,
      type: "button",
      title: clean(L().relation[v.relation] + (disputes.length ? ` — ${disputes.join("; ")}` : "")),
      "data-facet": f.facet,
      "data-value": v.label,
      onclick: () => { if (first) location.hash = docHash(first, event.id); },
    }, valueText(v.label), el("span", { class: "n" }, ltr(`${v.origins.length} · ${v.reports}`)));
  });
  const who = filtered ? await filteredClaims(event, f, filters) : claimsByValue(event, f);
  return el("section", { class: "facet", "data-facet": f.facet },
    el("div", { class: "head" }, el("h2", {}, facetLabel(f)), summary),
    el("div", { class: "chips" }, chips),
    disputeList(f, names),
    chart(f),
    el("details", { class: "who", open: filtered ? "" : null }, el("summary", {}, L().claims), who));
}

// Each origin's name for people, as a list: the name its timeline gives,
// and for an unnamed source its outlet's name before it ([outlet, "local
// sources"]), since two outlets' unnamed sources are two origins.
function originNames(f) {
  const names = new Map((f.timeline || []).map((t) => [t.origin, [t.name]]));
  for (const v of f.values) {
    for (const c of v.claims) {
      const chain = c.chain || [];
      if (c.anonymous && chain.length > 1) names.set(c.origin, [chain[0].name, chain[chain.length - 1].name]);
    }
  }
  return names;
}

// An origin's name as text ("Outlet › local sources"), its id when unknown.
function originName(names, o) {
  return (names.get(o) || [o]).join(" › ");
}

// Who disputes whom, in words: each pair of values that cannot both be true,
// once ("SDF: 0 disputes SOHR: 120"; "Interior ministry denies SOHR: 140"),
// as the ledger pairs them (the facet's `disputes`: the denial, else the
// lower value, first, so a claim of zero disputes the figures above it).
// Each side as a value: its label, stance, origins' ids and the ledger's
// names for them (`named`, used where the page's claims name none).
function disputePairs(f) {
  if (Array.isArray(f.disputes)) {
    const side = (s) => ({
      label: s.value, stance: s.stance,
      origins: (s.origins || []).map((o) => o.id),
      named: new Map((s.origins || []).map((o) => [o.id, o.name])),
    });
    return f.disputes.map((p) => [side(p.a), side(p.b)]);
  }
  return pairsFromValues(f);
}

// The pairs made from each value's `disputed_by`, for a server that does
// not send `disputes`: the disputing side is the denial, else the lower
// value (values come lowest first).
function pairsFromValues(f) {
  const at = (label, stance) => f.values.findIndex((x) => x.label === label && x.stance === stance);
  const seen = new Set(), pairs = [];
  f.values.forEach((v, i) => {
    for (const d of v.disputed_by || []) {
      const j = at(d.value, d.stance);
      if (j < 0 || j === i) continue;
      let [a, b] = i < j ? [i, j] : [j, i];
      if (seen.has(`${a},${b}`)) continue;
      seen.add(`${a},${b}`);
      if (f.values[b].stance === "denied" && f.values[a].stance !== "denied") [a, b] = [b, a];
      pairs.push([f.values[a], f.values[b]]);
    }
  });
  return pairs;
}

function disputeList(f, names) {
  const pairs = disputePairs(f);
  if (!pairs.length) return null;
  // Who claims a value: its origins by name, each name (and an unnamed
  // source's outlet) in its own isolate, as the chains are shown.
  const who = (v) => el("span", { class: "who" },
    [...v.origins].sort().map((o, k) => [k ? " + " : "",
      el("span", { class: "origin", "data-origin": o },
        (names.get(o) || [(v.named && v.named.get(o)) || o]).map((n, i) => [i ? " › " : "", iso(n)]))]));
  const items = pairs.map(([a, b]) => {
    const denial = a.stance === "denied";
    return el("li", { "data-from": a.label, "data-from-stance": a.stance, "data-to": b.label },
      el("span", { class: "side" }, who(a), denial ? null : [": ", valueText(a.label)]),
      ` ${denial ? L().denies : L().disputes} `,
      el("span", { class: "side" }, who(b), ": ", valueText(b.label)));
  });
  return el("details", { class: "disputes", open: pairs.length <= 6 ? "" : null },
    el("summary", {}, L().disputesHead, " (", ltr(fmt(pairs.length)), ")"),
    el("ul", {}, items));
}

function docHash(c, eventId) {
  return `#/doc/${c.document}/${c.claim}?event=${encodeURIComponent(eventId)}`;
}

// One claim as a row: value, chain, document, date.
function claimRow(c, eventId, value) {
  return el("li", { "data-claim": c.claim },
    value !== undefined ? [el("strong", {}, valueText(value)), " "] : null,
    el("span", { class: "chain" }, (c.chain || []).map((l, i) => [i ? " › " : "", iso(l.name, { "data-source": l.id })])), " · ",
    el("a", { href: docHash(c, eventId) }, ltr(c.doc, { class: "ltr doc-id" })), " · ",
    c.published ? ltr(c.published.slice(0, 10), { class: "ltr date" }) : L().undated,
    c.anonymous ? ` · ${L().unnamed}` : null);
}

// "Who claims it", unfiltered: each value's claims, a page at a time, with
// how many there are.
function claimsByValue(event, f) {
  return el("div", {}, f.values.map((v) => {
    const list = el("ul", {}, v.claims.map((c) => claimRow(c, event.id, v.label)));
    const count = el("span", { class: "muted count" });
    const group = el("div", { class: "value-claims", "data-value": v.label, "data-total": v.claims_total },
      el("h3", {}, valueText(v.label), " ", count), list);
    let shown = v.claims.length;
    const more = el("button", { type: "button", class: "more" }, L().more);
    const update = () => {
      count.replaceChildren("(", ltr(fmt(shown)), ` ${L().of} `, ltr(fmt(v.claims_total)), ")");
      more.hidden = shown >= v.claims_total;
    };
    more.addEventListener("click", async () => {
      more.disabled = true;
      try {
        const page = await api(`/api/events/${encodeURIComponent(event.id)}?offset=${shown}&limit=${PAGE}`);
        const pf = page.facets.find((x) => x.facet === f.facet);
        const pv = pf && pf.values.find((x) => x.label === v.label && x.stance === v.stance);
        const got = pv ? pv.claims : [];
        list.append(...got.map((c) => claimRow(c, event.id, v.label)));
        shown = got.length ? shown + got.length : v.claims_total;
      } catch (e) {
        group.append(el("p", { class: "error" }, `${L().error}: `, safe(e.message)));
      }
      more.disabled = false;
      update();
    });
    update();
    group.append(more);
    return group;
  }));
}

// "Who claims it", filtered: the facet's claims that match, from
// /api/claims, a page at a time, with how many match.
async function filteredClaims(event, f, filters) {
  const q = new URLSearchParams(filters);
  q.set("event", event.id);
  q.set("facet", f.facet);
  const list = el("ul", {});
  const count = el("p", { class: "muted count" });
  const more = el("button", { type: "button", class: "more" }, L().more);
  const box = el("div", { class: "filtered" }, count, list, more);
  let shown = 0, total = 0;
  const load = async () => {
    q.set("offset", shown);
    q.set("limit", FILTERED_PAGE);
    const page = await api(`/api/claims?${q}`);
    total = page.total;
    list.append(...page.claims.map((c) => claimRow(c, event.id, c.label)));
    shown += page.claims.length;
    box.dataset.total = total;
    count.replaceChildren(ltr(fmt(total)), ` ${L().match} (`, ltr(fmt(shown)), ` ${L().shown})`);
    more.hidden = shown >= total || page.claims.length === 0;
  };
  more.addEventListener("click", () => load().catch((e) => box.append(el("p", { class: "error" }, safe(e.message)))));
  await load();
  return box;
}

// ---- the chart ------------------------------------------------------------

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

// Round steps for an axis of `span` in about `n` ticks.
function niceStep(span, n) {
  const raw = span / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

// Every claim of a facet against its publication date: a point per dated
// numeric claim (those of one day and value side by side), the range of a
// value as a bar, real axes; the undated, vague and denied ones counted
// beside it and listed under it.
function chart(f) {
  const byLabel = new Map(f.values.map((v) => [v.label, v]));
  const pts = [], aside = { undated: [], vague: [], denied: [] };
  for (const t of f.timeline || []) {
    for (const [date, label, doc] of t.points) {
      const v = byLabel.get(label);
      const item = { origin: t.origin, name: t.name, label, doc, date };
      if (v && v.stance === "denied") aside.denied.push(item);
      else if (!v || !v.value || v.vague) aside.vague.push(item);
      else if (!date || Number.isNaN(Date.parse(date.slice(0, 10)))) aside.undated.push(item);
      else pts.push({ ...item, t: Date.parse(date.slice(0, 10)), lo: v.value[0], hi: v.value[1], y: (v.value[0] + v.value[1]) / 2, date: date.slice(0, 10) });
    }
  }
  const asideN = aside.undated.length + aside.vague.length + aside.denied.length;
  if (!pts.length && !asideN) return null;
  const wrap = el("div", { class: "chart-box", "data-plotted": pts.length, "data-undated": aside.undated.length, "data-vague": aside.vague.length, "data-denied": aside.denied.length });
  const origins = [...new Set([...pts, ...aside.undated, ...aside.vague, ...aside.denied].map((p) => p.origin))];
  const names = new Map([...pts, ...aside.undated, ...aside.vague, ...aside.denied].map((p) => [p.origin, p.name]));
  const color = (o) => `hsl(${(origins.indexOf(o) * 137) % 360} 65% 40%)`;
  if (pts.length) {
    const W = 640, H = 220, left = 56, right = 40, top = 14, bottom = 40;
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "chart");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", L().chart);
    svg.setAttribute("direction", "ltr");
    const add = (tag, attrs, text) => {
      const n = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      if (text !== undefined) n.textContent = text;
      svg.append(n);
      return n;
    };
    let t0 = Math.min(...pts.map((p) => p.t)), t1 = Math.max(...pts.map((p) => p.t));
    if (t1 - t0 < 2 * DAY) { t0 -= DAY; t1 += DAY; }
    const yTop = Math.max(...pts.map((p) => p.hi), 1);
    const yStep = niceStep(yTop, 4);
    const yMax = Math.ceil(yTop / yStep) * yStep;
    // Inset from the axes, so that points set side by side on the first
    // day never cover the y axis' labels.
    const inset = 18;
    const X = (t) => left + inset + ((t - t0) / (t1 - t0)) * (W - left - right - 2 * inset);
    const Y = (y) => H - bottom - (y / yMax) * (H - top - bottom);
    // The y axis: ticks and grid lines at round values.
    for (let y = 0; y <= yMax + yStep / 2; y += yStep) {
      add("line", { x1: left, x2: W - right, y1: Y(y), y2: Y(y), class: y === 0 ? "axis" : "grid" });
      add("line", { x1: left - 4, x2: left, y1: Y(y), y2: Y(y), class: "axis" });
      add("text", { x: left - 7, y: Y(y) + 4, "text-anchor": "end", class: "tick y" }, fmt(y));
    }
    add("line", { x1: left, x2: left, y1: top, y2: H - bottom, class: "axis" });
    // The x axis: ticks at round numbers of days, each with its date.
    const days = (t1 - t0) / DAY;
    const stepDays = [1, 2, 3, 7, 14, 28, 56, 91, 182, 365].find((d) => days / d <= 5) || Math.ceil(days / 5);
    for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += stepDays * DAY) {
      add("line", { x1: X(t), x2: X(t), y1: H - bottom, y2: H - bottom + 4, class: "axis" });
      add("text", { x: X(t), y: H - bottom + 17, "text-anchor": "middle", class: "tick x" }, new Date(t).toISOString().slice(0, 10));
    }
    // Points of one day and value side by side, not on top of each other.
    const groups = new Map();
    for (const p of pts) {
      const k = `${p.t}|${p.y}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(p);
    }
    for (const g of groups.values()) {
      g.sort((a, b) => origins.indexOf(a.origin) - origins.indexOf(b.origin));
      g.forEach((p, i) => { p.dx = (i - (g.length - 1) / 2) * 9; });
    }
    for (const o of origins) {
      const mine = pts.filter((p) => p.origin === o).sort((a, b) => a.t - b.t);
      if (mine.length > 1) {
        add("polyline", { points: mine.map((p) => `${X(p.t) + p.dx},${Y(p.y)}`).join(" "), fill: "none", stroke: color(o), "stroke-width": 1.2, "stroke-opacity": 0.6 });
      }
      for (const p of mine) {
        if (p.hi > p.lo) add("line", { x1: X(p.t) + p.dx, x2: X(p.t) + p.dx, y1: Y(p.lo), y2: Y(p.hi), stroke: color(o), "stroke-width": 3, "stroke-opacity": 0.5 });
        const c = add("circle", { cx: X(p.t) + p.dx, cy: Y(p.y), r: 4.5, fill: color(o), class: "point", "data-date": p.date, "data-value": p.label });
        const title = document.createElementNS(NS, "title");
        title.textContent = clean(`${p.name}: ${p.label} (${p.date}, ${p.doc})`);
        c.append(title);
      }
    }
    wrap.append(svg);
  }
  // One entry per origin; origins that share a name (the unnamed sources
  // of two outlets) are told apart by their ids.
  const shown = (o) => names.get(o) || o;
  const repeated = new Set(origins.filter((o, i) => origins.some((p, j) => j !== i && shown(p) === shown(o))));
  wrap.append(el("div", { class: "legend" }, origins.map((o) => {
    const s = el("span", { "data-origin": o }, iso(shown(o)), repeated.has(o) ? [" ", el("small", { class: "muted" }, ltr(o))] : null);
    s.style.setProperty("--c", color(o));
    return s;
  })));
  if (asideN) {
    const parts = [];
    for (const [k, word] of [["undated", L().undatedN], ["vague", L().vagueN], ["denied", L().deniedN]]) {
      if (aside[k].length) parts.push([parts.length ? ", " : "", ltr(String(aside[k].length)), ` ${word}`]);
    }
    const items = [...aside.undated, ...aside.vague, ...aside.denied];
    wrap.append(el("p", { class: "aside muted" }, parts, `: ${L().listedBelow}`),
      el("ul", { class: "aside-list" }, items.map((p) =>
        el("li", {}, iso(p.name), " — ", valueText(p.label), " · ", ltr(p.doc), " · ", p.date ? ltr(p.date.slice(0, 10)) : L().undated))));
  }
  return wrap;
}

// ---- export -----------------------------------------------------------------

const CSV_COLUMNS = ["claim", "event", "facet", "label", "low", "high", "vague", "stance", "qualifier", "origin", "chain", "anonymous", "doc", "published", "lang", "evidence"];

function csvCell(x) {
  let s = x === null || x === undefined ? "" : typeof x === "object" ? JSON.stringify(x) : String(x);
  // A spreadsheet would run a cell that starts like a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// The formats the server exports (its page's `isnad-export` meta): `csv`
// always, `parquet` where it was built with Parquet output.
const EXPORTS = (document.querySelector('meta[name="isnad-export"]')?.content || "csv").split(/\s+/);

// Saves `blob` as the file `name`.
function save(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// The file name of an event's export.
const exportName = (event, ext) => `${clean(event.id).replace(/[^\w.-]+/g, "_")}-claims.${ext}`;

// Runs `work` with `button` saying it is at work; an error is written
// after the button.
async function exporting(button, work) {
  const old = button.textContent;
  button.textContent = L().exporting;
  button.disabled = true;
  for (let n = button.nextElementSibling; n && n.classList.contains("export-error"); n = button.nextElementSibling) n.remove();
  try {
    await work();
  } catch (e) {
    button.after(el("span", { class: "error export-error" }, ` ${L().error}: `, safe(e.message)));
  } finally {
    button.textContent = old;
    button.disabled = false;
  }
}

// The claims of the view (the event with the page's filters), every page
// of them, as CSV built here from /api/claims's JSON.
function exportCsv(event, filters, button) {
  return exporting(button, async () => {
    const q = new URLSearchParams(filters);
    q.set("event", event.id);
    q.set("limit", 5000);
    const rows = [CSV_COLUMNS.join(",")];
    let offset = 0, total = Infinity;
    while (offset < total) {
      q.set("offset", offset);
      const page = await api(`/api/claims?${q}`);
      total = page.total;
      if (!page.claims.length) break;
      for (const c of page.claims) {
        const flat = { ...c, low: c.value ? c.value[0] : null, high: c.value ? c.value[1] : null, chain: (c.chain || []).map((l) => l.name).join(" › ") };
        rows.push(CSV_COLUMNS.map((k) => csvCell(flat[k])).join(","));
      }
      offset += page.claims.length;
    }
    save(new Blob(["\uFEFF" + rows.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }), exportName(event, "csv"));
  });
}

// The same claims as a Parquet file, which the server writes
// (/api/claims?format=parquet): offered only where it was built with it.
function exportParquet(event, filters, button) {
  return exporting(button, async () => {
    const q = new URLSearchParams(filters);
    q.set("event", event.id);
    q.set("format", "parquet");
    const r = await fetch(`/api/claims?${q}`);
    if (!r.ok) throw answerError(r, await r.json().catch(() => null));
    save(await r.blob(), exportName(event, "parquet"));
  });
}

// ---- the document view --------------------------------------------------

// An http(s) address as a link that opens apart; anything else as text.
function link(url) {
  let u = null;
  try { u = new URL(url); } catch { /* not an address */ }
  if (!u || (u.protocol !== "http:" && u.protocol !== "https:")) return ltr(url, { class: "ltr url" });
  return el("a", { href: u.href, target: "_blank", rel: "noopener noreferrer", class: "url" }, ltr(url));
}

async function viewDoc(id, claimId, eventId, q) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  const ranges = [];
  for (const c of d.claims) {
    const cur = String(c.claim) === claimId ? " current" : "";
    ranges.push({ s: c.sentence[0], e: c.sentence[1], cls: "sentence" + cur, claim: c });
    ranges.push({ s: c.text[0], e: c.text[1], cls: "claim" + cur, claim: c });
  }
  for (const s of d.sources) ranges.push({ s: s.text[0], e: s.text[1], cls: "source", source: s.id });
  for (const h of d.hits || []) ranges.push({ s: h[0], e: h[1], cls: "hit" });
  const f = d.fields;
  const article = el("article", { class: "doc", dir: d.dir, lang: f.lang || null, "data-doc": f.doc }, highlight(d.text, ranges));
  const head = el("p", { class: "muted meta" },
    `${L().outlet}: `, f.outlet ? iso(f.outlet, { class: "outlet" }) : "–",
    ` · ${L().published}: `, f.published ? ltr(f.published, { class: "ltr date" }) : L().undated,
    " · ", ltr(f.doc, { class: "ltr doc-id" }),
    f.url ? [" · ", link(f.url)] : null);
  const back = eventId ? el("p", {}, el("a", { href: `#/event/${encodeURIComponent(eventId)}` }, L().back)) : null;
  return view([back, el("h1", { dir: "auto" }, safe(f.title || f.doc)), head, article], () => {
    const current = article.querySelector("mark.claim.current") || article.querySelector(".sentence.current") || article.querySelector("mark.hit");
    if (current) current.scrollIntoView({ block: "center" });
  });
}

// Text split at every range boundary; each piece wrapped in the ranges
// covering it. Offsets are UTF-8 bytes (as the API gives them). Pieces are
// cut first and only then have their bidi controls made visible, so the
// offsets stay those of the text.
function highlight(text, ranges) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const r of ranges) { cuts.add(r.s); cuts.add(r.e); }
  const points = [...cuts].filter((x) => Number.isInteger(x) && x >= 0 && x <= bytes.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = el("span", { class: "t" }, safe(dec.decode(bytes.subarray(a, b))));
    const cover = ranges.filter((r) => r.s <= a && b <= r.e);
    // Outer (sentence) first, then the quantity, hit and source marks inside.
    cover.sort((x, y) => (y.e - y.s) - (x.e - x.s));
    for (let k = cover.length - 1; k >= 0; k--) {
      const r = cover[k];
      const tag = r.cls.startsWith("claim") || r.cls === "hit" ? "mark" : "span";
      const attrs = { class: r.cls };
      if (r.claim) {
        attrs["data-claim"] = r.claim.claim;
        attrs.title = clean(`${r.claim.facet}: ${r.claim.label} — ${r.claim.chain.join(" › ")}`);
      }
      if (r.source) attrs["data-source"] = r.source;
      node = el(tag, attrs, node);
    }
    out.push(node);
  }
  return out;
}

// ---- search -------------------------------------------------------------

async function viewSearch(q) {
  document.getElementById("search-input").value = q;
  const { results, total } = await api(`/api/search?q=${encodeURIComponent(q)}`);
  const items = results.map((r) =>
    el("li", {},
      el("a", { href: `#/doc/${r.document}?q=${encodeURIComponent(q)}` }, iso(r.fields.title || r.fields.doc)),
      el("div", { class: "muted" }, r.fields.outlet ? iso(r.fields.outlet) : "–", " · ", r.fields.published ? ltr(r.fields.published) : L().undated),
      el("div", { dir: "auto" }, r.snippet.map(([t, hit]) => (hit ? el("mark", {}, safe(t)) : safe(t))))));
  return view([el("h1", {}, `${L().results} “`, iso(q), "” ", el("span", { class: "muted" }, "(", ltr(fmt(total)), ")")),
    items.length ? el("ol", { class: "results" }, items) : el("p", {}, L().noResults)]);
}

// ---- routing ------------------------------------------------------------

function labels() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.getElementById("search-button").textContent = L().search;
  document.getElementById("search-input").placeholder = L().searchHint;
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = L().lang;
  toggle.lang = lang === "ar" ? "en" : "ar";
}

// Routes started; only the latest one's view is shown, so a slow answer
// for a page left already never paints over the page asked for since.
let routes = 0;

async function route() {
  const mine = ++routes;
  labels();
  const { parts, params } = hashParts();
  let shown;
  try {
    if (parts[0] === "event" && parts[1]) shown = await viewEvent(parts[1], params);
    else if (parts[0] === "doc" && parts[1]) shown = await viewDoc(parts[1], parts[2], params.get("event"), params.get("q"));
    else if (parts[0] === "search") shown = await viewSearch(params.get("q") || "");
    else shown = await viewEvents(params);
  } catch (e) {
    shown = failure(e);
  }
  if (mine !== routes) return;
  main().replaceChildren(...shown.nodes);
  if (shown.after) shown.after();
  main().dataset.ready = location.hash;
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
  });
  document.getElementById("lang-toggle").addEventListener("click", () => {
    lang = lang === "en" ? "ar" : "en";
    localStorage.setItem("isnad-lang", lang);
    route();
  });
  route();
});
