"""Facts across outlets: which mentions measure one quantity, and which of them clash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.compare import compare
from tui.engine.model import Comparison, Document, Fact


def story(*texts: str) -> Comparison:
    documents = [Document(id=f"d{n}", path=f"{n}.txt", label=f"{n}.txt", title="", text=t) for n, t in enumerate(texts)]
    return compare(documents)


def fact_with(comparison: Comparison, text: str) -> Fact:
    found = [fact for fact in comparison.facts if any(m.claim.text == text for m in fact.mentions)]
    assert len(found) == 1, found
    return found[0]


def values(fact: Fact) -> list[tuple[int, str]]:
    return [(m.doc, m.claim.text) for m in fact.mentions]


def clashing_values(fact: Fact) -> set[tuple[str, str]]:
    return {tuple(sorted((fact.mentions[i].claim.text, fact.mentions[j].claim.text))) for i, j in fact.clashes}


FERRY = (
    "A ferry sank off the island on Sunday, killing at least 12 people and injuring 30. "
    "Rescuers searched the water all night for the missing.",
    "Twelve people were killed and 30 were injured when a ferry sank off the island. Divers recovered the bodies.",
    "A ferry sank off the island, killing 20 people. Thirty passengers were injured, officials said.",
)


def test_the_same_toll_across_outlets_is_one_fact_and_clashes_where_it_differs() -> None:
    comparison = story(*FERRY)
    dead = fact_with(comparison, "20")
    assert values(dead) == [(0, "at least 12"), (1, "Twelve"), (2, "20")]
    assert clashing_values(dead) == {("20", "at least 12"), ("20", "Twelve")}
    assert dead.label == "dead"
    injured = fact_with(comparison, "Thirty")
    assert values(injured) == [(0, "30"), (1, "30"), (2, "Thirty")]
    assert injured.clashes == ()
    assert comparison.facts[0] is dead


def test_killed_and_injured_are_different_facts_even_with_one_number() -> None:
    comparison = story(
        "The blast killed 12 people and injured 12 others on Monday.",
        "On Monday the blast killed 12 people and injured 12 more.",
    )
    twelves = [fact for fact in comparison.facts if any(m.claim.text == "12" for m in fact.mentions)]
    assert sorted(fact.label for fact in twelves) == ["dead", "injured"]
    assert all(fact.clashes == () for fact in twelves)


def test_depth_and_distance_are_different_facts() -> None:
    comparison = story(
        "The quake struck at a depth of 10 kilometres, 55 kilometres from Bireun.",
        "The quake was 10 kilometres deep and 55 kilometres from Bireun, officials said.",
    )
    depth = fact_with(comparison, "10 kilometres")
    assert len(depth.mentions) == 2 and depth.clashes == ()
    assert depth is not fact_with(comparison, "55 kilometres")


def test_background_figures_of_another_year_are_not_the_story_toll() -> None:
    comparison = story(
        "A quake killed 24 people on Tuesday. In 2004 a tsunami killed 170,000 people in the province.",
        "A quake killed 24 people on Tuesday. In 2004 a tsunami killed 230,000 people across Asia.",
    )
    assert fact_with(comparison, "24").clashes == ()
    assert fact_with(comparison, "170,000") is not fact_with(comparison, "24")
    assert all(not fact.clashes for fact in comparison.facts)


def test_a_document_that_contradicts_itself() -> None:
    comparison = story(
        "The company bought 10,000 servers for its new data center this spring.",
        "The company bought 10,000 servers last month. Its chief said the company bought 100,000 servers.",
    )
    servers = fact_with(comparison, "100,000")
    assert clashing_values(servers) == {("10,000", "100,000")}
    [contradiction] = comparison.self_contradictions
    assert (contradiction.doc, contradiction.first.text, contradiction.second.text) == (1, "10,000", "100,000")
    assert contradiction.fact == servers.id


def test_a_sentence_that_compares_two_values_is_no_claim_of_either() -> None:
    comparison = story(
        "The toll rose from 11 dead to 24 dead overnight, officials said on Monday.",
        "Officials said on Monday that 24 people were dead.",
    )
    assert all(not fact.clashes for fact in comparison.facts)


def test_alike_sentences_far_apart_tell_of_two_events() -> None:
    filler = " ".join(f"The market opened on day {n} with music and stalls." for n in range(20))
    comparison = story(
        f"The bakers sold five loaves to the crowd. {filler} The bakers sold seven loaves to the crowd.",
        f"The bakers sold five loaves to the crowd. {filler} The bakers sold seven loaves to the crowd.",
    )
    assert comparison.self_contradictions == []
    assert all(not fact.clashes for fact in comparison.facts)


def test_a_district_figure_beside_the_overall_toll_is_another_fact() -> None:
    comparison = story(
        "Floods killed 30 people across the region on Monday. In the hills, 12 people were killed by mudslides.",
        "Floods killed 30 people across the region on Monday, officials said.",
        "Floods killed 30 people on Monday.",
    )
    assert all(not fact.clashes for fact in comparison.facts)
    assert comparison.self_contradictions == []


def test_bylines_and_datelines_never_share_a_row() -> None:
    comparison = story(
        "Ferry sinks\nBy Ana Reyes | Harbour Herald\nTuesday, July 2, 2013\nA ferry sank on Tuesday with 40 aboard.\n",
        "Ferry sinks\nBy Tom Okafor | Bay Courier\nWednesday, July 3, 2013\nA ferry sank on Tuesday with 40 aboard.\n",
    )
    for row in comparison.rows:
        texts = [comparison.sentences[cell.doc][index].text for cell in row.cells for index in cell.sentences]
        if any(text.startswith(("By ", "Tuesday, July", "Wednesday")) for text in texts):
            assert len(row.cells) == 1, texts
    assert any(len(row.cells) == 2 for row in comparison.rows)


def test_publication_dates_are_metadata_not_claims() -> None:
    comparison = story(
        "Ferry sinks Tuesday, July 2nd, 2013 A ferry sank on Tuesday with 40 aboard.",
        "Ferry sinks WEDNESDAY 03 JULY 2013 A ferry sank on Tuesday with 40 aboard.",
    )
    assert [document.published for document in comparison.documents] == ["2013-07-02", "2013-07-03"]
    assert all(not fact.clashes for fact in comparison.facts)
    dates = [m.claim.text for fact in comparison.facts for m in fact.mentions if m.claim.kind == "date"]
    assert dates == ["Tuesday", "Tuesday"]


_SENTENCES = st.sampled_from(
    [
        "The storm killed 12 people.", "Twelve people died in the storm.", "The storm killed 20 people.",
        "About 300 houses were damaged.", "More than 300 homes were damaged.", "In 2004 a storm killed 1,000 people.",
        "It was 10 kilometres deep.", "The water rose 6.2 miles inland.", "Police said on Friday that 3 were hurt.",
        "Nothing else happened.", "Dozens were injured.", "At least 50 were injured.",
    ]
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=5).map(" ".join), min_size=2, max_size=4))
def test_every_claim_is_in_exactly_one_fact(texts: list[str]) -> None:
    comparison = story(*texts)
    mentioned = sorted(
        (mention.doc, mention.claim.start, mention.claim.end) for fact in comparison.facts for mention in fact.mentions
    )
    claims = sorted(
        (doc, claim.start, claim.end)
        for (doc, _), found in comparison.claims.items()
        for claim in found
        if claim.reading is not None
    )
    assert mentioned == claims
    for fact in comparison.facts:
        for first, second in fact.clashes:
            assert 0 <= first < second < len(fact.mentions)
