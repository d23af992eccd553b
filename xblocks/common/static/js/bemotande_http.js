/* JSON calls to XBlock handlers for both blocks: POST JSON with Django's CSRF cookie sent back as
 * X-CSRFToken (the LMS, Studio and the workbench all require it). Defined once per page. */
(function () {
  "use strict";
  if (window.BemotandeHttp) { return; }

  function csrfToken() {
    var found = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return found ? decodeURIComponent(found[1]) : "";
  }

  /** POST ``body`` as JSON. Resolves with the reply; rejects with an Error whose message is the
   * server's translated ``error`` text, carrying ``status`` and the reply as ``body``. */
  function postJson(url, body, keepalive) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", keepalive: !!keepalive, body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || String(response.status));
          error.status = response.status;
          error.body = data;
          throw error;
        }
        return data;
      });
    });
  }

  window.BemotandeHttp = {csrfToken: csrfToken, postJson: postJson};
}());
