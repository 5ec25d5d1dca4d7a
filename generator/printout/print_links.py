"""What each link of a printed document does, in words a screen reader announces ("Soita koulun
kansliaan, 06 123 4567 (Kirkonkylän koulu)") instead of its bare address.

The descriptions go with the document's data as ``{address: text}`` (a place in the document
as ``{#label: its name}``); :mod:`generator.printout.
link_texts` writes them into the PDF's link annotations. The address is written as the template
writes it (a phone number's spaces removed after ``tel:``). When one address is linked for
several purposes the first description here is used: a school's office before the contacts,
and the contacts before the services.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.messages import ladder_words
from generator.messages.print_words import Words
from generator.playbook.legal import provision

Described = Iterator[tuple[str, str]]  # (address, description)


def phone_address(phone: str) -> str:
    """The ``tel:`` address of a phone number, as the template links it."""
    return "tel:" + phone.replace(" ", "")


def link_texts(words: Words) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in (_offices, _contacts, _services, _forms, _laws, _sites, _places):
        for address, text in part(words):
            if address:
                found.setdefault(address, text)
    return found


def _offices(words: Words) -> Described:
    for school in words.playbook.schools:
        if school.office_phone:
            school_name = words.local(school.name)
            text = words.p("link_office", phone=school.office_phone, school=school_name)
            yield phone_address(school.office_phone), text


def _contacts(words: Words) -> Described:
    for contact in words.playbook.contacts:
        # A contact's own name ("Kirkonkylän koulun rehtori", "Liisa Laine"), else its role.
        who = words.local(contact.name) or words.role_in_list(contact.role)
        if contact.phone:
            yield phone_address(contact.phone), words.p("link_phone", who=who, phone=contact.phone)
        if contact.email:
            yield f"mailto:{contact.email}", words.p("link_email", who=who, email=contact.email)


def _services(words: Words) -> Described:
    for service in words.playbook.services:
        name = words.local(service.name)
        if service.phone:
            yield phone_address(service.phone), words.p("link_phone", who=name, phone=service.phone)
        if service.url:
            yield service.url, words.p("link_page", name=name)


def _forms(words: Words) -> Described:
    for form in words.playbook.forms:
        yield form.url_in(words.language), words.p("link_form", name=words.local(form.name))


def _laws(words: Words) -> Described:
    playbook = words.playbook
    steps = [step for stage in playbook.stages for step in stage.steps]
    if playbook.prevention is not None:
        steps += playbook.prevention.steps
    cited = [law for stage in playbook.stages for law in stage.legal_basis]
    cited += [law for step in steps for law in step.legal_basis]
    for provision_id in dict.fromkeys(cited):
        law = provision(provision_id)
        yield (
            law.address(words.language),
            words.p("link_law", citation=law.citation(words.language)),
        )


def _sites(words: Words) -> Described:
    model = words.playbook.approval.common_model
    if model is not None and model.url:
        yield model.url, words.p("link_page", name=words.local(model.name))
    municipality = words.playbook.municipality
    if municipality.site_url:
        guardians = f"{municipality.site_url.rstrip('/')}/{words.language}/guardians/"
        yield guardians, words.p("link_guardians")
        name = words.local(municipality.name)
        yield municipality.site_url, words.p("link_site", municipality=name)


def _places(words: Words) -> Described:
    """The labelled places of the playbook (the template's labels), by ``#label``."""
    playbook = words.playbook
    yield "#ladder", words.t("ladder")
    if playbook.prevention is not None:
        yield "#prevention", words.local(playbook.prevention.title) or words.t("prevention_heading")
    for ladder in playbook.ladders:
        yield f"#ladder-{ladder.id}", ladder_words.ladder_name(ladder, words.language)
        for number, stage in enumerate(playbook.stages_of(ladder), 1):
            yield f"#stage-{stage.id}", f"{number}. {words.local(stage.title)}"
    for label, word in (
        ("guardians", "guardians"),
        ("contacts", "contacts"),
        ("services", "services"),
        ("national", "national_model"),
        ("glossary", "glossary"),
    ):
        yield f"#{label}", words.t(word)
