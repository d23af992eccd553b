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
    var lesson = this.lesson, s = lesson.s, list = this.list;
    list.textContent = "";
    lesson.points.forEach(function (point) {
      var answer = lesson.state.answers[point.id];
      var item = document.createElement("div"), head = document.createElement("h4"),
        prompt = document.createElement("div"), text = document.createElement("p");
      item.className = "vl-recap-item";
      head.className = "vl-h4";
      head.textContent = VL.fmt(s.recapQuestion, {time: point.timeLabel});
      prompt.className = "vl-prompt";
      prompt.innerHTML = point.prompt;  // sanitised author HTML
      text.className = "vl-recap-answer";
      text.textContent = answer ? answer.text : s.notAnsweredYet;  // learner text: always as text
      [head, prompt, text].forEach(function (node) { item.appendChild(node); });
      list.appendChild(item);
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
