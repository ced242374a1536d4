"""How the importer reads one line: venue marks, entry parts, line kinds, ids."""

from __future__ import annotations

import pytest

from generator.importer.entrytext import parse_entry
from generator.importer.markdown import classify_line, split_cells
from generator.importer.venues import VenueParser
from generator.importer.vocabulary import load_vocabulary
from generator.text.ids import paper_id, short_name_of, slug, unique_id

VOCABULARY = load_vocabulary()
VENUES = VenueParser(VOCABULARY.venues, VOCABULARY.venue_qualifiers)


@pytest.mark.parametrize(
    ("text", "venue", "year", "qualifier"),
    [
        ("Title, CVPR2018", "CVPR", 2018, None),
        ("Title, CVPR 2018", "CVPR", 2018, None),
        ("Title: ICCV2019", "ICCV", 2019, None),
        ("Title， NIPS2018: notes", "NIPS", 2018, None),
        ("Title, BMVC 2018", "BMVC", 2018, None),
        ("Title: arxiv, notes", "arXiv", None, None),
        ("Title: TPAMI2017", "TPAMI", 2017, None),
        ("Title, IJCAI 2018", "IJCAI", 2018, None),
        ("Title: ECCV2018", "ECCV", 2018, None),
        ("Title, 2014", None, 2014, None),
        ("Title, ICLR2018 Workshop", "ICLR", 2018, "Workshop"),
        ("Title, NeurIPS 2019", "NIPS", 2019, None),
        ("Title, PAMI 2017", "TPAMI", 2017, None),
        ("Title [2015]", None, 2015, None),
        ("Title, ECCV16", "ECCV", 2016, None),
        ("Title, Arxiv1803", "arXiv", 2018, None),
        ("Title *2021arXiv*", "arXiv", 2021, None),
    ],
)
def test_venue_marks_in_the_forms_real_lists_use(text, venue, year, qualifier):
    mark = VENUES.find(text)

    assert (mark.venue, mark.year, mark.qualifier) == (venue, year, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Semantic Segmentation with 2018 words inside",  # a year needs a separator before it
        "Deeplab v1, v2, v3, v3+",
        "Learning to Segment Every Thing: semi-supervised, weight transfer",
    ],
)
def test_no_venue_mark_where_there_is_none(text):
    assert VENUES.find(text) is None


def test_a_venue_heading_is_recognized_whole():
    assert (VENUES.whole("ICCV2019").venue, VENUES.whole("ICCV2019").year) == ("ICCV", 2019)
    assert VENUES.whole("PASCAL VOC2012") is None


@pytest.mark.parametrize(
    ("text", "title", "venue", "note"),
    [
        (
            "Context Encoding for Semantic Segmentation: CVPR2018. use TEN",
            "Context Encoding for Semantic Segmentation",
            "CVPR",
            "use TEN",
        ),
        (
            "Deep TEN: Texture encoding network !!: CVPR2017. A global context vector",
            "Deep TEN: Texture encoding network !!",
            "CVPR",
            "A global context vector",
        ),
        (
            "Simple Does It: Weakly Supervised Instance and Semantic Segmentation: bbox-level, many",
            "Simple Does It: Weakly Supervised Instance and Semantic Segmentation",
            None,
            "bbox-level, many",
        ),
        (
            "image level to pixel wise labeling: from theory to practice: IJCAI 2018 analysis",
            "image level to pixel wise labeling: from theory to practice",
            "IJCAI",
            "analysis",
        ),
        (
            "**Deep dual learning for semantic image segmentation**:CVPR2017, image translation",
            "Deep dual learning for semantic image segmentation",
            "CVPR",
            "image translation",
        ),
        (
            "[Tell me where to look: Guided Attention Inference Network]"
            "(https://arxiv.org/pdf/1802.10171.pdf), "
            "CVPR2018. origin image soft erasing",
            "Tell me where to look: Guided Attention Inference Network",
            "CVPR",
            "origin image soft erasing",
        ),
        (
            "Semantic Segmentation using Adversarial Networks, NIPS2016 workshop",
            "Semantic Segmentation using Adversarial Networks",
            "NIPS",
            None,
        ),
        (
            '**DSRG:** "Weakly-Supervised Semantic Segmentation Network" *CVPR2018*',
            "Weakly-Supervised Semantic Segmentation Network",
            "CVPR",
            None,
        ),
    ],
)
def test_title_venue_and_note_of_an_entry(text, title, venue, note):
    entry = parse_entry(text, VENUES, VOCABULARY)

    assert (entry.title, entry.mark.venue if entry.mark else None, entry.note) == (
        title,
        venue,
        note,
    )


def test_code_and_pointer_links_leave_the_title():
    entry = parse_entry(
        "Learning a Discriminative Feature Network, CVPR2018, Smoother network. "
        "[code?](https://github.com/YuhuiMa/DFN-tensorflow)",
        VENUES,
        VOCABULARY,
    )
    pointer = parse_entry(
        "Learning Superpixels with Segmentation-Aware Affinity Loss[link](http://example.org/a.pdf)",
        VENUES,
        VOCABULARY,
    )

    assert entry.code == [{"url": "https://github.com/YuhuiMa/DFN-tensorflow", "label": "code?"}]
    assert entry.note == "Smoother network."
    assert (pointer.title, pointer.url) == (
        "Learning Superpixels with Segmentation-Aware Affinity Loss",
        "http://example.org/a.pdf",
    )


def test_a_link_target_keeps_its_balanced_parentheses():
    entry = parse_entry(
        "[Conditional random field](https://en.wikipedia.org/wiki/CRF_(statistics)) ICCV 2019, a note",
        VENUES,
        VOCABULARY,
    )

    assert (entry.title, entry.url, entry.mark.venue if entry.mark else None, entry.note) == (
        "Conditional random field",
        "https://en.wikipedia.org/wiki/CRF_(statistics)",
        "ICCV",
        "a note",
    )


@pytest.mark.parametrize(
    ("text", "is_paper"),
    [
        ("dilated convolution", False),
        ("Otsu’s method", False),
        ("GrabCut", False),
        ("CRF", False),
        ("refine segmentation results using image-level labels", False),
        ("Contributions welcome! Read the guidelines first.", False),
        ("Superpixel convolutional networks using bilateral inceptions", True),
        ("Deeplab v1, v2, v3, v3+", True),
        ("U-Net [https://arxiv.org/pdf/1505.04597.pdf] [2015]", True),
    ],
)
def test_what_looks_like_a_paper(text, is_paper):
    assert parse_entry(text, VENUES, VOCABULARY).looks_like_paper() is is_paper


def test_line_kinds():
    box = classify_line(3, "- [x] Title, CVPR2018")
    nested = classify_line(4, "\t+ https://github.com/a/b [Keras]")
    heading = classify_line(5, '<h2 id="1">1.Bounding box supervision</h2>')

    assert (box.kind, box.checkbox, box.text) == ("bullet", "x", "Title, CVPR2018")
    assert (nested.kind, nested.level, nested.checkbox) == ("bullet", 4, None)
    assert (heading.kind, heading.level, heading.text) == (
        "heading",
        2,
        "1.Bounding box supervision",
    )
    assert classify_line(6, "| ---- | :--: |").kind == "table-rule"
    assert split_cells(r"| a | resnet-lfov\|vgg-aspp |") == ("a", "resnet-lfov|vgg-aspp")


def test_ids_are_readable_unique_file_names():
    taken = {"dsrg-cvpr2018"}

    assert paper_id("Weakly-Supervised ...", "DSRG", "CVPR", 2018) == "dsrg-cvpr2018"
    assert paper_id("One-shot learning for semantic segmentation", None, "BMVC", 2017) == (
        "one-shot-learning-bmvc2017"
    )
    assert slug("Deeplab v1, v2, v3, v3+") == "deeplab-v1-v2-v3-v3-plus"
    assert short_name_of("CANet: Class-Agnostic Segmentation Networks") == "CANet"
    assert short_name_of("Superpixels: An Evaluation of the State-of-the-Art") is None
    assert unique_id("dsrg-cvpr2018", taken) == "dsrg-cvpr2018-2"
