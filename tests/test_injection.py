"""Text from YAML reaches pages as literal text: no element, no link, no broken table, no template."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import datafactory
from datafactory import TODAY
from conftest import build_site
from roleatlas.load import load
from roleatlas.render.role_page import render_role

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "abbr", "toc", "pymdownx.superfences"]

# Printable text, biased towards characters that mean something to Markdown, HTML and Jinja.
SPECIAL = list("<>&\"'`*_[]()#|{}%!\\~^=:-+.") + ["{{", "}}", "{%", "%}", "<script>", "](javascript:", "\n"]
texts = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(alphabet=st.characters(
    min_codepoint=32, max_codepoint=0x2FF, blacklist_categories=("Cs", "Cc")), min_size=1, max_size=6)),
    min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())  # control characters are refused on load


def visible(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def role_with(text: str) -> dict:
    """A role with `text` in every free-text field the renderer shows."""
    src = datafactory.SOURCE
    return datafactory.role(
        "alpha", text, abbreviations=[{"name": text, "source": src}], aliases=[{"name": text, "source": src}],
        search_terms=[text],
        summary={"text": text, "source": src}, focus={"text": text, "source": src},
        scope={"text": text, "source": src},
        responsibilities=[{"id": "area", "title": text, "items": [text], "source": src}],
        qualifications={"experience": {"min_years": 1, "max_years": 2, "detail": text, "source": src},
                        "education": {"degrees": [text], "fields": [text], "source": src},
                        "required": [{"id": "req", "title": text, "text": text, "skills": ["python"], "source": src}],
                        "preferred": [{"id": "pref", "title": text, "text": text, "source": src}]},
        skills=[{"skill": "mentoring", "need": "required", "points": [text], "source": src}],
        related=[{"role": "beta", "relation": text, "source": src}],
        career_to=[{"role": "beta", "note": text, "source": src}],
        work_setting=[{"text": text, "source": src}], notes=[{"text": text, "source": src}],
    )


def data_with_role_text(root, text: str):
    """The small data set, with role alpha's text fields all set to `text`."""
    roles = datafactory.base_roles()
    roles["alpha"] = role_with(text)
    return datafactory.write_data(root, roles=roles)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_in_a_role_shows_literally(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("inject")
    atlas = load(data_with_role_text(root, text), root=root, today=TODAY)
    page = render_role(atlas, atlas.role["alpha"])
    body = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    assert "<script" not in body and "javascript:" not in re.sub(r">[^<]*<", "><", body)
    expected = " ".join(text.split())
    cells = re.findall(r"<td>(.*?)</td>", body, re.S)
    items = re.findall(r"<li>(.*?)</li>", body, re.S)
    assert sum(visible(c) == expected for c in cells) >= 3  # focus, scope, abbreviations rows
    assert any(visible(i) == expected for i in items)  # the responsibility item
    heading = re.search(r'<h3 id="area">(.*?)</h3>', body, re.S)
    assert heading and visible(heading.group(1)) == expected
    assert body.count("<table>") == 2  # summary facts and skills: no text split a table in two
    code = re.search(r'id="job-description".*?<code[^>]*>(.*?)</code>', body, re.S)
    assert code and expected in visible(code.group(1))  # the job description shows the text verbatim


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_in_a_role_passes_the_strict_build_and_shows_literally(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("inject-build")
    result = build_site(root / "site", data=data_with_role_text(root, text), extra_env={"ROLE_ATLAS_CHECK_LINKS": "false"})
    assert result.returncode == 0, result.stderr[-2000:]
    page = (root / "site" / "roles" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page.split('<div class="md-content"', 1)[1].split("</article>", 1)[0]
    item = re.search(r'id="area".*?<li>(.*?)</li>', page, re.S).group(1)
    assert visible(item) == " ".join(text.split())
