/* asylum_timeline: the quizzes. Order: move up/down buttons (drag as an extra); match: a select per step.
   The server grades and decides what an attempt tells (the author's feedback mode and attempt limit);
   this file collects answers and shows what the server sent: marks, a count, or only "saved". */
(function () {
  "use strict";
  var AT = window.AsylumTimeline = window.AsylumTimeline || {};

  function Quiz(section, init, server, onSummary) {
    this.section = section;
    this.id = section.getAttribute("data-quiz");
    this.kind = section.getAttribute("data-kind");
    this.strings = init.strings;
    this.server = server;
    this.onSummary = onSummary;
    this.status = section.querySelector(".at-q-status");
    this.list = section.querySelector(".at-order, .at-match");
    this.button = section.querySelector(".at-submit");
    this.rules = init.state.quiz_rules || {max_attempts: 0, feedback: "per_item"};
    this.addRulesLine();
    this.bind();
    var last = (init.state.quizzes || {})[this.id];
    this.showRules(last ? last.attempts_left : this.rules.max_attempts || null);
    if (last) { this.restore(last); }
  }

  /** "Attempts left: 2 of 3" and what an attempt tells, announced with the button (aria-describedby). */
  Quiz.prototype.addRulesLine = function () {
    var heading = this.section.querySelector("h4");
    this.rulesLine = document.createElement("p");
    this.rulesLine.className = "at-q-rules";
    this.rulesLine.id = (heading ? heading.id : this.id) + "-rules";
    this.section.insertBefore(this.rulesLine, this.section.querySelector(".at-actions"));
    this.button.setAttribute("aria-describedby", this.rulesLine.id);
  };

  Quiz.prototype.showRules = function (left) {
    var s = this.strings, max = this.rules.max_attempts, mode = this.rules.feedback, parts = [];
    if (!max) {
      parts.push(s.attemptsUnlimited);
    } else if (left === 0) {
      parts.push(s.noAttempts);
    } else {
      parts.push(AT.fmt(s.attemptsLeft, {left: left === null || left === undefined ? max : left, max: max}));
    }
    if (left !== 0) {
      parts.push(mode === "per_item" ? s.feedbackPerItem : mode === "after_last" ? s.feedbackAfterLast :
        max ? s.feedbackCount : s.feedbackCountOnly);
    }
    this.rulesLine.textContent = parts.join(" ");
    this.left = left;
    if (left === 0) { this.button.setAttribute("aria-disabled", "true"); }
  };

  Quiz.prototype.bind = function () {
    var self = this;
    this.section.querySelector(".at-submit").addEventListener("click", function () { self.submit(); });
    if (this.kind === "order") {
      this.list.addEventListener("click", function (event) {
        var button = event.target.closest(".at-up, .at-down");
        if (button) { self.move(button.closest(".at-item"), button.classList.contains("at-up") ? -1 : 1, button); }
      });
      this.bindDrag();
    } else {
      this.list.addEventListener("change", function (event) {
        self.clearMark(event.target.closest(".at-item"));
      });
    }
  };

  Quiz.prototype.items = function () { return AT.all(this.list, ".at-item"); };

  Quiz.prototype.title = function (item) { return item.querySelector(".at-item-title").textContent; };

  /** Move an item one place; keep the focus on the same button and say where it is now. */
  Quiz.prototype.move = function (item, delta, button) {
    var items = this.items(), index = items.indexOf(item), target = index + delta;
    if (target < 0 || target >= items.length) {
      this.say(AT.fmt(delta < 0 ? this.strings.first : this.strings.last, {title: this.title(item)}));
      return;
    }
    if (delta < 0) { this.list.insertBefore(item, items[target]); } else { this.list.insertBefore(item, items[target].nextSibling); }
    this.changed();
    if (button) { button.focus(); }
    this.say(AT.fmt(this.strings.moved, {title: this.title(item), position: target + 1, total: items.length}));
  };

  Quiz.prototype.renumber = function () {
    this.items().forEach(function (item, index) { item.querySelector(".at-pos").textContent = index + 1; });
  };

  Quiz.prototype.changed = function () {
    this.renumber();
    this.items().forEach(this.clearMark, this);
  };

  Quiz.prototype.bindDrag = function () {
    var self = this, dragged = null;
    this.list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest(".at-item");
      if (!dragged) { return; }
      dragged.classList.add("at-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.getAttribute("data-step"));
    });
    this.list.addEventListener("dragover", function (event) {
      var over = event.target.closest(".at-item");
      if (!dragged || !over || over === dragged) { return; }
      event.preventDefault();
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      self.list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    this.list.addEventListener("drop", function (event) { if (dragged) { event.preventDefault(); } });
    this.list.addEventListener("dragend", function () {
      if (!dragged) { return; }
      dragged.classList.remove("at-dragging");
      var position = self.items().indexOf(dragged) + 1;
      self.changed();
      self.say(AT.fmt(self.strings.moved, {title: self.title(dragged), position: position, total: self.items().length}));
      dragged = null;
    });
  };

  Quiz.prototype.answer = function () {
    if (this.kind === "order") {
      return this.items().map(function (item) { return item.getAttribute("data-step"); });
    }
    var answers = {}, missing = null;
    this.items().forEach(function (item) {
      var select = item.querySelector("select");
      if (select.value) { answers[item.getAttribute("data-step")] = select.value; } else if (!missing) { missing = select; }
    });
    return missing ? {missing: missing} : {answers: answers};
  };

  Quiz.prototype.submit = function () {
    var self = this, answer = this.answer(), request, button = this.button;
    if (this.left === 0) { this.say(this.strings.noAttempts); return; }
    if (button.getAttribute("aria-disabled")) { return; }
    if (this.kind === "order") {
      request = this.server.submitOrder(this.id, answer);
    } else {
      if (answer.missing) {
        this.say(this.strings.chooseAll);
        answer.missing.focus();
        return;
      }
      request = this.server.submitMatch(this.id, answer.answers);
    }
    button.setAttribute("aria-disabled", "true");
    this.say(this.strings.sending);
    request.then(function (reply) {
      button.removeAttribute("aria-disabled");
      self.show(reply);
      if (reply.attempts !== undefined) { self.showRules(reply.attempts_left); }
      if (self.onSummary) { self.onSummary(reply); }
    }, function (error) {
      button.removeAttribute("aria-disabled");
      self.say(error.message || self.strings.error);
    });
  };

  /** What the server sent about an attempt: per-position (order) or per-step (match) marks when the
      feedback mode allows them, the count in the status line, or only that the answer was saved. */
  Quiz.prototype.show = function (result) {
    var strings = this.strings, order = this.kind === "order", correct = result.correct;
    if (result.right === undefined) {
      this.items().forEach(this.clearMark, this);
      this.say(strings.savedHidden);
      return;
    }
    var summary = AT.fmt(order ? strings.orderResult : strings.matchResult, {right: result.right, total: result.total});
    this.say(summary + " " + AT.fmt(strings.best, {percent: Math.round((result.best || 0) * 100)}));
    if (!correct) { this.items().forEach(this.clearMark, this); return; }
    this.items().forEach(function (item, index) {
      var ok = order ? correct[index] : correct[item.getAttribute("data-step")];
      var mark = item.querySelector(".at-result");
      mark.hidden = false;
      mark.textContent = (ok ? "✓ " : "✗ ") + (order ? (ok ? strings.right : strings.wrong) : (ok ? strings.rightActor : strings.wrongActor));
      item.classList.toggle("at-ok", !!ok);
      item.classList.toggle("at-bad", !ok);
    });
  };

  Quiz.prototype.clearMark = function (item) {
    if (!item) { return; }
    item.classList.remove("at-ok", "at-bad");
    var mark = item.querySelector(".at-result");
    mark.hidden = true;
    mark.textContent = "";
  };

  /** After a reload: the learner's last answer and its marks (not when the quiz has changed since). */
  Quiz.prototype.restore = function (last) {
    if (this.kind === "order") {
      var list = this.list, byId = {}, items = this.items();
      items.forEach(function (item) { byId[item.getAttribute("data-step")] = item; });
      var answer = Array.isArray(last.answer) ? last.answer : [];
      if (answer.length !== items.length || !answer.every(function (id) { return byId[id]; })) { return; }
      answer.forEach(function (id) { list.appendChild(byId[id]); });
      this.renumber();
    }
    if (this.kind === "match") {
      var steps = this.items().map(function (item) { return item.getAttribute("data-step"); });
      var answered = Object.keys(last.answer || {});
      if (answered.length !== steps.length || !steps.every(function (id) { return answered.indexOf(id) >= 0; })) { return; }
      this.items().forEach(function (item) {
        var value = last.answer[item.getAttribute("data-step")];
        if (value) { item.querySelector("select").value = value; }
      });
    }
    this.show(last);
  };

  Quiz.prototype.say = function (text) { this.status.textContent = text; };

  AT.Quiz = Quiz;
}());
