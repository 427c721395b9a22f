"""The clean stage: the cascade, the rejects and the publication date (no spaCy model needed)."""
from __future__ import annotations

import json
import pickle
from datetime import date

import pytest

from sideline.errors import InputError
from sideline.records import Article, Document, Span
from sideline.stages.clean.stage import Clean
from sideline.stages.clean.steps import escape_edits


@pytest.fixture(scope="module")
def clean() -> Clean:
    return Clean()


def run(clean: Clean, text: str, **article) -> Document:
    return clean(Document(article=Article(id=article.pop("id", "t"), text=text, **article)))


LEAD = ("The foreign ministers of Ghana and Togo met in Accra on Monday to discuss border "
        "security and trade, officials from both governments said after the talks.")


SECOND = "Both delegations agreed to meet again in Lome in July, a statement from the presidency said."


def test_stage_contract(clean):
    assert clean.name == "clean"
    assert clean.requires == ("article",)
    assert set(clean.provides) == {"text", "offsets", "published", "published_from", "notes"}
    again = pickle.loads(pickle.dumps(clean))
    assert again.clean("a &amp; b").text == "a & b"


# -- 1-4: entities, mojibake, front matter, markup -------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("Russia&#039;s minister", "Russia's minister"),
    ("Trade &amp; security", "Trade & security"),
    ("double &amp;#039;encoded&amp;#039;", "double 'encoded'"),
    ("serious losses,quot; as a result", 'serious losses" as a result'),
    ("Kenyaâ€™s minister", "Kenya’s minister"),
    ("Josep PiquÃ© in Madrid", "Josep Piqué in Madrid"),
    ("talks withÂ\u00a0revolutionary leader", "talks with revolutionary leader"),
    ("Agenda:Â trade and security.", "Agenda: trade and security."),
    ("â\x80\x93 Lucia Newman, editor", "– Lucia Newman, editor"),
    ("By <u>AFP</u> and <b>Reuters</b>", "By AFP and Reuters"),
    ("One<br>Two<p>Three</p>", "One\nTwo\nThree"),
    ("See [the statement](https://mfa.example/x) and ![logo](a.png) **now**", "See the statement and now"),
    ("## Heading\n> Quoted line", "Heading\nQuoted line"),
])
def test_decoding_and_markup(clean, raw, expected):
    assert clean.clean(raw).text == expected


def test_legitimate_accents_are_kept(clean):
    text = "Vučić met Kurti; Peña Nieto visited São Paulo; Gnassingbé hosted Erdoğan."
    assert clean.clean(text).text == text


def test_yaml_front_matter_keeps_title_and_date(clean):
    raw = ('---\ntitle: "Visit to Japan and Korea"\ndate: "2003-02-14"\ncreators:\n  - "Office"\n---\n\n'
           " I will visit Tokyo next week for talks with my Japanese counterpart.\n")
    doc = run(clean, raw)
    assert doc.text.startswith("Visit to Japan and Korea\n\nI will visit Tokyo")
    assert "creators" not in doc.text
    assert (doc.published, doc.published_from) == (date(2003, 2, 14), "front-matter")
    assert doc.evidence(Span(0, 5)).text == "Visit"


def test_pelican_front_matter(clean):
    raw = ("Title: Kerry meets Putin in Sochi\nDate: 2015-05-13 09:31\nCategory: news\nSlug: kerry\n\n\n"
           "John Kerry met Vladimir Putin on Tuesday.")
    doc = run(clean, raw)
    assert doc.text == "Kerry meets Putin in Sochi\n\nJohn Kerry met Vladimir Putin on Tuesday."
    assert doc.published == date(2015, 5, 13)


# -- 5: boilerplate ----------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Related article: Oslo widens fishing quota row with Brussels",
    "Related Articles",
    "Original url:",
    "https://www.example.com/2024/09/20/a-story-about-talks-at-u n-assembly",
    "Read more: Leaders gather in Abuja",
    "ALSO READ | Minister resigns",
    "Photo: Presidency",
    "Foto: Predsedništvo",
    "Izvor: Beta",
    "Reuters contributed to this report.",
    "Reporting by Jane Doe; Editing by John Roe",
    "Follow us on Twitter",
    "Advertisement",
    "Username Password",
    "%MINIFYHTML5d931d5c332c58868c99d34ef72471429%",
    "Get the latest news delivered to your inbox",
    "Share on Facebook | Twitter | WhatsApp",
    "Facebook Twitter WhatsApp Email",
    "Leave a comment",
    "This website uses cookies.",
    "Help | Sitemap | Archive | Advanced Search",
    "Read: 24.996 Views",
    "2 min read",
    "SUMMIT LEADERS still 212 1920x1080 2 800x450",
    "Nurses in Kano marched for a second day over unpaid allowances and…",
    "Category: News",
])
def test_boilerplate_lines_dropped(clean, line):
    doc = run(clean, f"{LEAD}\n{line}\n{SECOND}")
    assert doc.text == f"{LEAD}\n{SECOND}"


def test_navigation_menu_dropped(clean):
    menu = "Search\n  AFRICA\n  MARKETS\n  COLUMNS\n  WORLD\n  CULTURE\n\nLetters\nContact the desk\n"
    doc = run(clean, menu + "\nGhana and Togo Agree on Border Patrols\n\n" + LEAD)
    assert doc.text.startswith("Ghana and Togo Agree on Border Patrols")


def test_foreign_script_boilerplate_dropped(clean):
    doc = run(clean, "Новости дня: главные события недели\nАвтор:\n" + LEAD)
    assert doc.text == LEAD


def test_date_prefix_removed(clean):
    doc = run(clean, " date 2019-07-11 " + LEAD)
    assert doc.text == LEAD
    assert (doc.published, doc.published_from) == (date(2019, 7, 11), "prefix")


def test_user_data_extends_boilerplate(tmp_path):
    (tmp_path / "boilerplate.json").write_text(json.dumps({"lines": ["^Sponsored by the Acme"]}))
    doc = Clean(data_dir=tmp_path)(Document(article=Article(id="u", text="Sponsored by the Acme Corp\n" + LEAD)))
    assert doc.text == LEAD


# -- 6: duplicates -------------------------------------------------------------------------
def test_caption_twice_once_with_entities(clean):
    cap = ("Russia&#039;s deputy envoy waits for the start of a council session in Geneva on "
           "March 3, 2021. Mission press office/Handout")
    doc = run(clean, cap + "\n" + cap.replace("&#039;", "'") + "\n\n" + LEAD)
    assert doc.text.count("waits for the start") == 1
    assert doc.evidence(Span(0, 8)).text == "Russia&#039;s"


def test_near_duplicate_caption(clean):
    a = ("Trade ministers pose for a family photo at the regional forum in Vientiane, Laos, on "
         "Oct. 9, 2024. (Lena Okafor/Pool via Wire Images)")
    b = a.replace("(Lena", "Lena").replace("Images)", "Images")
    doc = run(clean, f"{a}\n{b}\n{LEAD}")
    assert doc.text.count("family photo") == 1


def test_block_printed_three_times(clean):
    block = "\n".join([LEAD, "The minister is also scheduled to attend several bilateral meetings.",
                       '"We can resume our meetings," the minister said.'])
    doc = run(clean, "\n".join([block] * 3))
    assert doc.text == block
    assert doc.evidence(Span(0, len(doc.text))).text == block


def test_headline_repeated(clean):
    head = "Belgrade and Pristina envoys hold separate talks in Brussels VIDEO"
    doc = run(clean, f"{head}\n\n{LEAD}\n\nIzvor: Beta\n\n{head}\nFoto: Arhiva\n\n{head}\n\nMore text here.")
    assert doc.text.count("separate talks") == 1


def test_standfirst_repeated_in_lead(clean):
    first = ("Norway's foreign minister said yes to an offer to visit Nairobi in the autumn, although "
             "no dates have been fixed, his ministry told reporters on Friday")
    doc = run(clean, f"{first}\n\nWASHINGTON (Wire Service - 4th May, 2024) {first}.\n\nMore follows.")
    assert doc.text.count("said yes to an offer") == 1
    assert doc.text.startswith("WASHINGTON")


def test_caption_repeated_on_one_line(clean):
    cap = "Delegates are likely to spend most of the day on fisheries quotas (Maria Lund/Wire)"
    doc = run(clean, f"{LEAD}\n\n{cap} Credit: {cap}\n\nMr Abe and Mr Moon are meeting.")
    assert f"\n{cap}\n" in doc.text
    assert "Credit" not in doc.text


def test_short_lines_are_not_deduplicated(clean):
    doc = run(clean, f"{LEAD}\n\"A record,\" she said.\n{LEAD.replace('Accra', 'Lome')}\n\"A record,\" she said.")
    assert doc.text.count("A record") == 2


# -- 7-9: whitespace and hard wraps ------------------------------------------------------------
def test_hard_wraps_joined(clean):
    raw = ("The leaders' meeting is due to take place in Canberra in\nFebruary, according to the "
           "High Commission, which said\nthe prime minister would also visit Bali.\n\nNew paragraph.")
    doc = run(clean, raw)
    assert doc.text == ("The leaders' meeting is due to take place in Canberra in February, according to the "
                        "High Commission, which said the prime minister would also visit Bali.\n\nNew paragraph.")


def test_wrapped_block_with_capital_continuation(clean):
    raw = ("I will visit Tokyo from 17 to 19 February for talks with the Foreign Minister. I will\n"
           "also meet the Minister for Economy, Trade and Industry and address the Japan\n"
           "Institute of International Affairs.")
    assert "\n" not in run(clean, raw).text


def test_blank_line_inside_a_sentence_joined(clean):
    raw = ("On 11 March I shall travel to Vilnius to see the Foreign Minister and the Speaker and "
           "to press for closer ties on energy and\n\n transport links across the Baltic.")
    assert run(clean, raw).text.endswith("on energy and transport links across the Baltic.")


def test_headlines_and_paragraphs_not_joined(clean):
    raw = ("Widodo to See Singapore PM in Batam\n\nagenda of the president (en)\n"
           "Envoy Floats Idea of Summit in Geneva\nThe two ministers shake hands in Geneva.\n"
           "Ribeiro met Lucas.\nThe talks ended.")
    assert run(clean, raw).text == raw


def test_period_before_a_new_line(clean):
    raw = "the crowd cheered both leaders for a long time\n. Later, the two held talks."
    assert run(clean, raw).text == "the crowd cheered both leaders for a long time. Later, the two held talks."


def test_whitespace_and_lost_spaces(clean):
    raw = ("  Buhari met Akufo-Addo at the Villa, Abuja.The aide said\u00a0\u00a0the meeting  was\t"
           "closed, theWhite House said.\u200b\n\n\n\n\nPresident @NAkufoAddo #AsoVillaToday McDonald  \n")
    doc = run(clean, raw)
    assert doc.text == ("Buhari met Akufo-Addo at the Villa, Abuja. The aide said the meeting was closed, "
                        "the White House said.\n\nPresident @NAkufoAddo #AsoVillaToday McDonald")
    s = doc.text.index("Abuja. The")
    assert doc.evidence(Span(s, s + len("Abuja. The"))).text == "Abuja.The"


# -- rejects -------------------------------------------------------------------------------------
def test_empty_after_cleaning(clean):
    with pytest.raises(InputError) as err:
        run(clean, "Advertisement\n\nRelated article: x\n&nbsp;\n")
    assert err.value.code == "E104"


def test_too_large():
    with pytest.raises(InputError) as err:
        Clean(max_chars=100)(Document(article=Article(id="big", text=LEAD * 2)))
    assert err.value.code == "E105"


@pytest.mark.parametrize("text", [
    "Les ministres des affaires étrangères du Ghana et du Togo se sont rencontrés lundi à Accra "
    "pour discuter de la sécurité des frontières et du commerce, ont indiqué des responsables "
    "des deux gouvernements après les entretiens. Ils se reverront au sommet de la CEDEAO en "
    "juillet, selon un communiqué publié par la présidence togolaise mardi soir.",
    "O presidente Luiz Inácio Lula da Silva recebeu nesta sexta-feira o presidente da Argentina "
    "no Palácio do Planalto, em Brasília, para uma reunião sobre comércio e integração regional. "
    "Os dois presidentes também discutiram a situação na Venezuela e a cúpula do Mercosul, que "
    "será realizada em julho em Montevidéu, segundo o Itamaraty.",
    "Президент Казахстана провел телефонный разговор с президентом Узбекистана.",
])
def test_not_english(clean, text):
    with pytest.raises(InputError) as err:
        run(clean, text)
    assert err.value.code == "E106"


@pytest.mark.parametrize("text", [
    "Lavrov met Guterres.",
    "Vučić and Kurti met in Brussels.",
    LEAD + "\nO ministro das Relações Exteriores chega ao Itamaraty para a reunião com o "
    "colega argentino.\n" + LEAD.replace("Monday", "Friday") + "\n" + LEAD.replace("Ghana", "Mali"),
])
def test_english_kept(clean, text):
    assert run(clean, text).text


# -- publication date ----------------------------------------------------------------------
def test_metadata_date_kept(clean):
    doc = run(clean, "Sep 27, 2024\n\n" + LEAD, published=date(2024, 9, 28))
    assert (doc.published, doc.published_from, doc.notes) == (date(2024, 9, 28), "metadata", ())


@pytest.mark.parametrize("head, expected, source", [
    ("Kyiv Says No Talks Planned\n\nBy AFP\n\nSeptember 20, 2024\n\n", date(2024, 9, 20), "byline"),
    ("Leaders meet in Accra\n\nSep 27, 2024\n\n", date(2024, 9, 27), "byline"),
    ("Leaders meet\n27 September 2024\n", date(2024, 9, 27), "byline"),
    ("Leaders meet\nUpdated: 2024-09-27 10:02\n", date(2024, 9, 27), "byline"),
    ("Amina Yusuf Published June 27, 2023 | 10:15 AM\n\n", date(2023, 6, 27), "byline"),
    ("Last Modified: 04 Jun 2011 09:20\n", date(2011, 6, 4), "byline"),
    ("9:05 pm GMT+12, 18/11/2014, Suva\n\n", date(2014, 11, 18), "byline"),
    ("Envoys in Brussels\n\nThursday, 26.10.2023.\n\n", date(2023, 10, 26), "byline"),
    ("By Staf     Date 23 Oktober 2014\n", date(2014, 10, 23), "byline"),
    ("Berlin, June 14, 2021 (AFP) - ", date(2021, 6, 14), "dateline"),
])
def test_publication_date_in_text(clean, head, expected, source):
    doc = run(clean, head + LEAD)
    assert (doc.published, doc.published_from) == (expected, source)


def test_dateline_needs_a_year(clean):
    for head in ("New York [US], September 27 : ", "MOSCOW, Sept 27 (Reuters) - ",
                 "WASHINGTON, Oct. 11 (UPI) -- ", "Addis Ababa (Ethiopia), Jan. 27, GNA- "):
        doc = run(clean, head + LEAD)
        assert doc.published is None
        assert "no publication date found" in doc.notes
        assert any("dateline gives no year" in n for n in doc.notes)
        doc = run(clean, head + LEAD, url="https://x.example/2024/09/some-story")
        assert doc.published.year == 2024 and doc.published_from == "dateline", head


def test_embedded_post_date_is_a_last_resort(clean):
    post = "— Ministry of Foreign Affairs (@ForeignMinistry) October 16, 2018\n"
    doc = run(clean, post + LEAD + "\n" + post.replace("16", "15"))
    assert (doc.published, doc.published_from) == (date(2018, 10, 16), "embedded-post")
    assert any("embedded post" in n for n in doc.notes)
    doc = run(clean, post + LEAD, url="https://x.example/2019/01/02/story")
    assert (doc.published, doc.published_from) == (date(2019, 1, 2), "url")


def test_photo_caption_date_is_not_a_byline_but_a_last_resort(clean):
    caption = "The two ministers shake hands in Geneva, Switzerland, on Jan. 21, 2022.\n"
    doc = run(clean, caption + LEAD)
    assert (doc.published, doc.published_from) == (date(2022, 1, 21), "caption")
    assert any("caption" in n for n in doc.notes)
    doc = run(clean, "Kyiv talks\n\nSep 27, 2024\n\n" + caption + LEAD)  # a byline comes first
    assert (doc.published, doc.published_from) == (date(2024, 9, 27), "byline")
    doc = run(clean, caption + LEAD, url="https://x.example/2023/11/story")  # the URL names another month
    assert (doc.published, doc.published_from) == (date(2023, 11, 1), "url-month")
    doc = run(clean, caption + LEAD, url="https://x.example/2022/01/story")  # the same month: the day
    assert (doc.published, doc.published_from) == (date(2022, 1, 21), "caption")


@pytest.mark.parametrize("head", [
    "Chile - The president greets the Chilean community in Oslo, October 3, 2021.\n\n",
    "The foreign ministers of Ghana and Togo shake hands in Accra, 3 October 2021 - Photo: K. Mensah / GNA\n",
])
def test_a_caption_closing_its_line_dates_an_undated_article(clean, head):
    doc = run(clean, head + LEAD)
    assert (doc.published, doc.published_from) == (date(2021, 10, 3), "caption")


def test_a_line_naming_a_plan_is_no_caption(clean):
    doc = run(clean, "Accra will host the next summit of the regional bloc on December 16, 2027.\n" + LEAD)
    assert doc.published is None


@pytest.mark.parametrize("head, expected", [
    ("CAIRO – 3 March 2018: ", date(2018, 3, 3)),
    ("Nairobi - 14th of June, 2019 - ", date(2019, 6, 14)),
    ("DAKAR — March 5, 2020: ", date(2020, 3, 5)),
])
def test_a_dateline_with_a_dash_or_the_day_first(clean, head, expected):
    doc = run(clean, head + LEAD)
    assert (doc.published, doc.published_from) == (expected, "dateline")


@pytest.mark.parametrize("head, expected", [
    ("Leaders meet in Accra\n\nMarch 2018\n\n", date(2018, 3, 1)),
    ("Regional Review | Issue 14 | Nov. 2019\n", date(2019, 11, 1)),
])
def test_a_month_line_gives_the_publication_month(clean, head, expected):
    doc = run(clean, head + LEAD)
    assert (doc.published, doc.published_from) == (expected, "text-month")
    assert any("month only" in n for n in doc.notes)


def test_a_month_named_in_a_sentence_is_no_month_line(clean):
    doc = run(clean, "The two foreign ministers last met in Lome in March 2018 to discuss the border.\n" + LEAD)
    assert doc.published is None


def test_event_date_in_the_lead_is_not_a_byline(clean):
    doc = run(clean, "Dakar is to be the venue of a regional leaders' gathering on "
                     "March 2, 2026, Senegal's foreign minister said after seeing her Gambian counterpart.")
    assert doc.published is None


@pytest.mark.parametrize("url, expected, source", [
    ("https://www.daily-ledger.example/diplomacy/2019/07/11/trade-delegation", date(2019, 7, 11), "url"),
    ("http://www.tv-news.example/news/2018-05-09/ministers-talk/", date(2018, 5, 9), "url"),
    ("http://en.paper.example/english/200107/28/eng20010728_10203.html", date(2001, 7, 28), "url"),
    ("https://embassy-blog.example/2023/11/envoy-visits", date(2023, 11, 1), "url-month"),
    ("https://example.org/news/story-123", None, None),
])
def test_publication_date_from_url(clean, url, expected, source):
    doc = run(clean, LEAD, url=url)
    assert (doc.published, doc.published_from) == (expected, source)
    if source == "url-month":
        assert any("month only" in n for n in doc.notes)
    if source is None:
        assert "no publication date found" in doc.notes


# -- escapes of a dumped text -----------------------------------------------------------------
DUMPED = (r"Ministers Ola Berg and Ana Ruiz met in Oslo on Monday.\r\n\r\nThe talks, Berg\'s office"
          r" said, were \"frank\".\r\nIt was Norway''s first such meeting since 2019.")


def test_escaped_dump_gets_its_breaks_and_quotes_back(clean):
    out = clean.clean(DUMPED)
    assert out.text == ("Ministers Ola Berg and Ana Ruiz met in Oslo on Monday.\n\nThe talks, Berg's office"
                        " said, were \"frank\".\nIt was Norway's first such meeting since 2019.")
    i = out.text.index("Norway's")
    assert DUMPED[out.offsets.to_raw(i, i + len("Norway's"))[0]:].startswith("Norway''s")


def test_escape_edits_leave_an_ordinary_backslash_alone():
    assert escape_edits("Save it to C:\\new\\reports and check.\nThe minister met her counterpart.") == []
    assert escape_edits("One literal \\n in a story about code, and O''Hara's team.") == []
    text = r"Line one.\nLine two.\nIt''s done."
    assert [r for _, _, r in escape_edits(text)] == ["\n", "\n", "'"]
