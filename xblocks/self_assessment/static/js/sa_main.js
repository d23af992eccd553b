/* self_assessment learner view: submit (every statement answered), show the answers or the comparison,
 * change and delete. Every string comes translated from the server; learner and stored values are
 * written with textContent, author guidance (sanitised on the server) with innerHTML. */
function BemotandeSelfAssessment(runtime, element, init) {
  "use strict";
  var given = element;  // runtime.handlerUrl gets the element exactly as the runtime gave it
  var root = element && element.jquery ? element[0] : element;
  var client = init && init.client;
  var data = JSON.parse(document.getElementById(init.data).textContent);
  var S = data.strings, state = data.state || {answers: {}};
  var block = root.querySelector(".sa-block") || root;
  var form = block.querySelector("[data-sa-form]");
  var message = block.querySelector("[data-sa-message]");
  var results = block.querySelector("[data-sa-results]");
  var resultsTitle = block.querySelector("[data-sa-results-title]");
  var resultsBody = block.querySelector("[data-sa-results-body]");
  var status = block.querySelector("[data-sa-status]");
  var confirmBox = block.querySelector("[data-sa-confirm]");
  var deleteButton = block.querySelector("[data-sa-delete]");
  var queue = window.BemotandeHttp.queue(client || runtime.handlerUrl(given, "submit_assessment"));

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function levelText(value) {
    var level = data.levels.filter(function (l) { return l.value === value; })[0];
    return level ? S.level.replace("{value}", level.value).replace("{label}", level.label) : S.none;
  }
  function post(handler, body) { return queue.post(runtime.handlerUrl(given, handler), body); }
  function hasAnswers() { return state.answers && Object.keys(state.answers).length > 0; }

  function guidanceFor(key) {
    var html = (state.guidance || {})[key];
    if (!html) { return null; }
    var box = el("div", null, "sa-guidance");
    box.innerHTML = html;  // sanitised author HTML (xblocks/common/sanitize.py)
    return box;
  }

  function answersList(withAnswers) {
    var list = el("ul", null, "sa-answers");
    data.statements.forEach(function (s) {
      var guidance = guidanceFor(s.key);
      if (!withAnswers && !guidance) { return; }
      var item = el("li");
      item.appendChild(el("p", s.text, "sa-answer-text"));
      if (withAnswers) { item.appendChild(el("p", S.yourAnswer.replace("{answer}", levelText(state.answers[s.key])))); }
      if (guidance) { item.appendChild(guidance); }
      list.appendChild(item);
    });
    return list.children.length ? list : null;
  }

  function comparisonTable() {
    var table = el("table", null, "sa-table");
    table.appendChild(el("caption", S.caption));
    var head = el("thead"), row = el("tr");
    [S.colStatement, S.colBefore, S.colNow, S.colChange].forEach(function (h) {
      var th = el("th", h); th.setAttribute("scope", "col"); row.appendChild(th);
    });
    head.appendChild(row);
    table.appendChild(head);
    var body = el("tbody");
    (state.comparison || []).forEach(function (r) {
      var tr = el("tr"), th = el("th", r.text);
      th.setAttribute("scope", "row");
      tr.appendChild(th);
      tr.appendChild(el("td", r.before ? levelText(r.before) : S.none));
      tr.appendChild(el("td", r.now ? levelText(r.now) : S.none));
      tr.appendChild(el("td", r.change_text));
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function renderResults() {
    resultsBody.textContent = "";
    var after = state.role === "after";
    resultsTitle.textContent = after ? S.resultsAfter : S.resultsBefore;
    if (after && state.earlier_found) {
      if (state.summary) { resultsBody.appendChild(el("p", state.summary, "sa-summary")); }
      resultsBody.appendChild(comparisonTable());
      var guidance = answersList(false);
      if (guidance) { resultsBody.appendChild(el("h4", S.guidanceHeading)); resultsBody.appendChild(guidance); }
      return;
    }
    if (after) { resultsBody.appendChild(el("p", S.noEarlier, "sa-note")); }
    resultsBody.appendChild(answersList(true));
    if (!after) { resultsBody.appendChild(el("p", S.askAgain)); }
  }

  function showResults(focus) {
    renderResults();
    form.hidden = true;
    results.hidden = false;
    closeConfirm();
    if (focus) { resultsTitle.focus(); }
  }

  function showForm(focus) {
    results.hidden = true;
    form.hidden = false;
    data.statements.forEach(function (s) {
      var value = (state.answers || {})[s.key];
      block.querySelectorAll("input[name='" + s.id + "']").forEach(function (input) {
        input.checked = Number(input.value) === value;
      });
    });
    if (focus) {
      var first = form.querySelector("input:checked") || form.querySelector("input");
      if (first) { first.focus(); }
    }
  }

  function collect() {
    var answers = {}, missing = [];
    data.statements.forEach(function (s) {
      var checked = block.querySelector("input[name='" + s.id + "']:checked");
      var fieldset = document.getElementById(s.id);
      fieldset.classList.toggle("sa-missing", !checked);
      if (checked) { answers[s.key] = Number(checked.value); } else { missing.push(s); }
    });
    return {answers: answers, missing: missing};
  }

  function showMissing(missing) {
    message.textContent = "";
    message.appendChild(el("p", S.unanswered));
    var list = el("ul");
    missing.forEach(function (s) { list.appendChild(el("li", s.text)); });
    message.appendChild(list);
    var first = block.querySelector("input[name='" + missing[0].id + "']");
    if (first) { first.focus(); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (data.preview) { return; }
    var found = collect();
    if (found.missing.length) { showMissing(found.missing); return; }
    message.textContent = "";
    var button = form.querySelector("[data-sa-submit]");
    button.disabled = true;
    post("submit_assessment", {answers: found.answers}).then(function (reply) {
      state = reply;
      status.textContent = S.saved;
      showResults(true);
    }, function (error) {
      message.textContent = (error && error.body && error.body.error) || S.failed;
    }).then(function () { button.disabled = false; });
  });

  block.querySelector("[data-sa-change]").addEventListener("click", function () {
    status.textContent = "";
    showForm(true);
  });

  function closeConfirm() {
    confirmBox.hidden = true;
    deleteButton.setAttribute("aria-expanded", "false");
  }
  deleteButton.addEventListener("click", function () {
    confirmBox.hidden = false;
    deleteButton.setAttribute("aria-expanded", "true");
    confirmBox.querySelector("[data-sa-confirm-no]").focus();
  });
  confirmBox.querySelector("[data-sa-confirm-no]").addEventListener("click", function () {
    closeConfirm();
    deleteButton.focus();
  });
  confirmBox.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeConfirm(); deleteButton.focus(); }
  });
  confirmBox.querySelector("[data-sa-confirm-yes]").addEventListener("click", function () {
    post("delete_assessment", {}).then(function (reply) {
      state = reply;
      closeConfirm();
      showForm(true);
      message.textContent = S.deleted;
    }, function (error) {
      status.textContent = (error && error.body && error.body.error) || S.failed;
    });
  });

  if (!data.preview && hasAnswers()) { showResults(false); }
  block.setAttribute("data-sa-ready", "true");
}
