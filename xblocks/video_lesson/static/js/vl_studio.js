/* video_lesson: the Studio editor. A form with one row per video file, caption track and
 * reflection point (add, remove; files and tracks reorder), a preview player for "use current time",
 * and a save that shows the server's row-naming messages when anything is wrong (nothing is saved then).
 * Reflection points play in time order, so their rows are kept in time order and each is one summary
 * line (a disclosure button: time, required, the start of the question) that expands to edit. */
(function () {
  "use strict";
  var seq = 0;

  function fmt(template, params) {
    return String(template).replace(/\{(\w+)\}/g, function (w, k) { return k in params ? params[k] : w; });
  }
  function pad(n) { return ("0" + n).slice(-2); }
  function clockTime(seconds) {  // 75.5 -> "1:15.5", as the server's format_time writes it
    var total = Math.round(Math.max(0, seconds) * 100) / 100, whole = Math.floor(total);
    var frac = Math.round((total - whole) * 100), h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60);
    var text = (h ? h + ":" + pad(m) : String(m)) + ":" + pad(whole % 60);
    return frac ? text + "." + pad(frac).replace(/0$/, "") : text;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function seconds(text) {  // "1:15.5" / "0:01:15" / "75" -> 75.5 / 75 / 75; anything else -> NaN
    var parts = String(text).trim().split(":"), total = 0;
    if (parts.length > 3 || !parts.every(function (p, i) { return /^\d+(\.\d+)?$/.test(p) && (i === parts.length - 1 || /^\d+$/.test(p)); })) {
      return NaN;
    }
    parts.forEach(function (p) { total = total * 60 + parseFloat(p); });
    return total;
  }
  function byTime(items, timeOf) {  // a stable sort by time, or null when a time cannot be read
    var keyed = items.map(function (item, index) { return {item: item, index: index, time: seconds(timeOf(item))}; });
    if (keyed.some(function (k) { return isNaN(k.time); })) { return null; }
    keyed.sort(function (a, b) { return a.time - b.time || a.index - b.index; });
    return keyed.map(function (k) { return k.item; });
  }
  function excerpt(html, limit) {  // the question as plain text, cut at a word (an inert document runs nothing)
    var text = new DOMParser().parseFromString(html, "text/html").body.textContent.replace(/\s+/g, " ").trim();
    return text.length <= limit ? text : text.slice(0, limit).replace(/\s+\S*$/, "") + "…";
  }

  var KINDS = {
    sources: {title: "source", location: "source", fields: [{key: "src", label: "address"}]},
    tracks: {title: "track", location: "track", fields: [
      {key: "srclang", label: "language"}, {key: "label", label: "label"}, {key: "src", label: "file"},
      {key: "default", label: "isDefault", type: "checkbox"}]},
    reflections: {title: "reflection", location: "reflection", summary: true, fields: [
      {key: "time", label: "time", useTime: true}, {key: "prompt", label: "prompt", type: "textarea", help: "htmlHelp"},
      {key: "guidance", label: "guidance", type: "textarea", help: "htmlHelp"},
      {key: "required", label: "required", type: "checkbox"},
      {key: "min_words", label: "minWords", type: "number"}, {key: "max_chars", label: "maxChars", type: "number"}]}
  };
  var HIDDEN = {sources: ["type"], tracks: ["kind"], reflections: ["id"]};
  var ACTIONS = {sources: ["up", "down", "remove"], tracks: ["up", "down", "remove"], reflections: ["remove"]};

  function Editor(runtime, element, root, data) {
    var self = this;
    this.runtime = runtime;
    this.element = element;
    this.root = root;
    this.s = data.strings;
    this.initial = data.form;
    this.q = function (sel) { return root.querySelector(sel); };
    this.preview = this.q("[data-vle-preview]");
    this.fill(data.form);
    root.addEventListener("click", function (event) { self.onClick(event); });
    this.q("[data-vle-form]").addEventListener("submit", function (event) { event.preventDefault(); self.save(); });
    ["timeupdate", "seeked", "loadedmetadata"].forEach(function (name) {
      self.preview.addEventListener(name, function () { self.showPreviewTime(); });
    });
    this.q("[data-vle-rows='sources']").addEventListener("change", function () { self.updatePreview(); });
  }
  var E = Editor.prototype;

  E.fill = function (form) {
    var self = this;
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-vle-name]"), function (input) {
      input.value = form[input.getAttribute("data-vle-name")] || "";
    });
    Object.keys(KINDS).forEach(function (kind) {
      var list = form[kind] || [];
      if (KINDS[kind].summary) { list = byTime(list, function (values) { return values.time; }) || list; }
      self.q("[data-vle-rows='" + kind + "']").textContent = "";
      list.forEach(function (values) { self.addRow(kind, values); });
    });
    this.renumber();
    this.updatePreview();
  };
  E.addRow = function (kind, values, expanded) {
    var self = this, spec = KINDS[kind], base = this.root.id + "-" + kind + (++seq), s = this.s;
    var row = el("li", {"class": "vle-row", "data-vle-kind": kind}), box = el("fieldset"), legend = el("legend");
    row.hiddenValues = {};
    HIDDEN[kind].forEach(function (key) { row.hiddenValues[key] = values[key] || ""; });
    box.appendChild(legend);
    spec.fields.forEach(function (field) {
      var id = base + "-" + field.key, wrap = el("p", {"class": "vle-field vle-field-" + field.key}), input;
      if (field.type === "textarea") {
        input = el("textarea", {id: id, rows: "3"});
      } else if (field.type === "checkbox") {
        input = el("input", {id: id, type: "checkbox"});
        input.checked = values[field.key] === true;
      } else {
        input = el("input", {id: id, type: field.type === "number" ? "number" : "text"});
        if (field.type === "number") { input.setAttribute("min", "0"); }
      }
      input.setAttribute("data-vle-field", field.key);
      if (field.type !== "checkbox") { input.value = values[field.key] === undefined ? "" : values[field.key]; }
      var label = el("label", {"for": id}, s[field.label]);
      if (field.type === "checkbox") { wrap.appendChild(input); wrap.appendChild(label); } else { wrap.appendChild(label); wrap.appendChild(input); }
      if (field.help) {
        input.setAttribute("aria-describedby", id + "-help");
        wrap.appendChild(el("span", {"class": "vle-help", id: id + "-help"}, s[field.help]));
      }
      if (field.useTime) {
        wrap.appendChild(el("button", {type: "button", "class": "vle-btn", "data-vle-use-time": "",
          "aria-describedby": self.root.id + "-preview-time"}, s.useTime));
      }
      if (kind === "sources") {
        var type = el("span", {"class": "vle-help", "data-vle-type": ""});
        wrap.appendChild(type);
        input.addEventListener("input", function () { row.hiddenValues.type = ""; self.showType(row); });
      }
      box.appendChild(wrap);
    });
    var actions = el("p", {"class": "vle-row-actions"});
    ACTIONS[kind].forEach(function (action) {
      var attrs = {type: "button", "class": "vle-btn"};
      attrs["data-vle-" + action] = "";
      actions.appendChild(el("button", attrs, s[action]));
    });
    box.appendChild(actions);
    if (spec.summary) {
      box.id = base + "-body";
      var toggle = el("button", {type: "button", "class": "vle-toggle", "data-vle-toggle": "", "aria-controls": box.id});
      ["name", "time", "required", "prompt"].forEach(function (part, index) {
        if (index) { toggle.appendChild(el("span", {"class": "vle-sr"}, ", ")); }
        toggle.appendChild(el("span", {"class": "vle-sum-" + part, "data-vle-sum": part}));
      });
      row.appendChild(toggle);
      ["input", "change"].forEach(function (name) { box.addEventListener(name, function () { self.summarize(row); }); });
    }
    row.appendChild(box);
    this.q("[data-vle-rows='" + kind + "']").appendChild(row);
    if (kind === "sources") { this.showType(row); }
    if (spec.summary) { this.setExpanded(row, !!expanded); }
    return row;
  };
  E.setExpanded = function (row, open) {
    var toggle = row.querySelector("[data-vle-toggle]");
    if (!toggle) { return; }
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    row.querySelector("fieldset").hidden = !open;
    row.classList.toggle("vle-row-open", open);
  };
  E.summarize = function (row) {
    var s = this.s, field = function (key) { return row.querySelector("[data-vle-field='" + key + "']"); };
    var parts = {name: this.rowName(row), time: field("time").value.trim() || s.noTime,
                 required: field("required").checked ? s.isRequired : s.isOptional,
                 prompt: excerpt(field("prompt").value, 90) || s.noPrompt};
    Object.keys(parts).forEach(function (part) { row.querySelector("[data-vle-sum='" + part + "']").textContent = parts[part]; });
  };
  E.sortByTime = function (kind, row) {  // after a row is closed: put it where its time belongs
    var rows = this.rows(kind), sorted = byTime(rows, function (r) { return r.querySelector("[data-vle-field='time']").value; });
    if (!sorted || sorted.every(function (r, i) { return r === rows[i]; })) { return; }
    var list = this.q("[data-vle-rows='" + kind + "']");
    sorted.forEach(function (r) { list.appendChild(r); });
    this.renumber();
    this.announce(fmt(this.s.movedInTime, {name: this.rowName(row)}));
  };
  E.showType = function (row) {
    var src = row.querySelector("[data-vle-field='src']").value.split(/[?#]/)[0].toLowerCase();
    var types = {webm: "video/webm", mp4: "video/mp4", m4v: "video/mp4", ogv: "video/ogg", ogg: "video/ogg", mov: "video/quicktime"};
    var type = row.hiddenValues.type || types[(src.match(/\.([a-z0-9]+)$/) || [])[1]] || this.s.typeUnknown;
    row.querySelector("[data-vle-type]").textContent = fmt(this.s.type, {type: type});
  };
  E.rows = function (kind) { return Array.prototype.slice.call(this.q("[data-vle-rows='" + kind + "']").children); };
  E.rowName = function (row) { return row.querySelector("legend").textContent; };
  E.renumber = function () {
    var self = this;
    Object.keys(KINDS).forEach(function (kind) {
      self.rows(kind).forEach(function (row, index) {
        var name = fmt(self.s[KINDS[kind].title], {n: index + 1});
        row.querySelector("legend").textContent = name;
        ACTIONS[kind].forEach(function (action) {
          row.querySelector("[data-vle-" + action + "]").setAttribute("aria-label", fmt(self.s.rowAction, {action: self.s[action], name: name}));
        });
        if (KINDS[kind].summary) { self.summarize(row); }
      });
    });
  };
  E.onClick = function (event) {
    var button = event.target.closest("button");
    if (!button || !this.root.contains(button)) { return; }
    var row = button.closest(".vle-row"), add = button.getAttribute("data-vle-add");
    if (add) {
      var fresh = this.addRow(add, add === "reflections" ? {min_words: "0", max_chars: "4000"} : {}, true);
      this.renumber();
      fresh.querySelector("input, textarea").focus();
    } else if (button.hasAttribute("data-vle-toggle")) {
      var open = button.getAttribute("aria-expanded") !== "true";
      this.setExpanded(row, open);
      if (!open) { this.sortByTime(row.getAttribute("data-vle-kind"), row); }
      button.focus();  // also after the row moved into time order
    } else if (button.hasAttribute("data-vle-use-time")) {
      var input = row.querySelector("[data-vle-field='time']");
      input.value = clockTime(this.preview.currentTime || 0);
    } else if (button.hasAttribute("data-vle-up") || button.hasAttribute("data-vle-down")) {
      var up = button.hasAttribute("data-vle-up"), other = up ? row.previousElementSibling : row.nextElementSibling;
      if (!other) { return; }
      row.parentNode.insertBefore(up ? row : other, up ? other : row);
      this.renumber();
      button.focus();
      this.announce(fmt(this.s.moved, {name: this.rowName(row)}));
    } else if (button.hasAttribute("data-vle-remove")) {
      var name = this.rowName(row), next = row.nextElementSibling || row.previousElementSibling;
      var group = row.closest("fieldset.vle-group");
      row.remove();
      this.renumber();
      (next ? next.querySelector("[data-vle-toggle]") || next.querySelector("input, textarea")
        : group.querySelector("[data-vle-add]")).focus();
      this.announce(fmt(this.s.removed, {name: name}));
      this.updatePreview();
    } else if (button.hasAttribute("data-vle-cancel")) {
      this.cancel();
    } else if (button.hasAttribute("data-vle-goto")) {
      var target = document.getElementById(button.getAttribute("data-vle-goto"));
      if (target && target.closest(".vle-row")) { this.setExpanded(target.closest(".vle-row"), true); }
      if (target) { target.focus(); }
    }
  };
  E.announce = function (text) { this.q("[data-vle-announce]").textContent = text; };
  E.updatePreview = function () {
    var first = this.rows("sources").map(function (row) { return row.querySelector("[data-vle-field='src']").value.trim(); })
      .filter(function (src) { return /^(https?:\/\/|\/(?!\/))/i.test(src); })[0] || "";
    this.preview.hidden = !first;
    this.q("[data-vle-preview-none]").hidden = !!first;
    this.q("[data-vle-preview-time]").hidden = !first;
    if (first && this.preview.getAttribute("src") !== first) { this.preview.setAttribute("src", first); }
    if (!first) { this.preview.removeAttribute("src"); }
    this.showPreviewTime();
  };
  E.showPreviewTime = function () {
    this.q("[data-vle-preview-time]").textContent = fmt(this.s.currentTime, {time: clockTime(this.preview.currentTime || 0)});
  };

  E.collect = function () {  // the posted form; blank rows left out, so row numbers match the messages
    var self = this, form = {};
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-vle-name]"), function (input) {
      form[input.getAttribute("data-vle-name")] = input.value;
    });
    if (!this.preview.hidden && isFinite(this.preview.duration) && this.preview.duration > 0) {
      form.media_duration = this.preview.duration;  // lets the server check times against the video
    }
    this.sent = {};
    Object.keys(KINDS).forEach(function (kind) {
      self.sent[kind] = [];
      form[kind] = [];
      self.rows(kind).forEach(function (row) {
        var values = {}, blank = true;
        Array.prototype.forEach.call(row.querySelectorAll("[data-vle-field]"), function (input) {
          var key = input.getAttribute("data-vle-field");
          values[key] = input.type === "checkbox" ? input.checked : input.value;
          if (input.type !== "checkbox" && input.value.trim() && !(key === "min_words" || key === "max_chars")) { blank = false; }
        });
        if (blank) { return; }
        Object.keys(row.hiddenValues).forEach(function (key) { values[key] = row.hiddenValues[key]; });
        form[kind].push(values);
        self.sent[kind].push(row);
      });
    });
    return form;
  };
  E.fieldFor = function (location) {  // "reflection[2]/@time" -> the input it names
    var match = /^(source|track|reflection)(?:\[(\d+)\])?(?:\/@?(\w+))?/.exec(location), kind, row;
    if (match) {
      kind = {source: "sources", track: "tracks", reflection: "reflections"}[match[1]];
      row = match[2] ? this.sent[kind][+match[2] - 1] : null;
      if (!row) { return this.q("[data-vle-add='" + kind + "']"); }
      return row.querySelector("[data-vle-field='" + (match[3] || "src") + "']") || row.querySelector("input, textarea");
    }
    var name = location === "youtube/@id" ? "youtube_id" : location.replace(/^@/, "");
    return this.q("[data-vle-name='" + name + "']");
  };
  E.showErrors = function (messages) {
    var self = this, box = this.q("[data-vle-errors]"), list = this.q("[data-vle-error-list]");
    Array.prototype.forEach.call(this.root.querySelectorAll("[aria-invalid]"), function (node) { node.removeAttribute("aria-invalid"); });
    list.textContent = "";
    messages.forEach(function (item) {
      var field = item.location ? self.fieldFor(item.location) : null, entry = el("li");
      if (field && field.id) {
        if (field.tagName !== "BUTTON") { field.setAttribute("aria-invalid", "true"); }
        if (field.closest(".vle-row")) { self.setExpanded(field.closest(".vle-row"), true); }  // show what to fix
        entry.appendChild(el("button", {type: "button", "class": "vle-link", "data-vle-goto": field.id}, item.message));
      } else {
        entry.textContent = item.message;
      }
      list.appendChild(entry);
    });
    box.hidden = !messages.length;
    if (messages.length) { box.focus(); }
  };
  E.save = function () {
    var self = this, s = this.s, status = this.q("[data-vle-status]");
    status.textContent = s.saving;
    // Studio's runtime shows "start" as a notification and closes the modal on "end"; "error" is shown
    // only with a non-empty message (cms.runtime.v1.js _handleError).
    if (this.runtime.notify) { this.runtime.notify("save", {state: "start", message: s.saving}); }
    window.BemotandeHttp.postJson(this.runtime.handlerUrl(this.element, "studio_submit"), this.collect())
      .then(function (reply) { return {ok: true, reply: reply}; }, function (error) {
        if (!error.status) { throw error; }  // no reply from the server: handled below
        return {ok: false, reply: error.body || {}};
      }).then(function (result) {
      if (!result.ok) {
        status.textContent = result.reply.error || s.failed;
        self.showErrors(result.reply.messages || [{message: result.reply.error || s.failed, location: ""}]);
        if (self.runtime.notify) {
          self.runtime.notify("error", {title: s.notSaved, message: result.reply.error || s.failed});
        }
        return;
      }
      self.showErrors([]);
      if (result.reply.form) { self.initial = result.reply.form; self.fill(result.reply.form); }
      status.textContent = s.saved;
      if (self.runtime.notify) { self.runtime.notify("save", {state: "end"}); }
    }).catch(function () {
      status.textContent = s.failed;
      if (self.runtime.notify) { self.runtime.notify("error", {title: s.notSaved, message: s.failed}); }
    });
  };
  // Studio and the library editor close on "cancel"; hosts that stay open (the workbench) see the saved form again.
  E.cancel = function () {
    this.showErrors([]);
    this.fill(this.initial);
    if (this.runtime.notify) { this.runtime.notify("cancel", {}); }
  };

  // Studio and the libraries v2 editor pass a jQuery-wrapped element (the v2 runtime keeps the handler URL
  // on that very object), the LMS and the workbench a DOM node: the DOM node is used to find our markup,
  // and ``element`` is handed back to runtime.handlerUrl exactly as it came.
  window.BemotandeVideoLessonStudio = function (runtime, element) {
    var node = element && element.jquery ? element[0] : element, root = node && node.querySelector(".vle");
    var data = root && root.querySelector("[data-vle-data]");
    if (data) { root.vleEditor = new Editor(runtime, element, root, JSON.parse(data.textContent)); }
    return {};
  };
}());
