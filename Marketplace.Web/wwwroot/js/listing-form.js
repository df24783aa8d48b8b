// The listing form's Preview without leaving the page (the pictures picked stay picked). Without this script the
// Preview button posts the form and the server shows it again with the preview (CreatorListingsController.Preview).
(function () {
    "use strict";
    var form = document.querySelector("form[data-listing-form]");
    if (!form || !window.fetch) return;
    var button = form.querySelector("[data-preview-button]");
    var target = form.querySelector("[data-preview]");
    if (!button || !target) return;
    button.addEventListener("click", function (event) {
        event.preventDefault();
        var body = new FormData();
        body.append("Description", form.querySelector("#Description").value);
        body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
        fetch(button.getAttribute("formaction"), { method: "POST", body: body, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                // The server's sanitized HTML (MarkdownText): only allow-listed tags, links with rel=nofollow ugc noopener.
                target.innerHTML = html;
                target.hidden = false;
            })
            .catch(function () { form.requestSubmit(button); });
    });
})();
