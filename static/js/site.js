// Progressive enhancements only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");

    function initNavToggle() {
        var toggle = document.querySelector("[data-nav-toggle]");
        var nav = document.querySelector("[data-nav]");
        if (!toggle || !nav) return;
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            var open = nav.classList.toggle("is-open");
            toggle.setAttribute("aria-expanded", String(open));
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && nav.classList.contains("is-open")) {
                nav.classList.remove("is-open");
                toggle.setAttribute("aria-expanded", "false");
                toggle.focus();
            }
        });
    }

    // Meeting times are published in the organiser's time zone; add the reader's own.
    function initLocalTimes() {
        var formatter;
        try {
            formatter = new Intl.DateTimeFormat(undefined, {
                weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
            });
        } catch (error) {
            return;
        }
        document.querySelectorAll("time[data-local-time]").forEach(function (element) {
            var when = new Date(element.getAttribute("datetime"));
            if (isNaN(when.getTime())) return;
            var note = document.createElement("span");
            note.className = "local-time";
            note.textContent = " (" + formatter.format(when) + " your time)";
            element.after(note);
        });
    }

    // Video players are fetched from their provider only when the reader presses play.
    function initVideos() {
        document.querySelectorAll("[data-video]").forEach(function (frame) {
            var link = frame.querySelector("[data-video-play]");
            var player = frame.querySelector("template[data-video-player]");
            if (!link || !player) return;
            link.addEventListener("click", function (event) {
                event.preventDefault();
                frame.replaceChildren(player.content.cloneNode(true));
                var iframe = frame.querySelector("iframe");
                if (iframe) iframe.focus();
            });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        initNavToggle();
        initLocalTimes();
        initVideos();
    });
})();
