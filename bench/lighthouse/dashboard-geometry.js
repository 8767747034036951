// Compares the dashboard of two running apps cell by cell (decision 150), as annex-geometry.js does for the annex:
// every <details> opened (so the chart tables and the reporting list are laid out too), every table scrolled into
// view (the long lists are drawn only near the screen, content-visibility: auto), then every cell's text, x, width,
// y and height on the page, each table's box, and the page's height, at 360 and 1280 px, to 0,1 px. Also counts the
// whitespace-only text nodes directly inside table parts (table, thead, tbody, tfoot, tr). Exits 1 on the first difference.
//   node bench/lighthouse/dashboard-geometry.js BASE_A "COOKIE_A" BASE_B "COOKIE_B" [/?…]
'use strict';
const puppeteer = require('puppeteer-core');

async function read(browser, url, cookie, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.setExtraHTTPHeaders({ Cookie: cookie });
  await page.goto(url, { waitUntil: 'networkidle0' });
  const out = await page.evaluate(async () => {
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const d of document.querySelectorAll('details')) d.open = true;
    await frame();
    // A closed details' content written as <noscript class="when-opened"> (decision 151) is put in place by site.js on
    // the 'toggle' event, a task after opening: waited for, so that both pages are read with every table built.
    for (let i = 0; i < 100 && document.querySelector('details[open] > noscript.when-opened'); i++) await frame();
    const box = e => { const r = e.getBoundingClientRect(); return [e.textContent.trim().replace(/\s+/g, ' '), r.x + scrollX, r.width, r.top + scrollY, r.height]; };
    // A first pass through every table: a block drawn only near the screen (content-visibility: auto) holds a guessed
    // height until drawn once, and is drawn a frame or two after it comes near — later on a busy machine. Measured
    // in one pass, a table's place then depended on how far the blocks above had got (up to 24 780 px apart between
    // two loads of the same page); after this pass each block keeps its drawn height ('auto'), so both pages are
    // read in the same settled state.
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
  });
  await page.close();
  return out;
}

(async () => {
  const [a, cookieA, b, cookieB, path = '/'] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  let failed = false;
  try {
    for (const width of [360, 1280]) {
      const [x, y] = [await read(browser, a + path, cookieA, width), await read(browser, b + path, cookieB, width)];
      let cells = 0, worst = 0;
      const fail = m => { console.log(`${width} px: ${m}`); failed = true; };
      if (x.tables.length !== y.tables.length) fail(`${x.tables.length} tables against ${y.tables.length}`);
      if (Math.abs(x.page - y.page) > 0.1) fail(`page height ${x.page} against ${y.page}`);
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
      console.log(`${width} px: ${x.tables.length} tables (${x.tables.map(t => t.name + ' ' + t.rows.length).join(', ')}), ${cells} cells compared, ` +
        `largest difference ${worst.toFixed(3)} px, page height ${x.page} / ${y.page}, elements ${x.nodes} / ${y.nodes}, blank text nodes in table parts ${x.blank} / ${y.blank}`);
    }
  } finally { await browser.close(); }
  process.exit(failed ? 1 : 0);
})();
