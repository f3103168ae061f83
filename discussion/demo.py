"""The discussion part of the demo community, loaded by `load_initial_data` after the pages exist.

Conversations on the Python study group, the psychology group, the cyberpunk literature course, the School of
Webcraft and a wiki page, with nested replies and likes; one comment flagged; and the Statistics with R course in
Q&A mode, with an accepted answer. Every comment is found by page, author and text before it is created.
"""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

from django_comments.models import CommentFlag

from .models import LIKE, Comment

# (key, parent key or None, author, hours ago, text, liked by)
PYTHON = [
    (
        "py-install",
        None,
        "chen",
        150,
        "Has anyone got Python running on a school Chromebook? The installer from python.org will not open, and I would rather not give up before week one even starts.",
        ["dana", "hana"],
    ),
    (
        "py-install-1",
        "py-install",
        "ada",
        148,
        "Yes! Turn on the Linux development environment in *Settings → Advanced → Developers*, then run `sudo apt install python3` in the terminal it gives you.\n\nIf that is blocked by your school, [Trinket](https://trinket.io/python3) runs Python in the browser and is fine for the first three weeks.",
        ["chen", "emeka", "farah"],
    ),
    (
        "py-install-2",
        "py-install-1",
        "chen",
        146,
        "The Linux environment was switched off, but Trinket works. Thank you, Ada!",
        [],
    ),
    (
        "py-install-3",
        "py-install-2",
        "bruno",
        120,
        "Same situation here last year: ask your IT team, they turned it on for me within a day once I explained it was for a course.",
        ["chen"],
    ),
    (
        "py-turtle",
        None,
        "emeka",
        70,
        "Week 2 task done: I drew a spiral with `turtle` and then could not stop. Here is the loop that surprised me:\n\n```python\nfor step in range(100):\n    t.forward(step * 2)\n    t.left(91)\n```\n\nChanging 90 to 91 makes the whole thing twist. Why does one degree matter so much?",
        ["ada", "dana", "gabriel", "hana"],
    ),
    (
        "py-turtle-1",
        "py-turtle",
        "dana",
        66,
        "Because the error adds up: every turn is one degree off, and after 100 turns the square has rotated by 100 degrees. Try 89 and it twists the other way.",
        ["emeka"],
    ),
    (
        "py-turtle-2",
        "py-turtle-1",
        "emeka",
        64,
        "Tried 89: it does! This is the best explanation of accumulated error I have had.",
        [],
    ),
    (
        "py-irc",
        None,
        "farah",
        20,
        "Is the IRC meeting at 19:00 London time even when the clocks change? I am in Amman and want to put it in my calendar correctly.",
        [],
    ),
    (
        "py-irc-1",
        "py-irc",
        "bruno",
        18,
        "Yes, it follows London time. The meeting block on this page shows the time in your own time zone too, so check it the week the clocks change.",
        ["farah"],
    ),
]

PSYCHOLOGY = [
    (
        "psy-spacing",
        None,
        "hana",
        200,
        "Week 2 report: I used spaced repetition for Japanese kanji for seven days (Anki, 20 new cards a day). Recall on day 7 was 85%, against about 50% when I crammed the same number last month. Small sample of one, but I am convinced.",
        ["farah", "gabriel", "ada"],
    ),
    (
        "psy-spacing-1",
        "psy-spacing",
        "gabriel",
        190,
        "Lovely result. Chapter 8 calls it the *spacing effect*; Cepeda et al. (2006) reviewed over 300 experiments and found the same. Did you notice any difference between cards you found easy and hard?",
        ["hana"],
    ),
    (
        "psy-spacing-2",
        "psy-spacing-1",
        "hana",
        185,
        "The hard ones came back far more often, which felt annoying at first, but they were exactly the ones I remembered on day 7.",
        ["gabriel"],
    ),
    (
        "psy-spacing-3",
        "psy-spacing-2",
        "farah",
        160,
        "That is desirable difficulty in action. I am stealing this for my own week 2 task.",
        [],
    ),
    (
        "psy-motivation",
        None,
        "dana",
        40,
        "For the motivation task: what keeps me going is the weekly call. Knowing five people will ask how my reading went does more than any app streak.",
        ["farah", "hana"],
    ),
    (
        "psy-motivation-1",
        "psy-motivation",
        "farah",
        38,
        "That matches the research on social accountability, and it is the whole idea behind study groups like this one.",
        ["dana"],
    ),
]

CYBERPUNK = [
    (
        "cp-cyberspace",
        None,
        "gabriel",
        96,
        "Welcome to week one! Gibson coined “cyberspace” in 1982, before he had used a computer much. Which image from the first chapter of *Neuromancer* stayed with you?",
        ["bruno", "hana"],
    ),
    (
        "cp-cyberspace-1",
        "cp-cyberspace",
        "bruno",
        90,
        "The opening line: “The sky above the port was the color of television, tuned to a dead channel.” Half of the class today has never seen a dead channel, and the line still works.",
        ["gabriel", "hana", "dana"],
    ),
    (
        "cp-cyberspace-2",
        "cp-cyberspace-1",
        "hana",
        85,
        "Funny, I read it as a bright blue screen, the “no signal” of modern TVs. Same sentence, two very different skies.",
        ["bruno"],
    ),
    (
        "cp-cyberspace-3",
        "cp-cyberspace-2",
        "gabriel",
        80,
        "That is a great point for Thursday: how a text changes when the technology it names does.",
        [],
    ),
    (
        "cp-dismissive",
        None,
        "emeka",
        30,
        "Honestly, this is airport fiction. I cannot believe anyone studies it as literature.",
        [],
    ),
]

STATISTICS = [
    (
        "r-na",
        None,
        "dana",
        120,
        "Why does `mean(scores)` give me `NA`? The column clearly has numbers in it.",
        ["hana"],
    ),
    ("r-na-1", "r-na", "hana", 116, "Maybe the column is text? Try `str(scores)`.", []),
    (
        "r-na-2",
        "r-na",
        "chen",
        110,
        "One missing value makes the whole mean `NA`, on purpose, so you notice it. Tell R to skip them:\n\n```r\nmean(scores, na.rm = TRUE)\n```\n\nAnd `sum(is.na(scores))` tells you how many are missing.",
        ["dana", "hana", "ada"],
    ),
    (
        "r-na-3",
        "r-na-2",
        "dana",
        108,
        "`sum(is.na(scores))` says 3. Found them: three students who skipped the test. Thanks!",
        [],
    ),
    (
        "r-assign",
        None,
        "ada",
        12,
        "Is there any real difference between `<-` and `=` for assignment? The textbook uses one and the videos the other.",
        [],
    ),
    (
        "r-assign-1",
        "r-assign",
        "bruno",
        10,
        "Inside a function call they differ: `f(x = 3)` names an argument, `f(x <- 3)` also creates `x`. For plain assignment most style guides prefer `<-`.",
        ["ada"],
    ),
]

WEBCRAFT = [
    (
        "wc-hello",
        None,
        "farah",
        300,
        "Hello from Amman! I teach maths and want to build a small site for my students this term. Which course here should I start with?",
        ["ada"],
    ),
    (
        "wc-hello-1",
        "wc-hello",
        "ada",
        296,
        "Welcome, Farah! *HTML and CSS from Scratch* gets you to a published page in a weekend, then *Webmaking 101* is a fun challenge to practise.",
        ["farah", "chen"],
    ),
]

WIKI = [
    (
        "wiki-quiet",
        None,
        "gabriel",
        220,
        "A tip that worked in my reading group: open each call with two minutes of silent writing. Quieter members come to the discussion with something already on paper.",
        ["farah", "dana", "hana"],
    ),
    (
        "wiki-quiet-1",
        "wiki-quiet",
        "dana",
        210,
        "Adding this to the page under “Invite, don't put on the spot”. Does it work on IRC too?",
        [],
    ),
    (
        "wiki-quiet-2",
        "wiki-quiet-1",
        "gabriel",
        205,
        "Even better on IRC: everyone posts at the end of the two minutes, so nobody's idea is shaped by someone else's.",
        ["dana"],
    ),
]

DISCUSSIONS = [
    ("gentle-introduction-to-python", PYTHON),
    ("psychology-of-learning", PSYCHOLOGY),
    ("cyberpunk-literature", CYBERPUNK),
    ("statistics-with-r", STATISTICS),
    ("webcraft", WEBCRAFT),
    ("facilitation-tips", WIKI),
]


def load(builder):
    """Add what is missing; `builder.users` maps usernames to members, `builder.note()` reports progress."""
    now = timezone.now()
    statistics = Page.objects.filter(slug="statistics-with-r").specific().first()
    if statistics is not None and statistics.discussion_mode != "questions":
        statistics.discussion_mode = "questions"
        statistics.save_revision().publish()
        builder.note("Q&A mode on Statistics with R")

    made = {}
    for slug, entries in DISCUSSIONS:
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        for key, parent_key, author, hours_ago, text, liked_by in entries:
            made[key] = comment = _comment(builder, page, builder.users[author], text, made.get(parent_key))
            if comment.submit_date > now - timedelta(hours=hours_ago - 1):
                comment.submit_date = now - timedelta(hours=hours_ago)
                Comment.objects.filter(pk=comment.pk).update(submit_date=comment.submit_date)
            for name in liked_by:
                _like(comment, builder.users[name])

    if "r-na-2" in made and made["r-na"].accepted_answer_id is None:
        made["r-na"].accept(made["r-na-2"])
        builder.note("an accepted answer in Statistics with R")
    if "cp-dismissive" in made and not made["cp-dismissive"].flags.filter(user=builder.users["hana"]).exists():
        made["cp-dismissive"].add_flag(builder.users["hana"])
        builder.note("a flagged comment for the moderation queue")


def _comment(builder, page, author, text, parent):
    existing = Comment.objects.filter(page=page, user=author, text_hash=Comment.hash_text(text)).first()
    if existing:
        return existing
    comment = Comment.post(page=page, user=author, text=text, parent=parent)
    builder.note(f"comment by {author.username} on {page.title}")
    return comment


def _like(comment, user):
    _flag, created = CommentFlag.objects.get_or_create(comment=comment, user=user, flag=LIKE)
    if created:
        Comment.objects.filter(pk=comment.pk).update(like_count=comment.flags.filter(flag=LIKE).count())
