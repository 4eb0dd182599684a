// Progressive enhancement only: on a phone the navigation is a strip that scrolls sideways; show the current area.
document.addEventListener("DOMContentLoaded", function () {
  var current = document.querySelector(".sidebar a.current");
  if (current && window.matchMedia("(max-width: 800px)").matches) {
    var strip = current.closest(".sidebar");
    strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }
});

// Copy buttons (the proposal page): a button with data-copy="ID" copies the text of the element with that id.
// The buttons stay hidden without JavaScript; the text can always be selected by hand.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = source.textContent;
      var done = function () {
        button.textContent = button.getAttribute("data-copied") || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        // Plain http off localhost has no clipboard API: select the text and copy the selection.
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (document.execCommand("copy")) { done(); }
      }
    });
  });
});
