"""The demo community's words: schools, courses, wiki and standard pages.

Kept apart from the code that builds pages so writers can edit it without reading Python logic.
Body values are StreamField data: a list of (block type, value) pairs.
"""

import datetime

YOUTUBE_PYTHON = "https://www.youtube.com/watch?v=rfscVS0vtbw"

MEMBERS = [
    # username, first name, last name
    ("ada", "Ada", "Okafor"),
    ("bruno", "Bruno", "Lima"),
    ("chen", "Chen", "Wei"),
    ("dana", "Dana", "Kowalski"),
    ("emeka", "Emeka", "Nwosu"),
    ("farah", "Farah", "Haddad"),
    ("gabriel", "Gabriel", "Moreau"),
    ("hana", "Hana", "Sato"),
]


def p(*paragraphs):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def h(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def ul(*items):
    return (
        "paragraph",
        "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>",
    )


def resource(title, url, kind, description, licence=""):
    return (
        "resource",
        {
            "title": title,
            "resource_type": kind,
            "page": None,
            "url": url,
            "description": description,
            "licence": licence,
        },
    )


def meeting(title, date, time, zone, recurrence, count, place, **where):
    value = {
        "title": title,
        "date": date,
        "time": time,
        "time_zone": zone,
        "duration_minutes": where.pop("minutes", 60),
        "recurrence": recurrence,
        "occurrences": count,
        "place_type": place,
        "irc_channel": "",
        "irc_network": "irc.libera.chat",
        "video_url": "",
        "address": "",
        "notes": "",
    }
    value.update(where)
    return ("meeting", value)


def code(language, text, caption=""):
    return ("code", {"language": language, "code": text, "caption": caption})


def quote(text, attribution):
    return ("quote", {"quote": text, "attribution": attribution, "source_url": ""})


def task(title, *instructions, evidence=False):
    return {
        "title": title,
        "instructions": list(instructions),
        "needs_evidence": evidence,
    }


SCHOOLS = [
    {
        "slug": "webcraft",
        "title": "School of Webcraft",
        "accent": "teal",
        "summary": "Learn to build the open web: HTML, CSS, JavaScript, Python and the craft of shipping things people use.",
        "body": [
            p(
                "The School of Webcraft began as a place where web developers taught each other in the open. "
                "Every course here uses free materials, and every learner is also a teacher: the best way to "
                "understand a loop is to explain it to someone who is stuck on one."
            ),
            quote(
                "Webcraft is a craft: you learn it by making things, showing them, and making them better.",
                "A School of Webcraft organiser",
            ),
        ],
    },
    {
        "slug": "social-innovation",
        "title": "School of Social Innovation",
        "accent": "coral",
        "summary": "Courses and study groups for people changing their communities: organising, design, media and the stories we tell about the future.",
        "body": [
            p(
                "Social innovation is learned in practice. Our study groups pair open readings with small projects "
                "in your own neighbourhood, and our challenges ask you to try an idea and report back."
            )
        ],
    },
    {
        "slug": "open",
        "title": "School of Open",
        "accent": "indigo",
        "summary": "Open licensing, open educational resources and open collaboration: how to share knowledge so others can build on it.",
        "body": [
            p(
                "The School of Open helps educators, artists and makers understand copyright and open licences, "
                "and take their first steps contributing to open projects."
            )
        ],
    },
    {
        "slug": "mathematics-and-science",
        "title": "School of Mathematics and Science",
        "accent": "amber",
        "summary": "From calculus to cognitive psychology: study groups that make mathematics and science social, curious and rigorous.",
        "body": [
            p(
                "Science is a conversation. Here you work through open textbooks and lectures with peers, "
                "check each other's reasoning and run small experiments of your own."
            )
        ],
    },
    {
        "slug": "languages",
        "title": "School of Languages",
        "accent": "moss",
        "summary": "Practise a language with people who speak it: conversation circles, reading groups and exchange partners.",
        "body": [
            p(
                "Languages are learned by speaking them. Our circles meet often, keep groups small and welcome every level."
            )
        ],
    },
]


PYTHON_TASKS = [
    task(
        "Set up Python and say hello",
        p(
            "Install Python 3 from python.org (or use your system's package manager) and open a terminal. "
            "Start the interactive interpreter by typing <code>python3</code>, then run your first line of code."
        ),
        code(
            "python",
            'print("Hello, peers!")\nname = input("What is your name? ")\nprint(f"Welcome to the study group, {name}.")',
        ),
        p("Post a screenshot or paste of your session in the discussion below, and help anyone who is stuck."),
    ),
    task(
        "Read chapter 1 of Think Python",
        resource(
            "Think Python, 2nd edition: chapter 1",
            "https://greenteapress.com/thinkpython2/html/thinkpython2002.html",
            "book",
            "The way of the program: what programs are, and how to debug them.",
            "CC BY-NC 3.0",
        ),
        p("Write down one thing that surprised you and one question to bring to Tuesday's meeting."),
    ),
    task(
        "Variables, expressions and statements",
        p(
            "Work through chapter 2 and do exercises 2.1 and 2.2. Try changing the examples until they break, then fix them."
        ),
        code(
            "python",
            "minutes = 42\nseconds = 42\ntotal = minutes * 60 + seconds\nprint(total, 'seconds')",
        ),
    ),
    task(
        "Write your first function",
        p(
            "Functions are the heart of Python. Write a function <code>right_justify(s)</code> that prints a "
            "string with enough leading spaces that its last letter is in column 70."
        ),
        code(
            "python",
            "def right_justify(s):\n    print(' ' * (70 - len(s)) + s)\n\nright_justify('monty')",
        ),
        p("Share your solution as a gist or a repository so peers can review it."),
        evidence=True,
    ),
    task(
        "Conditionals and recursion",
        p(
            "Read chapter 5. Then write a recursive countdown, and a function that checks Fermat's Last Theorem for small numbers."
        ),
    ),
    task(
        "Project: a word game",
        p(
            "Pull everything together: write a small program that reads a word list and finds all words "
            "without the letter 'e' (chapter 9). Publish it and write three sentences about what you learned."
        ),
        p("Link to your code. Review at least one other learner's project and leave them a kind, useful comment."),
        evidence=True,
    ),
    task(
        "Reflect and plan what's next",
        p(
            "Write a short reflection: what worked in this group, what you would change, and what you want to learn next."
        ),
        evidence=True,
    ),
]


def _simple_tasks(*titles_and_texts, evidence_on=()):
    return [task(title, p(text), evidence=index in evidence_on) for index, (title, text) in enumerate(titles_and_texts)]


COURSES = [
    {
        "school": "webcraft",
        "slug": "gentle-introduction-to-python",
        "title": "A Gentle Introduction to Python",
        "kind": "study-group",
        "language": "en",
        "organisers": ["ada", "bruno"],
        "start": datetime.date(2027, 1, 11),
        "effort": "6 weeks, 3–5 hours a week",
        "signup": "open",
        "summary": "A Mechanical-MOOC-style study group: learn Python with Think Python and MIT OpenCourseWare, "
        "meet your group weekly on IRC and get a weekly email to keep the pace.",
        "body": [
            p(
                "This study group follows the model of the Mechanical MOOC: the materials are open and already "
                "exist, and we add the social part. Every week you get one email with what to read, what to "
                "write and when to meet. You work at your own pace between meetings, helping each other in the "
                "discussion below."
            ),
            h("What you will learn"),
            ul(
                "Writing and running Python programs in the interpreter and as scripts",
                "Variables, expressions, functions, conditionals and recursion",
                "Working with strings and lists, and reading files",
                "Reading error messages, debugging and asking good questions",
            ),
            h("Materials"),
            resource(
                "Think Python: How to Think Like a Computer Scientist",
                "https://greenteapress.com/wp/think-python-2e/",
                "book",
                "Allen B. Downey's free textbook, our main reading.",
                "CC BY-NC 3.0",
            ),
            resource(
                "MIT 6.0001 Introduction to Computer Science and Programming in Python",
                "https://ocw.mit.edu/courses/6-0001-introduction-to-computer-science-and-programming-in-python-fall-2016/",
                "course",
                "Lecture videos and problem sets from MIT OpenCourseWare, for those who want more.",
                "CC BY-NC-SA 4.0",
            ),
            (
                "video",
                {
                    "video": YOUTUBE_PYTHON,
                    "caption": "An optional companion: a full beginners' course on video",
                },
            ),
            h("Meet the group"),
            meeting(
                "Weekly IRC meeting",
                datetime.date(2027, 1, 12),
                datetime.time(19, 0),
                "Europe/London",
                "weekly",
                6,
                "irc",
                irc_channel="#p2pu-python",
                notes="Bring one question and one thing you figured out. Logs are posted to the wiki.",
            ),
        ],
        "tasks": PYTHON_TASKS,
    },
    {
        "school": "webcraft",
        "slug": "html-and-css-from-scratch",
        "title": "HTML and CSS from Scratch",
        "kind": "course",
        "language": "en",
        "organisers": ["chen"],
        "start": datetime.date(2027, 2, 1),
        "effort": "5 weeks, 2–3 hours a week",
        "signup": "open",
        "summary": "Build and publish a personal web page by hand, learning semantic HTML, accessible design and modern CSS layout.",
        "body": [
            p("No frameworks, no build tools: just a text editor, a browser and the web's own languages."),
            h("Each week"),
            ul(
                "A short reading from MDN Web Docs",
                "One small thing to build",
                "Peer review of one other learner's page",
            ),
            resource(
                "MDN: Learn web development",
                "https://developer.mozilla.org/en-US/docs/Learn",
                "course",
                "Mozilla's open curriculum.",
                "CC BY-SA 2.5",
            ),
        ],
        "tasks": _simple_tasks(
            (
                "Your first HTML page",
                "Write a page with a heading, two paragraphs and a link, and open it in your browser.",
            ),
            (
                "Semantic structure",
                "Mark up your page with header, nav, main and footer. Check it with a screen reader or the browser's accessibility tree.",
            ),
            (
                "Style it with CSS",
                "Add a stylesheet: choose fonts, colours with enough contrast, and spacing.",
            ),
            (
                "Layout with flexbox and grid",
                "Lay out a gallery of your favourite things using CSS grid.",
            ),
            (
                "Publish it",
                "Put your page online (GitHub Pages, Neocities or your own host) and share the link.",
            ),
            evidence_on=(4,),
        ),
    },
    {
        "school": "webcraft",
        "slug": "javascript-for-the-curious",
        "title": "JavaScript for the Curious",
        "kind": "course",
        "language": "en",
        "organisers": ["emeka"],
        "start": datetime.date(2027, 3, 8),
        "effort": "6 weeks, 3 hours a week",
        "signup": "moderated",
        "summary": "For people who know some HTML: make web pages respond, fetch data and build a small interactive tool.",
        "body": [
            p(
                "We read Eloquent JavaScript together and build one small tool a week. The organiser asks each applicant what they hope to build, to keep groups well matched."
            ),
            resource(
                "Eloquent JavaScript",
                "https://eloquentjavascript.net/",
                "book",
                "Marijn Haverbeke's free book.",
                "CC BY-NC 3.0",
            ),
        ],
        "tasks": _simple_tasks(
            (
                "Values, types and operators",
                "Read chapter 1 and try every example in your browser's console.",
            ),
            ("Functions", "Write three small functions and test them."),
            ("The DOM", "Make a button that changes the page when clicked."),
            ("Fetch some data", "Show data from an open API on your page."),
            evidence_on=(3,),
        ),
    },
    {
        "school": "webcraft",
        "slug": "webmaking-101-challenge",
        "title": "Webmaking 101",
        "kind": "challenge",
        "language": "en",
        "organisers": ["chen"],
        "start": None,
        "effort": "At your own pace",
        "signup": "open",
        "summary": "A self-paced challenge: remix a web page, explain how it works and teach one thing to someone else.",
        "body": [p("Take the challenge alone or with friends. Each task ends with something you can show.")],
        "tasks": _simple_tasks(
            (
                "View the source",
                "Open the source of a page you like and describe three things you find.",
            ),
            (
                "Remix it",
                "Copy a simple page and change it to say something of your own.",
            ),
            (
                "Teach it",
                "Explain one HTML tag to someone who has never written code, and write down how it went.",
            ),
            evidence_on=(1, 2),
        ),
    },
    {
        "school": "social-innovation",
        "slug": "cyberpunk-literature",
        "title": "Cyberpunk Literature: Reading the Networked Future",
        "kind": "course",
        "language": "en",
        "organisers": ["gabriel"],
        "start": datetime.date(2027, 1, 18),
        "effort": "8 weeks, a novel every fortnight",
        "signup": "open",
        "summary": "Read Gibson, Sterling, Cadigan and their heirs, and ask what the genre got right about networks, "
        "corporations and resistance, and what it tells us about organising today.",
        "body": [
            p(
                "From <i>Neuromancer</i> to <i>Synners</i> and the solarpunk replies, cyberpunk has imagined "
                "the internet before, during and after it arrived. We read one novel or collection every two weeks "
                "and meet to argue about it."
            ),
            h("Reading list"),
            ul(
                "William Gibson, <i>Neuromancer</i> (1984)",
                "Bruce Sterling (ed.), <i>Mirrorshades</i> (1986)",
                "Pat Cadigan, <i>Synners</i> (1991)",
                "Cory Doctorow, <i>Little Brother</i> (2008; free under CC BY-NC-SA)",
            ),
            meeting(
                "Fortnightly book club",
                datetime.date(2027, 1, 25),
                datetime.time(18, 30),
                "America/New_York",
                "fortnightly",
                4,
                "video",
                video_url="https://meet.jit.si/p2pu-cyberpunk-lit",
                minutes=90,
            ),
        ],
        "tasks": _simple_tasks(
            (
                "Neuromancer: first impressions",
                "Write 300 words on the world of the Sprawl: what feels dated, what feels like now?",
            ),
            (
                "Mirrorshades: pick a story",
                "Choose one story from the anthology and lead the discussion on it.",
            ),
            (
                "Synners and the body",
                "Compare how Cadigan and Gibson imagine the body and the network.",
            ),
            (
                "Little Brother and activism",
                "Write a short essay connecting the novel to a real campaign for digital rights.",
            ),
            evidence_on=(0, 3),
        ),
    },
    {
        "school": "social-innovation",
        "slug": "community-organising-basics",
        "title": "Community Organising Basics",
        "kind": "study-group",
        "language": "en",
        "organisers": ["farah"],
        "start": datetime.date(2027, 2, 15),
        "effort": "4 weeks, 2 hours a week",
        "signup": "open",
        "summary": "Learn how campaigns are built: one-to-one conversations, power mapping and winnable goals, with a small project in your own area.",
        "body": [
            p("We use open guides from organising networks and meet weekly to share what happened when we tried them.")
        ],
        "tasks": _simple_tasks(
            (
                "One-to-one conversations",
                "Hold three one-to-one conversations with neighbours and note what they care about.",
            ),
            ("Map the power", "Draw a power map of an issue in your area."),
            (
                "Pick a winnable goal",
                "Write a goal that is specific, achievable and meaningful.",
            ),
        ),
    },
    {
        "school": "social-innovation",
        "slug": "design-thinking-for-social-change",
        "title": "Design Thinking for Social Change",
        "kind": "challenge",
        "language": "en",
        "organisers": ["dana"],
        "start": None,
        "effort": "About 10 hours in all",
        "signup": "closed",
        "summary": "A challenge in five steps: empathise, define, ideate, prototype and test a service for your community.",
        "body": [p("This challenge is closed to new sign-ups while we revise it. You can still read every task.")],
        "tasks": _simple_tasks(
            ("Empathise", "Interview two people who use a local service."),
            ("Define", "Write a problem statement from what you heard."),
            (
                "Prototype",
                "Make a paper prototype of a better service and test it with one person.",
            ),
            evidence_on=(2,),
        ),
    },
    {
        "school": "open",
        "slug": "introduction-to-contributing",
        "title": "Introduction to Contributing",
        "kind": "study-group",
        "language": "en",
        "organisers": ["hana"],
        "start": datetime.date(2027, 1, 25),
        "effort": "4 weeks, 2–3 hours a week",
        "signup": "open",
        "summary": "Make your first contribution to an open project: this site's wiki, Wikipedia or an open-source repository, with peers cheering you on.",
        "body": [
            p(
                "Open projects need more than code: documentation, translations, design, testing and kind reviews. "
                "In four weeks you will find a project, make a first contribution and help someone else make theirs."
            ),
            (
                "call_to_action",
                {
                    "heading": "Start with this site",
                    "text": "Every wiki page here can be improved. Fix a typo, add a resource or write a missing page.",
                    "button_label": "Open the wiki",
                    "page": None,
                    "url": "/wiki/",
                },
            ),
            meeting(
                "Contribution hour",
                datetime.date(2027, 1, 27),
                datetime.time(17, 0),
                "UTC",
                "weekly",
                4,
                "video",
                video_url="https://meet.jit.si/p2pu-contributing",
            ),
        ],
        "tasks": _simple_tasks(
            (
                "Find a project",
                "List three open projects you use and find where each one welcomes newcomers.",
            ),
            (
                "Improve a wiki page",
                "Make one improvement to a page on this site's wiki and describe it in the edit message.",
            ),
            (
                "Your first pull request",
                "Open a pull request, however small, to an open-source project.",
            ),
            (
                "Review someone else's work",
                "Give a kind, specific review of another learner's contribution.",
            ),
            evidence_on=(1, 2),
        ),
    },
    {
        "school": "open",
        "slug": "copyright-for-educators",
        "title": "Copyright for Educators",
        "kind": "course",
        "language": "en",
        "organisers": ["hana", "dana"],
        "start": datetime.date(2027, 4, 5),
        "effort": "4 weeks, 2 hours a week",
        "signup": "moderated",
        "summary": "What teachers can and cannot reuse, how open licences work, and how to publish your own materials so others can adapt them.",
        "body": [p("Based on the School of Open's original course, updated for current licences and platforms.")],
        "tasks": _simple_tasks(
            (
                "Copyright basics",
                "Read the introduction and answer the five quiz questions in the discussion.",
            ),
            (
                "Choose a licence",
                "Pick a Creative Commons licence for something you made, and explain why.",
            ),
            (
                "Find open resources",
                "Find three openly licensed resources for a lesson you teach.",
            ),
        ),
    },
    {
        "school": "open",
        "slug": "open-licensing-challenge",
        "title": "The Open Licensing Challenge",
        "kind": "challenge",
        "language": "es",
        "organisers": ["bruno"],
        "start": None,
        "effort": "A tu ritmo",
        "signup": "open",
        "summary": "Un reto a tu ritmo: aprende a elegir una licencia abierta y publica tu primera obra con ella.",
        "body": [p("Este reto está en español. Cada tarea termina con algo que puedes compartir.")],
        "tasks": _simple_tasks(
            (
                "Conoce las licencias",
                "Lee la guía de licencias Creative Commons y resume cada una en una frase.",
            ),
            (
                "Publica tu obra",
                "Publica una foto, un texto o un código con una licencia abierta.",
            ),
            evidence_on=(1,),
        ),
    },
    {
        "school": "mathematics-and-science",
        "slug": "psychology-of-learning",
        "title": "Psychology of Learning",
        "kind": "study-group",
        "language": "en",
        "organisers": ["farah", "gabriel"],
        "start": datetime.date(2027, 2, 8),
        "effort": "6 weeks, 3 hours a week",
        "signup": "open",
        "summary": "A psychology study group on how people learn: memory, motivation and the research behind peer learning, using the OpenStax Psychology textbook.",
        "body": [
            p(
                "We read chapters of OpenStax <i>Psychology 2e</i> and try one evidence-based study technique each week on ourselves."
            ),
            resource(
                "OpenStax Psychology 2e",
                "https://openstax.org/details/books/psychology-2e",
                "book",
                "A free, peer-reviewed introductory textbook.",
                "CC BY 4.0",
            ),
            meeting(
                "Weekly discussion",
                datetime.date(2027, 2, 10),
                datetime.time(20, 0),
                "Europe/Berlin",
                "weekly",
                6,
                "video",
                video_url="https://meet.jit.si/p2pu-psychology",
            ),
        ],
        "tasks": _simple_tasks(
            (
                "How memory works",
                "Read chapter 8 and explain the difference between encoding and retrieval to a peer.",
            ),
            (
                "Spaced practice",
                "Use spaced repetition for a week and report what happened.",
            ),
            (
                "Motivation",
                "Read the section on motivation and write about what keeps you going.",
            ),
            (
                "Learning together",
                "Find one study on peer learning and summarise it for the group.",
            ),
            evidence_on=(3,),
        ),
    },
    {
        "school": "mathematics-and-science",
        "slug": "statistics-with-r",
        "title": "Statistics with R",
        "kind": "course",
        "language": "en",
        "organisers": ["chen"],
        "start": datetime.date(2027, 3, 1),
        "effort": "8 weeks, 4 hours a week",
        "signup": "open",
        "summary": "Descriptive statistics, probability and inference, learned by analysing real open data sets in R.",
        "body": [
            p("We follow OpenIntro Statistics and practise every idea in R."),
            code(
                "r",
                "data <- read.csv('survey.csv')\nsummary(data$hours)\nhist(data$hours, main = 'Hours of study per week')",
            ),
        ],
        "tasks": _simple_tasks(
            ("Install R and RStudio", "Install R and load your first data set."),
            (
                "Describe a data set",
                "Compute means, medians and spreads for a data set you care about.",
            ),
            ("Probability", "Simulate a thousand coin tosses and compare with theory."),
            ("Inference", "Run a t-test and explain the result in plain language."),
            evidence_on=(1, 3),
        ),
    },
    {
        "school": "mathematics-and-science",
        "slug": "citizen-science-bird-count",
        "title": "Citizen Science: Count the Birds",
        "kind": "challenge",
        "language": "en",
        "organisers": ["emeka"],
        "start": None,
        "effort": "Four short outings",
        "signup": "open",
        "summary": "Contribute real data to science: learn to identify common birds and submit counts to an open database.",
        "body": [p("Anyone with a window or a park nearby can take part.")],
        "tasks": _simple_tasks(
            (
                "Learn ten birds",
                "Learn to recognise ten common birds in your area by sight and song.",
            ),
            ("Your first count", "Count birds for 15 minutes and submit the list."),
            ("Share your data", "Link to your submitted checklist."),
            evidence_on=(2,),
        ),
    },
    {
        "school": "mathematics-and-science",
        "slug": "calculus-refresher",
        "title": "Calculus Refresher",
        "kind": "study-group",
        "language": "en",
        "organisers": ["dana"],
        "start": datetime.date(2027, 5, 3),
        "effort": "6 weeks, 3 hours a week",
        "signup": "open",
        "summary": "Limits, derivatives and integrals revisited with OpenStax Calculus and plenty of worked problems, for people coming back to maths.",
        "body": [p("For anyone who did calculus years ago, or never quite got it. No question is too basic.")],
        "tasks": _simple_tasks(
            ("Limits", "Work through section 2.2 and post one problem you found hard."),
            ("Derivatives", "Derive the power rule from the definition, with a peer."),
            (
                "Integrals",
                "Explain the fundamental theorem of calculus in your own words.",
            ),
        ),
    },
    {
        "school": "languages",
        "slug": "circulo-de-conversacion",
        "title": "Círculo de conversación en español",
        "kind": "study-group",
        "language": "es",
        "organisers": ["bruno"],
        "start": datetime.date(2027, 1, 14),
        "effort": "Una hora a la semana",
        "signup": "open",
        "summary": "Un círculo semanal para practicar español conversacional con hablantes nativos y estudiantes de todos los niveles.",
        "body": [
            p("Cada semana elegimos un tema y conversamos en grupos pequeños."),
            meeting(
                "Círculo semanal",
                datetime.date(2027, 1, 14),
                datetime.time(19, 0),
                "America/Mexico_City",
                "weekly",
                10,
                "address",
                address="Biblioteca Vasconcelos, Sala 3\nCiudad de México",
            ),
        ],
        "tasks": _simple_tasks(
            ("Preséntate", "Graba un audio de un minuto presentándote."),
            (
                "Cuenta una historia",
                "Cuenta una historia de tu infancia en el círculo.",
            ),
        ),
    },
    {
        "school": "languages",
        "slug": "french-reading-group",
        "title": "Lire ensemble : un club de lecture",
        "kind": "study-group",
        "language": "fr",
        "organisers": ["gabriel"],
        "start": datetime.date(2027, 2, 3),
        "effort": "Un chapitre par semaine",
        "signup": "moderated",
        "summary": "Un club de lecture en français pour lecteurs intermédiaires : des textes du domaine public, lus et discutés ensemble.",
        "body": [p("Nous lisons <i>Le Petit Prince</i> puis des nouvelles de Maupassant.")],
        "tasks": _simple_tasks(
            ("Chapitres 1 à 3", "Lisez et notez cinq mots nouveaux."),
            ("Résumé", "Écrivez un résumé de 100 mots."),
        ),
    },
]


WIKI_PAGES = [
    # slug, parent slug (None for the wiki index), title, summary, body
    (
        "organiser-handbook",
        None,
        "Organiser Handbook",
        "Everything you need to run a course, study group or challenge here.",
        [
            p(
                "This handbook is written by organisers, for organisers. If something is missing or wrong, edit it: that is what a wiki is for."
            ),
            h("Before you start"),
            ul(
                "Pick open materials you would enjoy working through yourself",
                "Decide on a rhythm: weekly meetings work for most groups",
                "Write tasks that end with something learners can show",
            ),
        ],
    ),
    (
        "running-your-first-study-group",
        "organiser-handbook",
        "Running Your First Study Group",
        "A week-by-week guide for first-time organisers.",
        [
            h("Week 0: invite"),
            p("Share your study group in your networks and on the School's page. Small groups (6–12) talk more."),
            h("Week 1: set the tone"),
            p("Open the first meeting with introductions and agree on how the group will work together."),
            (
                "faq",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "What if nobody talks?",
                            "answer": "<p>Use small breakout groups and give everyone a question to prepare.</p>",
                        },
                        {
                            "question": "What if I don't know the answer?",
                            "answer": "<p>Say so. You are a facilitator, not a teacher: find out together.</p>",
                        },
                    ],
                },
            ),
        ],
    ),
    (
        "facilitation-tips",
        "organiser-handbook",
        "Facilitation Tips",
        "Techniques that keep peer discussions lively and fair.",
        [
            p(
                "Good facilitation is mostly listening. Ask open questions, give everyone time, and summarise what you heard."
            )
        ],
    ),
    (
        "handling-quiet-participants",
        "facilitation-tips",
        "Handling Quiet Participants",
        "How to include people who rarely speak.",
        [
            p(
                "Invite, don't put on the spot. Offer written channels such as the discussion board for those who prefer them."
            )
        ],
    ),
    (
        "learner-guide",
        None,
        "Learner Guide",
        "How to get the most out of peer learning.",
        [p("Peer learning works when you show up, share what you make and help others. Here is how to start.")],
    ),
    (
        "finding-open-materials",
        "learner-guide",
        "Finding Open Materials",
        "Where to find free, openly licensed learning materials.",
        [
            resource(
                "OpenStax",
                "https://openstax.org/",
                "book",
                "Free, peer-reviewed textbooks.",
                "CC BY 4.0",
            ),
            resource(
                "MIT OpenCourseWare",
                "https://ocw.mit.edu/",
                "course",
                "Materials from thousands of MIT courses.",
                "CC BY-NC-SA 4.0",
            ),
            resource(
                "Wikibooks",
                "https://www.wikibooks.org/",
                "book",
                "Open textbooks anyone can edit.",
                "CC BY-SA 4.0",
            ),
        ],
    ),
    (
        "staying-motivated",
        "learner-guide",
        "Staying Motivated",
        "What to do when you fall behind.",
        [p("Falling behind is normal. Join a later round, switch to self-paced, or ask your group for a study buddy.")],
    ),
    (
        "meeting-tools",
        None,
        "Meeting Tools: IRC and Video Calls",
        "How to join a meeting on IRC or a video call.",
        [
            h("IRC"),
            p(
                "Many groups meet on Libera.Chat. Use a web client or an app, pick a nickname and join the channel named on the course page."
            ),
            code("text", "/connect irc.libera.chat\n/nick your_name\n/join #p2pu-python"),
            h("Video calls"),
            p("Video links on course pages open in your browser. Test your microphone before the meeting."),
        ],
    ),
    (
        "glossary",
        None,
        "Glossary",
        "The words we use here.",
        [
            (
                "faq",
                {
                    "heading": "",
                    "items": [
                        {
                            "question": "Study group",
                            "answer": "<p>Peers working through materials together on a shared schedule.</p>",
                        },
                        {
                            "question": "Challenge",
                            "answer": "<p>A set of tasks you take on at your own pace.</p>",
                        },
                        {
                            "question": "Round",
                            "answer": "<p>One run of a course with its own start date and cohort.</p>",
                        },
                    ],
                },
            ),
        ],
    ),
]


STANDARD_PAGES = [
    (
        "about",
        "About",
        "We are a community of people who learn together, openly, without tuition or admissions.",
        [
            p(
                "This site continues the tradition of Peer 2 Peer University: a grassroots open education project "
                "that organises learning outside institutional walls. Anyone can create a course, and anyone can take one."
            ),
            h("What we believe"),
            ul(
                "Everyone has something to teach and something to learn",
                "Open materials should be used, remixed and shared",
                "Learning is social: it works best with peers",
            ),
            quote("We learn best together.", "The community"),
        ],
    ),
    (
        "faq",
        "Frequently asked questions",
        "Answers to the questions people ask most.",
        [
            (
                "faq",
                {
                    "heading": "Taking part",
                    "items": [
                        {
                            "question": "Does it cost anything?",
                            "answer": "<p>No. Every course, study group and challenge is free.</p>",
                        },
                        {
                            "question": "Do I get a certificate?",
                            "answer": "<p>We do not offer accreditation, but you can earn open badges that verify anywhere.</p>",
                        },
                        {
                            "question": "I fell behind. What now?",
                            "answer": "<p>Join a later round of the same course, or continue at your own pace.</p>",
                        },
                    ],
                },
            ),
            (
                "faq",
                {
                    "heading": "Organising",
                    "items": [
                        {
                            "question": "Can I start a course?",
                            "answer": "<p>Yes: anyone can. Read the Organiser Handbook in the wiki first.</p>",
                        },
                        {
                            "question": "Who reviews my changes?",
                            "answer": "<p>Staff moderators review new contributors' changes before they go live.</p>",
                        },
                    ],
                },
            ),
        ],
    ),
    (
        "code-of-conduct",
        "Code of conduct",
        "How we treat each other here.",
        [
            p("We want this to be a welcoming place for everyone, whatever their background or level of experience."),
            h("We expect"),
            ul(
                "Kindness and patience, especially with beginners",
                "Constructive, specific feedback",
                "Respect for people's time, privacy and boundaries",
            ),
            h("We do not accept"),
            ul(
                "Harassment, discrimination or personal attacks",
                "Spam and self-promotion",
                "Sharing others' private information",
            ),
            h("Reporting"),
            p("Flag any comment, or write to the moderators. Reports are confidential and answered within two days."),
        ],
    ),
]

HOME = {
    "hero_heading": "Learn anything, together",
    "hero_text": "Join free courses, study groups and challenges run by people like you. Work at your own pace, "
    "meet your peers, earn open badges, and start your own course whenever you are ready.",
    "hero_cta_label": "Browse courses",
    "how_it_works": [
        (
            "step",
            {
                "title": "Find your people",
                "text": "Pick a course, study group or challenge in one of our schools. They are all free and open to everyone.",
            },
        ),
        (
            "step",
            {
                "title": "Learn by doing",
                "text": "Work through tasks at your own pace, meet your group on IRC or video, and help each other in the discussion.",
            },
        ),
        (
            "step",
            {
                "title": "Share what you know",
                "text": "Earn badges, improve the wiki, and when you are ready, start a course of your own.",
            },
        ),
    ],
    "body": [
        (
            "call_to_action",
            {
                "heading": "Anyone can start a course",
                "text": "Have something you want to learn with others? Gather open materials, write a few tasks and invite peers.",
                "button_label": "Read the Organiser Handbook",
                "page": None,
                "url": "/wiki/organiser-handbook/",
            },
        ),
    ],
}
