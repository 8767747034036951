// Every page: the navbar's menu toggle on narrow screens. Without script css/no-js.css (loaded in a <noscript>)
// keeps the menu open, so nothing is ever out of reach.
(function () {
  'use strict';
  // An ISO day (yyyy-MM-dd), as a date field's value is: the date choice and iso() below test it.
  var isoDay = /^\d{4}-\d{2}-\d{2}$/;

  // A page kept for every user of a role holds no name and no form token: its plain links are replaced by
  // this user's own menu (name, sign-out and language forms), fetched uncached (docs/decisions/099).
  var userMenu = document.getElementById('user-menu');
  var menuUrl = userMenu && userMenu.getAttribute('data-menu');
  if (menuUrl && window.fetch) {
    fetch(menuUrl, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) { userMenu.innerHTML = html; userMenu.removeAttribute('data-menu'); } })
      .catch(function () { /* the plain links stay and work */ });
  }
  // The report-date forms (dashboard, annex): a report date (#date) and what it is compared with (#compare).
  // - A report date on or before the comparison chosen for the previous one would be refused (the comparison must
  //   come before it): the comparison goes back to "the previous report" (empty) instead, and a comparison date
  //   field offers only days before the report date.
  // - A list reloads the page as soon as it is changed. A date field does not: it is typed part by part (day,
  //   month, year) and every keystroke already makes a whole date, so it waits for "Xem" or Enter.
  var reportDate = document.getElementById('date');
  var comparedWith = document.getElementById('compare');
  if (reportDate && comparedWith && reportDate.form && reportDate.form === comparedWith.form) {
    var keepComparisonBefore = function () {
      if (!isoDay.test(reportDate.value)) { return; }
      if (isoDay.test(comparedWith.value) && comparedWith.value >= reportDate.value) { comparedWith.value = ''; }
      if (comparedWith.type === 'date') {
        var before = new Date(reportDate.value + 'T00:00:00Z');
        before.setUTCDate(before.getUTCDate() - 1);
        comparedWith.max = before.toISOString().slice(0, 10);
      }
    };
    // Registered before the lists' reload below, so the form is sent with the comparison already put right.
    reportDate.addEventListener('change', keepComparisonBefore);
    keepComparisonBefore();
  }
  document.querySelectorAll('select[data-autosubmit]').forEach(function (list) {
    list.addEventListener('change', function () { list.form.submit(); });
  });

  // A closed <details> may hold its content as the text of a <noscript class="when-opened"> (ShownWhenOpenedTagHelper,
  // docs/decisions/151): the browser made no elements of it at load. Opened, the same markup is put in its place.
  // 'toggle' does not bubble: caught on its way down. Details opened before this script ran are drawn now.
  function drawWhenOpened(details) {
    Array.prototype.forEach.call(details.querySelectorAll(':scope > noscript.when-opened'), function (text) {
      var markup = document.createElement('template');
      markup.innerHTML = text.textContent;
      text.parentNode.replaceChild(markup.content, text);
    });
  }
  document.addEventListener('toggle', function (e) {
    if (e.target.tagName === 'DETAILS' && e.target.open) { drawWhenOpened(e.target); }
  }, true);
  document.querySelectorAll('details[open]').forEach(drawWhenOpened);
  // The links for a browser in which this script did not run (decision 172): it did run.
  document.querySelectorAll('.when-opened-fallback').forEach(function (link) { link.parentNode.removeChild(link); });

  document.querySelectorAll('.navbar-toggler[aria-controls]').forEach(function (toggle) {
    var menu = document.getElementById(toggle.getAttribute('aria-controls'));
    if (!menu) { return; }
    toggle.addEventListener('click', function () {
      var open = menu.classList.toggle('show');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  });

  // Date fields in Vietnamese are text (d/M/yyyy, whatever the browser's locale) with a calendar
  // button beside them: the browser's own picker, hidden, writes its choice back as d/M/yyyy.
  function iso(text) {
    var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text.trim()) || null;
    if (m) { return m[3] + '-' + ('0' + m[2]).slice(-2) + '-' + ('0' + m[1]).slice(-2); }
    return isoDay.test(text.trim()) ? text.trim() : '';
  }

  document.querySelectorAll('input[data-date-field][type=text]').forEach(function (field) {
    var picker = document.createElement('input');
    picker.type = 'date';
    picker.tabIndex = -1;
    picker.className = 'date-field-picker';
    picker.setAttribute('aria-hidden', 'true');
    if (typeof picker.showPicker !== 'function') { return; }

    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-outline-secondary date-field-button';
    button.setAttribute('aria-label', field.getAttribute('data-picker-label') || '');
    button.title = field.getAttribute('data-picker-label') || '';
    // A drawn calendar icon: an emoji would need an emoji font, which office PCs often lack.
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 0v1H2a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V3a2 2 0 0 0-2-2h-2V0h-1v1H5V0H4zM1 5h14v9a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V5zm2 2v2h2V7H3zm4 0v2h2V7H7zm4 0v2h2V7h-2zm-8 4v2h2v-2H3zm4 0v2h2v-2H7z');
    svg.appendChild(path);
    button.appendChild(svg);

    var group = document.createElement('div');
    group.className = 'input-group date-field-group';
    field.parentNode.insertBefore(group, field);
    group.appendChild(field);
    group.appendChild(button);
    group.appendChild(picker);

    button.addEventListener('click', function () {
      picker.value = iso(field.value);
      try { picker.showPicker(); } catch (e) { field.focus(); }
    });
    picker.addEventListener('change', function () {
      var parts = picker.value.split('-');
      if (parts.length === 3) {
        field.value = Number(parts[2]) + '/' + Number(parts[1]) + '/' + parts[0];
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  });
})();
