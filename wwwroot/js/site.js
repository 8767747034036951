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
})();
