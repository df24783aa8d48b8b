// Passkeys (WebAuthn) for the forms marked data-passkey="create" (account page: add a passkey) or "request" (sign-in
// page): on submit, the form's data-options-url is POSTed (with the form's antiforgery token) for the JSON options, the
// browser's navigator.credentials.create/get makes or uses the credential, and the form is sent with it as JSON in
// CredentialJson; a browser error (no passkey support, cancelled) is sent in Error instead, and the page says so.
(function () {
    'use strict';

    async function options(form) {
        const token = form.querySelector('input[name="__RequestVerificationToken"]');
        const response = await fetch(form.dataset.optionsUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: token ? { 'RequestVerificationToken': token.value } : {}
        });
        if (!response.ok) throw new Error('The server answered ' + response.status + '.');
        return await response.json();
    }

    async function credential(form) {
        if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) throw new Error('This browser does not support passkeys.');
        const json = await options(form);
        if (form.dataset.passkey === 'create') {
            return await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
        }
        return await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
    }

    document.querySelectorAll('form[data-passkey]').forEach(function (form) {
        form.addEventListener('submit', async function (event) {
            if (form.dataset.sending === 'true') return;
            event.preventDefault();
            try {
                const made = await credential(form);
                form.elements['CredentialJson'].value = JSON.stringify(made);
            } catch (error) {
                form.elements['Error'].value = (error && error.name ? error.name + ': ' : '') + (error && error.message ? error.message : 'unknown');
            }
            form.dataset.sending = 'true';
            form.submit();
        });
    });
})();
