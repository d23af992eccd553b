/* asylum_timeline Studio editor: phases and steps (actors, paths, sources, outcomes) and the quizzes. */
(function () {
  "use strict";
  var AT = window.AsylumTimeline;
  var h = AT.h, Form = AT.StudioForm;

  Form.prototype.phaseSection = function () {
    var self = this, t = this.t, d = this.draft, number = 0;
    var rows = d.phases.map(function (phase, p) {
      phase._key = p;
      var steps = phase.steps.map(function (step, s) { number += 1; return self.stepRow(phase, p, step, s, number); });
      return h("li", {}, [h("fieldset", {"class": "ats-row ats-phase", "data-err": "phase:" + (phase.id || "#" + (p + 1))}, [
        h("legend", {text: AT.fmt(t.phaseN, {n: p + 1, name: phase.title})}),
        self.input(t.title, phase, "title", {key: "phase." + p + ".title", onInput: self.autoId("phase", phase)}),
        self.idInput("phase", phase, "phase." + p + ".id"),
        self.rowTools(d.phases, p, "phase", phase.title || phase.id, function (gone) { self.forget(gone.steps); }),
        h("ol", {"class": "ats-list ats-steps"}, steps),
        self.button(t.addStep, phase.title, function () {
          var step = {id: "", title: "", actors: [], when: "", since: "", paths: [], description: "", seeker: "",
                      sources: [], outcomes: [], review: ""};
          self.addRow("step", phase.steps, step);
          self.open.add(step);
          self.render("step." + p + "." + (phase.steps.length - 1) + ".title");
        }, "step." + p + ".add")])]);
    });
    return this.section("phases", t.phases, t.phasesHint, [h("ol", {"class": "ats-list"}, rows),
      this.button(t.addPhase, null, function () {
        self.render(self.addRow("phase", d.phases, {id: "", title: "", steps: []}, "phase." + d.phases.length + ".title"));
      }, "phase.add")]);
  };

  /** Removing steps also removes them from quizzes and outcomes. */
  Form.prototype.forget = function (steps) {
    var gone = steps.map(function (s) { return s.id; });
    this.draft.quizzes.forEach(function (q) { q.steps = q.steps.filter(function (id) { return gone.indexOf(id) < 0; }); });
    this.steps().forEach(function (s) { s.outcomes = s.outcomes.filter(function (o) { return gone.indexOf(o.to) < 0; }); });
  };

  Form.prototype.stepRow = function (phase, p, step, s, number) {
    var self = this, t = this.t, base = "step." + p + "." + s;
    step._key = p + "." + s;
    var details = h("details", {"class": "ats-step", "data-err": "step:" + (step.id || "#" + number), open: this.open.has(step)},
      [h("summary", {"data-key": base + ".summary"}, [h("span", {"class": "ats-sum-title", text: AT.fmt(t.stepN, {n: number, name: step.title || t.untitled})}),
        h("span", {"class": "ats-sum-meta", text: this.stepFacts(step)})])]);
    var fill = function () {
      if (details.querySelector(".ats-step-body")) { return; }
      details.appendChild(self.stepBody(phase, p, step, s, base));
    };
    details.addEventListener("toggle", function () {
      if (details.open) { self.open.add(step); fill(); } else { self.open.delete(step); }
    });
    if (details.open) { fill(); }
    details.fill = fill;
    return h("li", {}, [details]);
  };

  /** The collapsed row's one line after the title: main actor, when, how many outcomes and sources. */
  Form.prototype.stepFacts = function (step) {
    var main = this.draft.actors.filter(function (a) { return a.id === step.actors[0]; })[0];
    var facts = [main ? main.name || main.id : "", step.when || ""].filter(Boolean);
    if (step.outcomes.length) { facts.push(this.t.outcomes + ": " + step.outcomes.length); }
    if (step.sources.length) { facts.push(this.t.sources + ": " + step.sources.length); }
    return facts.length ? " · " + facts.join(" · ") : "";
  };

  Form.prototype.stepBody = function (phase, p, step, s, base) {
    var self = this, t = this.t, d = this.draft;
    var move = function (delta) {
      return function () {  // within the phase, else across into the neighbouring phase
        var list = phase.steps;
        if (s + delta >= 0 && s + delta < list.length) { list.splice(s + delta, 0, list.splice(s, 1)[0]); }
        else if (delta < 0 && p > 0) { list.splice(s, 1); d.phases[p - 1].steps.push(step); }
        else if (delta > 0 && p < d.phases.length - 1) { list.splice(s, 1); d.phases[p + 1].steps.unshift(step); }
        else { return; }
        self.edit();
        var where = self.locate(step);
        self.render("step." + where + (delta < 0 ? ".up" : ".down"));
      };
    };
    return h("div", {"class": "ats-step-body"}, [
      this.input(t.title, step, "title", {key: base + ".title", onInput: this.autoId("step", step)}),
      this.idInput("step", step, "step." + step._key + ".id"),
      this.input(t.when, step, "when", {hint: t.whenHint, key: base + ".when"}),
      this.input(t.since, step, "since", {hint: t.sinceHint, key: base + ".since"}),
      this.actorPicker(step, base),
      this.pathPicker(step),
      this.input(t.description, step, "description", {area: true, hint: t.htmlHint, key: base + ".description"}),
      this.input(t.seeker, step, "seeker", {area: true, hint: t.htmlHint, key: base + ".seeker"}),
      this.sources(step, base),
      this.outcomes(step, base),
      this.input(t.stepReview, step, "review", {area: true, hint: t.reviewHint, key: base + ".review"}),
      h("div", {"class": "ats-tools"}, [
        this.button(t.up, step.title || step.id, move(-1), base + ".up"),
        this.button(t.down, step.title || step.id, move(1), base + ".down"),
        this.button(t.remove, step.title || step.id, function () {
          phase.steps.splice(s, 1);
          self.forget([step]);
          self.edit();
          self.render("step." + p + ".add");
        }, base + ".remove", "ats-btn ats-remove")])]);
  };

  Form.prototype.locate = function (step) {
    var found = "";
    this.draft.phases.forEach(function (phase, p) {
      var s = phase.steps.indexOf(step);
      if (s >= 0) { found = p + "." + s; }
    });
    return found;
  };

  /** The first actor is the main one (the answer of a "who is responsible?" quiz). */
  Form.prototype.actorPicker = function (step, base) {
    var self = this, t = this.t, id = this.uid();
    var select = h("select", {id: id, "data-field": "actors", "data-key": base + ".primary", onchange: function () {
      var before = step.actors[0];  // the old main actor stays as another actor; "Choose …" removes it
      step.actors = step.actors.filter(function (a) { return a !== select.value && (select.value || a !== before); });
      if (select.value) { step.actors.unshift(select.value); }
      self.edit();
      self.render(base + ".primary");
    }}, [h("option", {value: "", text: t.choose})].concat(this.draft.actors.map(function (a) {
      return h("option", {value: a.id, text: a.name || a.id, selected: step.actors[0] === a.id});
    })));
    var others = this.draft.actors.filter(function (a) { return a.id !== step.actors[0]; }).map(function (a) {
      return self.check(a.name || a.id, step.actors.indexOf(a.id) > 0, function (on) {
        step.actors = step.actors.filter(function (x) { return x !== a.id; });
        if (on) { step.actors.push(a.id); }
      });
    });
    return h("div", {"class": "ats-group"}, [
      h("div", {"class": "ats-field"}, [h("label", {"for": id, text: t.primary}), select]),
      h("fieldset", {"class": "ats-checks"}, [h("legend", {text: t.otherActors})].concat(others))]);
  };

  Form.prototype.pathPicker = function (step) {
    var t = this.t, self = this;
    if (!this.draft.paths.length) { return null; }
    return h("fieldset", {"class": "ats-checks", "data-field": "paths"}, [h("legend", {text: t.stepPaths})].concat(
      this.draft.paths.map(function (path) {
        return self.check(path.title || path.id, step.paths.indexOf(path.id) >= 0, function (on) {
          step.paths = step.paths.filter(function (x) { return x !== path.id; });
          if (on) { step.paths.push(path.id); }
        });
      })));
  };

  Form.prototype.sources = function (step, base) {
    var self = this, t = this.t;
    var rows = step.sources.map(function (source, i) {
      return h("li", {}, [h("fieldset", {"class": "ats-sub", "data-field": "source[" + (i + 1) + "]"}, [
        h("legend", {text: AT.fmt(t.sourceN, {n: i + 1})}),
        self.input(t.sourceTitle, source, "title", {key: base + ".source." + i + ".title"}),
        self.input(t.sourceHref, source, "href", {type: "url", hint: t.hrefHint, key: base + ".source." + i + ".href"}),
        self.input(t.checked, source, "checked", {hint: t.checkedHint, key: base + ".source." + i + ".checked"}),
        self.button(t.remove, AT.fmt(t.sourceN, {n: i + 1}), function () {
          step.sources.splice(i, 1); self.edit(); self.render(base + ".source.add");
        }, base + ".source." + i + ".remove", "ats-btn ats-remove")])]);
    });
    return h("div", {"class": "ats-group"}, [h("h4", {text: t.sources}), h("ol", {"class": "ats-list"}, rows),
      this.button(t.addSource, null, function () {
        step.sources.push({href: "https://", title: "", checked: ""});
        self.edit();
        self.render(base + ".source." + (step.sources.length - 1) + ".title");
      }, base + ".source.add")]);
  };

  /** Outcomes pick their target from the list of phases and steps. */
  Form.prototype.outcomes = function (step, base) {
    var self = this, t = this.t;
    var rows = step.outcomes.map(function (outcome, i) {
      var id = self.uid();
      var options = [h("option", {value: "", text: t.choose})];
      self.draft.phases.forEach(function (phase) {
        var group = h("optgroup", {label: phase.title || phase.id}, [
          h("option", {value: phase.id, text: AT.fmt(t.phaseStart, {name: phase.title || phase.id}), selected: outcome.to === phase.id})]);
        phase.steps.forEach(function (target) {
          if (target !== step) {
            group.appendChild(h("option", {value: target.id, text: target.title || target.id, selected: outcome.to === target.id}));
          }
        });
        options.push(group);
      });
      var select = h("select", {id: id, "data-field": "outcome[" + (i + 1) + "]", "data-key": base + ".outcome." + i + ".to",
        onchange: function () { outcome.to = select.value; self.edit(); }}, options);
      return h("li", {}, [h("fieldset", {"class": "ats-sub"}, [
        h("legend", {text: AT.fmt(t.outcomeN, {n: i + 1})}),
        h("div", {"class": "ats-field"}, [h("label", {"for": id, text: t.outcomeTo}), select]),
        self.input(t.outcomeLabel, outcome, "label", {key: base + ".outcome." + i + ".label"}),
        self.button(t.remove, AT.fmt(t.outcomeN, {n: i + 1}), function () {
          step.outcomes.splice(i, 1); self.edit(); self.render(base + ".outcome.add");
        }, base + ".outcome." + i + ".remove", "ats-btn ats-remove")])]);
    });
    return h("div", {"class": "ats-group"}, [h("h4", {text: t.outcomes}), h("p", {"class": "ats-hint", text: t.outcomesHint}),
      h("ol", {"class": "ats-list"}, rows),
      this.button(t.addOutcome, null, function () {
        step.outcomes.push({to: "", label: ""});
        self.edit();
        self.render(base + ".outcome." + (step.outcomes.length - 1) + ".to");
      }, base + ".outcome.add")]);
  };

  /** The block's attempt limit and feedback mode (``<quiz max_attempts feedback>``). */
  Form.prototype.quizRules = function () {
    var self = this, t = this.t, d = this.draft, id = this.uid();
    if (d.max_attempts === undefined || d.max_attempts === null) { d.max_attempts = 3; }
    d.max_attempts = String(d.max_attempts);
    var select = h("select", {id: id, "data-field": "feedback", "data-key": "quizrules.feedback", onchange: function () {
      d.feedback = select.value;
      self.edit();
    }}, [["per_item", t.feedbackPerItem], ["count", t.feedbackCount], ["after_last", t.feedbackAfterLast]].map(function (o) {
      return h("option", {value: o[0], text: o[1], selected: (d.feedback || "count") === o[0]});
    }));
    return h("fieldset", {"class": "ats-row", "data-err": "quiz:#0"}, [h("legend", {text: t.quizRules}),
      this.input(t.maxAttempts, d, "max_attempts", {key: "quizrules.max_attempts", type: "number", hint: t.maxAttemptsHint}),
      h("div", {"class": "ats-field"}, [h("label", {"for": id, text: t.feedback}), select])]);
  };

  Form.prototype.quizSection = function () {
    var self = this, t = this.t, d = this.draft, all = this.steps();
    var counts = {order: 0, match: 0};
    var rows = d.quizzes.map(function (quiz, i) {
      counts[quiz.kind] = (counts[quiz.kind] || 0) + 1;
      var quizId = quiz.id || quiz.kind + "-" + counts[quiz.kind];
      var name = AT.fmt(quiz.kind === "order" ? t.orderN : t.matchN, {n: counts[quiz.kind]});
      var checks = all.map(function (step, j) {
        return self.check(step.title || step.id, quiz.steps.indexOf(step.id) >= 0, function (on) {
          quiz.steps = quiz.steps.filter(function (x) { return x !== step.id; });
          if (on) {  // keep the process order: insert before the first chosen step that comes later
            var later = all.slice(all.indexOf(step) + 1).map(function (x) { return x.id; });
            var at = quiz.steps.findIndex(function (x) { return later.indexOf(x) >= 0; });
            quiz.steps.splice(at < 0 ? quiz.steps.length : at, 0, step.id);
          }
          self.render("quiz." + i + ".step." + j);
        }, {"data-key": "quiz." + i + ".step." + j});
      });
      var titles = quiz.steps.map(function (id) { var s = all.filter(function (x) { return x.id === id; })[0]; return s ? s.title : id; });
      return h("li", {}, [h("fieldset", {"class": "ats-row", "data-err": "quiz:" + quizId}, [
        h("legend", {text: name}),
        self.input(t.prompt, quiz, "prompt", {key: "quiz." + i + ".prompt"}),
        h("fieldset", {"class": "ats-checks ats-quiz-steps", "data-field": "steps"}, [h("legend", {text: t.quizSteps})].concat(checks)),
        quiz.kind === "order" ? h("p", {"class": "ats-hint", text: AT.fmt(t.rightOrder, {steps: titles.join(" → ")})}) : null,
        self.rowTools(d.quizzes, i, "quiz", name)])]);
    });
    var add = function (kind) {
      return function () {
        d.quizzes.push({kind: kind, steps: [], prompt: "", id: ""});
        self.edit();
        self.render("quiz." + (d.quizzes.length - 1) + ".prompt");
      };
    };
    return this.section("quizzes", t.quizzes, t.quizzesHint, [this.quizRules(), h("ol", {"class": "ats-list"}, rows),
      this.button(t.addOrder, null, add("order"), "quiz.add"), " ", this.button(t.addMatch, null, add("match"), "quiz.addmatch")]);
  };
}());
