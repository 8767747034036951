// Writes wwwroot/lib/bootstrap/dist/css/bootstrap.used.min.css: Bootstrap 5.3.8's compiled CSS (the npm package
// pinned in package.json, the file libman.json records) less every rule whose selectors name a class, element or
// attribute that appears nowhere in our views, C# (class names chosen in code) or scripts. PurgeCSS matches words,
// not parsed markup, so a class written in any string survives.
// Classes only a script or the browser adds at run time are listed in `safelist`. Decision 110.
//
//   cd tools/bootstrap-trim && npm ci && node trim.mjs
//
// Re-run after adding a Bootstrap class to a page; the Web tests check that every Bootstrap class our sources
// mention is in the trimmed file (BootstrapTrimTests).
import { PurgeCSS } from 'purgecss';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = path.join(root, 'tools/bootstrap-trim/node_modules/bootstrap/dist/css/bootstrap.min.css');
const target = path.join(root, 'wwwroot/lib/bootstrap/dist/css/bootstrap.used.min.css');

const [result] = await new PurgeCSS().purge({
  css: [source],
  content: [
    path.join(root, 'src/BluezoneTracker.Web/**/*.cshtml'),
    path.join(root, 'src/BluezoneTracker.Web/**/*.cs'),
    path.join(root, 'wwwroot/js/*.js'),
  ],
  // Words: class names with their dashes and the colon-free parts of Razor expressions.
  defaultExtractor: content => content.match(/[A-Za-z0-9_-]+/g) || [],
  safelist: {
    // Added by scripts or by the browser at run time: the menu's open state, validation states.
    standard: ['show', 'collapsing', 'is-invalid', 'is-valid', 'was-validated'],
  },
  // Keep every custom property and keyframe: components read --bs-* variables set elsewhere.
  variables: false,
  keyframes: false,
  fontFace: false,
});

const header = '/*! Bootstrap v5.3.8 (https://getbootstrap.com/), MIT licence (LICENSE beside dist/). Trimmed to the rules '
  + 'this app uses by tools/bootstrap-trim/trim.mjs; the full file is bootstrap.min.css. */\n';
writeFileSync(target, header + result.css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '').trim() + '\n');
const before = readFileSync(source).length, after = readFileSync(target).length;
console.log(`${path.relative(root, target)}: ${after} bytes (from ${before})`);
