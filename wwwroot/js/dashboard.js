// BluezoneTracker dashboard: draws the four charts from the JSON fetched from the URL in the charts'
// data-charts attribute (the page's own query, handler=charts; kept by the server's response cache) when
// they come near the screen, so the page itself stays small (issue #13). Every text and every tooltip value
// comes formatted from the server; only axis ticks are formatted here (Vietnamese style).
(function () {
  'use strict';

  // The chart picker's search field: every child as a suggestion, fetched once when the field gets focus.
  var search = document.querySelector('input[data-children][list]');
  if (search && window.fetch) {
    search.addEventListener('focus', function () {
      var list = document.getElementById(search.getAttribute('list'));
      if (!list || search.hasAttribute('data-filled')) { return; }
      search.setAttribute('data-filled', 'true');
      fetch(search.getAttribute('data-children'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
        .then(function (children) {
          var fragment = document.createDocumentFragment();
          children.forEach(function (child) {
            var option = document.createElement('option');
            option.value = child.name;
            option.label = child.code;
            fragment.appendChild(option);
          });
          list.appendChild(fragment);
        })
        .catch(function () { search.removeAttribute('data-filled'); });
    });
  }

  var holder = document.querySelector('.charts[data-charts]');
  if (!holder || !window.BluezoneCharts || !window.fetch) { return; }
  // Drawn when the charts come near the screen (lazy-charts.js loads Chart.js then); the data is fetched
  // at the same moment. Should either fail, the summaries and tables beside the charts hold every figure.
  var fetched = null;
  window.BluezoneCharts.whenVisible(holder, function () {
    fetched = fetched || fetch(holder.getAttribute('data-charts'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); });
    fetched.then(draw).catch(function () { holder.setAttribute('data-charts-failed', 'true'); });
  });

  function draw(data) {

  var ink = '#212529';
  var blue = '#0b5cad';
  var red = '#b00020';
  var green = '#1e7b34';
  var grey = '#6c757d';
  var lineColours = ['#8a4b00', '#5a2d91', '#00695c', '#ad1457', '#37474f', '#4e6a00'];
  var pointStyles = ['triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross'];
  var dashes = [[6, 3], [2, 2], [8, 3, 2, 3], [], [4, 4], [1, 3]];

  // 84126 → "84.126", 6.74 → "6,74".
  // Axis ticks in the UI language's separators (the server sends them: "." and "," in Vietnamese).
  var separators = data.separators || { thousands: '.', decimal: ',' };
  function number(value) {
    var parts = String(Math.abs(value)).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, separators.thousands);
    return (value < 0 ? '-' : '') + whole + (parts[1] ? separators.decimal + parts[1] : '');
  }

  Chart.defaults.animation = false;
  Chart.defaults.color = ink;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  Chart.defaults.maintainAspectRatio = false;

  // Vertical reference lines (target, province rate) labelled in words, not colour alone.
  var referenceLines = {
    id: 'referenceLines',
    afterDatasetsDraw: function (chart, args, options) {
      var lines = (options && options.lines) || [];
      // Where each label was written, for the browser test that checks no label covers a bar.
      chart.$referenceLabelBoxes = [];
      var ctx = chart.ctx;
      var area = chart.chartArea;
      lines.forEach(function (line, i) {
        var x = chart.scales.x.getPixelForValue(line.value);
        ctx.save();
        ctx.strokeStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(line.dash || []);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = line.color;
        ctx.font = 'bold 12px ' + Chart.defaults.font.family;
        var width = ctx.measureText(line.label).width;
        var left = x + 4 + width > area.right ? x - 4 - width : x + 4;
        // In the band reserved above the bars (the title's bottom padding), never over a bar.
        var baseline = area.top - 6 - i * 16;
        ctx.fillText(line.label, left, baseline);
        chart.$referenceLabelBoxes.push({ left: left, right: left + width, top: baseline - 12, bottom: baseline + 2 });
        ctx.restore();
      });
    }
  };

  Chart.register(referenceLines);

  function tooltipFrom(display) {
    return { callbacks: { label: function (item) { return ' ' + display[item.dataIndex]; } } };
  }

  // Room per bar: a 12 px label (14.4 px line) with a gap, so that 63 provinces' names never overlap
  // each other or the bars; the box grows with the number of bars instead of squeezing them.
  var pixelsPerBar = 18;
  var chartChrome = 110;

  function horizontalBars(id, names, values, colours, axis, title, display, extra) {
    var canvas = document.getElementById(id);
    if (!canvas) { return null; }
    var box = canvas.parentElement;
    var needed = names.length * pixelsPerBar + chartChrome;
    if (box && needed > box.clientHeight) { box.style.height = needed + 'px'; }
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: names, datasets: [{ label: axis, data: values, backgroundColor: colours, borderWidth: 0 }] },
      options: Object.assign({
        indexAxis: 'y',
        plugins: { legend: { display: false }, title: { display: true, text: title }, tooltip: tooltipFrom(display) },
        scales: {
          x: { beginAtZero: true, title: { display: true, text: axis }, ticks: { callback: number } },
          y: { ticks: { autoSkip: false } }
        }
      }, extra || {})
    });
  }

  // (a) Rate by district, highest first, with the target and province lines.
  var rate = data.rate;
  var lines = [];
  if (rate.target !== null) { lines.push({ value: rate.target, label: rate.targetLabel, color: red, dash: [6, 4] }); }
  if (rate.province !== null) { lines.push({ value: rate.province, label: rate.provinceLabel, color: ink }); }
  var rateMax = Math.max.apply(null, rate.values.concat(lines.map(function (l) { return l.value; })));
  var rateChart = horizontalBars('chart-rate', rate.names, rate.values, blue, rate.axis, rate.title, rate.display, {
    // The title's bottom padding is the band where the reference lines' labels are written.
    plugins: { legend: { display: false }, title: { display: true, text: rate.title, padding: { top: 6, bottom: 8 + 16 * lines.length } }, tooltip: tooltipFrom(rate.display), referenceLines: { lines: lines } }
  });
  if (rateChart) {
    rateChart.options.scales.x.suggestedMax = Math.ceil(rateMax * 1.05);
    rateChart.update();
  }

  // (d) Progress toward the target per district; the status is also a mark in the label.
  var progress = data.progress;
  var statusColour = { OnTrack: green, Achieved: green, OffTrack: red, Missed: red };
  var statusMark = { OnTrack: ' ✓', Achieved: ' ✓', OffTrack: ' ✗', Missed: ' ✗' };
  horizontalBars('chart-progress',
    progress.names.map(function (n, i) { return n + (statusMark[progress.status[i]] || ''); }),
    progress.values,
    progress.status.map(function (s) { return statusColour[s] || grey; }),
    progress.axis, progress.title, progress.display);
  var progressChart = Chart.getChart('chart-progress');
  if (progressChart) {
    progressChart.options.scales.x.suggestedMax = 100;
    progressChart.update();
  }

  // (b) Adoption rate over time: the province and the chosen districts on one axis (rates, so no second
  // y axis), against days since the first count, so a five-day gap is five times as wide as a one-day gap.
  // A linear scale of day numbers with date labels: a time scale would need a date adapter, none is vendored.
  var cumulative = data.cumulative;
  var cumulativeCanvas = document.getElementById('chart-cumulative');
  if (cumulativeCanvas && cumulative.start) {
    var start = new Date(cumulative.start + 'T00:00:00Z');
    var dayLabel = function (day) {
      var date = new Date(start.getTime() + day * 86400000);
      return date.getUTCDate() + '/' + (date.getUTCMonth() + 1);
    };
    var lastDay = cumulative.days[cumulative.days.length - 1];
    new Chart(cumulativeCanvas, {
      type: 'line',
      data: {
        datasets: cumulative.lines.map(function (line, i) {
          var colour = line.province ? blue : lineColours[(i - 1) % lineColours.length];
          return {
            label: line.name,
            data: line.values.map(function (v, k) { return { x: cumulative.days[k], y: v }; }),
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: line.province ? 3 : 2,
            borderDash: line.province ? [] : dashes[(i - 1) % dashes.length],
            pointStyle: line.province ? 'circle' : pointStyles[(i - 1) % pointStyles.length],
            pointRadius: 4,
            spanGaps: false
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          title: { display: true, text: cumulative.title },
          legend: { labels: { usePointStyle: true } },
          tooltip: { callbacks: {
            title: function (items) { return items.length ? cumulative.dates[items[0].dataIndex] : ''; },
            label: function (item) { return ' ' + item.dataset.label + ': ' + cumulative.lines[item.datasetIndex].display[item.dataIndex]; }
          } }
        },
        scales: {
          x: { type: 'linear', min: 0, max: Math.max(lastDay, 1), ticks: { stepSize: lastDay > 21 ? 7 : 1, callback: dayLabel } },
          y: { beginAtZero: true, title: { display: true, text: cumulative.axis }, ticks: { callback: number } }
        }
      }
    });
  }

  // (c) New registrations per day between snapshots (change / days), so gaps are not spikes.
  var daily = data.daily;
  var dailyCanvas = document.getElementById('chart-daily');
  if (dailyCanvas) {
    new Chart(dailyCanvas, {
      type: 'bar',
      data: { labels: daily.periods, datasets: [{ label: daily.axis, data: daily.values, backgroundColor: blue }] },
      options: {
        plugins: { legend: { display: false }, title: { display: true, text: daily.title }, tooltip: tooltipFrom(daily.display) },
        scales: { y: { beginAtZero: true, title: { display: true, text: daily.axis }, ticks: { callback: number } } }
      }
    });
  }
  }
}());
