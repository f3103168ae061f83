from io import StringIO

from django.core.management import call_command

from discussion.models import Comment

from .factories import post


def test_render_comments_refreshes_stale_html_and_keeps_the_text(course, ada):
    fresh = post(course, ada, "Already **fine**")
    stale = post(course, ada, "Now *rendered*")
    Comment.objects.filter(pk=stale.pk).update(body_html="<p>old rules</p>")
    output = StringIO()

    call_command("render_comments", stdout=output)

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.body_html == "<p>Now <em>rendered</em></p>"
    assert stale.comment == "Now *rendered*"
    assert fresh.body_html == "<p>Already <strong>fine</strong></p>"
    assert "1 of 2 comments rendered anew." in output.getvalue()
