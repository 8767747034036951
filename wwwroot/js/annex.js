// The annex page: date pickers that reload the page, the print button, and copying the dispatch's
// summary sentence to the clipboard. Buttons stay hidden without JavaScript (the browser's own print
// and a manual selection still work); they hold their place while invisible, so showing them moves nothing
// (a layout shift Lighthouse counted on phones).
(function () {
    'use strict';
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
        select.addEventListener('change', function () { select.form.submit(); });
    });

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
})();
