// Live total of the entry grid. The server parses counts again (the only parser that counts);
// this only shows the sum while typing: "21.106", "21,106" and "21 106" read as 21106.
(function () {
    'use strict';
    var form = document.querySelector('form.snapshot-grid');
    if (!form) { return; }
    var output = form.querySelector('[data-total]');
    var format = new Intl.NumberFormat('vi-VN');

    function parse(text) {
        var s = text.trim();
        if (s === '') { return 0; }
        if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(s)) { return NaN; }
        return parseInt(s.replace(/[.,\s]/g, ''), 10);
    }

    function update() {
        var total = 0;
        form.querySelectorAll('input[data-count]').forEach(function (input) {
            var value = parse(input.value);
            input.classList.toggle('is-invalid', isNaN(value));
            total += isNaN(value) ? 0 : value;
        });
        output.textContent = format.format(total);
    }

    form.addEventListener('input', update);
    update();
})();
