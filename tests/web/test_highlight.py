"""highlight(): facts and mentions marked in the article text, every piece of the text escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from legation.web.highlight import Fact, Mention, Tag, anchor_id, highlight

TAG = re.compile(r"<[^>]*>")


class _Tree(HTMLParser):
    """Checks that the markup nests properly; collects the text outside the facts' tag lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a tag list)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self.stack.append((tag, "tags" in (attrs.get("class") or "").split()))

    def handle_endtag(self, tag):  # noqa: ANN001
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):  # noqa: ANN001
        if not any(is_tags for _tag, is_tags in self.stack):
            self.text.append(data)


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.stack, f"unclosed {tree.stack}"
    return tree


def test_highlight_escapes_text_and_attributes():
    text = 'He said <script>alert(1)</script> & "left" <img src=x onerror=alert(2)>.'
    out = str(highlight(text, [Fact(0, 7, "event", Tag('<b>meet</b>', '/events/1?a=1&b="2"', "event",
                                                       title='"><script>x</script>'))],
                        [Mention(8, 33, "person", "/people/1", title='<svg onload=alert(3)>', anchor="P1")]))
    assert "<script>" not in out and "<img" not in out and "<svg" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;img src=x onerror=alert(2)&gt;" in out
    assert 'href="/events/1?a=1&amp;b=&#34;2&#34;"' in out
    assert html.unescape(TAG.sub("", out)).startswith(text[:7])


def test_highlight_marks_facts_with_anchors_and_tags():
    text = "Ana met Bob in Lima. Trade rose to $5 million in 2023."
    out = str(highlight(text, [Fact(0, 20, "event", Tag("meeting", "/events/7", "event")),
                               Fact(21, len(text), "figure", Tag("US$5 million · 2023", "#fig-0", "figure"))],
                        [Mention(0, 3, "person", "/people/1", "Ana", "ent-P1"), Mention(15, 19, "place", None)]))
    assert f'<mark class="fact fact-event"><span class="anchor" id="{anchor_id(0, 20)}"></span>' in out
    assert '<a class="m m-person" href="/people/1" id="ent-P1" title="Ana">Ana</a>' in out
    assert '<span class="m m-place">Lima</span>' in out
    assert '</mark><span class="tags"><a class="tag tag-event" href="/events/7">meeting</a></span>' in out
    assert 'href="#fig-0">US$5 million · 2023</a>' in out


def test_highlight_overlapping_facts_share_one_mark_with_every_anchor():
    text = "First part, second part, third part."
    out = str(highlight(text, [Fact(0, 23, "event", Tag("a", "#a", "event")),
                               Fact(12, 36, "figure", Tag("b", "#b", "figure")),
                               Fact(0, 23, "event", Tag("a", "#a", "event"))]))
    assert out.count("<mark") == 1
    assert out.count(f'id="{anchor_id(0, 23)}"') == 1 and f'id="{anchor_id(12, 36)}"' in out
    assert out.count('class="tag tag-event"') == 1 and 'class="fact fact-event fact-figure"' in out


def test_highlight_nested_and_crossing_mentions():
    text = "The Ho Chi Minh City People's Committee met. Then more."
    org = Mention(4, 39, "organization", "/organizations/1")
    city = Mention(4, 20, "place", "/places/1", anchor="ent-L1")  # inside the organization's name: outer wins
    out = str(highlight(text, [Fact(0, 25, "event")], [org, city]))
    _parse(out)
    assert 'href="/places/1"' not in out
    assert '<span class="anchor" id="ent-L1"></span><a class="m m-organization"' in out  # its id stays
    assert out.count('href="/organizations/1"') == 2  # cut at the fact's edge, both halves link


def test_highlight_ignores_spans_outside_the_text():
    text = "Short."
    out = str(highlight(text, [Fact(3, 99, "event"), Fact(4, 4, "event"), Fact(-1, 2, "event")],
                        [Mention(0, 50, "person"), Mention(5, 3, "person")]))
    assert out == "Short."


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n=/xé")), max_size=60),
       spans=st.lists(st.tuples(st.integers(-3, 65), st.integers(-3, 65), st.sampled_from(["f", "m"])), max_size=8))
def test_highlight_always_well_formed_and_keeps_the_text(text: str, spans: list[tuple[int, int, str]]):
    facts = [Fact(a, b, "event", Tag("t<&>", f"#x{a}", "event")) for a, b, k in spans if k == "f"]
    mentions = [Mention(a, b, "person", f"/p/{a}", title="<t>") for a, b, k in spans if k == "m"]
    out = str(highlight(text, facts, mentions))
    tree = _parse(out)
    assert "".join(tree.text) == text  # the text, unescaped, is exactly the article's: nothing lost or added
    allowed = {"mark", "span", "a"}
    assert {tag for tag, _ in tree.elements} <= allowed
    for _tag, attrs in tree.elements:
        assert set(attrs) <= {"class", "id", "href", "title"}
