/* self_assessment Studio editor: settings, levels and statement rows (add, remove, move up/down), saved
 * through studio_submit with the Studio notify protocol. Statement keys stay hidden in the draft: the
 * server keeps them for existing rows and makes new ones from the text. */
function BemotandeSelfAssessmentStudio(runtime, element, init) {
  "use strict";
  var given = element;  // runtime.handlerUrl gets the element exactly as the runtime gave it
  var root = element && element.jquery ? element[0] : element;
  var data = JSON.parse(document.getElementById(init.data).textContent);
  var S = data.strings, box = root.querySelector(".sa-studio") || root;
  var dom = box.id, saved = data.form, draft = null;
  function q(sel) { return box.querySelector(sel); }
  var levelsList = q("[data-sae-levels]"), rowsList = q("[data-sae-statements]"), live = q("[data-sae-live]");
  var problems = q("[data-sae-problems]");

  function fmt(text, n) { return text.replace("{n}", n); }
  function copy(form) { return JSON.parse(JSON.stringify(form)); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function button(text, action, index, label) {
    var b = el("button", {type: "button", "class": "sa-btn sa-btn-small", "data-action": action,
      "data-index": String(index)}, text);
    if (label) { b.setAttribute("aria-label", label); }
    return b;
  }

  function renderLevels() {
    levelsList.textContent = "";
    draft.levels.forEach(function (label, i) {
      var id = dom + "-level-" + i, li = el("li", {"class": "sa-row"});
      li.appendChild(el("label", {"for": id}, fmt(S.level, i + 1)));
      var input = el("input", {type: "text", id: id, "data-level": String(i), "aria-describedby": dom + "-levels-help"});
      input.value = label;
      li.appendChild(input);
      var remove = button(S.remove, "remove-level", i, fmt(S.removeLevel, i + 1));
      remove.disabled = draft.levels.length <= data.min_levels;
      li.appendChild(remove);
      levelsList.appendChild(li);
    });
    q("[data-sae-add-level]").disabled = draft.levels.length >= data.max_levels;
  }

  function renderRows() {
    rowsList.textContent = "";
    draft.statements.forEach(function (row, i) {
      var id = dom + "-st-" + i, li = el("li", {"class": "sa-row sa-statement-row"});
      var group = el("fieldset", {"class": "sa-row-group"});
      group.appendChild(el("legend", {}, fmt(S.statement, i + 1)));
      group.appendChild(el("label", {"for": id + "-text"}, S.text));
      var text = el("textarea", {id: id + "-text", rows: "2", "data-text": String(i)});
      text.value = row.text;
      group.appendChild(text);
      group.appendChild(el("label", {"for": id + "-guidance"}, S.guidance));
      var guidance = el("textarea", {id: id + "-guidance", rows: "2", "data-guidance": String(i),
                                     "aria-describedby": dom + "-text-help"});
      guidance.value = row.guidance || "";
      group.appendChild(guidance);
      var tools = el("div", {"class": "sa-row-tools"});
      var label = fmt(S.statement, i + 1);
      var up = button(S.up, "up", i, S.up + ": " + label), down = button(S.down, "down", i, S.down + ": " + label);
      up.disabled = i === 0;
      down.disabled = i === draft.statements.length - 1;
      tools.appendChild(up);
      tools.appendChild(down);
      tools.appendChild(button(S.remove, "remove", i, S.remove + ": " + label));
      group.appendChild(tools);
      li.appendChild(group);
      rowsList.appendChild(li);
    });
    q("[data-sae-add-statement]").disabled = draft.statements.length >= data.max_statements;
  }

  function fill(form) {
    draft = copy(form);
    q("[data-sae-name]").value = draft.display_name || "";
    q("[data-sae-role]").value = draft.role;
    q("[data-sae-series]").value = draft.series;
    q("[data-sae-intro]").value = draft.intro || "";
    renderLevels();
    renderRows();
  }

  function read() {  // the form's fields into the draft (rows keep their hidden keys)
    draft.display_name = q("[data-sae-name]").value;
    draft.role = q("[data-sae-role]").value;
    draft.series = q("[data-sae-series]").value;
    draft.intro = q("[data-sae-intro]").value;
    draft.levels = draft.levels.map(function (v, i) { return q("[data-level='" + i + "']").value; });
    draft.statements.forEach(function (row, i) {
      row.text = q("[data-text='" + i + "']").value;
      row.guidance = q("[data-guidance='" + i + "']").value;
    });
    return draft;
  }

  function focusAction(action, index) {
    var target = q("[data-action='" + action + "'][data-index='" + index + "']");
    if (target && target.disabled) { target = q("[data-action='" + (action === "up" ? "down" : "up") + "'][data-index='" + index + "']"); }
    if (target) { target.focus(); }
  }

  box.addEventListener("click", function (event) {
    var target = event.target.closest("[data-action]");
    if (!target || !box.contains(target)) { return; }
    read();
    var i = Number(target.getAttribute("data-index")), action = target.getAttribute("data-action"), rows = draft.statements;
    if (action === "up" || action === "down") {
      var j = action === "up" ? i - 1 : i + 1;
      var moved = rows.splice(i, 1)[0];
      rows.splice(j, 0, moved);
      renderRows();
      focusAction(action, j);
      live.textContent = fmt(S.moved, j + 1);
    } else if (action === "remove") {
      rows.splice(i, 1);
      renderRows();
      var next = q("[data-text='" + Math.min(i, rows.length - 1) + "']") || q("[data-sae-add-statement]");
      next.focus();
      live.textContent = S.removed;
    } else if (action === "remove-level") {
      draft.levels.splice(i, 1);
      renderLevels();
      (q("[data-level='" + Math.min(i, draft.levels.length - 1) + "']") || q("[data-sae-add-level]")).focus();
    }
  });
  q("[data-sae-add-statement]").addEventListener("click", function () {
    read();
    draft.statements.push({key: "", text: "", guidance: ""});
    renderRows();
    q("[data-text='" + (draft.statements.length - 1) + "']").focus();
    live.textContent = S.added;
  });
  q("[data-sae-add-level]").addEventListener("click", function () {
    read();
    draft.levels.push("");
    renderLevels();
    q("[data-level='" + (draft.levels.length - 1) + "']").focus();
  });

  function fieldFor(location) {  // "statement #2 @text", "level #3", "self_assessment @series"
    var m = /^(statement|level) #(\d+)(?: @(\w+))?/.exec(location || "");
    if (m && m[1] === "statement") { return q("[data-" + (m[3] === "guidance" ? "guidance" : "text") + "='" + (Number(m[2]) - 1) + "']"); }
    if (m) { return q("[data-level='" + (Number(m[2]) - 1) + "']"); }
    m = /@(series|role)$/.exec(location || "");
    return m ? q("[data-sae-" + m[1] + "]") : null;
  }

  function showProblems(messages) {
    box.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    problems.textContent = "";
    if (!messages.length) { return; }
    problems.appendChild(el("p", {}, S.failed));
    var list = el("ul");
    messages.forEach(function (m) {
      list.appendChild(el("li", {}, m.message));
      var field = fieldFor(m.location);
      if (field) { field.setAttribute("aria-invalid", "true"); }
    });
    problems.appendChild(list);
    problems.focus();
  }

  function notify(name, payload) { if (runtime.notify) { runtime.notify(name, payload); } }

  q("[data-sae-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    live.textContent = S.saving;
    notify("save", {state: "start", message: S.saving});
    window.BemotandeHttp.postJson(runtime.handlerUrl(given, "studio_submit"), read()).then(function (reply) {
      saved = reply.form;
      fill(saved);
      showProblems([]);
      live.textContent = S.saved;
      notify("save", {state: "end"});
    }, function (error) {
      var body = (error && error.body) || {};
      live.textContent = "";
      showProblems(body.messages || [{message: body.error || S.failed, location: ""}]);
      notify("error", {title: S.notSaved, message: body.error || S.failed});
    });
  });
  q("[data-sae-cancel]").addEventListener("click", function () {
    showProblems([]);
    fill(saved);
    notify("cancel", {});
  });

  fill(saved);
  box.saEditor = {runtime: runtime, element: given};  // for tests that restore the scenario's content
}
