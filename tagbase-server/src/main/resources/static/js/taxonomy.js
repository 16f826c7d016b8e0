// Drag to move on the taxonomy tree: drop a tag on a category to move it there, or a category on
// another category (or on the top-level strip) to move it under that. A drop fills in and submits
// the same "move" forms a keyboard user would use, so both paths share one server endpoint.
(function () {
  "use strict";
  var dragged = null;

  function submitMove(formId, itemSelectId, item, targetSelectId, target) {
    var form = document.getElementById(formId);
    var itemSelect = document.getElementById(itemSelectId);
    var targetSelect = document.getElementById(targetSelectId);
    var known = Array.prototype.some.call(targetSelect.options, function (o) {
      return o.value === target;
    });
    if (!form || !known) {
      return;
    }
    itemSelect.value = item;
    targetSelect.value = target;
    form.submit();
  }

  function onDrop(event) {
    var zone = event.currentTarget;
    zone.classList.remove("drop-over");
    if (!dragged) {
      return;
    }
    event.preventDefault();
    var target = zone.getAttribute("data-drop");
    if (dragged.hasAttribute("data-tag")) {
      if (target !== "") {
        submitMove("move-tag-form", "move-tag", dragged.getAttribute("data-tag"), "move-tag-to", target);
      }
    } else if (dragged.getAttribute("data-category") !== target) {
      submitMove("move-category-form", "move-category", dragged.getAttribute("data-category"),
        "move-category-to", target);
    }
    dragged = null;
  }

  function accepts(zone) {
    if (!dragged) {
      return false;
    }
    var target = zone.getAttribute("data-drop");
    return dragged.hasAttribute("data-tag") ? target !== "" : dragged.getAttribute("data-category") !== target;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tree = document.getElementById("taxonomy");
    if (!tree) {
      return;
    }
    tree.querySelectorAll("[draggable=true]").forEach(function (item) {
      item.addEventListener("dragstart", function (event) {
        dragged = item;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.getAttribute("data-tag") || item.getAttribute("data-category"));
        item.classList.add("dragging");
        event.stopPropagation();
      });
      item.addEventListener("dragend", function () {
        item.classList.remove("dragging");
        dragged = null;
      });
    });
    tree.querySelectorAll("[data-drop]").forEach(function (zone) {
      zone.addEventListener("dragover", function (event) {
        if (accepts(zone)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          zone.classList.add("drop-over");
        }
      });
      zone.addEventListener("dragleave", function () {
        zone.classList.remove("drop-over");
      });
      zone.addEventListener("drop", onDrop);
    });
  });
})();
