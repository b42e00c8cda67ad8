// The page's reading order, filters, paging, chart, exports and narrow
// layout, in Debian's headless chromium, over a store holding the reports
// `tests/browser.rs` writes (see there). Prints one line per check, writes
// screenshots into SHOTS, exits 1 when a check fails. EXAMPLES_URL, a
// server of a store of examples/, is where the disputes are checked.
//
//   node page.mjs http://127.0.0.1:PORT/ SHOTS_DIR http://127.0.0.1:PORT2/
import { launch } from "./launch.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [url, shots, examples] = process.argv.slice(2);
if (!url || !shots || !examples) {
  console.error("usage: node page.mjs URL SHOTS_DIR EXAMPLES_URL");
  process.exit(2);
}

const browser = await launch();
let failed = false;
function check(ok, what) {
  console.log(`${ok ? "ok" : "FAILED"}: ${what}`);
  if (!ok) failed = true;
}
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

// In the page: the x of each character of `sel`'s text, in logical order.
const charXs = (sel) => {
  const root = typeof sel === "string" ? document.querySelector(sel) : sel;
  if (!root) return null;
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    for (let i = 0; i < t.length; i++) {
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      const b = r.getBoundingClientRect();
      out.push([t.data[i], b.left]);
    }
  }
  return out;
};
// Whether the digits among `xs` go left to right in logical order.
const digitsInOrder = (xs) => {
  const d = (xs || []).filter(([c]) => /[0-9]/.test(c)).map(([, x]) => x);
  return d.length > 1 && d.every((x, i) => i === 0 || x > d[i - 1]);
};

try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const api = async (p) => (await page.request.get(new URL(p, url).href)).json();
  const go = async (hash) => {
    await page.goto(new URL(`/${hash}`, url).href);
    await page.waitForFunction((h) => document.getElementById("main").dataset.ready === h, hash);
  };

  // The value with more claims than a page, and its event.
  const { documents } = await api("/api/documents?limit=500");
  const docId = (name) => documents.find((d) => d.fields.doc === name)?.id;
  let target = null;
  for (const e of (await api("/api/events")).events) {
    const ev = await api(`/api/events/${encodeURIComponent(e.id)}`);
    for (const f of ev.facets) {
      for (const v of f.values) {
        if (!target && v.claims_total > 25) target = { ev, f, v };
      }
    }
  }
  check(target !== null, "a value has more claims than a page");

  // ---- the events list's filters, kept in the address ----------------------
  const all = (await api("/api/events")).events;
  const pick = all.find((e) => e.kind) || all[0];
  const word = (pick.place || pick.name).split(/\s+/)[0];
  const want = all.filter((e) => `${e.name} ${e.place || ""} ${e.id}`.toLowerCase().includes(word.toLowerCase())
    && (!pick.kind || e.kind === pick.kind)).length;
  const filterHash = `#/?find=${encodeURIComponent(word)}${pick.kind ? `&kind=${pick.kind}` : ""}`;
  await go(filterHash);
  const listed = await page.locator("table.events tbody tr").count();
  check(listed === want && listed >= 1, `the events list filtered by "${word}" shows ${want} (${listed})`);
  check(await page.locator("[data-events-shown]").getAttribute("data-events-shown") === String(want), "it says how many are shown");
  check(await page.locator('[data-events-filters] input[name="find"]').inputValue() === word, "the filter bar shows the filter");
  await go("#/?contested=1");
  const contested = all.filter((e) => e.facets.some((x) => x.summary.contested)).length;
  check(await page.locator("table.events tbody tr").count() === contested, `contested only: ${contested} events`);
  const { ev, f, v } = target;
  const eventHash = `#/event/${encodeURIComponent(ev.id)}`;

  // ---- the event page, wide ------------------------------------------------
  await go(eventHash);
  const section = page.locator(`section.facet[data-facet="${f.facet}"]`);
  await section.locator("details.who > summary").click();
  const group = section.locator(`.value-claims[data-value="${v.label}"]`);
  const rows = group.locator("li");
  check(await rows.count() === 25, `"who claims it" shows a page of 25 (${await rows.count()})`);
  check(await group.getAttribute("data-total") === String(v.claims_total), "the group knows the true total");
  check((await group.locator("h3").innerText()).includes(String(v.claims_total)), `the total ${v.claims_total} is shown`);
  while (await group.locator("button.more").isVisible()) {
    const before = await rows.count();
    await group.locator("button.more").click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n,
      [`section.facet[data-facet="${f.facet}"] .value-claims[data-value="${v.label}"] li`, before]);
  }
  check(await rows.count() === v.claims_total, `"more" loads every claim (${await rows.count()} of ${v.claims_total})`);

  // Facet names from data/facets.toml, not ids.
  const h2 = await section.locator("h2").innerText();
  check(f.label && h2 === f.label.en, `the facet is named "${h2}" (its label), not ${f.facet}`);

  // The chart: every dated value a point, the undated ones counted beside.
  const byLabel = new Map(f.values.map((x) => [x.label, x]));
  let undated = 0, dated = 0;
  for (const t of f.timeline) {
    for (const [date, label] of t.points) {
      const x = byLabel.get(label);
      if (!x || !x.value || x.vague || x.stance === "denied") continue;
      if (date) dated++; else undated++;
    }
  }
  const box = section.locator(".chart-box");
  check(undated > 0 && await box.getAttribute("data-undated") === String(undated), `the chart counts ${undated} undated values`);
  check((await box.locator(".aside").innerText()).includes(`${undated}`), "the undated count is written beside the chart");
  check(await box.locator("circle.point").count() === dated, `every dated value is a point (${dated})`);
  // The legend: an entry per origin, no two reading the same.
  const legend = await box.locator(".legend > span").allInnerTexts();
  check(legend.length === new Set(f.timeline.map((t) => t.origin)).size, `the legend has an entry per origin (${legend.length})`);
  check(new Set(legend).size === legend.length, `no two legend entries read the same: ${legend.join(" | ")}`);
  const xs = await box.locator("circle.point").evaluateAll((cs) => cs.map((c) => `${c.getAttribute("cx")},${c.getAttribute("cy")}`));
  check(new Set(xs).size === xs.length, "no two points of one day lie on each other");
  check(await box.locator("text.tick.x").count() >= 2 && await box.locator("text.tick.y").count() >= 2, "both axes have ticks");

  // A row with an Arabic outlet, an id and a date keeps its order, and the
  // date's digits read left to right.
  const mixRow = page.locator("li", { has: page.locator("bdi.doc-id", { hasText: "mix-2022" }) }).first();
  await mixRow.waitFor();
  const mixOrder = await mixRow.evaluate((li) => {
    const box = (s) => li.querySelector(s).getBoundingClientRect();
    return { chain: box(".chain").right, id: box(".doc-id").left, idRight: box(".doc-id").right, date: box(".date").left };
  });
  check(mixOrder.chain <= mixOrder.id && mixOrder.idRight <= mixOrder.date, `chain, id, date in logical order (${JSON.stringify(mixOrder)})`);
  check(digitsInOrder(await mixRow.locator(".date").evaluate(charXs)), "the date's digits read left to right");
  check(!/object/.test(await mixRow.innerText()) && (await mixRow.locator(".chain").innerText()).includes("وكالة"), `the row reads as text ("${await mixRow.innerText()}")`);
  const chipN = section.locator("button.chip .n").first();
  check(digitsInOrder(await chipN.evaluate(charXs)) || (await chipN.innerText()).replace(/\D/g, "").length < 2, `the chip's count "${await chipN.innerText()}" reads in order`);

  // No override acts anywhere: each is shown as a marker.
  const bidi = await page.evaluate(() => ({
    text: document.getElementById("main").textContent,
    titles: [...document.querySelectorAll("[title]")].map((e) => e.title).join(" "),
    markers: [...document.querySelectorAll(".bidi-control")].map((e) => e.textContent),
  }));
  check(!CONTROLS.test(bidi.text) && !CONTROLS.test(bidi.titles), "no bidi control in the event page's text or titles");
  check(bidi.markers.includes("⟨RLO⟩"), "the outlet's override is shown as ⟨RLO⟩");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, "event-1366.png"), fullPage: false });

  // ---- filters ----------------------------------------------------------------
  const arTotal = (await api(`/api/claims?event=${encodeURIComponent(ev.id)}&facet=${f.facet}&lang=ar`)).total;
  const enTotal = (await api(`/api/claims?event=${encodeURIComponent(ev.id)}&facet=${f.facet}&lang=en`)).total;
  await page.selectOption('select[data-filter="lang"]', "ar");
  await page.waitForFunction(() => location.hash.includes("lang=ar") && document.getElementById("main").dataset.ready === location.hash);
  const filtered = page.locator(`section.facet[data-facet="${f.facet}"] .filtered`);
  check(await filtered.getAttribute("data-total") === String(arTotal) && arTotal < arTotal + enTotal, `the language filter narrows to ${arTotal} claims`);
  check(page.url().includes("lang=ar"), `the address holds the filter (${page.url()})`);
  await page.reload();
  await page.waitForFunction(() => document.getElementById("main").dataset.ready === location.hash);
  check(await page.locator('select[data-filter="lang"]').inputValue() === "ar", "a reload keeps the filter");
  check(await filtered.getAttribute("data-total") === String(arTotal), "and its list");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('button[data-export="csv"]')]);
  const csv = readFileSync(await download.path(), "utf8").trim().split(/\r\n/);
  const viewTotal = (await api(`/api/claims?event=${encodeURIComponent(ev.id)}&lang=ar`)).total;
  check(csv[0].replace(/^\uFEFF/, "").startsWith("claim,event,facet") && csv.length - 1 === viewTotal, `the CSV holds the view's ${viewTotal} claims (${csv.length - 1})`);
  // The Parquet export, where the server is built with it (PARQUET=1):
  // the server writes the same view, whose rows
  // `crates/server/tests/export.rs` checks. Elsewhere no button offers it.
  const offered = await page.getAttribute('meta[name="isnad-export"]', "content");
  const pqButton = page.locator('button[data-export="parquet"]');
  if (process.env.PARQUET === "1") {
    check(offered === "csv parquet" && await pqButton.count() === 1, `the page offers Parquet ("${offered}")`);
    const [pq, pqAnswer] = await Promise.all([
      page.waitForEvent("download"),
      page.waitForResponse((r) => r.url().includes("format=parquet")),
      pqButton.click(),
    ]);
    const asked = new URL(pqAnswer.url()).searchParams;
    const bytes = readFileSync(await pq.path());
    check(asked.get("event") === ev.id && asked.get("lang") === "ar" && pqAnswer.status() === 200, `the Parquet export asks for the view (${asked})`);
    check(pq.suggestedFilename().endsWith("-claims.parquet") && bytes.length > 8 &&
      bytes.subarray(0, 4).toString() === "PAR1" && bytes.subarray(-4).toString() === "PAR1",
      `the Parquet export downloads a Parquet file (${pq.suggestedFilename()}, ${bytes.length} bytes)`);
  } else {
    check(offered === "csv" && await pqButton.count() === 0, `a build without Parquet offers no Parquet export ("${offered}")`);
  }
  await go(`${eventHash}?stance=denied&anonymous=true`);
  check(await page.locator('select[data-filter="stance"]').inputValue() === "denied", "the stance filter is read from the address");

  // ---- the document with overrides ------------------------------------------
  const rlo = docId("rlo-120");
  check(rlo !== undefined, "the override report is stored");
  const rloDoc = await api(`/api/documents/${rlo}`);
  check(rloDoc.claims.some((c) => c.label === "120"), "its claim is 120");
  await go(`#/doc/${rlo}`);
  const docView = await page.evaluate(() => ({
    text: document.getElementById("main").textContent,
    titles: [...document.querySelectorAll("main [title]")].map((e) => e.title).join(" "),
    links: [...document.querySelectorAll("main a")].map((a) => a.getAttribute("href")),
    h1: document.querySelector("main h1").textContent,
  }));
  check(!CONTROLS.test(docView.text) && !CONTROLS.test(docView.titles), "no bidi control acts in the document view");
  const mark = page.locator("article.doc mark.claim").first();
  check((await mark.innerText()).includes("120") && digitsInOrder(await mark.evaluate(charXs)), `the marked number reads 120 left to right ("${await mark.innerText()}")`);
  check(!docView.links.some((h) => /^\s*javascript:/i.test(h || "")), "a javascript: address is not a link");
  check(docView.h1.includes("<script>"), "an HTML title shows as text");
  check((await page.locator(".meta .outlet").innerText()).includes("<img"), "an HTML outlet name shows as text");
  check(await page.evaluate(() => window.__pwned ?? null) === null, "the payloads in outlet, title and address ran nothing");
  await page.screenshot({ path: join(shots, "doc-1366.png"), fullPage: false });

  // ---- search, the linked address, errors -------------------------------------
  await go("#/search?q=Observatory");
  const hit = page.locator("ol.results li a").first();
  const href = await hit.getAttribute("href");
  check(/\?q=Observatory/.test(href || ""), "a result opens with its query");
  await hit.click();
  await page.waitForFunction(() => document.getElementById("main").dataset.ready === location.hash && location.hash.startsWith("#/doc/"));
  check(await page.locator("article.doc mark.hit").count() > 0, "the search's words are marked in the document");
  check(!/^\s*null/.test(await page.locator("main").innerText()), "nothing reads null above the document");
  await go(`#/doc/${docId("linked")}`);
  const a = page.locator(".meta a.url");
  check(await a.getAttribute("href") === "https://example.org/news/sinaa" && await a.getAttribute("target") === "_blank" &&
    /noopener/.test(await a.getAttribute("rel")) && /noreferrer/.test(await a.getAttribute("rel")), "an https address is linked apart");
  await go("#/doc/999999");
  check((await page.locator("main .error").innerText()).includes("no document 999999"), "an error shows the API's message");

  // ---- payloads in the address ------------------------------------------------
  // In the hash (a search, an event id, a document id, a filter's value
  // that the select then shows) and in the page's query: each is shown as
  // text or refused, and runs nothing.
  const payload = (n) => `<img src=x onerror="window.__pwned=${n}"><script>window.__pwned=${n}</script>`;
  for (const hash of [
    `#/search?q=${encodeURIComponent(payload(6))}`,
    `#/event/${encodeURIComponent(payload(7))}`,
    `#/doc/${encodeURIComponent(payload(8))}`,
    `${eventHash}?source=${encodeURIComponent(payload(9))}`,
    `#/?find=${encodeURIComponent(payload(10))}`,
  ]) {
    await go(hash);
    const shown = await page.evaluate(() => {
      const main = document.getElementById("main");
      return main.textContent.includes("<img src=x") || [...main.querySelectorAll("input")].some((i) => i.value.includes("<img src=x"));
    });
    const refused = await page.locator("main .error").count() > 0;
    check(shown || refused, `${decodeURIComponent(hash).slice(0, 40)}… shows as text or is refused`);
  }
  await page.goto(new URL(`/?q=${encodeURIComponent(payload(11))}#/`, url).href);
  await page.waitForFunction(() => document.getElementById("main").dataset.ready === location.hash);
  check(await page.evaluate(() => window.__pwned ?? null) === null, "payloads in the hash and the query ran nothing");

  // ---- Arabic, the font ------------------------------------------------------
  // The page reads its language when it loads.
  const speak = async (l) => {
    await page.evaluate((x) => localStorage.setItem("isnad-lang", x), l);
    await page.reload();
    await page.waitForFunction(() => document.getElementById("main").dataset.ready === location.hash);
  };
  await speak("ar");
  await go(eventHash);
  check(await section.locator("h2").innerText() === f.label.ar, "in Arabic the facet has its Arabic name");
  // Right to left, the row's parts still come in logical order: the
  // chain rightmost, then the id, then the date, each read left to right.
  await section.locator("details.who > summary").click();
  const rtlRow = page.locator("li", { has: page.locator("bdi.doc-id", { hasText: "mix-2022" }) }).first();
  const rtlOrder = await rtlRow.evaluate((li) => {
    const box = (s) => li.querySelector(s).getBoundingClientRect();
    return { chainLeft: box(".chain").left, idRight: box(".doc-id").right, idLeft: box(".doc-id").left, dateRight: box(".date").right };
  });
  check(rtlOrder.chainLeft >= rtlOrder.idRight && rtlOrder.idLeft >= rtlOrder.dateRight, `right to left: chain, id, date in logical order (${JSON.stringify(rtlOrder)})`);
  check(digitsInOrder(await rtlRow.locator(".date").evaluate(charXs)), "right to left, the date's digits still read left to right");
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('16px "Noto Naskh Arabic"', "سجن");
    return [...document.fonts].some((x) => x.family.replace(/"/g, "") === "Noto Naskh Arabic" && x.status === "loaded");
  });
  check(font, "the shipped Arabic font loads");

  // ---- 390 px ------------------------------------------------------------------
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
    toggle: document.getElementById("lang-toggle").getBoundingClientRect().right,
  }));
  for (const l of ["ar", "en"]) {
    await speak(l);
    for (const h of ["#/", eventHash, `#/doc/${rlo}`]) {
      await go(h);
      const w = await fits();
      check(w.scroll <= w.inner && w.toggle <= w.inner, `${l} ${h} fits 390 px (${JSON.stringify(w)})`);
    }
  }
  await go(eventHash);
  await page.screenshot({ path: join(shots, "event-390.png"), fullPage: false });
  await go(`#/doc/${docId("mix-2022")}`);
  await page.screenshot({ path: join(shots, "doc-390.png"), fullPage: false });

  // ---- disputes as pairs, over the examples ---------------------------------
  // See: issue 19. The SDF's "no inmate escaped" disputes each figure above
  // it, said in words with who claims each side, not as red chips.
  await page.setViewportSize({ width: 1366, height: 900 });
  const sinaa = "sinaa_prison_attack_2022";
  const exEvent = await (await page.request.get(new URL(`/api/events/${sinaa}`, examples).href)).json();
  const escaped = exEvent.facets.find((x) => x.facet === "prisoners_escaped");
  const zero = escaped && escaped.values.find((x) => x.label === "0" && x.stance === "asserted");
  check(zero && zero.origins.includes("sdf") && zero.disputed_by.length >= 2, "the examples' SDF 0 disputes other figures in the API");
  const others = (zero ? zero.disputed_by : []).map((d) => d.value);
  const zeroPairs = ((escaped && escaped.disputes) || []).filter((p) => p.a.value === "0");
  check(zeroPairs.length === others.length && zeroPairs.every((p) => p.kind === "disputes" && p.a.origins.some((o) => o.name === "SDF")),
    `the API's pairs give the SDF's 0 against each other figure (${JSON.stringify(zeroPairs.map((p) => p.b.value))})`);
  const words = { en: "disputes", ar: "يناقض" };
  for (const l of ["en", "ar"]) {
    // The page reads its language when it loads.
    await page.goto(new URL(`/#/event/${sinaa}`, examples).href);
    await page.evaluate((x) => localStorage.setItem("isnad-lang", x), l);
    await page.reload();
    await page.waitForFunction(() => document.getElementById("main").dataset.ready === location.hash);
    const box = page.locator('section.facet[data-facet="prisoners_escaped"] details.disputes');
    const items = box.locator('li[data-from="0"]');
    const lines = await items.allInnerTexts();
    check(lines.length === others.length, `${l}: ${lines.length} disputes of the 0, one per other figure (${others.join(", ")})`);
    for (const value of others) {
      const line = await box.locator(`li[data-from="0"][data-to="${value}"]`).innerText().catch(() => "");
      check(/SDF/.test(line) && line.includes(words[l]) && line.includes(value),
        `${l}: "${line}" says the SDF's 0 ${words[l]} ${value}`);
    }
    const sohr = await box.locator('li[data-from="0"] .side:last-child [data-origin="sohr"]').first().innerText().catch(() => "");
    check(sohr === "SOHR", `${l}: the other side is named ("${sohr}"), not by its id`);
    check(lines.every((t) => !/anonymous:|\/|\bsdf\b/.test(t)), `${l}: no origin shows as an id (${JSON.stringify(lines)})`);
    // Each side reads in the page's direction: the disputing side first.
    const order = await items.first().evaluate((li) => {
      const [a, b] = li.querySelectorAll(".side");
      return { a: a.getBoundingClientRect().left, b: b.getBoundingClientRect().left };
    });
    check(l === "en" ? order.a < order.b : order.a > order.b, `${l}: the disputing side comes first (${JSON.stringify(order)})`);
    const chip = await page.locator('section.facet[data-facet="prisoners_escaped"] button.chip[data-value="20"]').getAttribute("title");
    check(/SDF: 0/.test(chip || ""), `${l}: the 20's chip names who disputes it ("${chip}")`);
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `disputes-${l}.png`), fullPage: false });
  }

  check(await page.evaluate(() => window.__pwned ?? null) === null, "no payload ran");
  check(errors.length === 0, `no script error (${errors.join("; ")})`);
} catch (e) {
  console.log(`FAILED: ${e.stack || e}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
