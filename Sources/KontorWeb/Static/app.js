// Progressive enhancement only: on a phone the navigation is a strip that scrolls sideways; show the current area.
document.addEventListener("DOMContentLoaded", function () {
  var current = document.querySelector(".sidebar a.current");
  if (current && window.matchMedia("(max-width: 800px)").matches) {
    var strip = current.closest(".sidebar");
    strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }
});
