"""Hand-built ``Extraction``s for the knowledge-base tests (no spaCy model needed).

``Article`` composes a text sentence by sentence and computes mention offsets
and evidence spans from it, so stored provenance can be checked against the
text.  The names and numbers are invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legation.models import (
    Acronym,
    DateExpr,
    Event,
    EventPlace,
    Evidence,
    Extraction,
    Figure,
    Organization,
    Period,
    Person,
    Place,
    Plover,
    Title,
    Warning,
)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]


def _evidence(text: str, needle: str | None) -> Evidence | None:
    if not needle:
        return None
    pos = text.find(needle)
    assert pos >= 0, f"{needle!r} is not in the article"
    return Evidence(start=pos, end=pos + len(needle), text=needle)


@dataclass
class Article:
    id: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    sentences: list[str] = field(default_factory=list)
    _people: list[dict] = field(default_factory=list)
    _orgs: list[dict] = field(default_factory=list)
    _places: list[dict] = field(default_factory=list)
    _events: list[dict] = field(default_factory=list)
    _figures: list[dict] = field(default_factory=list)
    _acronyms: list[Acronym] = field(default_factory=list)
    _warnings: list[dict] = field(default_factory=list)

    def say(self, *sentences: str) -> Article:
        self.sentences.extend(sentences)
        return self

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def person(self, name: str, country: str | None = None, *, titles: list[Title] | None = None,
               aliases: tuple[str, ...] = ()) -> str:
        pid = f"P{len(self._people) + 1}"
        self._people.append({"id": pid, "name": name, "country": country, "titles": titles or [],
                             "aliases": list(aliases)})
        return pid

    def org(self, name: str, *, acronym: str | None = None, country: str | None = None,
            kind: str | None = None) -> str:
        oid = f"O{len(self._orgs) + 1}"
        self._orgs.append({"id": oid, "name": name, "acronym": acronym, "country": country, "kind": kind})
        return oid

    def place(self, name: str, *, kind: str = "city", country: str | None = None, aliases: tuple[str, ...] = ()) -> str:
        lid = f"L{len(self._places) + 1}"
        self._places.append({"id": lid, "name": name, "kind": kind, "country": country, "aliases": aliases})
        return lid

    def event(self, kind: str, date: str | None, participants: list[str], *, end: str | None = None,
              place: str | None = None, country: str | None = None, evidence: str | None = None,
              plover: str | None = "CONSULT", source_country: str | None = None,
              target_country: str | None = None) -> str:
        eid = f"E{len(self._events) + 1}"
        precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
        self._events.append({"id": eid, "kind": kind, "date": date, "end": end, "precision": precision,
                             "participants": participants, "place": place, "country": country,
                             "evidence": evidence, "plover": plover, "source_country": source_country,
                             "target_country": target_country})
        return eid

    def figure(self, measure: str, from_: str | None, to: str | None, value: float, unit: str = "USD", *,
               period: tuple[str | None, str | None, str | None] | None = None, approximate: bool = False,
               subject: str | None = None, evidence: str | None = None) -> None:
        self._figures.append({"measure": measure, "from": from_, "to": to, "value": value, "unit": unit,
                              "period": period, "approximate": approximate, "subject": subject,
                              "evidence": evidence})

    def acronym(self, short: str, long: str, defined: bool = True) -> None:
        self._acronyms.append(Acronym(short=short, long=long, defined_in_text=defined))

    def warning(self, kind: str, message: str, evidence: str | None = None) -> None:
        self._warnings.append({"kind": kind, "message": message, "evidence": evidence})

    def build(self) -> Extraction:
        text = self.text
        people = []
        for p in self._people:
            spans = sorted({s for form in [p["name"], *p["aliases"]] for s in _spans(text, form)})
            people.append(Person(id=p["id"], name=p["name"], aliases=p["aliases"], country=p["country"],
                                 titles=p["titles"], mentions=spans))
        orgs = [Organization(id=o["id"], name=o["name"], acronym=o["acronym"], country=o["country"], kind=o["kind"],
                             mentions=sorted({s for f in [o["name"], o["acronym"]] if f for s in _spans(text, f)}))
                for o in self._orgs]
        places = [Place(id=pl["id"], name=pl["name"], kind=pl["kind"], country=pl["country"],
                        mentions=sorted({s for f in [pl["name"], *pl["aliases"]] for s in _spans(text, f)}))
                  for pl in self._places]
        events = []
        for e in self._events:
            date = DateExpr(start=e["date"], end=e["end"], precision=e["precision"], text=e["date"] or "") \
                if e["date"] else None
            place = EventPlace(name=e["place"], country=e["country"]) if (e["place"] or e["country"]) else None
            events.append(Event(id=e["id"], kind=e["kind"], plover=Plover(type=e["plover"]) if e["plover"] else None,
                                date=date, place=place, participants=e["participants"],
                                source_actor=e["participants"][0] if e["participants"] else None,
                                target_actor=e["participants"][1] if len(e["participants"]) > 1 else None,
                                source_country=e["source_country"], target_country=e["target_country"],
                                evidence=_evidence(text, e["evidence"]), confidence=0.9))
        figures = []
        for f in self._figures:
            period = Period(start=f["period"][0], end=f["period"][1], text=f["period"][2]) if f["period"] else None
            figures.append(Figure.model_validate({
                "measure": f["measure"], "from": f["from"], "to": f["to"], "value": f["value"], "unit": f["unit"],
                "period": period, "approximate": f["approximate"], "subject": f["subject"],
                "evidence": _evidence(text, f["evidence"])}))
        warnings = [Warning(kind=w["kind"], message=w["message"], evidence=_evidence(text, w["evidence"]))
                    for w in self._warnings]
        return Extraction(id=self.id, source=self.source or f"{self.id}.txt", title=self.title,
                          published=self.published, published_basis="metadata" if self.published else None,
                          text=text, people=people, organizations=orgs, places=places, events=events,
                          figures=figures, acronyms=self._acronyms, warnings=warnings)


# --------------------------------------------------------------------------- a small invented corpus


def lima_meeting(doc_id: str = "a-lima", *, published: str = "2024-08-23", date: str = "2024-08-22",
                 place: str | None = None, exports_2023: float = 23_000_000.0) -> Extraction:
    """A Ho Chi Minh City delegation meets a Peruvian party leader in Lima (invented)."""
    a = Article(doc_id, published=published, title="City delegation visits Lima")
    a.say("On August 22, Vice Chairman of the Ho Chi Minh City People's Committee Nguyen Van Dung met "
          "General Secretary of the Communist Party of Peru Domingo Cabrera Toro in Lima.",
          "Mr. Dung praised the friendship between the two parties.",
          "Cabrera Toro said the party valued its ties with Vietnam.",
          f"Exports from Ho Chi Minh City to Peru reached US${exports_2023 / 1e6:g} million in 2023.")
    hcmc_pc = a.org("Ho Chi Minh City People's Committee", country="VN", kind="government")
    party = a.org("Communist Party of Peru", country="PE", kind="party")
    dung = a.person("Nguyen Van Dung", "VN", aliases=("Dung",), titles=[Title(
        text="Vice Chairman of the Ho Chi Minh City People's Committee", role="Vice Chairman",
        organization=hcmc_pc)])
    toro = a.person("Domingo Cabrera Toro", "PE", aliases=("Cabrera Toro",), titles=[Title(
        text="General Secretary of the Communist Party of Peru", role="General Secretary", organization=party)])
    a.place("Lima", kind="city", country="PE")
    a.place("Ho Chi Minh City", kind="city", country="VN")
    a.event("meeting", date, [dung, toro], place=place or "Lima", country="PE",
            evidence="On August 22, Vice Chairman")
    a.figure("exports", "Ho Chi Minh City", "Peru", exports_2023, period=("2023-01-01", "2023-12-31", "2023"),
             evidence="Exports from Ho Chi Minh City to Peru")
    return a.build()


def lima_meeting_other_outlet(doc_id: str = "b-lima", *, date: str = "2024-08-22", place: str = "Lima",
                              exports_2023: float = 23_000_000.0) -> Extraction:
    """Another outlet reports the same meeting with shorter names (invented)."""
    a = Article(doc_id, published="2024-08-24", title="Peruvian communists receive Vietnamese guests")
    a.say(f"Peruvian party leader Cabrera Toro received Nguyen Van Dung of Ho Chi Minh City on Thursday in {place}.",
          f"Ho Chi Minh City shipped goods worth US${exports_2023 / 1e6:g} million to Peru in 2023.")
    dung = a.person("Nguyen Van Dung", "VN")
    toro = a.person("Cabrera Toro", "PE", titles=[Title(text="party leader", role="leader")])
    a.place(place, country="PE")
    a.event("reception", date, [toro, dung], place=place, country="PE", evidence="Peruvian party leader")
    a.figure("exports", "Ho Chi Minh City", "Peru", exports_2023, period=("2023-01-01", "2023-12-31", "2023"),
             evidence="Ho Chi Minh City shipped goods")
    return a.build()


def hanoi_reception(doc_id: str = "c-hanoi", published: str = "2023-11-11") -> Extraction:
    """A Peruvian party leader received in Hanoi (invented): the other Peruvian communist party."""
    a = Article(doc_id, published=published, title="Party official receives Peruvian guest")
    a.say("Politburo member Tran Tuan Anh hosted a reception in Hanoi on November 10 for Secretary General of "
          "the Peruvian Communist Party (PCP) Luis Alberto Villanueva Carbajal.",
          "Anh said the CPV treasures its ties with the PCP.",
          "Villanueva Carbajal thanked his hosts.",
          "At the talks between the CPV and CPC delegations, both sides agreed to deepen cooperation.")
    cpv = a.org("Communist Party of Vietnam", acronym="CPV", country="VN", kind="party")
    pcp = a.org("Peruvian Communist Party", acronym="PCP", country="PE", kind="party")
    anh = a.person("Tran Tuan Anh", "VN", aliases=("Anh",), titles=[Title(text="Politburo member", role="member",
                                                                           organization=cpv)])
    luis = a.person("Luis Alberto Villanueva Carbajal", "PE", aliases=("Villanueva Carbajal",), titles=[Title(
        text="Secretary General of the Peruvian Communist Party (PCP)", role="Secretary General", organization=pcp)])
    a.place("Hanoi", kind="city", country="VN")
    a.acronym("PCP", "Peruvian Communist Party")
    a.acronym("CPV", "Communist Party of Vietnam")
    a.event("reception", "2023-11-10", [anh, luis], place="Hanoi", country="VN",
            evidence="Politburo member Tran Tuan Anh hosted a reception")
    a.warning("acronym_mismatch", "CPC is used for the delegation defined as PCP", evidence="CPC")
    return a.build()


def villanueva_short(doc_id: str = "d-short", published: str = "2023-11-20") -> Extraction:
    """A later report naming the Peruvian guest only by his surnames (invented)."""
    a = Article(doc_id, published=published, title="Peruvian guest ends visit")
    a.say("Villanueva Carbajal, who leads the PCP, ended his visit to Vietnam on November 19.")
    pcp = a.org("PCP", acronym="PCP", country="PE", kind="party")
    luis = a.person("Villanueva Carbajal", "PE", titles=[Title(text="leader of the PCP", role="leader",
                                                               organization=pcp)])
    a.event("visit", "2023-11-09", [luis], end="2023-11-19", country="VN", evidence="ended his visit",
            source_country="PE", target_country="VN")
    return a.build()


def corpus() -> list[Extraction]:
    return [lima_meeting(), lima_meeting_other_outlet(), hanoi_reception(), villanueva_short()]
