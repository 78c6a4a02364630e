// Drives the review page in a real headless Chromium: rejects one substitution, adds one
// missed name, marks the document reviewed and keeps a screenshot.
// Usage: node tests/e2e/review.mjs URL SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => { console.error(`page error: ${e.message}`); process.exitCode = 1; });
  await page.goto(url);
  await page.waitForSelector("#text mark");

  // "Yildiz" is doubted twice, one entry with its count; each click shows the next place.
  const doubts = await page.$$eval("#flags .flag", (els) => els.map((e) => e.textContent));
  const yildiz = doubts.filter((d) => d.includes("Yildiz"));
  if (yildiz.length !== 1 || !yildiz[0].endsWith("(2×)")) throw new Error(`doubts about Yildiz: ${JSON.stringify(doubts)}`);
  await page.click("#flags .flag:has-text('Yildiz')");
  await page.click("#flags .flag:has-text('Yildiz')");

  // Reject the e-mail address: click its highlight, press r.
  await page.click('mark.email');
  await page.keyboard.press("r");
  await page.waitForSelector("mark.email.rejected");

  // Add the missed name: select "Ahmet Yildiz" in the text, add it with its other occurrences.
  await page.evaluate(() => {
    const name = "Ahmet Yildiz";
    const span = [...document.querySelectorAll("#text span")].find((s) => s.textContent.includes(name));
    const node = span.firstChild;
    const at = node.textContent.indexOf(name);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + name.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.getElementById("text").dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  });
  await page.waitForSelector("#add:not([hidden])");
  await page.selectOption("#add-category", "person");
  await page.click("#add-button");
  await page.waitForSelector("mark.added");
  // The page shows the placeholder that apply will write.
  const shown = await page.textContent("mark.added");
  if (shown !== "[persoon 1]") throw new Error(`added span shows ${JSON.stringify(shown)}, expected "[persoon 1]"`);

  // Mark the document reviewed with the keyboard.
  await page.click("#title");
  await page.keyboard.press("m");
  await page.waitForSelector(".badge.done");
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log("review done");
} finally {
  await browser.close();
}
