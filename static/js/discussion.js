// Replying, posting, previewing and liking in place. Without this file every one of these is a plain form post.
(function () {
    "use strict";

    var section = document.querySelector("[data-discussion]");
    if (!section || !window.fetch || !window.FormData) return;

    var status = section.querySelector("[data-discussion-status]");
    var replyTemplate = document.getElementById("discussion-reply-form");
    var replyForm = null;

    function announce(message) {
        // Clear first so the same message twice is still read out.
        status.textContent = "";
        window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function fragment(html) {
        var holder = document.createElement("template");
        holder.innerHTML = html.trim();
        return holder.content.firstElementChild;
    }

    function send(form, body) {
        return fetch(form.action, {
            method: "POST",
            body: body,
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.json().catch(function () {
                return { ok: false, message: "Something went wrong on our side. Please try again in a moment." };
            });
        }, function () {
            return { ok: false, message: "We could not reach the site. Your text is still here: try again." };
        });
    }

    function showMessage(form, message) {
        var box = form.querySelector("[data-discussion-message]");
        if (!box) return announce(message);
        box.textContent = message;
        box.hidden = !message;
    }

    function repliesOf(item) {
        var list = item.querySelector(":scope > .comment-list--replies");
        if (!list) {
            list = document.createElement("ol");
            list.className = "comment-list comment-list--replies";
            item.appendChild(list);
        }
        return list;
    }

    function insertComment(html, parentId) {
        var item = fragment(html);
        if (parentId) {
            repliesOf(document.getElementById("c" + parentId)).appendChild(item);
        } else {
            var threads = section.querySelector("[data-discussion-threads]");
            var empty = section.querySelector("[data-discussion-empty]");
            threads.hidden = false;
            if (empty) empty.remove();
            threads.insertBefore(item, threads.firstElementChild);
        }
        var count = section.querySelector("[data-discussion-count]");
        if (count) count.textContent = String(parseInt(count.textContent, 10) + 1);
        item.classList.add("is-new");
        var card = item.querySelector(".comment__card");
        if (card) {
            card.setAttribute("tabindex", "-1");
            card.focus();
        }
        return item;
    }

    function closeReply() {
        if (replyForm) {
            var link = section.querySelector('[data-discussion-reply="' + replyForm.querySelector("[name=parent]").value + '"]');
            if (link) link.setAttribute("aria-expanded", "false");
            replyForm.remove();
            replyForm = null;
        }
    }

    function openReply(link) {
        var parentId = link.getAttribute("data-discussion-reply");
        var item = document.getElementById("c" + parentId);
        if (replyForm && replyForm.querySelector("[name=parent]").value === parentId) {
            closeReply();
            link.focus();
            return;
        }
        closeReply();
        replyForm = fragment(replyTemplate.innerHTML);
        replyForm.querySelector("[name=parent]").value = parentId;
        replyForm.querySelector("label[for]").textContent = link.textContent.trim().indexOf("Answer") === 0 ? "Your answer" : "Your reply";
        var cancel = replyForm.querySelector("[data-discussion-cancel]");
        cancel.hidden = false;
        cancel.addEventListener("click", function () {
            closeReply();
            link.focus();
        });
        var card = item.querySelector(":scope > .comment__card");
        card.after(replyForm);
        link.setAttribute("aria-expanded", "true");
        replyForm.querySelector("textarea").focus();
    }

    function submitComment(form, submitter) {
        var preview = submitter && submitter.name === "preview";
        // Read the form before disabling its buttons: a disabled submitter is left out of the data.
        var body = submitter ? new FormData(form, submitter) : new FormData(form);
        var buttons = form.querySelectorAll("button[type=submit]");
        buttons.forEach(function (button) { button.disabled = true; });
        form.setAttribute("aria-busy", "true");
        showMessage(form, "");
        send(form, body).then(function (data) {
            buttons.forEach(function (button) { button.disabled = false; });
            form.removeAttribute("aria-busy");
            if (!data.ok) {
                showMessage(form, data.message);
                return;
            }
            var output = form.querySelector("[data-discussion-preview-output]");
            if (preview) {
                output.innerHTML = data.preview;
                output.hidden = false;
                announce("Preview shown below the form.");
                return;
            }
            output.hidden = true;
            var parentId = form.querySelector("[name=parent]").value;
            if (form === replyForm) closeReply();
            else form.reset();
            insertComment(data.html, parentId);
            announce(data.message);
        });
    }

    function like(form) {
        var button = form.querySelector("button");
        var body = new FormData(form);
        button.disabled = true;
        send(form, body).then(function (data) {
            button.disabled = false;
            if (!data.ok) return announce(data.message);
            button.setAttribute("aria-pressed", String(data.liked));
            form.querySelector("[data-like-count]").textContent = data.likes || "";
            announce(data.message);
        });
    }

    section.addEventListener("click", function (event) {
        var link = event.target.closest("[data-discussion-reply]");
        if (link && replyTemplate) {
            event.preventDefault();
            openReply(link);
        }
    });

    section.addEventListener("submit", function (event) {
        var form = event.target;
        if (form.matches("[data-discussion-form]")) {
            event.preventDefault();
            submitComment(form, event.submitter);
        } else if (form.matches("[data-discussion-action=like]")) {
            event.preventDefault();
            like(form);
        }
    });

    section.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && replyForm && replyForm.contains(event.target)) {
            var parentId = replyForm.querySelector("[name=parent]").value;
            closeReply();
            var link = section.querySelector('[data-discussion-reply="' + parentId + '"]');
            if (link) link.focus();
        }
    });
})();
