// Every page: the navbar's menu toggle on narrow screens. Without script the page keeps the
// "no-js" class and the menu stays open (site.css), so nothing is ever out of reach.
(function () {
  'use strict';
  document.documentElement.classList.remove('no-js');
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
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : '';
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
    button.textContent = '\uD83D\uDCC5';

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
