"""URLs of the learning app; included at the site root by p2pu_site/urls.py.

Course sub-pages (join/, tasks/…, participants/…) hang under each course's own URL as page actions (apps.py);
`<course-url>calendar.ics` has a dot, which Wagtail's router refuses, so it is matched here.
"""

from django.urls import path, re_path

from . import views

app_name = "learning"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/calendar/", views.calendar_address, name="calendar_address"),
    path("calendar/<str:token>.ics", views.learner_calendar, name="learner_calendar"),
    re_path(r"^(?P<path>(?:[-\w]+/)+)calendar\.ics$", views.course_calendar, name="course_calendar"),
    re_path(r"^follow/(?P<kind>pages|people)/(?P<pk>[0-9]+)/$", views.follow, name="follow"),
    path("announcements/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
