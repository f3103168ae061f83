// Suggestions while typing in a search box: the ARIA combobox pattern with a listbox popup.
// Progressive enhancement only: without this file the boxes are plain search forms.
(function () {
    "use strict";

    var DELAY = 150;
    var MIN_LENGTH = 2;

    function setup(input) {
        var endpoint = input.getAttribute("data-search-autocomplete");
        var form = input.form;
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var options = [];
        var active = -1;
        var timer = null;
        var request = null;
        var shownFor = null;

        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        form.classList.add("has-suggestions");
        form.append(list, status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function open() {
            if (!options.length) return;
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            choose(-1);
        }

        function choose(index) {
            active = index;
            options.forEach(function (option, position) {
                var chosen = position === index;
                option.element.setAttribute("aria-selected", chosen ? "true" : "false");
                option.element.classList.toggle("is-active", chosen);
            });
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].element.id);
                options[index].element.scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function follow(index) {
            window.location.assign(options[index].url);
        }

        function render(results) {
            list.replaceChildren();
            options = results.map(function (result, position) {
                var element = document.createElement("li");
                var title = document.createElement("span");
                var meta = document.createElement("span");
                element.id = listId + "-" + position;
                element.className = "search-suggestions__option";
                element.setAttribute("role", "option");
                element.setAttribute("aria-selected", "false");
                title.className = "search-suggestions__title";
                title.textContent = result.title;
                meta.className = "search-suggestions__meta";
                meta.textContent = result.context ? result.type + " · " + result.context : result.type;
                element.append(title, meta);
                // Keep the focus in the box, so choosing with the mouse doesn't close the list first.
                element.addEventListener("mousedown", function (event) { event.preventDefault(); });
                element.addEventListener("click", function () { follow(position); });
                list.append(element);
                return { element: element, url: result.url };
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            status.textContent = results.length
                ? results.length + (results.length === 1 ? " suggestion" : " suggestions") + ": up and down arrows to choose, Enter to open"
                : "";
            if (options.length) open(); else close();
        }

        function suggest() {
            var text = input.value.trim();
            if (text === shownFor) { open(); return; }
            if (request) request.abort();
            if (text.length < MIN_LENGTH) { shownFor = text; render([]); return; }
            request = new AbortController();
            fetch(endpoint + "?q=" + encodeURIComponent(text), {
                signal: request.signal,
                credentials: "same-origin",
                headers: { Accept: "application/json" }
            })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) {
                    if (input.value.trim() !== text) return;
                    shownFor = text;
                    render(data.results || []);
                })
                .catch(function () { /* an aborted or failed request leaves the box as it is */ });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(suggest, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && options.length) {
                event.preventDefault();
                open();
                choose((active + 1) % options.length);
            } else if (event.key === "ArrowUp" && options.length && !list.hidden) {
                event.preventDefault();
                choose(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                follow(active);
            } else if (event.key === "Escape" && !list.hidden) {
                // Close the list only: the browser would otherwise also clear the box.
                event.preventDefault();
                event.stopPropagation();
                close();
            }
        });
        input.addEventListener("blur", close);
    }

    // On a phone the facets would push the results below the fold: they start folded there.
    function foldFacets() {
        if (!window.matchMedia("(max-width: 48rem)").matches) return;
        document.querySelectorAll("details[data-search-facets]").forEach(function (facets) {
            facets.open = false;
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("input[data-search-autocomplete]").forEach(setup);
        foldFacets();
    });
})();
