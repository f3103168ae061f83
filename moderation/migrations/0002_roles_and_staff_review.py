"""The community's roles and the "Staff review" workflow, so no deployment ever sets them up by hand.

Roles are groups: Learners, Contributors and Trusted contributors are created here; Wagtail's own Moderators
group is kept (its page permissions on the whole tree are what staff need) and given the moderation permissions.
Wagtail's Editors group is removed when nobody is in it: Contributors replace it, with rights that follow the
content (see moderation/permissions.py) rather than an edit-everything permission on the root page.

The "Staff review" workflow (one StaffReviewTask for the Moderators) replaces Wagtail's default "Moderators
approval" on the root page, so it covers the courses and the wiki wherever they are in the tree.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNERS, CONTRIBUTORS, TRUSTED, MODERATORS = "Learners", "Contributors", "Trusted contributors", "Moderators"
CONTRIBUTOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_PERMISSIONS = [("moderation", "block_member"), ("moderation", "set_trust_level")]
WORKFLOW_NAME = "Staff review"


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # This app's own permissions don't exist until post_migrate; the roles need them now.
    app_config = apps.get_app_config("moderation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)

    Group.objects.get_or_create(name=LEARNERS)
    root_collection = Collection.objects.filter(depth=1).first()
    for name in (CONTRIBUTORS, TRUSTED):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in CONTRIBUTOR_PERMISSIONS:
            perm = permission(apps, app_label, codename)
            group.permissions.add(perm)
            if root_collection is not None and app_label != "wagtailadmin":
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=perm)

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for app_label, codename in MODERATOR_PERMISSIONS:
        moderators.permissions.add(permission(apps, app_label, codename))

    Group.objects.filter(name="Editors", user__isnull=True).delete()


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[LEARNERS, CONTRIBUTORS, TRUSTED]).delete()


def create_staff_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    StaffReviewTask = apps.get_model("moderation", "StaffReviewTask")

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(app_label="moderation", model="staffreviewtask")
    task = StaffReviewTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.set(Group.objects.filter(name=MODERATORS))
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    previous = WorkflowPage.objects.filter(page=root).first()
    if previous is None:
        WorkflowPage.objects.create(page=root, workflow=workflow)
        return
    old_workflow = previous.workflow
    previous.workflow = workflow
    previous.save()
    # Retire Wagtail's default workflow if nothing else uses it, so the admin shows one workflow, not two.
    unused = not WorkflowPage.objects.filter(workflow=old_workflow).exists() and not WorkflowState.objects.filter(
        workflow=old_workflow, status__in=["in_progress", "needs_changes"]
    ).exists()
    if unused and old_workflow.name == "Moderators approval":
        old_workflow.active = False
        old_workflow.save()
        for link in old_workflow.workflow_tasks.all():
            other_uses = WorkflowTask.objects.filter(task=link.task, workflow__active=True).exists()
            if not other_uses:
                link.task.active = False
                link.task.save()


def remove_staff_review(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    default = Workflow.objects.filter(name="Moderators approval").first()
    root = Page.objects.filter(depth=1).first()
    if default is not None:
        default.active = True
        default.save()
        Task.objects.filter(workflow_tasks__workflow=default).update(active=True)
        if root is not None:
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": default})
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=WORKFLOW_NAME, content_type__app_label="moderation").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
        migrations.RunPython(create_staff_review, remove_staff_review),
    ]
