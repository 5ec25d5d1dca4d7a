"""The words of the printed documents in Finnish and Swedish, beside those in :mod:`i18n`.

The national model's summary is written from the model's fixed facts (three tiers, the share of
school time that marks each, what the school does there), not from the national pages, so that
the print stays right while those pages are edited.
"""

from __future__ import annotations

from typing import Final

PRINT_UI: Final[dict[str, dict[str, str]]] = {
    "fi": {
        "contents": "Sisällys",
        "ladder_intro": "Portaat kertovat, mitä koulussa tehdään, kun oppilaan poissaoloja "
        "kertyy. Jokaisella portaalla on raja, vastuuhenkilöt ja määräajat sekä kansallisen "
        "SKY-mallin taso.",
        "stage_contacts": "Keitä konsultoidaan",
        "counted": "Lasketaan",
        "report": "Poissaolosta ilmoittaminen",
        "leave": "Vapaan hakeminen",
        "school_does": "Mitä koulu tekee, jos poissaoloja kertyy",
        "school_does_intro": "Koulu seuraa poissaoloja ({system}). Kun raja ylittyy, koulu "
        "toimii näiden portaiden mukaan. Sinut kutsutaan mukaan jo ensimmäisellä portaalla.",
        "whom_to_call": "Keneen voit ottaa yhteyttä",
        "involved": "Mukana",
        "national_intro": "Sitouttava kouluyhteisötyö (SKY) on kansallinen toimintamalli, "
        "jolla perusopetuksessa ennaltaehkäistään oppilaiden poissaoloja, seurataan niitä ja "
        "puututaan niihin. Perusopetuslain 26 §:n mukaan opetuksen järjestäjän on tehtävä "
        "tämä suunnitelmallisesti 1.8.2023 alkaen. Nämä pelisäännöt ovat opetuksen "
        "järjestäjän suunnitelma.",
        "national_tiers": "Mallissa on kolme tasoa. Taso riippuu siitä, kuinka suuren osan "
        "kouluajasta oppilas on ollut poissa. Tason 1 käytännöt koskevat jokaista oppilasta. "
        "Kunta päättää omat rajansa: tämän kunnan rajat ovat puuttumisen portaissa.",
        "tier_band": "Poissa kouluajasta",
        "tier_school_does": "Mitä koulu tekee",
        "tier_1_name": "Ennaltaehkäisy kaikille",
        "tier_2_name": "Varhainen, henkilökohtainen puuttuminen",
        "tier_3_name": "Koordinoitu ja intensiivinen tuki",
        "tier_1_band": "5–9 %",
        "tier_2_band": "10–20 %",
        "tier_3_band": "yli 20 %",
        "tier_1_does": "Hyväksyvä kouluilmapiiri, hyvät suhteet oppilaisiin ja huoltajiin, "
        "poissaolojen seuranta ja läsnäolon myönteinen huomioiminen.",
        "tier_2_does": "Henkilökohtainen varhainen puuttuminen, taustasyiden selvittäminen, "
        "toimintasuunnitelma ja oma tukihenkilö koulussa.",
        "tier_3_does": "Koulun ja koulun ulkopuolisten toimijoiden koordinoitu yhteistyö sekä "
        "pedagogiset erityisjärjestelyt.",
        "glossary_intro": "Suluissa on termi ruotsiksi ja englanniksi.",
        "in_brief": "Lyhyesti",
        "brief_report": "Ilmoita lapsesi poissaolosta koululle heti ensimmäisenä poissaolopäivänä.",
        "brief_leave": "Hae vapaata koululta etukäteen. Huoltaja ei voi itse antaa vapaata.",
        "brief_school": "Jos poissaoloja kertyy, koulu ottaa sinuun yhteyttä. Syitä "
        "mietitään yhdessä lapsen kanssa.",
        "brief_help": "Apua saa koulusta ja koulun ulkopuolelta.",
        "online": "Verkossa",
        "online_text": "Pelisäännöt kokonaisuudessaan ja ajantasaiset yhteystiedot:",
        "qr_alt": "QR-koodi, joka avaa osoitteen {url}",
        "what_now": "Mitä teen nyt?",
        "what_now_1": "Katso oppilaan poissaolot: {system}.",
        "what_now_2": "Etsi viimeisin porras, jonka raja on ylittynyt.",
        "what_now_3": "Tee portaan tehtävät määräajassa.",
        "what_now_4": "Kirjaa tehdyt toimet portaan ohjeen mukaan.",
        "what_now_always": "Huoli saa ja pitää ottaa puheeksi heti, vaikka raja ei olisi "
        "vielä ylittynyt.",
        "at_a_glance": "Portaat yhdellä silmäyksellä",
        "consult": "Keitä konsultoin",
        "record_where": "Mihin kirjaan",
        "record_system": "Kirjaa poissaolot ja toimet: {system}. Mitä kullakin portaalla "
        "kirjataan, kerrotaan portaan kohdassa Mitä kirjataan.",
        "version_line": "Versio {version}, voimassa {date} alkaen",
    },
    "sv": {
        "contents": "Innehåll",
        "ladder_intro": "Trappan visar vad skolan gör när en elevs frånvaro ökar. Varje steg "
        "har en gräns, ansvariga personer och tidsfrister samt en nivå i den nationella "
        "SKY-modellen.",
        "stage_contacts": "Vem som konsulteras",
        "counted": "Räknas",
        "report": "Så meddelar du frånvaro",
        "leave": "Så anhåller du om ledighet",
        "school_does": "Vad skolan gör om frånvaron ökar",
        "school_does_intro": "Skolan följer upp frånvaron ({system}). När en gräns överskrids "
        "följer skolan stegen nedan. Du bjuds in att delta redan i det första steget.",
        "whom_to_call": "Vem kan du kontakta",
        "involved": "Med i arbetet",
        "national_intro": "Engagerande skolgemenskapsarbete (SKY) är den nationella modellen "
        "för att förebygga, följa upp och ingripa i elevernas frånvaro i den grundläggande "
        "utbildningen. Enligt 26 § i lagen om grundläggande utbildning ska "
        "utbildningsanordnaren sedan 1.8.2023 göra det enligt en plan. De här spelreglerna är "
        "utbildningsanordnarens plan.",
        "national_tiers": "Modellen har tre nivåer. Nivån beror på hur stor del av skoltiden "
        "eleven har varit borta. Det som görs på nivå 1 gäller alla elever. Kommunen "
        "bestämmer själv sina gränser: gränserna i den här kommunen finns i trappan för "
        "ingripande.",
        "tier_band": "Frånvaro av skoltiden",
        "tier_school_does": "Vad skolan gör",
        "tier_1_name": "Förebyggande för alla",
        "tier_2_name": "Tidigt, personligt ingripande",
        "tier_3_name": "Samordnat, intensivt stöd",
        "tier_1_band": "5–9 %",
        "tier_2_band": "10–20 %",
        "tier_3_band": "över 20 %",
        "tier_1_does": "Ett välkomnande skolklimat, goda relationer till elever och "
        "vårdnadshavare, uppföljning av frånvaron och att närvaron uppmärksammas positivt.",
        "tier_2_does": "Personligt, tidigt ingripande: orsakerna reds ut, en handlingsplan "
        "görs och eleven får en stödperson i skolan.",
        "tier_3_does": "Skolan och aktörer utanför skolan arbetar samordnat, och skolgången "
        "ordnas med särskilda pedagogiska arrangemang.",
        "glossary_intro": "Inom parentes står termen på finska och engelska.",
        "in_brief": "I korthet",
        "brief_report": "Meddela skolan om ditt barns frånvaro redan den första frånvarodagen.",
        "brief_leave": "Anhåll om ledighet hos skolan på förhand. Vårdnadshavaren kan inte "
        "själv bevilja ledighet.",
        "brief_school": "Om frånvaron ökar tar skolan kontakt med dig. Orsakerna utreds "
        "tillsammans med barnet.",
        "brief_help": "Du kan få hjälp i skolan och utanför skolan.",
        "online": "På webben",
        "online_text": "Hela spelreglerna och aktuella kontaktuppgifter:",
        "qr_alt": "QR-kod som öppnar adressen {url}",
        "what_now": "Vad gör jag nu?",
        "what_now_1": "Kontrollera elevens frånvaro i {system}.",
        "what_now_2": "Leta upp det senaste steget vars gräns har överskridits.",
        "what_now_3": "Gör stegets uppgifter inom tidsfristen.",
        "what_now_4": "Dokumentera åtgärderna enligt anvisningen för steget.",
        "what_now_always": "Du får och ska ta upp oron genast, också om gränsen ännu inte har "
        "överskridits.",
        "at_a_glance": "Stegen i korthet",
        "consult": "Vem konsulterar jag",
        "record_where": "Var dokumenterar jag",
        "record_system": "Anteckna frånvaron och åtgärderna i {system}. Vad som ska "
        "dokumenteras i varje steg står under Vad som dokumenteras.",
        "version_line": "Version {version}, gäller från {date}",
    },
}


def print_text(language: str, key: str) -> str:
    return PRINT_UI[language][key]
