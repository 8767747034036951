// Full-page screenshots of pages at 1280 and 360 px in Chromium, signed in with a Cookie header, to look at
// what the bench runs measured. node bench/lighthouse/screenshots.js BASE "COOKIE" OUTDIR /path /path…
'use strict';
const puppeteer = require('puppeteer-core');

(async () => {
  const [base, cookie, outdir, ...paths] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const width of [1280, 360]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: width === 360 ? 740 : 900 });
      await page.setExtraHTTPHeaders({ Cookie: cookie });
      for (const path of paths) {
        await page.goto(base + path, { waitUntil: 'networkidle0' });
        // Scroll through so that the charts drawn on view are drawn.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); }
          window.scrollTo(0, 0);
        });
        await new Promise(r => setTimeout(r, 500));
        const name = (path.replace(/[^a-z0-9]+/gi, '_') || 'root') + '-' + width + '.png';
        await page.screenshot({ path: outdir + '/' + name, fullPage: true });
        console.log(outdir + '/' + name);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
})();
