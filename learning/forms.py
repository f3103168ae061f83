"""Forms for learners (joining, changing round, evidence) and organisers (decisions, rounds, announcements)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.blocks import MeetingBlock, time_zone_choices

from .conf import conf
from .models import Announcement, Round
from .signups import OWN_PACE

OWN_PACE_CHOICE = "own-pace"
EVERYONE_CHOICE = "everyone"


def round_choice_value(round):
    return OWN_PACE_CHOICE if round is OWN_PACE else str(round.pk)


class GroupChoiceField(forms.ChoiceField):
    """Choose a round of the course (or one's own pace); cleans to a Round or OWN_PACE."""

    def __init__(self, rounds, *, own_pace_label=None, **kwargs):
        self.rounds = {str(round.pk): round for round in rounds}
        choices = [(key, label) for key, label in ((str(r.pk), r) for r in rounds)]
        if own_pace_label:
            choices.append((OWN_PACE_CHOICE, own_pace_label))
        super().__init__(choices=choices, widget=forms.RadioSelect, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return OWN_PACE if value == OWN_PACE_CHOICE else self.rounds[value]


def round_label(round, places_left=None):
    text = f"{round.label}, starting {round.start_date:%A %-d %B %Y}"
    if places_left is not None:
        text += " (full: waiting list)" if places_left == 0 else f" ({places_left} places left)"
    return text


class JoinForm(forms.Form):
    """Sign up: choose a round where the course has them, and answer the organisers' question if they ask one."""

    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=2000, required=False)

    def __init__(self, learning, *args, **kwargs):
        super().__init__(*args, **kwargs)
        course = learning.course
        if not course.self_paced:
            field = GroupChoiceField(
                learning.joinable_rounds,
                own_pace_label="At my own pace: the tasks and the discussion, without a group or meetings",
                label="Which round?",
                initial=round_choice_value(learning.default_round),
            )
            field.choices = [
                (
                    key,
                    round_label(field.rounds[key], learning.places_left(field.rounds[key]))
                    if key in field.rounds
                    else label,
                )
                for key, label in field.choices
            ]
            self.fields["round"] = field
            self.order_fields(["round", "answer"])
        if course.signup_status == "moderated" and course.signup_question:
            self.fields["answer"].label = course.signup_question
            self.fields["answer"].required = True
            self.fields["answer"].help_text = "Only the organisers read your answer."
        else:
            del self.fields["answer"]

    def clean_answer(self):
        return self.cleaned_data["answer"].strip()

    @property
    def chosen_round(self):
        return self.cleaned_data.get("round", OWN_PACE)


class MoveForm(forms.Form):
    def __init__(self, learning, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = learning.signup.round_id
        rounds = [round for round in learning.joinable_rounds if round.pk != current]
        self.fields["round"] = GroupChoiceField(
            rounds,
            own_pace_label=None if current is None else "Continue at my own pace, without a group or meetings",
            label="Move to",
        )
        self.fields["round"].choices = [
            (key, round_label(self.fields["round"].rounds[key], learning.places_left(self.fields["round"].rounds[key])))
            if key in self.fields["round"].rounds
            else (key, label)
            for key, label in self.fields["round"].choices
        ]


class DecisionForm(forms.Form):
    note = forms.CharField(
        label="Message to the learner (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text="Sent with the email that tells them.",
    )


PLACE_FIELDS = {"irc": "irc_channel", "video": "video_url", "address": "address"}


class RoundForm(forms.ModelForm):
    """A new round (or changes to one): a start date and either the course's meetings moved, or its own."""

    schedule = forms.ChoiceField(
        label="Meetings",
        choices=[
            ("course", "Follow the course’s meetings, moved to this round’s start date"),
            ("own", "Give this round its own meeting"),
        ],
        widget=forms.RadioSelect,
        initial="course",
    )
    meeting_title = forms.CharField(label="Meeting name", max_length=120, required=False, initial="Weekly meeting")
    meeting_date = forms.DateField(
        label="First meeting", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    meeting_time = forms.TimeField(label="Time", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label="Time zone", choices=time_zone_choices, initial="UTC", required=False)
    duration_minutes = forms.IntegerField(
        label="Length (minutes)", min_value=5, max_value=600, initial=60, required=False
    )
    recurrence = forms.ChoiceField(
        label="How often",
        choices=MeetingBlock.base_blocks["recurrence"].field.choices,
        initial="weekly",
        required=False,
    )
    occurrences = forms.IntegerField(label="Meetings in all", min_value=1, max_value=104, required=False)
    place_type = forms.ChoiceField(
        label="Where", choices=MeetingBlock.base_blocks["place_type"].field.choices, initial="video", required=False
    )
    irc_channel = forms.CharField(label="IRC channel", max_length=60, required=False)
    video_url = forms.URLField(label="Video-call link", required=False, assume_scheme="https")
    address = forms.CharField(label="Address", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = Round
        fields = ["name", "start_date"]
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"name": "e.g. ‘Spring 2027’"}

    def __init__(self, *args, course, **kwargs):
        self.course = course
        super().__init__(*args, **kwargs)
        self.fields["start_date"].help_text = f"Learners can join until {conf.LATE_JOIN_DAYS} days after it starts."
        existing = self.instance.meetings[0].value if self.instance.pk and self.instance.meetings else None
        if existing:
            self.initial.update(
                schedule="own",
                meeting_title=existing["title"],
                meeting_date=existing["date"],
                meeting_time=existing["time"],
                time_zone=existing["time_zone"],
                duration_minutes=existing["duration_minutes"],
                recurrence=existing["recurrence"],
                occurrences=existing["occurrences"],
                place_type=existing["place_type"],
                irc_channel=existing["irc_channel"],
                video_url=existing["video_url"],
                address=existing["address"],
            )
        if self.instance.pk and self.instance.number == 1:
            # Round 1 runs from the course's own start date, edited with the course.
            self.fields["start_date"].disabled = True
            self.fields[
                "start_date"
            ].help_text = "Round 1 starts on the course’s start date: change it in the course editor."

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if not self.instance.pk and start < timezone.localdate():
            raise ValidationError("A new round can’t start in the past.")
        return start

    def clean(self):
        data = super().clean()
        if data.get("schedule") != "own":
            return data
        value = {
            "title": data.get("meeting_title") or "Meeting",
            "date": data.get("meeting_date"),
            "time": data.get("meeting_time"),
            "time_zone": data.get("time_zone") or "UTC",
            "duration_minutes": data.get("duration_minutes") or 60,
            "recurrence": data.get("recurrence") or "once",
            "occurrences": data.get("occurrences"),
            "place_type": data.get("place_type") or "video",
            "irc_channel": data.get("irc_channel", ""),
            "irc_network": "irc.libera.chat",
            "video_url": data.get("video_url", ""),
            "address": data.get("address", ""),
            "notes": "",
        }
        for name, field in (("meeting_date", "date"), ("meeting_time", "time")):
            if not value[field]:
                self.add_error(name, "Say when the first meeting is.")
        if value["recurrence"] != "once" and not value["occurrences"]:
            self.add_error("occurrences", "Say how many meetings there are in all.")
        needed = PLACE_FIELDS.get(value["place_type"])
        if needed and not value[needed]:
            self.add_error(needed, "Say where the meeting happens.")
        if not self.errors:
            self.meeting_value = value
        return data

    def save(self, commit=True):
        round = super().save(commit=False)
        round.course = self.course
        if self.cleaned_data["schedule"] == "own":
            raw = {
                key: value.isoformat() if hasattr(value, "isoformat") else value
                for key, value in self.meeting_value.items()
            }
            round.meetings = [("meeting", MeetingBlock().to_python(raw))]
        else:
            round.meetings = []
        if commit:
            round.save()
        return round


class AnnouncementForm(forms.ModelForm):
    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.rounds = {str(round.pk): round for round in rounds}
        choices = [(EVERYONE_CHOICE, "Everyone taking part")]
        choices += [(key, round_label(round)) for key, round in self.rounds.items()]
        self.fields["audience"] = forms.ChoiceField(label="Send to", choices=choices, initial=EVERYONE_CHOICE)
        self.order_fields(["audience", "subject", "body"])

    class Meta:
        model = Announcement
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        labels = {"body": "Message"}

    def clean_audience(self):
        value = self.cleaned_data["audience"]
        return None if value == EVERYONE_CHOICE else self.rounds[value]
