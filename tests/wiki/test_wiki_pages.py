from bs4 import BeautifulSoup

from tests.factories import WikiPageFactory


def test_wiki_index_shows_the_nested_tree(client, site_tree):
    handbook = WikiPageFactory(parent=site_tree.wiki, title="Organiser Handbook")
    tips = WikiPageFactory(parent=handbook, title="Facilitation Tips")
    WikiPageFactory(parent=tips, title="Handling Quiet Participants")
    WikiPageFactory(parent=site_tree.wiki, title="Glossary")
    WikiPageFactory(parent=site_tree.wiki, title="Secret draft", live=False)

    response = client.get(site_tree.wiki.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    tree = html.select_one(".page-tree")
    top = [li.find("a").text for li in tree.find_all("li", recursive=False)]
    assert top == ["Glossary", "Organiser Handbook"]
    nested = tree.select(".page-tree .page-tree .page-tree .page-tree__link")
    assert [a.text for a in nested] == ["Handling Quiet Participants"]
    assert "Secret draft" not in response.content.decode()


def test_wiki_page_renders_body_and_subpages(client, site_tree):
    handbook = WikiPageFactory(
        parent=site_tree.wiki,
        title="Organiser Handbook",
        body=[("heading", {"text": "Before you start", "level": "h2"}), ("paragraph", "<p>Pick open materials.</p>")],
    )
    WikiPageFactory(parent=handbook, title="Running Your First Study Group")

    response = client.get(handbook.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h1").text == "Organiser Handbook"
    assert html.find("h2", id="before-you-start") is not None
    assert [a.text for a in html.select(".wiki-subpages a")] == ["Running Your First Study Group"]
    crumbs = [a.text for a in html.select(".breadcrumbs a")]
    assert crumbs == ["Home", "Wiki"]
