"""URLs of the people app; included at the site root by p2pu_site/urls.py."""

from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/confirm-email/", views.confirm_email_sent, name="confirm_email_sent"),
    path("accounts/confirm-email/resend/", views.resend_confirmation, name="resend_confirmation"),
    path("accounts/confirm-email/<str:token>/", views.confirm_email, name="confirm_email"),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/password-reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("people/<str:username>/", views.profile, name="profile"),
    path("people/<str:username>/edit/", views.profile_edit, name="profile_edit"),
]
