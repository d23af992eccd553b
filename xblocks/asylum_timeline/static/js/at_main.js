/* asylum_timeline: the XBlock initialiser; wires exploring, quizzes and the server together. */
/* exported AsylumTimelineBlock */
function AsylumTimelineBlock(runtime, element, init) {
  "use strict";
  var AT = window.AsylumTimeline, given = element;  // handed back to runtime.handlerUrl as it came
  element = element && element.jquery ? element[0] : element;
  var root = element.classList && element.classList.contains("at-block") ? element : element.querySelector(".at-block");
  if (!root || root.getAttribute("data-ready")) { return {}; }
  var client = init && init.client;  // this block and learner's key for the request queue
  if (init && init.data) { init = JSON.parse(document.getElementById(init.data).textContent); }
  root.setAttribute("data-ready", "1");
  var server = AT.server(runtime, given, init, client);
  var explore = root.querySelector(".at-step") ? new AT.Explore(root, init, server) : null;
  AT.all(root, ".at-quiz").forEach(function (section) {
    return new AT.Quiz(section, init, server, function (summary) { if (explore) { explore.update(summary); } });
  });
  root.atServer = server;  // the block's server calls (browser tests and the overlap benchmark drive them)
  return {explore: explore};
}
