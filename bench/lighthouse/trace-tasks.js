// Lists the long main-thread tasks of a page load from a Chrome trace saved by Lighthouse (--save-assets writes
// NAME-0.trace.json), with what each task spent its time on — the method of decision 131, kept for decision 150.
// Task times are the trace's own (unthrottled: Lighthouse's simulation multiplies them by its 4× CPU slowdown, so a
// task over 12,5 ms here counts as a long task there).
//   node bench/lighthouse/trace-tasks.js FILE.trace.json [MIN_MS=8]
'use strict';
const fs = require('fs');
const [file, minMs = '8'] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const threads = events.filter(e => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
// The page's renderer: the main thread that parsed the most HTML.
const parsed = new Map();
for (const e of events) if (e.name === 'ParseHTML' && e.dur) parsed.set(`${e.pid}:${e.tid}`, (parsed.get(`${e.pid}:${e.tid}`) || 0) + e.dur);
const main = threads.map(t => `${t.pid}:${t.tid}`).sort((a, b) => (parsed.get(b) || 0) - (parsed.get(a) || 0))[0];
const onMain = events.filter(e => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const tasks = onMain.filter(e => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const nav = events.find(e => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main) || tasks[0];
const kinds = { ParseHTML: 'parse', ParseAuthorStyleSheet: 'css', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prepaint',
  Paint: 'paint', EvaluateScript: 'script', 'v8.compile': 'compile', FunctionCall: 'script', TimerFire: 'script', EventDispatch: 'script',
  'v8.callFunction': 'script', HitTest: 'hittest', Commit: 'commit', 'Document::updateStyleAndLayout': 'style',
  'IntersectionObserverController::computeIntersections': 'io', 'V8.GCScavenger': 'gc', MajorGC: 'gc', MinorGC: 'gc' };
let total = 0, count = 0;
for (const t of tasks) {
  if (t.dur < minMs * 1000) continue;
  const end = t.ts + t.dur, spent = {};
  // Outermost event of each kind inside the task (nested events of the same kind are not counted twice).
  const open = [];
  for (const e of onMain) {
    if (e.ts < t.ts || e.ts >= end || e === t) continue;
    const k = kinds[e.name]; if (!k) continue;
    while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= e.ts) open.pop();
    if (!open.some(o => kinds[o.name] === k)) spent[k] = (spent[k] || 0) + e.dur;
    open.push(e);
  }
  const what = Object.entries(spent).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
  const urls = [...new Set(onMain.filter(e => e.ts >= t.ts && e.ts < end && (e.name === 'EvaluateScript' || e.name === 'FunctionCall'))
    .map(e => (e.args.data && (e.args.data.url || e.args.data.functionName)) || '').filter(Boolean).map(u => u.replace(/^.*\//, '').replace(/\?.*/, '')))].join(' ');
  console.log(`${((t.ts - nav.ts) / 1000).toFixed(0).padStart(6)} ms  ${(t.dur / 1000).toFixed(1).padStart(6)} ms  ${what}${urls ? '  [' + urls + ']' : ''}`);
  total += t.dur; count++;
}
const sum = name => onMain.filter(e => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
console.log(`${count} tasks ≥ ${minMs} ms, ${(total / 1000).toFixed(0)} ms; whole load: ParseHTML ${sum('ParseHTML').toFixed(0)} ms, ` +
  `UpdateLayoutTree ${sum('UpdateLayoutTree').toFixed(0)} ms, Layout ${sum('Layout').toFixed(0)} ms, EvaluateScript ${sum('EvaluateScript').toFixed(0)} ms, FunctionCall ${sum('FunctionCall').toFixed(0)} ms`);
