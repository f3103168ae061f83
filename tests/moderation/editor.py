"""What the Wagtail editor's form sends for a course or a wiki page, so tests edit pages the way people do."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

ACTIONS = {
    "save": {},
    "submit": {"action-submit": "Submit to Staff review"},
    "publish": {"action-publish": "action-publish"},
    "approve": {"action-workflow-action": "true", "workflow-action-name": "approve"},
    "reject": {"action-workflow-action": "true", "workflow-action-name": "reject"},
}


def paragraphs(stream):
    return streamfield(
        [("paragraph", rich_text(block.value.source)) for block in stream if block.block_type == "paragraph"]
    )


def course_data(course, action="save", body=None, **changes):
    organisers = list(course.organisers.all())
    tasks = list(course.tasks.all())
    fields = {
        "title": course.title,
        "slug": course.slug,
        "kind": course.kind_id,
        "language": course.language,
        "summary": course.summary,
        "self_paced": "on" if course.self_paced else "",
        "start_date": course.start_date.isoformat() if course.start_date else "",
        "effort": course.effort,
        "signup_status": course.signup_status,
        "capacity": course.capacity or "",
        "signup_question": course.signup_question,
        "discussion_mode": course.discussion_mode,
        "organisers": inline_formset(
            [{"id": link.pk, "user": link.user_id} for link in organisers], initial=len(organisers)
        ),
        "tasks": inline_formset(
            [
                {
                    "id": task.pk,
                    "title": task.title,
                    "instructions": paragraphs(task.instructions),
                    "needs_evidence": "",
                }
                for task in tasks
            ],
            initial=len(tasks),
        ),
        "body": streamfield([("paragraph", rich_text(html)) for html in body])
        if body is not None
        else paragraphs(course.body),
        "edit_summary": "",
        **changes,
    }
    return {**nested_form_data(fields), **ACTIONS[action]}


def new_course_data(title, slug, kind, action="save", organisers=(), **changes):
    fields = {
        "title": title,
        "slug": slug,
        "kind": kind.pk,
        "language": "en",
        "summary": f"Learn {title} with peers.",
        "self_paced": "on",
        "start_date": "",
        "effort": "",
        "signup_status": "open",
        "capacity": "",
        "signup_question": "",
        "discussion_mode": "discussion",
        "organisers": inline_formset([{"user": user.pk} for user in organisers]),
        "tasks": inline_formset([]),
        "body": streamfield([("paragraph", rich_text(f"<p>All about {title}.</p>"))]),
        "edit_summary": "",
        **changes,
    }
    return {**nested_form_data(fields), **ACTIONS[action]}


def wiki_data(page, action="save", body=None, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(html)) for html in body])
        if body is not None
        else paragraphs(page.body),
        "edit_summary": "",
        **changes,
    }
    return {**nested_form_data(fields), **ACTIONS[action]}


def edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def create(client, parent, model, data):
    meta = model._meta
    return client.post(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/", data)
