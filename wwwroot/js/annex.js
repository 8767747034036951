// The annex page (its date choice is site.js's): the print button, and copying the dispatch's
// summary sentence to the clipboard. Buttons stay hidden without JavaScript (the browser's own print
// and a manual selection still work); they hold their place while invisible, so showing them moves nothing
// (a layout shift Lighthouse counted on phones).
(function () {
    'use strict';
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.classList.remove('invisible');
        button.addEventListener('click', function () { window.print(); });
    });
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        var status = button.parentElement.querySelector('[data-copy-status]');
        if (!source) {
            return;
        }

        function report(message) {
            if (status) {
                status.textContent = message;
            }
        }

        function copyBySelection(text) {
            // Old office browsers without the Clipboard API (or on plain http) still have execCommand.
            var area = document.createElement('textarea');
            area.value = text;
            area.setAttribute('readonly', '');
            area.className = 'copy-buffer';
            document.body.appendChild(area);
            area.select();
            var ok = false;
            try {
                ok = document.execCommand('copy');
            } catch (e) {
                ok = false;
            }
            document.body.removeChild(area);
            return ok;
        }

        button.classList.remove('invisible');
        button.addEventListener('click', function () {
            var text = source.textContent.trim();
            var done = function () { report(button.getAttribute('data-copied')); };
            var failed = function () {
                report(copyBySelection(text) ? button.getAttribute('data-copied') : button.getAttribute('data-copy-failed'));
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text).then(done, failed);
            } else {
                failed();
            }
        });
    });

    // The annex's blocks not yet drawn hold the place of 50 lines (decision 120). How tall a line is depends on the
    // screen's width and on the names (a phone wraps them): measured on the first block, which is always drawn, so
    // the scrollbar is right and the page does not grow or shrink while the user scrolls through.
    var blocks = document.querySelector('.annex-blocks');
    var firstLines = blocks && blocks.querySelector('.annex-block tbody');
    if (firstLines && firstLines.rows.length > 0 && blocks.children.length > 1) {
        var measure = function () {
            var line = firstLines.getBoundingClientRect().height / firstLines.rows.length;
            if (line > 0) {
                blocks.style.setProperty('--annex-line', line.toFixed(2) + 'px');
            }
        };
        measure();
        var pending = 0;
        window.addEventListener('resize', function () {
            window.clearTimeout(pending);
            pending = window.setTimeout(measure, 200);
        });
    }
})();
