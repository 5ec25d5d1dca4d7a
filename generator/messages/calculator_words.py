"""The absence calculator's words in Finnish and Swedish: form labels, messages and results.

Results are templates with ``{placeholders}`` that the page's script fills in; everything a
reader sees comes from here, so the script itself holds no text in any language.
"""

from __future__ import annotations

from typing import Final

TEXT: Final[dict[str, dict[str, str]]] = {
    "fi": {
        "title": "Poissaololaskuri",
        "absent_label": "Poissaolotunnit",
        "absent_hint": "Oppilaan poissaolotunnit laskentajaksolla. Desimaalit voit kirjoittaa "
        "pilkulla, esimerkiksi 12,5.",
        "school_label_required": "Koulutunnit samalla jaksolla",
        "school_label_optional": "Koulutunnit samalla jaksolla (vapaaehtoinen)",
        "school_hint_required": "Tunnit, jotka oppilaalla olisi ollut lukujärjestyksen mukaan "
        "samalla jaksolla. Niistä lasketaan poissaolojen osuus.",
        "school_hint_optional": "Tunnit, jotka oppilaalla olisi ollut lukujärjestyksen mukaan "
        "samalla jaksolla. Kun kirjoitat ne, näet poissaolojen osuuden ja kansallisen "
        "SKY-tason.",
        "grades_legend": "Oppilaan vuosiluokka",
        "grades_1_6": "Vuosiluokat 1–6",
        "grades_7_9": "Vuosiluokat 7–9",
        "kind_legend": "Mitä poissaoloja tunnit ovat?",
        "kind_hint": "Luvattomille poissaoloille on omat portaansa.",
        "kind_all": "Kaikki poissaolot",
        "kind_unauthorised": "Luvattomat poissaolot",
        "submit": "Laske",
        "absent.empty": "Kirjoita poissaolotunnit, esimerkiksi 12 tai 12,5.",
        "absent.not_number": "Kirjoita poissaolotunnit numeroina, esimerkiksi 12 tai 12,5.",
        "absent.negative": "Poissaolotunnit eivät voi olla negatiivisia.",
        "absent.too_precise": "Kirjoita enintään kaksi desimaalia, esimerkiksi 12,25.",
        "absent.too_large": "Tarkista poissaolotunnit: luku on liian suuri (enintään 10 000).",
        "absent.more_than_school": "Poissaolotunteja ei voi olla enemmän kuin koulutunteja.",
        "school.empty": "Kirjoita koulutunnit, esimerkiksi 240.",
        "school.not_number": "Kirjoita koulutunnit numeroina, esimerkiksi 240 tai 240,5.",
        "school.negative": "Koulutunnit eivät voi olla negatiivisia.",
        "school.too_precise": "Kirjoita enintään kaksi desimaalia, esimerkiksi 240,25.",
        "school.too_large": "Tarkista koulutunnit: luku on liian suuri (enintään 10 000).",
        "school.zero": "Koulutunteja pitää olla enemmän kuin 0.",
        "grades.missing": "Valitse oppilaan vuosiluokka.",
        "check_fields": "Laskuri ei voi laskea vielä. Tarkista merkityt kohdat.",
        "percent": "Poissaoloja on {percent} % koulutunneista.",
        "stage": "Porras nyt: {number}. {title}",
        "stage_from_first": "Tämä porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
        "no_stage": "Mikään porras ei ole vielä alkanut. Huolen voi ottaa puheeksi heti, jos "
        "poissaolot huolestuttavat.",
        "next_stage": "Seuraava porras: {number}. {title}",
        "next_hours": "Seuraavaan portaaseen on {hours} tuntia.",
        "next_hour": "Seuraavaan portaaseen on {hours} tunti.",
        "next_points": "Seuraavaan portaaseen on {points} prosenttiyksikköä, eli noin {hours} "
        "tuntia, jos koulutunnit pysyvät samoina.",
        "next_from_first": "Seuraava porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
        "last_stage": "Tämä on portaiden viimeinen porras.",
        "tier": "Kansallinen SKY-malli: taso {tier} ({band}).",
        "tier_band_1": "5–9 % koulun ajasta",
        "tier_band_2": "10–20 % koulun ajasta",
        "tier_band_3": "yli 20 % koulun ajasta",
        "tier_none": "Kansallinen SKY-malli: poissaoloja on alle 5 % koulun ajasta. Tason 1 "
        "ennaltaehkäisevä työ koskee kaikkia oppilaita.",
        "tier_unknown": "Kansallisen SKY-tason näet, kun kirjoitat myös koulutunnit.",
        "tier_all_only": "Kansallinen SKY-taso lasketaan kaikista poissaoloista. Valitse "
        "kaikki poissaolot, niin näet sen.",
        "tier_link": "Mitä taso {tier} tarkoittaa",
        "details_heading": "Mitä portaalla tehdään: {title}",
        "record": "Mitä kirjataan",
        "stage_link": "Porras kokonaan",
    },
    "sv": {
        "title": "Frånvaroräknare",
        "absent_label": "Frånvarotimmar",
        "absent_hint": "Elevens frånvarotimmar under perioden som räknas. Decimaler kan du "
        "skriva med komma, till exempel 12,5.",
        "school_label_required": "Skoltimmar under samma period",
        "school_label_optional": "Skoltimmar under samma period (frivilligt)",
        "school_hint_required": "De timmar eleven skulle ha haft enligt läsordningen under "
        "samma period. Av dem räknas frånvarons andel.",
        "school_hint_optional": "De timmar eleven skulle ha haft enligt läsordningen under "
        "samma period. När du fyller i dem ser du frånvarons andel och nivån i SKY-modellen.",
        "grades_legend": "Elevens årskurs",
        "grades_1_6": "Årskurs 1–6",
        "grades_7_9": "Årskurs 7–9",
        "kind_legend": "Vilken frånvaro gäller timmarna?",
        "kind_hint": "Olovlig frånvaro har en egen trappa.",
        "kind_all": "All frånvaro",
        "kind_unauthorised": "Olovlig frånvaro",
        "submit": "Räkna",
        "absent.empty": "Skriv frånvarotimmarna, till exempel 12 eller 12,5.",
        "absent.not_number": "Skriv frånvarotimmarna med siffror, till exempel 12 eller 12,5.",
        "absent.negative": "Frånvarotimmarna kan inte vara negativa.",
        "absent.too_precise": "Skriv högst två decimaler, till exempel 12,25.",
        "absent.too_large": "Kontrollera frånvarotimmarna: talet är för stort (högst 10 000).",
        "absent.more_than_school": "Frånvarotimmarna kan inte vara fler än skoltimmarna.",
        "school.empty": "Skriv skoltimmarna, till exempel 240.",
        "school.not_number": "Skriv skoltimmarna med siffror, till exempel 240 eller 240,5.",
        "school.negative": "Skoltimmarna kan inte vara negativa.",
        "school.too_precise": "Skriv högst två decimaler, till exempel 240,25.",
        "school.too_large": "Kontrollera skoltimmarna: talet är för stort (högst 10 000).",
        "school.zero": "Skoltimmarna måste vara fler än 0.",
        "grades.missing": "Välj elevens årskurs.",
        "check_fields": "Räknaren kan inte räkna ännu. Kontrollera de markerade fälten.",
        "percent": "Frånvaron är {percent} % av skoltimmarna.",
        "stage": "Steget nu: {number}. {title}",
        "stage_from_first": "Det här steget börjar från den första oroväckande frånvaron.",
        "no_stage": "Inget steg har börjat ännu. Du kan ta upp oron genast om frånvaron oroar dig.",
        "next_stage": "Nästa steg: {number}. {title}",
        "next_hours": "Det saknas {hours} timmar till nästa steg.",
        "next_hour": "Det saknas {hours} timme till nästa steg.",
        "next_points": "Det saknas {points} procentenheter till nästa steg, alltså cirka "
        "{hours} timmar om skoltimmarna är desamma.",
        "next_from_first": "Nästa steg börjar från den första oroväckande frånvaron.",
        "last_stage": "Det här är trappans sista steg.",
        "tier": "Den nationella SKY-modellen: nivå {tier} ({band}).",
        "tier_band_1": "5–9 % av skoltiden",
        "tier_band_2": "10–20 % av skoltiden",
        "tier_band_3": "över 20 % av skoltiden",
        "tier_none": "Den nationella SKY-modellen: frånvaron är under 5 % av skoltiden. Det "
        "förebyggande arbetet på nivå 1 gäller alla elever.",
        "tier_unknown": "Nivån i SKY-modellen ser du när du också fyller i skoltimmarna.",
        "tier_all_only": "Nivån i SKY-modellen räknas på all frånvaro. Välj all frånvaro så "
        "ser du den.",
        "tier_link": "Vad nivå {tier} betyder",
        "details_heading": "Vad som görs i steget: {title}",
        "record": "Vad som dokumenteras",
        "stage_link": "Hela steget",
    },
}


def text(language: str, key: str) -> str:
    return TEXT[language][key]
