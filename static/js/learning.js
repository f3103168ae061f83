// Learning: progressive enhancements only. Every form here also works as a plain post without this file.
(function () {
    "use strict";
    if (window.p2puLearning) return;
    window.p2puLearning = true;

    var liveRegion;

    function announce(text) {
        if (!liveRegion) {
            liveRegion = document.createElement("div");
            liveRegion.className = "visually-hidden";
            liveRegion.setAttribute("role", "status");
            liveRegion.setAttribute("aria-live", "polite");
            document.body.appendChild(liveRegion);
        }
        liveRegion.textContent = "";
        window.setTimeout(function () { liveRegion.textContent = text; }, 50);
    }

    function postForm(form) {
        return fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { "Accept": "application/json", "X-Requested-With": "fetch" },
            credentials: "same-origin"
        }).then(function (response) {
            return response.json().catch(function () {
                return { ok: false, message: "Something went wrong. Please try again." };
            });
        });
    }

    function fragment(html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        return template.content.firstElementChild;
    }

    // Marking a task done or not done updates the task and every progress bar in place.
    function updateProgress(done, total) {
        document.querySelectorAll("[data-learning-progress]").forEach(function (bar) {
            var doneText = bar.querySelector("[data-learning-done]");
            var progress = bar.querySelector("progress");
            if (doneText) doneText.textContent = done;
            if (progress) { progress.value = done; progress.textContent = done + " of " + total; }
        });
    }

    function showTaskError(form, message) {
        var error = form.querySelector("[data-learning-error]");
        var input = form.querySelector("input[type=url]");
        if (error) { error.textContent = message; error.hidden = false; }
        if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
        announce(message);
    }

    // News in the progress summary (an earned badge): lines marked data-learning-announce that the new summary
    // shows and the old one did not. They are read out with the task's own message and scrolled into view, since
    // the summary sits above the task list, often off screen.
    function announcedLines(root) {
        return root ? Array.prototype.slice.call(root.querySelectorAll("[data-learning-announce]")) : [];
    }

    function lineText(element) {
        return element.textContent.replace(/\s+/g, " ").trim();
    }

    function newlyShown(before, after) {
        var old = announcedLines(before).map(lineText);
        return announcedLines(after).filter(function (element) { return old.indexOf(lineText(element)) === -1; });
    }

    function reveal(element) {
        var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }

    function submitTask(form) {
        var button = form.querySelector("button[type=submit]");
        if (button) button.disabled = true;
        postForm(form).then(function (data) {
            if (button) button.disabled = false;
            if (!data.ok) { showTaskError(form, data.message); return; }
            var box = form.closest("[data-learning-task]");
            var replacement = fragment(data.task_html);
            if (box && replacement) box.replaceWith(replacement);
            var summary = document.querySelector("[data-learning-tasks-progress]");
            var newSummary = fragment(data.progress_html);
            var news = newlyShown(summary, newSummary);
            if (summary && newSummary) summary.replaceWith(newSummary);
            updateProgress(data.done, data.total);
            var marker = document.querySelector('[data-learning-marker="' + box.getAttribute("data-learning-task") + '"]');
            var newMarker = fragment(data.marker_html);
            if (marker && newMarker) marker.replaceWith(newMarker);
            var focusTarget = replacement && replacement.querySelector("button, input");
            if (focusTarget) focusTarget.focus();
            if (news.length) reveal(news[0]);
            announce([data.message, data.done + " of " + data.total + " tasks done."].concat(news.map(lineText)).join(" "));
        }).catch(function () {
            if (button) button.disabled = false;
            form.submit();
        });
    }

    // Follow buttons switch in place.
    function submitFollow(form) {
        postForm(form).then(function (data) {
            if (!data.ok) { announce(data.message); return; }
            var action = form.querySelector("input[name=action]");
            var label = form.querySelector("[data-learning-follow-label]");
            var button = form.querySelector("button");
            action.value = data.following ? "unfollow" : "follow";
            label.textContent = data.following ? "Following" : "Follow";
            button.classList.toggle("follow-button--on", data.following);
            announce(data.message);
        }).catch(function () { form.submit(); });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!window.fetch || !window.FormData) return;
        if (form.matches("[data-learning-task-form]")) { event.preventDefault(); submitTask(form); }
        else if (form.matches("[data-learning-follow]")) { event.preventDefault(); submitFollow(form); }
    });

    // A link to #task-N opens that task, so its status and any error beside its form are visible.
    function openLinkedTask() {
        if (!/^#task-\d+$/.test(window.location.hash)) return;
        var task = document.getElementById(window.location.hash.slice(1));
        var details = task && task.querySelector("details");
        if (details) details.open = true;
    }

    function initCopyButtons() {
        document.querySelectorAll("[data-learning-copy]").forEach(function (button) {
            var input = document.getElementById(button.getAttribute("data-learning-copy"));
            if (!input || !navigator.clipboard) return;
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(input.value).then(function () {
                    button.textContent = "Copied";
                    announce("The address is copied.");
                    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
                });
            });
        });
    }

    function initAutosubmit() {
        document.querySelectorAll("select[data-learning-autosubmit]").forEach(function (select) {
            var button = select.form.querySelector("[data-learning-autosubmit-button]");
            if (button) button.hidden = true;
            select.addEventListener("change", function () { select.form.submit(); });
        });
    }

    // The round form shows the meeting fields only when the round gets a meeting of its own.
    function initRoundForm() {
        var form = document.querySelector("[data-learning-round-form]");
        if (!form) return;
        var fields = form.querySelector("[data-learning-own-meeting]");
        function sync() {
            var own = form.querySelector("input[name=schedule][value=own]");
            fields.hidden = !(own && own.checked);
        }
        form.querySelectorAll("input[name=schedule]").forEach(function (radio) { radio.addEventListener("change", sync); });
        sync();
    }

    document.addEventListener("DOMContentLoaded", function () {
        openLinkedTask();
        window.addEventListener("hashchange", openLinkedTask);
        initCopyButtons();
        initAutosubmit();
        initRoundForm();
    });
})();
