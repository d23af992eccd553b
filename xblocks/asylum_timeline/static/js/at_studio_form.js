/* asylum_timeline Studio editor: the structured form (rows for actors, paths, phases and steps, quizzes).
   Edits change the draft in place; add/move/remove re-render and put the focus back where it belongs. */
(function () {
  "use strict";
  var AT = window.AsylumTimeline = window.AsylumTimeline || {};

  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (key === "text") { el.textContent = value; }
      else if (key.slice(0, 2) === "on") { el.addEventListener(key.slice(2), value); }
      else if (value === true) { el.setAttribute(key, ""); }
      else if (value !== false && value !== null && value !== undefined) { el.setAttribute(key, value); }
    });
    (kids || []).forEach(function (kid) {
      if (kid) { el.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid); }
    });
    return el;
  }
  AT.h = h;

  function slug(text, taken) {
    var base = String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "rad";
    var id = base, n = 2;
    while (taken.indexOf(id) >= 0) { id = base + "-" + n; n += 1; }
    return id;
  }

  function Form(root, draft, settings, strings, changed) {
    this.root = root; this.draft = draft; this.settings = settings; this.t = strings; this.changed = changed;
    this.open = new WeakSet(); this.auto = new WeakSet(); this.counter = 0;
  }

  Form.prototype.uid = function () { this.counter += 1; return this.root.id + "-f" + this.counter; };

  Form.prototype.steps = function () {
    return this.draft.phases.reduce(function (all, phase) { return all.concat(phase.steps); }, []);
  };

  Form.prototype.ids = function () {
    var d = this.draft;
    return [].concat(d.actors, d.paths, d.phases, this.steps()).map(function (row) { return row.id; });
  };

  /** Re-render everything; ``focusKey`` names the control to focus afterwards. */
  Form.prototype.render = function (focusKey) {
    this.counter = 0;
    this.root.textContent = "";
    [this.general(), this.actorSection(), this.pathSection(), this.phaseSection(), this.quizSection()]
      .forEach(function (section) { this.root.appendChild(section); }, this);
    if (focusKey) {
      var target = this.root.querySelector("[data-key='" + focusKey + "']");
      if (target) { target.focus(); }
    }
  };

  Form.prototype.edit = function () { this.changed(); };

  Form.prototype.input = function (label, row, prop, opts) {
    opts = opts || {};
    var self = this, id = this.uid(), hintId = opts.hint ? id + "-h" : null;
    var tag = opts.area ? "textarea" : "input";
    var control = h(tag, {id: id, "data-field": opts.field || prop, "data-key": opts.key, type: opts.area ? null : (opts.type || "text"),
      rows: opts.area ? 4 : null, "aria-describedby": hintId, spellcheck: opts.code ? "false" : null,
      oninput: function () {
        row[prop] = control.value;
        if (opts.onInput) { opts.onInput(control.value); }
        self.edit();
      }});
    control.value = row[prop] || "";
    if (opts.onChange) { control.addEventListener("change", function () { opts.onChange(control.value); }); }
    return h("div", {"class": "ats-field"}, [h("label", {"for": id, text: label}), hintId ? h("p", {"class": "ats-hint", id: hintId, text: opts.hint}) : null, control]);
  };

  Form.prototype.check = function (label, checked, onToggle, attrs) {
    var id = this.uid(), self = this;
    var box = h("input", Object.assign({type: "checkbox", id: id, checked: !!checked, onchange: function () { onToggle(box.checked); self.edit(); }}, attrs || {}));
    return h("div", {"class": "ats-check"}, [box, h("label", {"for": id, text: label})]);
  };

  Form.prototype.button = function (text, sr, onClick, key, cls) {
    return h("button", {type: "button", "class": cls || "ats-btn", "data-key": key, onclick: onClick},
      [text, sr ? h("span", {"class": "at-sr", text: ": " + sr}) : null]);
  };

  /** Up, down and remove for row ``index`` of ``list``; ``base`` builds focus keys. */
  Form.prototype.rowTools = function (list, index, base, name, onRemove) {
    var self = this, t = this.t;
    var move = function (delta) {
      return function () {
        var to = index + delta;
        if (to < 0 || to >= list.length) { return; }
        list.splice(to, 0, list.splice(index, 1)[0]);
        self.edit();
        self.render(base + "." + to + (delta < 0 ? ".up" : ".down"));
      };
    };
    return h("div", {"class": "ats-tools"}, [
      this.button(t.up, name, move(-1), base + "." + index + ".up"),
      this.button(t.down, name, move(1), base + "." + index + ".down"),
      this.button(t.remove, name, function () {
        var removed = list.splice(index, 1)[0];
        if (onRemove) { onRemove(removed); }
        self.edit();
        self.render(list.length ? base + "." + Math.min(index, list.length - 1) + ".up" : base + ".add");
      }, base + "." + index + ".remove", "ats-btn ats-remove")]);
  };

  Form.prototype.section = function (key, title, hint, kids) {
    var id = this.uid();
    return h("section", {"class": "ats-section", "aria-labelledby": id}, [h("h3", {id: id, text: title}),
      hint ? h("p", {"class": "ats-hint", text: hint}) : null].concat(kids));
  };

  Form.prototype.general = function () {
    var t = this.t, s = this.settings, d = this.draft;
    return this.section("general", t.general, null, [
      this.input(t.displayName, d, "display_name", {key: "general.name"}),
      this.check(t.useDefault, s.useDefault, function (on) { s.useDefault = on; }, {"data-key": "general.default", "class": "ats-use-default"}),
      h("p", {"class": "ats-hint", text: t.useDefaultHint}),
      this.input(t.reviewed, d, "reviewed", {hint: t.dateHint, key: "general.reviewed", field: "reviewed"}),
      this.input(t.lang, d, "lang", {hint: t.langHint, key: "general.lang"}),
      this.check(t.quizOnly, s.quizOnly, function (on) { s.quizOnly = on; }, {"data-key": "general.quizonly"}),
      this.input(t.weight, s, "weight", {type: "number", key: "general.weight"}),
      this.input(t.review, d, "review", {area: true, hint: t.reviewHint, key: "general.review"})]);
  };

  /** Rename references when an id changes, so nothing dangles. */
  Form.prototype.renamer = function (kind, row) {
    var self = this, old = row.id;
    return function (value) {
      var d = self.draft, swap = function (list) { return list.map(function (x) { return x === old ? value : x; }); };
      self.steps().forEach(function (step) {
        if (kind === "actor") { step.actors = swap(step.actors); }
        if (kind === "path") { step.paths = swap(step.paths); }
        if (kind === "step" || kind === "phase") { step.outcomes.forEach(function (o) { if (o.to === old) { o.to = value; } }); }
      });
      if (kind === "step") { d.quizzes.forEach(function (q) { q.steps = swap(q.steps); }); }
      old = value;
      self.edit();
    };
  };

  Form.prototype.idInput = function (kind, row, key) {
    var self = this;
    return this.input(this.t.id, row, "id", {hint: this.t.idHint, key: key, field: "id", code: true,
      onInput: function () { self.auto.delete(row); }, onChange: this.renamer(kind, row)});
  };

  /** New rows get an id made from their name until the author types one. */
  Form.prototype.autoId = function (kind, row) {
    var self = this;
    return function (value) {
      if (!self.auto.has(row)) { return; }
      var old = row.id;
      row.id = "";
      row.id = slug(value, self.ids());
      self.renamer(kind, {id: old})(row.id);
      var idField = self.root.querySelector("[data-key='" + kind + "." + row._key + ".id']");
      if (idField) { idField.value = row.id; }
    };
  };

  Form.prototype.addRow = function (kind, list, row, key) {
    row.id = slug(kind, this.ids());
    this.auto.add(row);
    list.push(row);
    this.edit();
    return key;
  };

  Form.prototype.actorSection = function () {
    var self = this, t = this.t, d = this.draft;
    var rows = d.actors.map(function (actor, i) {
      actor._key = i;
      var legendId = self.uid();
      if (!/^#[0-9a-f]{6}$/i.test(actor.color || "")) { actor.color = actor.color || ""; }
      return h("li", {}, [h("fieldset", {"class": "ats-row", "data-err": "actor:" + (actor.id || "#" + (i + 1))}, [
        h("legend", {id: legendId, text: AT.fmt(t.actorN, {n: i + 1, name: actor.name})}),
        self.input(t.name, actor, "name", {key: "actor." + i + ".name", onInput: self.autoId("actor", actor)}),
        self.idInput("actor", actor, "actor." + i + ".id"),
        self.colour(actor, i),
        self.input(t.actorDescription, actor, "description", {area: true, hint: t.htmlHint, key: "actor." + i + ".description"}),
        self.rowTools(d.actors, i, "actor", actor.name || actor.id, function (gone) {
          self.steps().forEach(function (s) { s.actors = s.actors.filter(function (a) { return a !== gone.id; }); });
        })])]);
    });
    return this.section("actors", t.actors, t.actorsHint, [h("ol", {"class": "ats-list"}, rows),
      this.button(t.addActor, null, function () {
        self.render(self.addRow("actor", d.actors, {id: "", name: "", color: "#1f5fa8", description: ""},
          "actor." + d.actors.length + ".name"));
      }, "actor.add")]);
  };

  Form.prototype.colour = function (actor, i) {
    var id = this.uid(), self = this;
    var long = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(actor.color || "");
    var value = long ? "#" + long[1] + long[1] + long[2] + long[2] + long[3] + long[3] : (actor.color || "#4a5a6a");
    var input = h("input", {type: "color", id: id, value: value, "data-field": "color", "data-key": "actor." + i + ".color",
      oninput: function () { actor.color = input.value; self.edit(); }});
    return h("div", {"class": "ats-field ats-colour"}, [h("label", {"for": id, text: this.t.colour}), input]);
  };

  Form.prototype.pathSection = function () {
    var self = this, t = this.t, d = this.draft;
    var rows = d.paths.map(function (path, i) {
      path._key = i;
      return h("li", {}, [h("fieldset", {"class": "ats-row", "data-err": "path:" + (path.id || "#" + (i + 1))}, [
        h("legend", {text: AT.fmt(t.pathN, {n: i + 1, name: path.title})}),
        self.input(t.title, path, "title", {key: "path." + i + ".title", onInput: self.autoId("path", path)}),
        self.idInput("path", path, "path." + i + ".id"),
        self.rowTools(d.paths, i, "path", path.title || path.id, function (gone) {
          self.steps().forEach(function (s) { s.paths = s.paths.filter(function (p) { return p !== gone.id; }); });
        })])]);
    });
    return this.section("paths", t.paths, t.pathsHint, [h("ol", {"class": "ats-list"}, rows),
      this.button(t.addPath, null, function () {
        self.render(self.addRow("path", d.paths, {id: "", title: ""}, "path." + d.paths.length + ".title"));
      }, "path.add")]);
  };

  /**
   * A server's validation message as the video lesson editor words its own: the row by its number and
   * name as the author sees them ("Steg 3 (Placering): …"), the field by its label, no ids or "@field".
   * Messages about no row (or from the OLX tab's parser) keep their own wording.
   */
  Form.prototype.describe = function (error) {
    var t = this.t, rows = {step: this.steps(), phase: this.draft.phases, actor: this.draft.actors, path: this.draft.paths};
    var list = rows[error.kind], labels = {step: t.stepRow, phase: t.phaseRow, actor: t.actorRow, path: t.pathRow};
    if (typeof error.text !== "string") { return error.message; }
    if (error.kind === "general" || error.kind === "quiz") {
      var quiz = error.kind === "quiz" && this.quizName(error.id);
      var where = error.kind === "general" ? t.general : quiz;
      if (!where) { return error.message; }
      var label = this.fieldLabel(error.field);
      return label ? AT.fmt(t.rowFieldMessage, {row: where, field: label, message: error.text})
        : AT.fmt(t.rowMessage, {row: where, message: error.text});
    }
    var index = !list ? -1 : error.id ? list.findIndex(function (row) { return row.id === error.id; }) : error.index - 1;
    var row = list && list[index];
    if (!row) { return error.message; }
    var name = AT.fmt(labels[error.kind], {n: index + 1, name: row.title || row.name || t.untitled});
    var field = this.fieldLabel((error.field || "").split(" ")[0]);
    return field ? AT.fmt(t.rowFieldMessage, {row: name, field: field, message: error.text})
      : AT.fmt(t.rowMessage, {row: name, message: error.text});
  };

  /** The label of a field named in a location ("title", "source[2]", ...); none where the message names it. */
  Form.prototype.fieldLabel = function (field) {
    var t = this.t, numbered = /^(source|outcome)\[(\d+)\]$/.exec(field);
    if (numbered) { return AT.fmt(numbered[1] === "source" ? t.sourceN : t.outcomeN, {n: numbered[2]}); }
    return {title: t.title, name: t.name, id: t.id, since: t.since, color: t.colour, reviewed: t.reviewed,
            steps: t.quizSteps, max_attempts: t.maxAttempts, feedback: t.feedback}[field] || "";
  };

  /** "Put in order 2" for the quiz whose id (its own, or "<kind>-<n>") is ``id``. */
  Form.prototype.quizName = function (id) {
    var t = this.t, counts = {order: 0, match: 0}, found = "";
    this.draft.quizzes.forEach(function (quiz) {
      counts[quiz.kind] = (counts[quiz.kind] || 0) + 1;
      if ((quiz.id || quiz.kind + "-" + counts[quiz.kind]) === id) {
        found = AT.fmt(quiz.kind === "order" ? t.orderN : t.matchN, {n: counts[quiz.kind]});
      }
    });
    return found;
  };

  AT.StudioForm = Form;
  AT.slug = slug;
}());
