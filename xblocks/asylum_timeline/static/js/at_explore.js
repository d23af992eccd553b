/* asylum_timeline: exploring the steps (layout, phase navigation, keyboard, details, perspective,
   filters, progress). */
(function () {
  "use strict";
  var AT = window.AsylumTimeline = window.AsylumTimeline || {};
  /** Container width (px) from which the process map (phases as rows of step cards) replaces the stepper. */
  AT.MAP_FROM = 760;

  function Explore(root, init, server) {
    this.root = root;
    this.init = init;
    this.server = server;
    this.strings = init.strings;
    this.steps = AT.all(root, ".at-step");
    this.status = root.querySelector(".at-status");
    this.open = null;
    this.current = this.steps[0] || null;
    this.completed = !!init.state.completed;
    this.bind();
    this.layout();
    this.setRoving(this.current);
    this.update(init.state);
  }

  Explore.prototype.bind = function () {
    var self = this, root = this.root;
    root.addEventListener("click", function (event) {
      var button = event.target.closest(".at-step-btn, .at-goto, .at-close, .at-phase-link");
      if (!button || !root.contains(button)) { return; }
      if (button.classList.contains("at-phase-link")) {
        self.goToPhase(document.getElementById(button.getAttribute("data-phase")));
      } else if (button.classList.contains("at-close")) {
        var step = button.closest(".at-step");
        self.close(step);
        self.focus(step);
      } else if (button.classList.contains("at-goto")) {
        var target = document.getElementById(button.getAttribute("data-target"));
        if (target) { self.show(target.closest(".at-step"), true); }
      } else {
        self.toggle(button.closest(".at-step"));
      }
    });
    root.addEventListener("keydown", function (event) { self.onKey(event); });
    root.addEventListener("change", function (event) {
      var input = event.target;
      if (input.matches(".at-persp input")) { self.setPerspective(input.value); }
      if (input.matches(".at-f-actor, .at-f-path, .at-f-only")) { self.filter(); }
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { self.layout(); }).observe(root);
    } else {
      window.addEventListener("resize", function () { self.layout(); });
    }
  };

  /** One semantic list; CSS lays it out as a process map (wide) or a stepper (narrow). In both, a step's
      details follow its card in the DOM, so they open under it (the map's grid puts them on the row below). */
  Explore.prototype.layout = function () {
    var layout = this.root.clientWidth >= AT.MAP_FROM ? "map" : "stepper";
    if (this.root.getAttribute("data-layout") !== layout) { this.root.setAttribute("data-layout", layout); }
  };

  /** Scroll as little as possible so the open details are in the viewport without losing the step's card
      (scrollIntoView also scrolls the pages around an auto-height iframe, as in the Learning MFE). */
  Explore.prototype.reveal = function (step) {
    var details = this.detailsOf(step), card = step.querySelector(".at-card");
    if (!details.scrollIntoView) { return; }
    details.scrollIntoView({block: "nearest"});
    card.scrollIntoView({block: "nearest"});  // details taller than the viewport: they start under the card
  };

  /** The phase navigation: show the phase and put the focus on its first step shown. */
  Explore.prototype.goToPhase = function (heading) {
    var phase = heading && heading.closest(".at-phase");
    if (!phase) { return; }
    var first = this.visible().filter(function (step) { return phase.contains(step); })[0];
    if (heading.scrollIntoView) { heading.scrollIntoView({block: "start"}); }
    if (first) {
      this.setRoving(first);
      first.querySelector(".at-step-btn").focus({preventScroll: true});
    } else {
      heading.focus();
    }
  };

  Explore.prototype.detailsOf = function (step) {
    return document.getElementById(step.querySelector(".at-step-btn").getAttribute("aria-controls"));
  };

  Explore.prototype.visible = function () {
    return this.steps.filter(function (step) { return !step.hidden && !step.parentNode.closest("[hidden]"); });
  };

  Explore.prototype.setRoving = function (step) {
    if (!step) { return; }
    this.steps.forEach(function (other) {
      other.querySelector(".at-step-btn").setAttribute("tabindex", other === step ? "0" : "-1");
    });
    this.current = step;
    var phase = step.closest(".at-phase").getAttribute("data-phase");
    AT.all(this.root, ".at-phase-link").forEach(function (link) {
      if (link.getAttribute("data-phase") === phase) { link.setAttribute("aria-current", "step"); }
      else { link.removeAttribute("aria-current"); }
    });
  };

  Explore.prototype.onKey = function (event) {
    var button = event.target.closest(".at-step-btn");
    if (event.key === "Escape" && this.open && (button || event.target.closest(".at-details"))) {
      var step = this.open;
      this.close(step);
      step.querySelector(".at-step-btn").focus();
      return;
    }
    if (!button) { return; }
    var list = this.visible(), index = list.indexOf(button.closest(".at-step")), next = null;
    if (event.key === "ArrowDown" || event.key === "ArrowRight") { next = list[Math.min(index + 1, list.length - 1)]; }
    else if (event.key === "ArrowUp" || event.key === "ArrowLeft") { next = list[Math.max(index - 1, 0)]; }
    else if (event.key === "Home") { next = list[0]; }
    else if (event.key === "End") { next = list[list.length - 1]; }
    if (next) {
      event.preventDefault();
      this.focus(next);
    }
  };

  Explore.prototype.focus = function (step) {
    this.setRoving(step);
    var button = step.querySelector(".at-step-btn");
    button.focus();
    if (button.scrollIntoView) { button.scrollIntoView({block: "nearest", inline: "nearest"}); }
  };

  Explore.prototype.toggle = function (step) {
    if (this.open === step) { this.close(step); } else { this.show(step, false); }
    this.setRoving(step);
  };

  /** Open ``step`` (closing any other) and tell the server it was seen. */
  Explore.prototype.show = function (step, moveFocus) {
    var self = this;
    if (step.hidden) { this.clearFilter(); }
    if (this.open && this.open !== step) { this.close(this.open); }
    var details = this.detailsOf(step);
    details.hidden = false;
    step.querySelector(".at-step-btn").setAttribute("aria-expanded", "true");
    step.classList.add("at-open");
    this.open = step;
    if (moveFocus) { this.focus(step); }
    this.reveal(step);
    var id = step.getAttribute("data-step");
    if (!step.classList.contains("at-seen")) {
      this.server.viewStep(id).then(function (summary) { self.update(summary); }, function (error) {
        self.say(error.message || self.strings.error);
      });
    }
  };

  Explore.prototype.close = function (step) {
    var details = this.detailsOf(step);
    details.hidden = true;
    step.querySelector(".at-step-btn").setAttribute("aria-expanded", "false");
    step.classList.remove("at-open");
    if (this.open === step) { this.open = null; }
  };

  Explore.prototype.setPerspective = function (value) {
    this.root.setAttribute("data-perspective", value);
    AT.all(this.root, ".at-persp input[value='" + value + "']").forEach(function (radio) { radio.checked = true; });
  };

  Explore.prototype.filterValues = function () {
    var pick = function (root, selector) { var el = root.querySelector(selector); return el ? el.value : ""; };
    var only = this.root.querySelector(".at-f-only");
    return {actor: pick(this.root, ".at-f-actor"), path: pick(this.root, ".at-f-path"), only: !!(only && only.checked)};
  };

  /** Highlight (or show only) the steps of an actor and/or a path. */
  Explore.prototype.filter = function () {
    var f = this.filterValues(), active = !!(f.actor || f.path), count = 0, strings = this.strings;
    this.steps.forEach(function (step) {
      var actors = (step.getAttribute("data-actors") || "").split(" ");
      var paths = (step.getAttribute("data-paths") || "").split(" ");
      var match = active && (!f.actor || actors.indexOf(f.actor) >= 0) && (!f.path || paths.indexOf(f.path) >= 0);
      if (match) { count += 1; }
      step.classList.toggle("at-match", match);
      step.classList.toggle("at-dim", active && !match);
      step.hidden = active && f.only && !match;
      AT.all(step, ".at-chip").forEach(function (chip) {
        chip.classList.toggle("at-chip-hit", !!f.actor && chip.getAttribute("data-actor") === f.actor);
      });
      var mark = step.querySelector(".at-hl");
      if (match && !mark) {
        mark = document.createElement("span");
        mark.className = "at-sr at-hl";
        mark.textContent = ", " + strings.highlighted;
        step.querySelector(".at-step-btn").appendChild(mark);
      } else if (!match && mark) {
        mark.parentNode.removeChild(mark);
      }
    });
    var root = this.root;
    AT.all(root, ".at-phase").forEach(function (phase) {
      phase.hidden = !phase.querySelector(".at-step:not([hidden])");
      var link = root.querySelector(".at-phase-link[data-phase='" + phase.getAttribute("data-phase") + "']");
      if (link) { link.parentNode.hidden = phase.hidden; }
    });
    if (this.open && this.open.hidden) { this.close(this.open); }
    if (this.current && this.current.hidden) { this.setRoving(this.visible()[0] || null); }
    this.say(active ? AT.fmt(strings.filterCount, {count: count, total: this.steps.length}) : strings.filterNone);
  };

  Explore.prototype.clearFilter = function () {
    var only = this.root.querySelector(".at-f-only");
    if (only) { only.checked = false; }
    this.filter();
  };

  Explore.prototype.say = function (text) {
    if (this.status) { this.status.textContent = text; }
  };

  /** Show the server's progress: seen marks, the progress bar, completion. */
  Explore.prototype.update = function (summary) {
    var seen = summary.viewed || [];
    this.steps.forEach(function (step) {
      var isSeen = seen.indexOf(step.getAttribute("data-step")) >= 0;
      step.classList.toggle("at-seen", isSeen);
      step.querySelector(".at-seen-mark").hidden = !isSeen;
    });
    var bar = this.root.querySelector(".at-progress progress");
    if (bar) {
      bar.value = summary.steps_seen;
      this.root.querySelector(".at-progress-text").textContent =
        AT.fmt(this.strings.progress, {seen: summary.steps_seen, total: summary.steps_total});
    }
    if (summary.completed && !this.completed) { this.say(this.strings.completed); }
    this.completed = summary.completed;
  };

  AT.Explore = Explore;
}());
