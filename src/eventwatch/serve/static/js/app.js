// eventwatch dashboard: small progressive enhancements shared by every page.
// No page depends on this file; it only tidies URLs and adds a copy-link button.
// It never writes HTML: text goes through textContent, elements through the DOM API.
"use strict";

(function () {
  // Filter forms: leave empty fields out of the URL, so shared links stay short.
  document.querySelectorAll("form.filters, form.site-search").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && field.value === "") {
          field.disabled = true;
        }
      });
    });
  });

  // "Copy link": the current URL is the filter state.
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    if (!navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () {
        button.textContent = "Link copied";
        window.setTimeout(function () { button.textContent = "Copy link"; }, 1500);
      });
    });
  });
})();
