/* asylum_timeline: shared helpers and the server calls (state lives on the server). */
(function () {
  "use strict";
  var AT = window.AsylumTimeline = window.AsylumTimeline || {};

  /** Replace {name} placeholders in a translated string. */
  AT.fmt = function (text, params) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? params[key] : whole;
    });
  };

  AT.all = function (root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  };

  /** POST JSON; resolves with the reply, rejects with an Error carrying the server's message. */
  AT.post = function (url, data) { return window.BemotandeHttp.postJson(url, data); };

  /**
   * The learner's server: view_step, submit_order, submit_match. In preview (Studio) nothing is
   * sent or stored: viewing is kept in memory and quizzes are not graded.
   */
  AT.server = function (runtime, element, init) {
    var url = function (name) { return runtime.handlerUrl(element, name); };
    if (!init.preview) {
      return {
        viewStep: function (id) { return AT.post(url("view_step"), {step_id: id}); },
        submitOrder: function (quiz, order) { return AT.post(url("submit_order"), {quiz: quiz, order: order}); },
        submitMatch: function (quiz, answers) { return AT.post(url("submit_match"), {quiz: quiz, answers: answers}); }
      };
    }
    var state = JSON.parse(JSON.stringify(init.state));
    return {
      viewStep: function (id) {
        if (state.viewed.indexOf(id) < 0) { state.viewed.push(id); state.steps_seen += 1; }
        return Promise.resolve(state);
      },
      submitOrder: function () { return Promise.reject(new Error(init.strings.preview)); },
      submitMatch: function () { return Promise.reject(new Error(init.strings.preview)); }
    };
  };
}());
