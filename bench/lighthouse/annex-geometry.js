// Compares the on-screen annex of two running apps cell by cell (decision 131): every cell's text, x, width, y and
// height, the header's, and the table's height, at 360 and 1280 px, to 0,1 px. Places are measured from the table's
// top left corner, so that a change above the table (e.g. the date form) moves nothing; the page heights are printed. Every block is scrolled into view
// first, so that the browser draws it (content-visibility: auto). Exits 1 on the first difference.
//   node bench/lighthouse/annex-geometry.js BASE_A "COOKIE_A" BASE_B "COOKIE_B" [/annex?…]
'use strict';
const puppeteer = require('puppeteer-core');

async function read(browser, url, cookie, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.setExtraHTTPHeaders({ Cookie: cookie });
  await page.goto(url, { waitUntil: 'networkidle0' });
  const out = await page.evaluate(async () => {
    const table = document.querySelector('[data-testid=annex-table]');
    const origin = () => { const r = table.getBoundingClientRect(); return [r.x + scrollX, r.top + scrollY]; };
    const box = c => { const r = c.getBoundingClientRect(), [x0, y0] = origin(); return [c.textContent.trim(), r.x + scrollX - x0, r.width, r.top + scrollY - y0, r.height]; };
    const rows = [[...table.querySelectorAll('thead th')].map(box)];
    for (const block of table.querySelectorAll(':scope > .annex-block')) {
      block.scrollIntoView({ block: 'start', behavior: 'instant' });
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const tr of block.querySelectorAll('tbody tr')) rows.push([...tr.cells].map(box));
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    return { rows, height: table.getBoundingClientRect().height, page: document.documentElement.scrollHeight };
  });
  await page.close();
  return out;
}

(async () => {
  const [a, cookieA, b, cookieB, path = '/annex'] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  let failed = false;
  try {
    for (const width of [360, 1280]) {
      const [x, y] = [await read(browser, a + path, cookieA, width), await read(browser, b + path, cookieB, width)];
      let cells = 0, worst = 0;
      const fail = m => { console.log(`${width} px: ${m}`); failed = true; };
      if (x.rows.length !== y.rows.length) fail(`${x.rows.length} rows against ${y.rows.length}`);
      if (Math.abs(x.height - y.height) > 0.1) fail(`table height ${x.height} against ${y.height}`);
      for (let r = 0; r < Math.min(x.rows.length, y.rows.length) && !failed; r++) {
        if (x.rows[r].length !== y.rows[r].length) { fail(`row ${r}: ${x.rows[r].length} cells against ${y.rows[r].length}`); break; }
        for (let c = 0; c < x.rows[r].length; c++) {
          const [p, q] = [x.rows[r][c], y.rows[r][c]];
          if (p[0] !== q[0]) { fail(`row ${r} cell ${c}: '${p[0]}' against '${q[0]}'`); break; }
          const d = Math.max(...[1, 2, 3, 4].map(i => Math.abs(p[i] - q[i])));
          worst = Math.max(worst, d); cells++;
          if (d > 0.1) { fail(`row ${r} cell ${c} '${p[0]}': x/width/top/height ${p.slice(1).map(v => v.toFixed(1))} against ${q.slice(1).map(v => v.toFixed(1))}`); break; }
        }
      }
      console.log(`${width} px: ${x.rows.length} rows, ${cells} cells compared, largest difference ${worst.toFixed(3)} px, table height ${x.height} / ${y.height}, page height ${x.page} / ${y.page}`);
    }
  } finally { await browser.close(); }
  process.exit(failed ? 1 : 0);
})();
