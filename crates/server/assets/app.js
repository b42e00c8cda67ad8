// isnad's page. Plain JavaScript, no dependency, nothing from the network
// but this server's API. Every piece of article text is put in the page as
// text (textContent, createTextNode), never as HTML.
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
  },
};
let lang = localStorage.getItem("isnad-lang") || "en";
const L = () => LABELS[lang];
const main = () => document.getElementById("main");

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v;
    else if (k === "onclick") e.addEventListener("click", v);
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function fmt(x) {
  return x === null || x === undefined ? "–" : Number(x).toLocaleString("en");
}

function show(...nodes) {
  main().replaceChildren(...nodes);
}

function fail(e) {
  show(el("p", { class: "error" }, `${L().error}: ${e.message}`));
}

// ---- events -------------------------------------------------------------

async function viewEvents() {
  const { events } = await api("/api/events");
  if (!events.length) return show(el("p", {}, L().noEvents));
  const rows = events.map((e) =>
    el("tr", {},
      el("td", {}, el("a", { href: `#/event/${encodeURIComponent(e.id)}`, "data-event": e.id }, e.name)),
      el("td", { class: "muted" }, e.id),
      el("td", {}, e.dates ? `${e.dates[0]} – ${e.dates[1]}` : L().undated),
      el("td", {}, e.reports),
      el("td", {}, e.origins),
      el("td", {}, e.facets.filter((f) => f.summary.contested).map(facetLabel).join(", "))));
  show(el("h1", {}, L().events),
    el("table", { class: "events" },
      el("thead", {}, el("tr", {}, ...["", "id", L().dates, L().reports, L().origins, L().contested].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows)));
}

async function viewEvent(id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const facets = e.facets.map((f) => facetBox(e, f));
  show(el("h1", {}, e.name),
    el("p", { class: "muted" }, `${e.id} · ${e.reports} ${L().reports} · ${e.origins} ${L().origins}` +
      (e.dates ? ` · ${e.dates[0]} – ${e.dates[1]}` : "")),
    ...facets);
}

// A facet's label in the page's language (its id when the data has none).
function facetLabel(f) {
  return (f.label && f.label[lang]) || f.facet;
}

function facetBox(event, f) {
  const s = f.summary;
  const summary = `${L().low} ${fmt(s.low)} · ${L().best} ${fmt(s.best)} · ${L().high} ${fmt(s.high)} · ` +
    `${L().conservative} ${fmt(s.conservative)} · ${s.origins} ${L().origins}, ${s.reports} ${L().reports}` +
    (s.contested ? ` · ${L().contested}` : "");
  const chips = f.values.map((v) => {
    const first = v.claims[0];
    return el("button", {
      class: `chip ${v.relation}${v.stance === "denied" ? " denied" : ""}`,
      type: "button",
      title: L().relation[v.relation] +
        ((v.disputed_by || []).length ? ` — ${v.disputed_by.map((d) => `${d.stance === "denied" ? "not " : ""}${d.value} (${d.origins.join(", ")})`).join("; ")}` : ""),
      "data-facet": f.facet,
      "data-value": v.label,
      onclick: () => { location.hash = `#/doc/${first.document}/${first.claim}?event=${encodeURIComponent(event.id)}`; },
    }, v.label, el("span", { class: "n" }, `${v.origins.length}·${v.reports}`));
  });
  const cites = el("ul", {}, ...f.values.flatMap((v) => v.claims.map((c) =>
    el("li", {},
      el("strong", {}, v.label), " ",
      el("span", { class: "chain" }, c.chain.map((l) => l.name).join(" › ")), " · ",
      el("a", { href: `#/doc/${c.document}/${c.claim}?event=${encodeURIComponent(event.id)}` }, c.doc), " · ",
      c.published || L().undated,
      c.anonymous ? ` · ${L().unnamed}` : ""))));
  return el("section", { class: "facet", "data-facet": f.facet },
    el("div", { class: "head" }, el("h2", { title: f.facet }, facetLabel(f)), el("span", { class: "muted" }, summary)),
    el("div", { class: "chips" }, ...chips),
    chart(f),
    el("details", {}, el("summary", {}, L().claims), cites));
}

// A chart of each origin's numeric claims against publication date.
function chart(f) {
  const pts = [];
  for (const v of f.values) {
    if (!v.value || v.stance !== "asserted") continue;
    const y = (v.value[0] + v.value[1]) / 2;
    for (const c of v.claims) {
      if (!c.published) continue;
      const t = Date.parse(c.published.slice(0, 10));
      if (!Number.isNaN(t)) pts.push({ t, y, origin: c.origin, label: v.label, date: c.published.slice(0, 10) });
    }
  }
  if (!pts.length) return null;
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", "0 0 600 180");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", L().chart);
  const t0 = Math.min(...pts.map((p) => p.t)), t1 = Math.max(...pts.map((p) => p.t));
  const yMax = Math.max(...pts.map((p) => p.y), 1);
  const X = (t) => 50 + (t1 === t0 ? 250 : ((t - t0) / (t1 - t0)) * 520);
  const Y = (y) => 160 - (y / yMax) * 140;
  const origins = [...new Set(pts.map((p) => p.origin))];
  const color = (o) => `hsl(${(origins.indexOf(o) * 137) % 360} 65% 42%)`;
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  add("line", { x1: 50, y1: 160, x2: 580, y2: 160, stroke: "#999" });
  add("line", { x1: 50, y1: 20, x2: 50, y2: 160, stroke: "#999" });
  add("text", { x: 4, y: 24 }, fmt(yMax));
  add("text", { x: 4, y: 160 }, "0");
  add("text", { x: 50, y: 176 }, new Date(t0).toISOString().slice(0, 10));
  if (t1 !== t0) add("text", { x: 510, y: 176 }, new Date(t1).toISOString().slice(0, 10));
  for (const o of origins) {
    const mine = pts.filter((p) => p.origin === o).sort((a, b) => a.t - b.t);
    if (mine.length > 1) {
      add("polyline", { points: mine.map((p) => `${X(p.t)},${Y(p.y)}`).join(" "), fill: "none", stroke: color(o), "stroke-width": 1.5 });
    }
    for (const p of mine) {
      const c = add("circle", { cx: X(p.t), cy: Y(p.y), r: 5, fill: color(o) });
      const title = document.createElementNS(NS, "title");
      title.textContent = `${o}: ${p.label} (${p.date})`;
      c.append(title);
    }
  }
  const legend = el("div", { class: "legend" }, ...origins.map((o) => {
    const s = el("span", {}, o);
    s.style.setProperty("--c", color(o));
    return s;
  }));
  return el("div", {}, svg, legend);
}

// ---- the document view --------------------------------------------------

async function viewDoc(id, claimId, eventId) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const ranges = [];
  for (const c of d.claims) {
    ranges.push({ s: c.sentence[0], e: c.sentence[1], cls: "sentence" + (String(c.claim) === claimId ? " current" : ""), claim: c });
    ranges.push({ s: c.text[0], e: c.text[1], cls: "claim" + (String(c.claim) === claimId ? " current" : ""), claim: c });
  }
  for (const s of d.sources) ranges.push({ s: s.text[0], e: s.text[1], cls: "source", source: s.id });
  const article = el("article", { class: "doc", dir: d.dir, lang: d.fields.lang || "", "data-doc": d.fields.doc }, ...highlight(d.text, ranges));
  const f = d.fields;
  const head = el("p", { class: "muted" },
    `${L().outlet}: ${f.outlet || "–"} · ${L().published}: ${f.published || L().undated} · ${f.doc}`);
  const back = eventId ? el("p", {}, el("a", { href: `#/event/${encodeURIComponent(eventId)}` }, L().back)) : null;
  show(back, el("h1", { dir: "auto" }, f.title || f.doc), head, article);
  const current = article.querySelector("mark.claim.current") || article.querySelector(".sentence.current");
  if (current) current.scrollIntoView({ block: "center" });
}

// Text split at every range boundary; each piece wrapped in the ranges
// covering it. Offsets are UTF-8 bytes (as the API gives them).
function highlight(text, ranges) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const r of ranges) { cuts.add(r.s); cuts.add(r.e); }
  const points = [...cuts].filter((x) => x >= 0 && x <= bytes.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(dec.decode(bytes.subarray(a, b)));
    const cover = ranges.filter((r) => r.s <= a && b <= r.e);
    // Outer (sentence) first, then the quantity and source marks inside.
    cover.sort((x, y) => (y.e - y.s) - (x.e - x.s));
    for (let k = cover.length - 1; k >= 0; k--) {
      const r = cover[k];
      const tag = r.cls.startsWith("claim") ? "mark" : "span";
      const attrs = { class: r.cls };
      if (r.claim) {
        attrs["data-claim"] = r.claim.claim;
        attrs.title = `${r.claim.facet}: ${r.claim.label} — ${r.claim.chain.join(" › ")}`;
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
  const { results } = await api(`/api/search?q=${encodeURIComponent(q)}`);
  const items = results.map((r) =>
    el("li", {},
      el("a", { href: `#/doc/${r.document}` }, r.fields.title || r.fields.doc),
      el("div", { class: "muted" }, `${r.fields.outlet || "–"} · ${r.fields.published || L().undated}`),
      el("div", { dir: "auto" }, ...r.snippet.map(([t, hit]) => (hit ? el("mark", {}, t) : document.createTextNode(t))))));
  show(el("h1", {}, `${L().results} “${q}”`), items.length ? el("ol", { class: "results" }, ...items) : el("p", {}, L().noResults));
}

// ---- routing ------------------------------------------------------------

function labels() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.getElementById("search-button").textContent = L().search;
  document.getElementById("search-input").placeholder = L().searchHint;
  document.getElementById("lang-toggle").textContent = L().lang;
}

async function route() {
  labels();
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = (path || "/").split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "event" && parts[1]) await viewEvent(parts[1]);
    else if (parts[0] === "doc" && parts[1]) await viewDoc(parts[1], parts[2], params.get("event"));
    else if (parts[0] === "search") await viewSearch(params.get("q") || "");
    else await viewEvents();
  } catch (e) {
    fail(e);
  }
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
