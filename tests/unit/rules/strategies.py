"""Hypothesis strategies: random but plausible cases (dates 2010–2027, PGV 0.5–40 mm/s)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from domain import policy
from domain.rules import BuildingObject, Case, Claim, DHFacts, Objection, Ownership, Shaking

UTC = dt.timezone.utc
days = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2027, 12, 31))
maybe_bool = st.one_of(st.none(), st.booleans())
#: PGVs just around the thresholds as shown (two decimals): they test the one rounding rule
EDGES = [1.995, 4.994, 4.995, 5.004, 5.005]


@st.composite
def shakings(draw, min_size=0, max_size=8):
    items = draw(
        st.lists(
            # values just around the thresholds test the one rounding rule (policy.pgv_rounded)
            st.tuples(
                days,
                st.one_of(st.floats(0.5, 40.0).map(lambda v: round(v, 2)), st.sampled_from(EDGES)),
                st.integers(0, 23),
            ),
            min_size=min_size,
            max_size=max_size,
        )
    )
    out = []
    for i, (day, pgv, hour) in enumerate(items):
        t = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
        out.append(Shaking(f"e{i}", t, "Zeerijp", 3.0, pgv, 5.0))
    return tuple(sorted(out, key=lambda s: s.time))


@st.composite
def claims(draw, max_size=4):
    n = draw(st.integers(0, max_size))
    out = []
    for i in range(n):
        scheme = draw(st.sampled_from(policy.SCHEMES))
        submitted = draw(st.one_of(st.none(), days))
        decided = None
        if submitted is not None and draw(st.booleans()):
            decided = submitted + dt.timedelta(days=draw(st.integers(0, 400)))
        outcome = draw(st.sampled_from(policy.CLAIM_OUTCOMES)) if decided else None
        objection = None
        if decided and draw(st.booleans()):
            filed = decided + dt.timedelta(days=draw(st.integers(1, 60)))
            closed = draw(st.one_of(st.none(), st.integers(1, 300)))
            objection = Objection(
                filed, None if closed is None else filed + dt.timedelta(days=closed)
            )
        out.append(
            Claim(
                f"c{i}",
                scheme,
                submitted,
                decided,
                outcome,
                draw(st.one_of(st.none(), st.integers(0, 30_000))) if decided else None,
                draw(maybe_bool) if decided else None,
                objection,
                (submitted + dt.timedelta(days=draw(st.integers(0, 3))))
                if scheme == "aos" and submitted and draw(st.booleans())
                else None,
                risk_found=draw(maybe_bool) if scheme == "aos" else None,
                handler=draw(st.sampled_from([None, *policy.CLAIM_HANDLERS])),
            )
        )
    return tuple(out)


@st.composite
def cases(draw, with_shakings=True):
    obj = BuildingObject(
        id="o",
        x=245000.0,
        y=593500.0,
        construction_year=draw(st.one_of(st.none(), st.integers(1900, 2024))),
        small=draw(maybe_bool),
        use=draw(st.sampled_from(["woning", "woning", "niet-woning", None])),
        woz_value=draw(st.one_of(st.none(), st.integers(50_000, 900_000))),
        rijksmonument=draw(maybe_bool),
        in_subsidence_area=draw(maybe_bool),
        within_6km_zone=draw(maybe_bool),
        in_ncg_programme=draw(maybe_bool),
        place=draw(st.sampled_from([None, "Loppersum", "Ten Boer", "Hoogezand", "Assen"])),
        special_structural_feature=draw(maybe_bool),
    )
    owners = (
        Ownership(
            "p1",
            draw(maybe_bool),
            draw(st.sampled_from([None, "eigendom", "erfpacht", "huur"])),
            draw(st.one_of(st.none(), days)),
            None,
            None,
        ),
        Ownership(
            "p2",
            True,
            "eigendom",
            draw(st.one_of(st.none(), days)),
            draw(st.one_of(st.none(), days)),
            draw(maybe_bool),
        ),
    )
    owners = owners[: draw(st.integers(1, 2))]
    dh = DHFacts(
        d3_damage_eur=draw(st.one_of(st.none(), st.integers(0, 20_000))),
        structural_defect=draw(maybe_bool),
        unhandled_damage=draw(maybe_bool),
        pilot_dossier=draw(maybe_bool),
        recognised_damage_eur=draw(st.one_of(st.none(), st.integers(0, 30_000))),
    )
    return Case(
        as_of=draw(days),
        object=obj,
        owners=owners,
        applicant="p1",
        prior_applications=draw(st.one_of(st.none(), st.integers(0, 4))),
        whole_object=draw(maybe_bool),
        claims=draw(claims()),
        dh=dh,
        shakings=draw(shakings()) if with_shakings else None,
    )
