"""Theme blocks rendered once per folder depth (the curate plugin's `FragmentCache`), list
lines rendered once for the site (`SharedFragments`), and what each page still shows of its own."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from generator.engines.mkdocs_plugin import FragmentCache
from generator.render.shared_fragments import SharedFragments
from generator.views import paths
from tests.website.conftest import BuiltSite

HEADER = "<header>{{ page.title }} at {{ page.url }}</header>"
MAIN = (
    '{% call curate_fragment.titled("header", depth, title=page.title) %}'
    '{% with page = curate_fragment.untitled(page) %}{% include "header.html" %}{% endwith %}'
    "{% endcall %}"
)


class Page:
    def __init__(self, title: str, url: str) -> None:
        self.title, self.url, self.meta = title, url, {"title": title}


def test_a_titled_fragment_is_rendered_once_a_key_and_shows_each_page_its_own_title():
    environment = Environment(loader=DictLoader({"header.html": HEADER, "main.html": MAIN}))
    environment.globals["curate_fragment"] = cache = FragmentCache()
    main = environment.get_template("main.html")

    first = main.render(page=Page("A & B", "papers/a.html"), depth="..")
    second = main.render(page=Page("<C>", "papers/c.html"), depth="..")
    elsewhere = main.render(page=Page("D", "d.html"), depth=".")

    assert first == "<header>A & B at papers/a.html</header>"  # printed as the theme prints it
    # All but the title is the first rendering at this depth (relative URLs are alike there).
    assert second == "<header><C> at papers/a.html</header>"
    assert elsewhere == "<header>D at d.html</header>"
    assert len(cache.fragments) == 2


def test_every_built_page_names_itself_in_the_header(tiny_site: BuiltSite):
    checked = 0
    for path in tiny_site.html_files():
        page = tiny_site.html(str(path.relative_to(tiny_site.root)))
        topic = page.select_one('[data-md-component="header-topic"] .md-ellipsis')
        title = page.select_one("title")
        if topic is None or title is None or " - " not in title.text:
            continue
        assert topic.text.strip() == title.text.rsplit(" - ", 1)[0].strip(), path
        checked += 1
    assert checked > 20


LIST_PAGES = ("years.md", "years/part-2.md", "authors/a/part-3.md", "tags/box.md", "index.md",
              "checklist/part-2.md")


def test_a_shared_fragment_is_rendered_once_and_links_from_each_page_as_mkdocs_would():
    for directory_urls in (False, True):
        shared = SharedFragments(directory_urls)
        environment = Environment(loader=DictLoader({"line.html": (
            '{% call once("line", "x") %}<a href="{{ from_root("papers/x.md") }}">{{ n }}</a>{% endcall %}'
        )}))
        for number, here in enumerate(LIST_PAGES):
            line = environment.get_template("line.html").render(
                once=shared.once_on(here), from_root=shared.from_root, n=number)
            url = paths.url_from(here, "papers/x.md", directory_urls)
            assert line == f'<a href="{url}">0</a>', (here, directory_urls)
