// The page, in Debian's headless chromium: open the events, go to the
// al-Sina'a event, click the 12 attackers value and see al-Naba's sentence
// highlighted in the document view. Writes a screenshot.
//
//   node sinaa.mjs http://127.0.0.1:PORT/ SCREENSHOT.png
import { launch } from "./launch.mjs";

const [url, shot] = process.argv.slice(2);
if (!url || !shot) {
  console.error("usage: node sinaa.mjs URL SCREENSHOT.png");
  process.exit(2);
}

const browser = await launch();
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.click('a[data-event="sinaa_prison_attack_2022"]');
  const chip = page.locator('section[data-facet="attackers_count"] button.chip[data-value="12"]');
  await chip.waitFor();
  await chip.click();
  // The clicked claim's sentence may be cut into pieces by other marks.
  const current = page.locator("article.doc .sentence.current");
  await current.first().waitFor();
  const sentence = (await current.allInnerTexts()).join("");
  const mark = (await current.locator("mark.claim").allInnerTexts()).join(" ");
  const dir = await page.locator("article.doc").getAttribute("dir");
  await page.screenshot({ path: shot, fullPage: false });
  console.log(JSON.stringify({ sentence, mark, dir }));
  // A report whose text is an HTML payload shows as text and runs nothing.
  const listing = await (await page.request.get(new URL("/api/documents?limit=500", url).href)).json();
  const xss = listing.documents.find((d) => d.fields.doc === "xss");
  let xssShown = false, pwned = null;
  if (xss) {
    await page.goto(new URL(`/#/doc/${xss.id}`, url).href);
    const article = page.locator('article.doc[data-doc="xss"]');
    await article.waitFor();
    xssShown = (await article.innerText()).includes("<img src=x onerror=");
    pwned = await page.evaluate(() => window.__pwned ?? null);
  }
  const checks = [
    [xss !== undefined, "the payload document is stored"],
    [xssShown, "the payload shows as text"],
    [pwned === null, "the payload ran nothing"],
    [sentence.includes("النبأ") || sentence.includes("الصحيفة") || sentence.includes("التنظيم"), "the sentence is al-Naba's"],
    [/12/.test(mark), "the 12 is marked"],
    [dir === "rtl", "the Arabic article is right to left"],
    [errors.length === 0, `no script error (${errors.join("; ")})`],
  ];
  for (const [ok, what] of checks) {
    if (!ok) {
      console.error(`FAILED: ${what}`);
      failed = true;
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
