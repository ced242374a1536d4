"""What `curate add` accepts as IDENTIFIER, and what each form means."""

from __future__ import annotations

import pytest

from generator.lookup.identifiers import EXAMPLES, Identifier, UnknownIdentifier, parse_identifier

CVF_PAGE = (
    "https://openaccess.thecvf.com/content_CVPR_2019/html/Lee_FickleNet_Weakly_and_Semi-Supervised_"
    "Semantic_Image_Segmentation_Using_Stochastic_Inference_CVPR_2019_paper.html"
)
CVF_TITLE = "FickleNet Weakly and Semi-Supervised Semantic Image Segmentation Using Stochastic Inference"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1902.10421", Identifier("arxiv", "1902.10421")),
        ("1902.10421v2", Identifier("arxiv", "1902.10421")),
        ("arxiv:1902.10421v2", Identifier("arxiv", "1902.10421")),
        ("arXiv:1902.10421", Identifier("arxiv", "1902.10421")),
        ("  2101.11253 ", Identifier("arxiv", "2101.11253")),
        ("cs/0112017", Identifier("arxiv", "cs/0112017")),
        ("https://arxiv.org/abs/1902.10421", Identifier("arxiv", "1902.10421")),
        ("http://arxiv.org/abs/1902.10421v2", Identifier("arxiv", "1902.10421")),
        ("https://arxiv.org/pdf/1902.10421v2.pdf", Identifier("arxiv", "1902.10421")),
        ("https://arxiv.org/pdf/1902.10421", Identifier("arxiv", "1902.10421")),
        ("https://www.arxiv.org/abs/1902.10421/", Identifier("arxiv", "1902.10421")),
        ("10.1109/CVPR.2019.00536", Identifier("doi", "10.1109/CVPR.2019.00536")),
        ("doi:10.1109/TPAMI.2016.2636150", Identifier("doi", "10.1109/TPAMI.2016.2636150")),
        ("https://doi.org/10.1109/CVPR.2019.00536", Identifier("doi", "10.1109/CVPR.2019.00536")),
        (
            "https://dx.doi.org/10.1109/CVPR.2019.00536",
            Identifier("doi", "10.1109/CVPR.2019.00536"),
        ),
        (
            "https://www.semanticscholar.org/paper/FickleNet-Lee-Kim/6a2e0e4f2b1c9a5d8e7f3b4c1d0a9e8f7c6b5a4d",
            Identifier("semantic_scholar", "6a2e0e4f2b1c9a5d8e7f3b4c1d0a9e8f7c6b5a4d"),
        ),
        (CVF_PAGE, Identifier("title", CVF_TITLE, "CVPR", 2019, CVF_PAGE)),
        (
            CVF_PAGE.replace("/html/", "/papers/").replace(".html", ".pdf"),
            Identifier("title", CVF_TITLE, "CVPR", 2019, CVF_PAGE),
        ),
    ],
)
def test_every_identifier_form_resolves(text: str, expected: Identifier) -> None:
    assert parse_identifier(text) == expected


@pytest.mark.parametrize(
    "text", ["FickleNet", "1902.104", "arxiv:10.1109/CVPR.2019.00536", "https://example.org/paper"]
)
def test_anything_else_is_refused_with_the_forms_that_work(text: str) -> None:
    with pytest.raises(UnknownIdentifier) as error:
        parse_identifier(text)
    assert str(error.value) == (
        f"{text!r} is not an arXiv id, DOI or paper URL that curate can look up; examples: {EXAMPLES}"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://openreview.net/forum?id=YicbFdNTTy",
        "https://openreview.net/pdf?id=YicbFdNTTy",
        "https://openreview.net/forum?id=YicbFdNTTy&noteId=abc123def",
    ],
)
def test_an_openreview_forum_is_looked_up_by_its_id(url: str) -> None:
    assert parse_identifier(url) == Identifier(
        "openreview", "YicbFdNTTy", url="https://openreview.net/forum?id=YicbFdNTTy"
    )


def test_an_openreview_page_that_is_not_a_paper_is_refused() -> None:
    with pytest.raises(UnknownIdentifier):
        parse_identifier("https://openreview.net/group?id=ICLR.cc/2021/Conference")
