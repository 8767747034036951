// Compares the tables of one page of two running apps cell by cell (decisions 131, 150, 151, 171): every <details>
// opened (a closed details' content written as <noscript class="when-opened"> is waited for until site.js has built
// it), every table of <main> scrolled into view twice (blocks drawn only near the screen, content-visibility: auto,
// hold a guessed height until drawn once), then every cell's text, x, width, y and height, each table's box, at 360
// and 1280 px, to 0,1 px. Also counts the whitespace-only text nodes directly inside table parts. Exits 1 on the
// first difference.
//   node bench/lighthouse/table-geometry.js PAGE BASE_A "COOKIE_A" BASE_B "COOKIE_B" [path]
// PAGE says where places are measured from and what else must match:
//   dashboard  from the page's top left corner; the page heights must match too (default path /)
//   annex      from the annex table's top left corner, so that a change above it (the date form, a sign-off
//              notice) moves nothing; page heights are printed only (default path /annex)
'use strict';
const puppeteer = require('puppeteer-core');

const pages = {
  dashboard: { path: '/', origin: null, samePageHeight: true },
  annex: { path: '/annex', origin: '[data-testid=annex-table]', samePageHeight: false },
};

async function read(browser, url, cookie, width, origin) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.setExtraHTTPHeaders({ Cookie: cookie });
  await page.goto(url, { waitUntil: 'networkidle0' });
  const out = await page.evaluate(async originSelector => {
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const d of document.querySelectorAll('details')) d.open = true;
    await frame();
    for (let i = 0; i < 100 && document.querySelector('details[open] > noscript.when-opened'); i++) await frame();
    const originElement = originSelector && document.querySelector(originSelector);
    if (originSelector && !originElement) throw new Error(`no ${originSelector} on the page`);
    const origin = () => {
      if (!originElement) return [0, 0];
      const r = originElement.getBoundingClientRect();
      return [r.x + scrollX, r.top + scrollY];
    };
    const box = e => {
      const r = e.getBoundingClientRect(), [x0, y0] = origin();
      return [e.textContent.trim().replace(/\s+/g, ' '), r.x + scrollX - x0, r.width, r.top + scrollY - y0, r.height];
    };
    // A first pass so that every block keeps its drawn height ('auto') before anything is measured: measured in one
    // pass, a table's place depended on how far the blocks above had got (up to 24 780 px apart between two loads).
    for (const table of document.querySelectorAll('main table')) {
      table.scrollIntoView({ block: 'start', behavior: 'instant' });
      await frame(); await frame();
    }
    const tables = [];
    for (const table of document.querySelectorAll('main table')) {
      table.scrollIntoView({ block: 'start', behavior: 'instant' });
      await frame();
      const rows = [...table.rows].map(tr => [...tr.cells].map(box));
      tables.push({ name: table.getAttribute('data-testid') || table.className, box: box(table).slice(1), rows });
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    await frame();
    const blank = [...document.querySelectorAll('main table, main thead, main tbody, main tfoot, main tr')]
      .reduce((n, e) => n + [...e.childNodes].filter(c => c.nodeType === 3 && !c.data.trim()).length, 0);
    return { tables, page: document.documentElement.scrollHeight, blank, nodes: document.querySelectorAll('*').length };
  }, origin);
  await page.close();
  return out;
}

(async () => {
  const [kind, a, cookieA, b, cookieB, pathArg] = process.argv.slice(2);
  const config = pages[kind];
  if (!config || !cookieB) {
    console.log(`usage: node table-geometry.js ${Object.keys(pages).join('|')} BASE_A "COOKIE_A" BASE_B "COOKIE_B" [path]`);
    process.exit(2);
  }
  const path = pathArg || config.path;
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  let failed = false;
  try {
    for (const width of [360, 1280]) {
      const [x, y] = [await read(browser, a + path, cookieA, width, config.origin), await read(browser, b + path, cookieB, width, config.origin)];
      let cells = 0, worst = 0;
      const fail = m => { console.log(`${width} px: ${m}`); failed = true; };
      if (x.tables.length !== y.tables.length) fail(`${x.tables.length} tables against ${y.tables.length}`);
      if (config.samePageHeight && Math.abs(x.page - y.page) > 0.1) fail(`page height ${x.page} against ${y.page}`);
      for (let t = 0; t < Math.min(x.tables.length, y.tables.length) && !failed; t++) {
        const [p, q] = [x.tables[t], y.tables[t]];
        const d = Math.max(...[0, 1, 2, 3].map(i => Math.abs(p.box[i] - q.box[i])));
        if (p.name !== q.name || d > 0.1 || p.rows.length !== q.rows.length) { fail(`table ${p.name}: box ${p.box} rows ${p.rows.length} against ${q.name} ${q.box} rows ${q.rows.length}`); break; }
        for (let r = 0; r < p.rows.length && !failed; r++) {
          if (p.rows[r].length !== q.rows[r].length) { fail(`${p.name} row ${r}: ${p.rows[r].length} cells against ${q.rows[r].length}`); break; }
          for (let c = 0; c < p.rows[r].length; c++) {
            const [u, v] = [p.rows[r][c], q.rows[r][c]];
            if (u[0] !== v[0]) { fail(`${p.name} row ${r} cell ${c}: '${u[0]}' against '${v[0]}'`); break; }
            const e = Math.max(...[1, 2, 3, 4].map(i => Math.abs(u[i] - v[i])));
            worst = Math.max(worst, e); cells++;
            if (e > 0.1) { fail(`${p.name} row ${r} cell ${c} '${u[0]}': x/width/top/height ${u.slice(1).map(n => n.toFixed(1))} against ${v.slice(1).map(n => n.toFixed(1))}`); break; }
          }
        }
      }
      const names = [...new Set(x.tables.map(t => t.name))].map(n => `${n} ×${x.tables.filter(t => t.name === n).length}`).join(', ');
      console.log(`${kind} ${width} px: ${x.tables.length} tables (${names}), ${cells} cells compared, ` +
        `largest difference ${worst.toFixed(3)} px, page height ${x.page} / ${y.page}, elements ${x.nodes} / ${y.nodes}, blank text nodes in table parts ${x.blank} / ${y.blank}`);
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})();
