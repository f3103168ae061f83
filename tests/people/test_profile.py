"""Public profiles at /people/<username>/, edited only by their owner."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from people.models import User
from tests.factories import CourseOrganiserFactory
from tests.people.factories import member, moderator

pytestmark = pytest.mark.django_db


def picture(size=(900, 600), kind="PNG"):
    data = io.BytesIO()
    Image.new("RGB", size, "teal").save(data, kind)
    return SimpleUploadedFile(f"me.{kind.lower()}", data.getvalue(), content_type=f"image/{kind.lower()}")


def test_a_profile_shows_the_member_their_courses_and_escapes_what_they_wrote(client, make_course):
    ada = member("ada", first_name="Ada", last_name="Okafor", bio="<script>alert(1)</script>\nI teach Python.")
    course = make_course(title="Python for Poets", organisers=0)
    CourseOrganiserFactory(page=course, user=ada)

    html = client.get("/people/ada/").content.decode()

    assert '<h1 class="profile-hero__name">Ada Okafor</h1>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>I teach Python." in html
    assert "<script>alert(1)" not in html
    assert "Python for Poets" in html
    assert "Edit profile" not in html


def test_unknown_and_blocked_members_have_no_public_profile(client):
    member("spam", is_active=False)
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/people/spam/").status_code == 404

    client.force_login(moderator("mo"))
    assert client.get("/people/spam/").status_code == 200


def test_members_edit_their_own_profile(client):
    ada = member("ada")
    client.force_login(ada)

    response = client.post(
        "/people/ada/edit/",
        {"display_name": "Ada O.", "first_name": "Ada", "last_name": "Okafor", "bio": "Organiser.", "email": ada.email},
    )

    assert response["Location"] == "/people/ada/"
    ada.refresh_from_db()
    assert (ada.display_name, ada.bio) == ("Ada O.", "Organiser.")


def test_an_uploaded_picture_is_stored_as_a_small_square_jpeg(client):
    ada = member("ada")
    client.force_login(ada)

    client.post("/people/ada/edit/", {"email": ada.email, "avatar": picture()})

    ada.refresh_from_db()
    with Image.open(ada.avatar.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (320, 320))
    assert f'src="{ada.avatar.url}"' in client.get("/people/ada/").content.decode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("me.png", b"not a picture", content_type="image/png"), "Upload a valid image."),
        (picture(kind="GIF"), "Use a JPEG, PNG or WebP image."),
    ],
)
def test_bad_pictures_are_refused_with_a_reason(client, upload, message):
    ada = member("ada")
    client.force_login(ada)

    response = client.post("/people/ada/edit/", {"email": ada.email, "avatar": upload, "bio": "changed"})

    assert response.status_code == 200
    assert message in response.content.decode()
    ada.refresh_from_db()
    assert not ada.avatar
    assert ada.bio == ""


def test_too_large_pictures_are_refused(client, settings):
    settings.PEOPLE_AVATAR_MAX_BYTES = 100
    ada = member("ada")
    client.force_login(ada)

    response = client.post("/people/ada/edit/", {"email": ada.email, "avatar": picture()})

    assert "too large" in response.content.decode()
    ada.refresh_from_db()
    assert not ada.avatar


def test_editing_someone_elses_profile_is_refused_and_changes_nothing(client):
    ada = member("ada", bio="Mine.")
    client.force_login(member("bruno"))

    assert client.get("/people/ada/edit/").status_code == 403
    response = client.post("/people/ada/edit/", {"display_name": "Hacked", "bio": "Hacked", "email": "x@example.org"})

    assert response.status_code == 403
    assert b"You can only edit your own profile." in response.content
    ada.refresh_from_db()
    assert (ada.display_name, ada.bio, ada.email) == ("", "Mine.", "ada@example.org")


def test_visitors_are_sent_to_log_in_before_editing(client):
    member("ada")

    assert client.get("/people/ada/edit/")["Location"] == "/accounts/login/?next=/people/ada/edit/"


def test_an_address_another_account_uses_is_refused(client):
    member("bruno", email="bruno@example.org")
    ada = member("ada")
    client.force_login(ada)

    response = client.post("/people/ada/edit/", {"email": "BRUNO@example.org"})

    assert "Another account already uses this email address." in response.content.decode()
    assert User.objects.get(pk=ada.pk).email == "ada@example.org"


def test_the_owner_sees_their_account_and_their_progress_toward_trust(client):
    ada = member("ada")
    client.force_login(ada)

    html = client.get("/people/ada/").content.decode()

    assert "Edit profile" in html
    assert "Your account" in html
    assert "Start contributing" in html
