/* video_lesson: end-of-lesson recap of the learner's own answers: printable and downloadable. */
(function (VL) {
  "use strict";

  // Learner text is escaped for Markdown so the file shows exactly what was typed.
  VL.markdownEscape = function (text) {
    return String(text).replace(/([\\`*_{}\[\]<>()#+!|~&])/g, "\\$1")
      .replace(/^(\s*)([-=]|\d+\.)/gm, "$1\\$2");
  };

  VL.Recap = function (lesson) {
    var self = this, root = lesson.root;
    this.lesson = lesson;
    this.section = root.querySelector("[data-vl-recap]");
    this.list = root.querySelector("[data-vl-recap-list]");
    root.querySelector("[data-vl-print]").addEventListener("click", function () { self.print(); });
    root.querySelector("[data-vl-download]").addEventListener("click", function () { self.download(); });
  };
  var R = VL.Recap.prototype;

  R.render = function () {
    var self = this, lesson = this.lesson, s = lesson.s, list = this.list;
    list.textContent = "";
    lesson.points.forEach(function (point, index) {
      var answer = lesson.state.answers[point.id], draft = lesson.state.drafts[point.id];
      var item = document.createElement("div"), head = document.createElement("h4"),
        prompt = document.createElement("div"), text = document.createElement("p");
      item.className = "vl-recap-item";
      item.setAttribute("data-vl-recap-point", point.id);
      head.className = "vl-h4";
      head.id = lesson.root.id + "-rc" + (index + 1);
      head.tabIndex = -1;  // focus lands here after a deletion
      head.textContent = VL.fmt(s.recapQuestion, {time: point.timeLabel});
      prompt.className = "vl-prompt";
      prompt.innerHTML = point.prompt;  // sanitised author HTML
      text.className = "vl-recap-answer";
      text.textContent = answer ? answer.text : s.notAnsweredYet;  // learner text: always as text
      [head, prompt, text].forEach(function (node) { item.appendChild(node); });
      if (typeof draft === "string" && draft) {
        var label = document.createElement("p"), body = document.createElement("p");
        label.className = "vl-recap-label vl-no-print";
        label.textContent = s.recapDraft;
        body.className = "vl-recap-answer vl-recap-draft vl-no-print";
        body.textContent = draft;
        item.appendChild(label);
        item.appendChild(body);
      }
      if (answer || (typeof draft === "string" && draft)) { item.appendChild(self.deleteControls(point, head)); }
      list.appendChild(item);
    });
  };

  // Delete what the learner wrote for a point: a button, then an inline confirmation (no native
  // dialog), focus moved into it and back; Escape keeps the text.
  R.deleteControls = function (point, head) {
    var self = this, s = this.lesson.s, box = document.createElement("div");
    box.className = "vl-recap-delete vl-no-print";
    var ask = button(s.deleteWritten, "vl-btn");
    ask.setAttribute("aria-describedby", head.id);
    var confirm = document.createElement("div"), question = document.createElement("p");
    confirm.setAttribute("role", "group");
    question.id = head.id + "-del";
    question.textContent = s.deleteConfirm;
    confirm.setAttribute("aria-labelledby", question.id);
    confirm.hidden = true;
    var yes = button(s.deleteYes, "vl-btn vl-btn-danger"), no = button(s.deleteNo, "vl-btn");
    var problem = document.createElement("p");
    problem.className = "vl-error";
    problem.setAttribute("role", "alert");
    [question, yes, no, problem].forEach(function (node) { confirm.appendChild(node); });
    box.appendChild(ask);
    box.appendChild(confirm);
    var close = function () { confirm.hidden = true; ask.hidden = false; ask.focus(); };
    ask.addEventListener("click", function () { ask.hidden = true; confirm.hidden = false; no.focus(); });
    no.addEventListener("click", close);
    confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.stopPropagation(); close(); }
    });
    yes.addEventListener("click", function () { self.remove(point, head, yes, problem); });
    return box;
  };
  function button(text, className) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = className;
    node.textContent = text;
    return node;
  }

  R.remove = function (point, head, yes, problem) {
    var self = this, lesson = this.lesson, s = lesson.s, server = lesson.server;
    yes.disabled = true;
    problem.textContent = "";
    server.post("delete_reflection", {reflection_id: point.id}).then(function (reply) {
      delete lesson.state.answers[point.id];
      delete lesson.state.drafts[point.id];
      if (server.pending) { server.pending.done(point.id, server.pending.get(point.id)); }  // the local copy too
      var item = lesson.root.querySelector("[data-vl-point='" + point.id + "']");
      var inline = item && item.querySelector("[data-vl-inline]");
      if (inline && !inline.hidden) {  // an open form would still show the old text
        lesson.toggleInline(item, point, item.querySelector("[data-vl-answer-here]"));
      }
      lesson.applySummary(reply);
      lesson.renderPoints();
      self.render();
      var again = document.getElementById(head.id);
      if (again) { again.focus(); }
      lesson.announce(VL.fmt(s.deleted, {time: point.timeLabel}));
    }, function () {
      yes.disabled = false;
      problem.textContent = s.deleteFailed;
    });
  };

  R.show = function (focus) {
    this.render();
    this.section.hidden = false;
    if (focus) { this.section.focus(); }
  };
  R.refresh = function () { if (!this.section.hidden) { this.render(); } };

  R.markdown = function () {
    var lesson = this.lesson, s = lesson.s, title = lesson.root.querySelector(".vl-title").textContent;
    var lines = ["# " + VL.markdownEscape(title), ""];
    lesson.points.forEach(function (point) {
      var answer = lesson.state.answers[point.id];
      lines.push("## " + VL.markdownEscape(VL.fmt(s.recapQuestion, {time: point.timeLabel})), "");
      lines.push("> " + VL.markdownEscape(point.promptText), "");
      lines.push("**" + VL.markdownEscape(s.recapAnswer) + "**", "");
      lines.push(answer ? VL.markdownEscape(answer.text).replace(/\n/g, "  \n") : "_" + VL.markdownEscape(s.notAnsweredYet) + "_", "");
    });
    return lines.join("\n");
  };
  R.fileName = function () {
    var title = this.lesson.root.querySelector(".vl-title").textContent;
    return (this.lesson.s.recapFile + " - " + title).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-").slice(0, 120) + ".md";
  };
  R.download = function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([this.markdown()], {type: "text/markdown;charset=utf-8"}));
    link.download = this.fileName();
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    this.lesson.server.log("recap_downloaded", {});
  };
  R.print = function () {
    var html = document.documentElement, root = this.lesson.root;
    this.render();
    html.classList.add("vl-printing");
    root.classList.add("vl-print-target");
    window.addEventListener("afterprint", function done() {
      html.classList.remove("vl-printing");
      root.classList.remove("vl-print-target");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  };
}(window.BemotandeVL = window.BemotandeVL || {}));
