// Chrome's own counters for page loads of two (or more) running apps, taken in turns (A B A B …) so that a busy
// machine weighs on both alike: each load in a browser of its own (empty cache, as Lighthouse loads), the phone's
// viewport (412 × 823) and Lighthouse's 4× CPU slowdown applied for real (Emulation.setCPUThrottlingRate), a trace
// recorded and read on the page's main thread. Per load: the time spent parsing HTML, in style (UpdateLayoutTree),
// layout, script (compile + run), the number and sum of tasks ≥ 50 ms, and the blocking time they make after first
// contentful paint (Σ (task − 50 ms), as Lighthouse's TBT counts it, here on the throttled trace instead of a
// simulation). Prints one Markdown row per load and the medians per app.
//   node bench/lighthouse/load-counters.js RUNS PATH NAME=BASE_URL=COOKIE [NAME=BASE_URL=COOKIE …]
//   e.g. node bench/lighthouse/load-counters.js 5 /annex A=http://127.0.0.1:5601="$COOKIE_A" B=http://127.0.0.1:5602="$COOKIE_B"
// CPU=1 loads without the slowdown. KEEP_TRACES=folder also writes every trace there (read one with trace-tasks.js).
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];

function summarise(events) {
  const threads = events.filter(e => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const parsed = new Map();
  for (const e of events) if (e.name === 'ParseHTML' && e.dur) parsed.set(`${e.pid}:${e.tid}`, (parsed.get(`${e.pid}:${e.tid}`) || 0) + e.dur);
  // The page's renderer is the one that painted it (headless Chrome parses pages of its own in another renderer).
  const painted = events.find(e => e.name === 'firstContentfulPaint');
  const main = painted ? `${painted.pid}:${painted.tid}` : threads.map(t => `${t.pid}:${t.tid}`).sort((a, b) => (parsed.get(b) || 0) - (parsed.get(a) || 0))[0];
  const onMain = events.filter(e => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null);
  // Chrome writes a task as RunTask inside ThreadControllerImpl::RunTask (or only one of them): the outer one counts.
  const outer = onMain.some(e => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = onMain.filter(e => e.name === outer);
  const nav = events.find(e => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main);
  const fcp = events.find(e => e.name === 'firstContentfulPaint' && `${e.pid}:${e.tid}` === main);
  // Outermost events only: a nested event of the same name is not counted twice.
  const sum = (...names) => {
    const list = onMain.filter(e => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
    let total = 0, end = 0;
    for (const e of list) { if (e.ts >= end) { total += e.dur; end = e.ts + e.dur; } else if (e.ts + e.dur > end) { total += e.ts + e.dur - end; end = e.ts + e.dur; } }
    return total / 1000;
  };
  const long = tasks.filter(t => t.dur >= 50000);
  const afterFcp = fcp ? long.filter(t => t.ts + t.dur > fcp.ts) : long;
  // A task that began before first paint counts from there, as in Lighthouse.
  const from = fcp ? fcp.ts : 0;
  const blocking = afterFcp.reduce((s, t) => s + Math.max(0, t.ts + t.dur - Math.max(t.ts, from) - 50000), 0) / 1000;
  return {
    fcp: fcp && nav ? (fcp.ts - nav.ts) / 1000 : NaN,
    parse: sum('ParseHTML'), style: sum('UpdateLayoutTree'), layout: sum('Layout'),
    script: sum('EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'EventDispatch'),
    long: long.length, longMs: long.reduce((s, t) => s + t.dur, 0) / 1000, blocking,
    longest: tasks.reduce((m, t) => Math.max(m, t.dur), 0) / 1000,
  };
}

async function load(base, cookie, url, keep, prepare) {
  // A new browser per load, as Lighthouse starts one per run: nothing (cache, fonts, compiled code) carried over.
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await page.setExtraHTTPHeaders({ Cookie: cookie });
  const client = await page.createCDPSession();
  await client.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
  if (prepare) await prepare(page);
  await client.send('Performance.enable');
  await page.tracing.start({ categories });
  await page.goto(base + url, { waitUntil: 'load' });
  await new Promise(r => setTimeout(r, 1500));
  const buffer = await page.tracing.stop();
  const metrics = Object.fromEntries((await client.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
  if (keep) fs.writeFileSync(keep, buffer);
  const raw = JSON.parse(Buffer.from(buffer).toString("utf8"));
  const out = summarise(Array.isArray(raw) ? raw : raw.traceEvents);
  out.nodes = metrics.Nodes;
  out.layoutCount = metrics.LayoutCount;
  out.styleCount = metrics.RecalcStyleCount;
  return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const [runs, url, ...apps] = process.argv.slice(2);
  const parsedApps = apps.map(a => { const [name, ...rest] = a.split('='); const joined = rest.join('='); const i = joined.indexOf('=', joined.indexOf('//') + 2);
    return { name, base: joined.slice(0, i), cookie: joined.slice(i + 1) }; });
  const results = Object.fromEntries(parsedApps.map(a => [a.name, []]));
  const f = n => n.toFixed(0);
  console.log(`| Run | App | FCP | Parse HTML | Style | Layout | Script | Tasks ≥ 50 ms | Σ of them | Blocking after FCP | Longest | DOM nodes |`);
  console.log(`|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const a of parsedApps) await load(a.base, a.cookie, url); // once unrecorded each: the app's first load of the page
  {
    for (let run = 1; run <= Number(runs); run++) {
      for (const a of parsedApps) {
        const keep = process.env.KEEP_TRACES ? path.join(process.env.KEEP_TRACES, `${a.name}-${url.replace(/[^a-z0-9]/gi, '_')}-${run}.trace.json`) : null;
        const r = await load(a.base, a.cookie, url, keep);
        results[a.name].push(r);
        console.log(`| ${run} | ${a.name} | ${f(r.fcp)} ms | ${f(r.parse)} ms | ${f(r.style)} ms | ${f(r.layout)} ms | ${f(r.script)} ms | ${r.long} | ${f(r.longMs)} ms | ${f(r.blocking)} ms | ${f(r.longest)} ms | ${r.nodes} |`);
      }
    }
  }
  const median = xs => { const s = [...xs].sort((p, q) => p - q); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  console.log('\nMedians:');
  for (const [name, rs] of Object.entries(results)) {
    const m = k => f(median(rs.map(r => r[k])));
    console.log(`| ${name} | FCP ${m('fcp')} ms | parse ${m('parse')} ms | style ${m('style')} ms | layout ${m('layout')} ms | script ${m('script')} ms | long tasks ${m('long')} (${m('longMs')} ms) | blocking ${m('blocking')} ms | longest ${m('longest')} ms | nodes ${m('nodes')} |`);
  }
}

module.exports = { load, summarise };
if (require.main === module) main().catch(e => { console.error(e); process.exit(1); });
