/* asylum_timeline Studio editor: tabs (form / OLX), live preview, validation messages, save and cancel.
   The server validates and saves all or nothing; this file shows what it says. */
/* exported AsylumTimelineEditor */
function AsylumTimelineEditor(runtime, element, init) {
  "use strict";
  var AT = window.AsylumTimeline;
  // Studio and the libraries v2 editor pass a jQuery-wrapped element and the v2 runtime keeps the handler
  // URL on that object: find our markup in the DOM node, hand ``given`` back to runtime.handlerUrl.
  var given = element;
  element = element && element.jquery ? element[0] : element;
  var root = element.querySelector(".at-studio");
  var t = init.strings, tab = "form", timer = null, sequence = 0, lastErrors = [];
  var draft = JSON.parse(document.getElementById(init.draft).textContent);
  var settings = {useDefault: !!init.usesDefault, quizOnly: !!init.quizOnly, weight: String(init.weight)};
  var olx = root.querySelector(".ats-olx-text"), errorsBox = root.querySelector(".ats-errors");
  var status = root.querySelector(".ats-status"), preview = root.querySelector(".ats-preview");
  var defaultCopy = settings.useDefault ? content(draft) : null;
  var form = new AT.StudioForm(root.querySelector(".ats-form"), draft, settings, t, changed);
  form.onRender = function () { mark(lastErrors); };
  var url = function (name) { return runtime.handlerUrl(given, name); };
  var notify = function (name, data) { if (runtime.notify) { runtime.notify(name, data); } };

  function clean(value) { return JSON.parse(JSON.stringify(value, function (k, v) { return k.charAt(0) === "_" ? undefined : v; })); }
  function content(value) { var copy = clean(value); delete copy.display_name; return JSON.stringify(copy); }

  function changed() {
    if (settings.useDefault && tab === "form" && content(draft) !== defaultCopy) {
      settings.useDefault = false;
      var box = root.querySelector(".ats-use-default");
      if (box) { box.checked = false; }
      say(t.ownCopy);
    }
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 600);
  }

  function payload() {
    var data = {display_name: draft.display_name || "", weight: settings.weight === "" ? null : Number(settings.weight),
                quiz_only: settings.quizOnly, use_default: settings.useDefault};
    if (tab === "olx") { data.olx = olx.value; } else { data.timeline = clean(draft); }
    return data;
  }

  function say(text) { status.textContent = text; }

  function refreshPreview() {
    var mine = ++sequence;
    AT.post(url("studio_preview"), payload()).then(function (reply) {
      if (mine !== sequence) { return; }
      showErrors(reply.errors, false);
      if (reply.html) {
        preview.innerHTML = reply.html;
        AsylumTimelineBlock(runtime, preview, reply.init);  // eslint-disable-line no-undef
      }
    }, function (error) {
      if (mine === sequence) { showErrors((error.body && error.body.errors) || [{message: error.message}], false); }
    });
  }

  function rowFor(error) {
    if (!error.kind) { return null; }
    var key = error.kind + ":" + (error.id || "#" + error.index);
    return root.querySelector(".ats-form [data-err='" + key.replace(/'/g, "\\'") + "']");
  }

  function fieldIn(row, error) {
    if (row.tagName === "DETAILS" && !row.open) { row.open = true; row.fill(); }
    var name = (error.field || "").split(" ")[0];
    var field = name && row.querySelector("[data-field='" + name.replace(/'/g, "\\'") + "']");
    field = field || row;
    return field.matches("input, select, textarea, summary") ? field : field.querySelector("input, select, textarea, summary");
  }

  /** aria-invalid and an inline message on every field with a problem that is on screen. */
  function mark(errors) {
    AT.all(root, ".ats-form [aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    AT.all(root, ".ats-inline-error").forEach(function (el) { el.parentNode.removeChild(el); });
    errors.forEach(function (error, i) {
      var row = rowFor(error);
      if (!row || (row.tagName === "DETAILS" && !row.open)) { return; }
      var field = fieldIn(row, error);
      if (!field) { return; }
      var id = root.id + "-e" + i;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + id).trim());
      field.parentNode.insertBefore(AT.h("p", {"class": "ats-inline-error", id: id, text: form.describe(error)}), field.nextSibling);
    });
  }

  function showErrors(errors, focus, summary) {
    lastErrors = errors || [];
    var list = errorsBox.querySelector("ul");
    list.textContent = "";
    lastErrors.forEach(function (error) {
      list.appendChild(AT.h("li", {}, [AT.h("button", {type: "button", "class": "ats-errlink", text: form.describe(error), onclick: function () {
        if (tab !== "form") { return; }
        var row = rowFor(error), field = row && fieldIn(row, error);
        mark(lastErrors);
        if (field) { field.focus(); }
      }})]));
    });
    errorsBox.querySelector(".ats-errors-h").textContent = summary || AT.fmt(t.problems, {count: lastErrors.length});
    errorsBox.hidden = !lastErrors.length && !summary;
    mark(lastErrors);
    if (focus && !errorsBox.hidden) { errorsBox.focus(); }
  }

  function selectTab(name, focus) {
    var go = function () {
      tab = name;
      AT.all(root, "[role='tab']").forEach(function (button) {
        var on = button.getAttribute("data-tab") === name;
        button.setAttribute("aria-selected", on ? "true" : "false");
        button.setAttribute("tabindex", on ? "0" : "-1");
        document.getElementById(button.getAttribute("aria-controls")).hidden = !on;
        if (on && focus) { button.focus(); }
      });
    };
    if (name === tab) { go(); return; }
    var request = name === "olx" ? {timeline: clean(draft)} : {olx: olx.value};
    AT.post(url("studio_convert"), request).then(function (reply) {
      // A draft the server cannot read answers {errors} without olx: stay on the form and show them.
      if (name === "form" ? !reply.timeline : typeof reply.olx !== "string") {
        showErrors(reply.errors, true);
        return;
      }
      if (name === "olx") {
        olx.value = reply.olx;
      } else {
        Object.keys(draft).forEach(function (key) { delete draft[key]; });
        Object.assign(draft, reply.timeline);
        form.render();
      }
      go();
      showErrors(reply.errors || lastErrors, false);
    }, function (error) {
      showErrors((error.body && error.body.errors) || [], true, error.message);
    });
  }

  AT.all(root, "[role='tab']").forEach(function (button, index, tabs) {
    button.addEventListener("click", function () { selectTab(button.getAttribute("data-tab"), false); });
    button.addEventListener("keydown", function (event) {
      var delta = {ArrowRight: 1, ArrowLeft: -1}[event.key];
      if (delta) {
        event.preventDefault();
        selectTab(tabs[(index + delta + tabs.length) % tabs.length].getAttribute("data-tab"), true);
      }
    });
  });
  olx.addEventListener("input", function () {
    settings.useDefault = false;
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 800);
  });
  root.querySelector(".ats-olx-check").addEventListener("click", function () {
    AT.post(url("studio_convert"), {olx: olx.value}).then(function (reply) {
      showErrors(reply.errors, true, reply.errors.length ? null : t.olxOk);
      if (!reply.errors.length) { say(t.olxOk); }
    }, function (error) { showErrors((error.body && error.body.errors) || [], true, error.message); });
  });
  root.querySelector(".ats-save").addEventListener("click", function () {
    say(t.saving);
    notify("save", {state: "start", message: t.saving});
    AT.post(url("studio_submit"), payload()).then(function () {
      showErrors([], false);
      say(t.saved);
      notify("save", {state: "end"});
    }, function (error) {
      var message = error.status ? error.message : t.saveFailed;  // no reply: the browser's text is English
      say(message);
      notify("error", {title: t.notSaved, message: message});
      showErrors((error.body && error.body.errors) || [], true, message);
    });
  });
  root.querySelector(".ats-cancel").addEventListener("click", function () { notify("cancel", {}); });

  form.render();
  refreshPreview();
  return {form: form};
}
