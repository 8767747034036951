// BluezoneTracker: an area's own history as a line chart (registrations, and the rate on a second axis) from
// the JSON the server embeds in <script type="application/json" id="area-history-data">. Days without a count
// are null points, drawn as breaks in the line (never interpolated). Tooltips use the server's formatted text.
(function () {
  'use strict';
  var source = document.getElementById('area-history-data');
  var canvas = document.getElementById('chart-area-history');
  if (!source || !canvas || !window.BluezoneCharts) { return; }
  window.BluezoneCharts.whenVisible(canvas, draw);

  function draw() {
  var data = JSON.parse(source.textContent);
  var separators = data.separators || { thousands: '.', decimal: ',' };
  function number(value) {
    var parts = String(Math.abs(value)).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, separators.thousands);
    return (value < 0 ? '-' : '') + whole + (parts[1] ? separators.decimal + parts[1] : '');
  }

  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        { label: data.registrationsLabel, data: data.registrations, yAxisID: 'y', borderColor: '#0b5cad', backgroundColor: '#0b5cad', borderWidth: 3, pointRadius: 3, spanGaps: false },
        { label: data.rateLabel, data: data.rate, yAxisID: 'rate', borderColor: '#8a4b00', backgroundColor: '#8a4b00', borderDash: [6, 3], pointStyle: 'rect', borderWidth: 2, pointRadius: 3, spanGaps: false }
      ]
    },
    options: {
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: function (item) {
              var text = item.datasetIndex === 0 ? data.registrationsText : data.rateText;
              return ' ' + item.dataset.label + ': ' + text[item.dataIndex];
            }
          }
        }
      },
      scales: {
        y: { beginAtZero: true, ticks: { callback: number } },
        rate: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return number(v) + ' %'; } } }
      }
    }
  });
  }
})();
