// trappa serve: follows a plan's progress (server-sent events) and reloads the page when done.
(function () {
  var box = document.getElementById("progress");
  if (!box || !window.EventSource) return;
  var line = document.getElementById("progress-line");
  var source = new EventSource(box.getAttribute("data-events"));
  source.addEventListener("progress", function (e) {
    line.textContent = e.data;
  });
  source.addEventListener("done", function () {
    source.close();
    window.location.reload();
  });
})();
