// BluezoneTracker: draws a chart only when it comes near the screen, and fetches Chart.js (about 200 KB) only
// then, so that a phone shows the page's figures first and spends no time on charts it never scrolls to.
// Charts are drawn once and without animation (dashboard.js and area-history.js turn animation off).
// Usage: BluezoneCharts.whenVisible(element, draw) — draw() runs after Chart.js is loaded.
(function () {
  'use strict';
  var self = document.currentScript;
  var source = self && self.getAttribute('data-chartjs');
  var loading = null;

  function loadChartJs() {
    if (typeof window.Chart !== 'undefined') { return Promise.resolve(); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = source;
        script.onload = function () { resolve(); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function run(draw) {
    loadChartJs().then(draw, function () { /* no charts: the tables beside them still hold every figure */ });
  }

  function whenVisible(element, draw) {
    if (!element) { return; }
    if (!('IntersectionObserver' in window)) { run(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        run(draw);
      }
    }, { rootMargin: '200px 0px' });
    observer.observe(element);
  }

  window.BluezoneCharts = { whenVisible: whenVisible };
}());
