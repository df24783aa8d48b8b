// "Copy link" buttons (data-copy-shop-link="https://…/c/slug"): shown only when the clipboard can be written; a click copies
// the shop's address, says "Copied" for a moment and tells the app the link was shared (POST /creator/shop/shared with
// the page's antiforgery token), which ticks the creator's start checklist. Loaded as a file: the CSP forbids inline script.
(function () {
    'use strict';
    if (!navigator.clipboard || !window.isSecureContext) return;
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    document.querySelectorAll('[data-copy-shop-link]').forEach(function (button) {
        button.hidden = false;
        var label = button.textContent;
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(button.getAttribute('data-copy-shop-link')).then(function () {
                button.textContent = button.getAttribute('data-copied-text') || label;
                setTimeout(function () { button.textContent = label; }, 2000);
                if (token) {
                    fetch('/creator/shop/shared', { method: 'POST', credentials: 'same-origin', headers: { 'RequestVerificationToken': token.value } });
                }
            });
        });
    });
})();
