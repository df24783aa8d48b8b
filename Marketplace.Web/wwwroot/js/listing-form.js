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

// Drag and drop on the picture inputs: files dropped anywhere on a [data-drop-zone] block fill its plain
// <input type=file> (a DataTransfer's FileList), keeping those its accept attribute takes (one for a single input).
// Without this script (or DataTransfer) the input is used as usual; the server checks every picture anyway.
(function () {
    "use strict";
    if (typeof window.DataTransfer !== "function") return;
    try { new DataTransfer(); } catch (e) { return; }
    var accepts = function (input, file) {
        var tokens = (input.getAttribute("accept") || "").split(",").map(function (t) { return t.trim().toLowerCase(); }).filter(Boolean);
        if (tokens.length === 0) return true;
        var type = (file.type || "").toLowerCase(), name = file.name.toLowerCase();
        return tokens.some(function (t) {
            if (t.charAt(0) === ".") return name.slice(-t.length) === t;
            if (t.slice(-2) === "/*") return type.indexOf(t.slice(0, -1)) === 0;
            return type === t;
        });
    };
    document.querySelectorAll("form[data-listing-form] [data-drop-zone]").forEach(function (zone) {
        var input = zone.querySelector("input[type=file]");
        if (!input) return;
        zone.classList.add("drop-zone");
        zone.querySelectorAll("[data-drop-hint]").forEach(function (hint) { hint.hidden = false; });
        var depth = 0;
        zone.addEventListener("dragenter", function (event) {
            event.preventDefault();
            depth++;
            zone.classList.add("drag-over");
        });
        zone.addEventListener("dragover", function (event) {
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
        });
        zone.addEventListener("dragleave", function () {
            depth = Math.max(0, depth - 1);
            if (depth === 0) zone.classList.remove("drag-over");
        });
        zone.addEventListener("drop", function (event) {
            event.preventDefault();
            depth = 0;
            zone.classList.remove("drag-over");
            var dropped = Array.prototype.filter.call(event.dataTransfer ? event.dataTransfer.files : [], function (f) { return accepts(input, f); });
            if (dropped.length === 0) return;
            var chosen = new DataTransfer();
            (input.multiple ? dropped : dropped.slice(0, 1)).forEach(function (f) { chosen.items.add(f); });
            input.files = chosen.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
            input.focus();
        });
    });
})();
