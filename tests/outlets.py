"""A made-up story told by many outlets, for tests of many-outlet views: paraphrases, wire copies,
bylines, datelines, tolls that differ, and sentences only some outlets carry. Deterministic."""

from __future__ import annotations

import random

from tui.engine.model import Document

SITES = (
    "Harbour Herald", "Coastal Times", "Daily Beacon", "Island Post", "Morning Ledger", "North Star News",
    "Bay Courier", "Evening Wire", "Tidewater Journal", "Capital Gazette", "Globe Dispatch", "Metro Bulletin",
    "Valley Chronicle", "Pacific Record", "River Sentinel", "Union Observer", "Summit Tribune", "Lakeside Mail",
    "Frontier Press", "Atlas Report",
)  # fmt: skip

_PARTS: tuple[tuple[str, ...], ...] = (
    (
        "A passenger ferry sank off Kelo Island on Tuesday, killing {dead} people and injuring {hurt}.",
        "At least {dead} people died and {hurt} were hurt when a ferry went down off Kelo Island on Tuesday.",
        "A ferry carrying holidaymakers capsized near Kelo Island on Tuesday; {dead} people were killed.",
    ),
    (
        "The vessel was carrying {aboard} passengers when it struck rocks in heavy seas.",
        "Officials said {aboard} passengers were aboard when the boat hit rocks during a storm.",
    ),
    (
        "Rescue boats pulled survivors from the water through the night, the coast guard said.",
        "Coast guard crews searched the dark water for survivors until dawn.",
    ),
    (
        "The ferry had left the port of Amsa about two hours before it sank.",
        "It sank roughly two hours after leaving Amsa harbour.",
    ),
    (
        "Relatives gathered at the harbour waiting for news of their families.",
        "Families waited at the dock for word of the missing.",
    ),
    (
        "The operator said the ship had passed a safety inspection in March.",
        "According to the company, the vessel was inspected in March and found seaworthy.",
    ),
    (
        "Police arrested the captain and {crew} crew members on Wednesday.",
        "The captain and {crew} of his crew were detained by police on Wednesday.",
    ),
    (
        "It was the worst ferry disaster in the region since 2009, when 300 people drowned.",
        "In 2009 a similar accident in the strait killed 300 people.",
    ),
    (
        "The transport minister promised a full inquiry into the sinking.",
        "An inquiry will be held, the minister for transport said.",
    ),
)
"""Each part of the story, in the words different outlets choose for it."""

_WIRE = (
    "The ferry, built in 1987, was due to be replaced next year under a government programme to renew "
    "the island fleet, a transport ministry spokesman told reporters at the harbour on Wednesday morning."
)
"""A long sentence a news agency wrote, which the outlets that copy the wire carry word for word."""


def make_outlets(count: int = 14, *, seed: int = 3) -> list[Document]:
    """``count`` outlets' articles on one ferry sinking: document N is outlet N's article.

    Outlets 2, 3 and 4 copy the wire (the same long sentence, the same wording); outlet 5 gives a
    toll that clashes with the others (12 dead, not 15); every article has a headline, a byline and
    a dateline on lines of their own, and skips some parts of the story at random.
    """
    if not 1 <= count <= len(SITES):
        raise ValueError(f"between 1 and {len(SITES)} outlets")
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        site = SITES[number]
        wire = number in (2, 3, 4)
        values = {"dead": 12 if number == 5 else 15, "hurt": 40, "aboard": 120, "crew": 4}
        lines = [
            f"Ferry sinks off Kelo Island, {values['dead']} dead" if number % 2 else f"{site}: ferry disaster at Kelo",
            f"By {rng.choice(['Ana Reyes', 'Tom Okafor', 'Li Wen', 'Sara Holm'])} | {site}",
            "Tuesday, July 2, 2013",
        ]
        paragraph = []
        for index, variants in enumerate(_PARTS):
            if index and rng.random() < 0.3:
                continue
            variant = variants[0] if wire else rng.choice(variants)
            paragraph.append(variant.format(**values))
            if wire and index == 1:
                paragraph.append(_WIRE)
        if rng.random() < 0.3:
            paragraph.append(f"{site} could not reach the operator for comment.")
        lines.append(" ".join(paragraph[: len(paragraph) // 2]))
        lines.append(" ".join(paragraph[len(paragraph) // 2 :]))
        slug = site.lower().replace(" ", "-")
        documents.append(
            Document(
                id=f"d{number}",
                path=f"{number:02d}_{slug}.txt",
                label=f"{number:02d}_{slug}.txt",
                title=lines[0],
                text="\n".join(lines) + "\n",
            )
        )
    return documents
