"""Finnish messages (suomeksi): the same keys and parameters as :mod:`generator.messages.en`.

Plain Finnish for the people who write playbooks: each message says what to write instead.
"""

from __future__ import annotations

from typing import Final

_SYNTAX_HINT = "(tarkista sisennykset ja että teksti, jossa on ':' tai '#', on lainausmerkeissä)"

MESSAGES: Final[dict[str, str]] = {
    "empty-file": "tiedosto on tyhjä; pelisäännöt alkavat rivillä 'schema_version: 1' "
    "(täydellinen esimerkki on tiedostossa playbooks/rantala.yml)",
    "file-too-large": "tiedoston koko on {size} Mt; pelisääntötiedosto saa olla enintään "
    "{limit} Mt (kokonainen tiedosto on noin 20 kt)",
    "file-unreadable": "tiedostoa ei voi lukea: {reason}",
    "not-utf8": "tiedosto ei ole UTF-8-tekstiä (tässä kohdassa tavu 0x{byte}); tallenna se "
    "editorissa UTF-8-muodossa ('Tallenna nimellä' > merkistö UTF-8)",
    "playbook-not-found": "tästä ei löydy pelisääntöjä; pelisäännöt ovat kansiossa {folder}/ "
    "(anna tunnus, esim. 'sky build rantala', tai tiedoston polku)",
    "yaml-syntax": f"tiedosto ei ole kelvollista YAMLia {_SYNTAX_HINT}",
    "yaml-syntax.detail": f"tiedosto ei ole kelvollista YAMLia: {{detail}} {_SYNTAX_HINT}",
    "yaml-syntax.unmarked": "tiedosto ei ole kelvollista YAMLia: {detail}",
    "yaml-syntax.documents": "tiedostossa on useita YAML-dokumentteja (erottimena '---'); "
    "kirjoita yhteen tiedostoon vain yhdet pelisäännöt",
    "yaml-syntax.key": "avaimen on oltava pelkkä nimi, esim. 'name:'",
    "yaml-tab": "sisennyksessä on sarkainmerkki; YAML sallii vain välilyönnit (aseta editori "
    "lisäämään välilyöntejä, kun painat sarkainnäppäintä)",
    "yaml-alias": "ankkurit ja viittaukset (&nimi, *nimi) eivät ole sallittuja; kirjoita arvo "
    "kokonaan auki",
    "yaml-merge-key": "yhdistämisavaimet ('<<:') eivät ole sallittuja; kirjoita avaimet auki",
    "duplicate-key": "avain '{key}' on kirjoitettu kahdesti (ensin rivillä {first}, uudelleen "
    "tässä); jätä vain toinen",
    "missing-key": "pakollinen avain '{key}' puuttuu; lisää tähän '{key}:'",
    "unknown-key": "tuntematon avain '{key}'",
    "unknown-key.suggest": "tuntematon avain '{key}'; tarkoititko '{suggestion}'?",
    "unknown-key.allowed": "tuntematon avain '{key}'; tässä sallitut avaimet ovat: {allowed}",
    "invalid-value.top-level": "tiedoston ylimmällä tasolla pitää olla pelisääntöjen avaimet "
    "(schema_version:, municipality:, ...), nyt siellä on {found}",
    "invalid-value.expected": "kirjoita tähän {expected} (nyt: {found})",
    "invalid-value.comma-decimal": "kirjoita luku desimaalipisteellä, esim. {fixed} (nyt: '{got}')",
    "invalid-value.list": "kirjoita tähän luettelo (jokainen kohta omalle rivilleen, alkuun "
    "'- ') (nyt: {found})",
    "invalid-value.text": "kirjoita tähän teksti (nyt: {found})",
    "invalid-value.number": "kirjoita luku, esim. 30 tai 12.5 (desimaalipisteellä) (nyt: {found})",
    "invalid-value.whole-number": "kirjoita kokonaisluku, esim. 3 (nyt: {found})",
    "invalid-value.date": "kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-01 "
    "(nyt: {found})",
    "invalid-value.choice": "kirjoita jokin näistä: {choices} (nyt: {found})",
    "invalid-value.minimum": "arvon on oltava vähintään {bound} (nyt: {found})",
    "invalid-value.maximum": "arvon on oltava enintään {bound} (nyt: {found})",
    "invalid-value.empty-list": "ei saa olla tyhjä; kirjoita vähintään yksi kohta",
    "invalid-value.empty": "ei saa olla tyhjä",
    "invalid-value.too-many": "liian monta kohtaa: enintään {limit}",
    "invalid-value.other": "virheellinen arvo: {detail}",
    "invalid-value.slug": "kirjoita tunnus pienillä kirjaimilla a–z, numeroilla ja "
    "väliviivoilla '-', esim. 'rantala' (nyt: '{got}')",
    "invalid-value.identifier": "kirjoita tunnus pienillä kirjaimilla a–z, numeroilla ja "
    "merkeillä '_' tai '-', esim. 'keskuskoulu' (nyt: '{got}')",
    "invalid-value.phone": "kirjoita puhelinnumero kansainvälisessä muodossa, esim. "
    "'+358 40 123 4567' (nyt: '{got}')",
    "invalid-value.email": "kirjoita sähköpostiosoite, esim. 'kuraattori@kunta.fi' (nyt: '{got}')",
    "invalid-value.url": "kirjoita verkko-osoite, joka alkaa 'https://' (nyt: '{got}')",
    "invalid-value.color": "kirjoita väri muodossa '#0b5394' (nyt: '{got}')",
    "invalid-value.code": "kirjoita kolme numeroa, esim. '091' (nyt: '{got}')",
    "invalid-value.criterion": "kirjoita WCAG-onnistumiskriteerin numero, esim. '1.4.3' "
    "(nyt: '{got}')",
    "invalid-value.schema_version": "kirjoita 1 (pelisääntöjen ainoa muoto toistaiseksi) "
    "(nyt: '{got}')",
    "invalid-value.languages": "kukin kieli saa olla luettelossa vain kerran (nyt: {got})",
    "invalid-value.threshold": "kirjoita tähän joko 'hours:' tai 'percent:', ei molempia",
    "invalid-value.contact": "yhteystiedossa on oltava 'phone:' tai 'email:' (tai molemmat)",
    "invalid-value.grades": "ensimmäinen vuosiluokka ei voi olla viimeistä suurempi "
    "(nyt: [{first}, {last}])",
    "reserved-slug": "'{slug}' on varattu valtakunnalliselle portaalille; käytä tunnuksena "
    "kunnan nimeä, esim. 'rantala'",
    "slug-mismatch": "tunnuksen '{slug}' on oltava sama kuin tiedoston nimi '{stem}' (nimeä "
    "tiedosto {slug}.yml tai kirjoita slug: {stem})",
    "unknown-role": "tuntematon rooli '{role}'; käytä kansallista roolia (ks. opas) tai "
    "määrittele rooli kohdassa 'roles:'",
    "unknown-role.suggest": "tuntematon rooli '{role}'; tarkoititko '{suggestion}'? Käytä "
    "kansallista roolia (ks. opas) tai määrittele rooli kohdassa 'roles:'",
    "duplicate-id": "tunnus '{id}' on jo käytössä kohdassa {other}; jokaisen tunnuksen on "
    "oltava eri",
    "duplicate-id.national": "'{id}' on jo kansallinen rooli; poista se kohdasta 'roles:' tai "
    "anna paikalliselle roolille toinen tunnus",
    "duplicate-version": "versio '{version}' on jo käytössä kohdassa {other}; anna jokaiselle "
    "versiolle oma numero",
    "unknown-school.suggest": "millään koululla ei ole tunnusta '{school}'; tarkoititko "
    "'{suggestion}'?",
    "unknown-school.list": "millään koululla ei ole tunnusta '{school}'; koulujen tunnukset "
    "ovat: {schools}",
    "unknown-school.none": "millään koululla ei ole tunnusta '{school}'; näissä pelisäännöissä "
    "ei ole 'schools:'-luetteloa",
    "contact-missing": "rooli '{role}' toimii tässä vaiheessa, mutta sillä ei ole "
    "yhteystietoa; lisää kohtaan 'contacts:' yhteystieto, jossa on 'role: {role}'",
    "contact-missing.schools": "rooli '{role}' toimii tässä vaiheessa, mutta sillä ei ole "
    "yhteystietoa kouluille {schools}; lisää kohtaan 'contacts:' yhteystieto, jossa on "
    "'role: {role}'",
    "unit-mismatch": "tämä raja on kirjoitettu avaimella '{found}:', mutta monitoring.unit on "
    "'{unit}'; kirjoita tähän '{unit}:' tai muuta monitoring.unit",
    "threshold-order": "raja {amount} ei ole suurempi kuin edellisen portaan raja {previous} "
    "(stages[{index}], {kind}); rajojen on noustava portaalta toiselle",
    "threshold-order.group": "raja ({group}) {amount} ei ole suurempi kuin edellisen portaan "
    "raja {previous} (stages[{index}], {kind}); rajojen on noustava portaalta toiselle",
    "tier-decreases": "sky_tier laskee tasolta {previous} tasolle {tier}; portaalta toiselle "
    "tason on pysyttävä samana tai noustava",
    "tier-3-missing": "mikään porras ei ole tasoa sky_tier 3; viimeisen portaan pitäisi olla "
    "tasoa 3 (koordinoitu, monialainen tuki)",
    "leave-order": "{days} päivää ei ole enemmän kuin edellisen säännön {previous}; kirjoita "
    "vapaasäännöt lyhimmästä pisimpään",
    "leave-order.last": "vain viimeisestä vapaasäännöstä voi jättää pois 'up_to_days:'",
    "date-order": "pelisäännöt tulevat voimaan ({effective}) ennen kuin ne on hyväksytty "
    "({approved}); tarkista molemmat päivämäärät",
    "date-order.statement": "seloste on päivitetty ({updated}) ennen kuin saavutettavuus "
    "arvioitiin ({assessed}); tarkista molemmat päivämäärät",
    "history-order": "tämä versio tuli voimaan {date}, ei ennen sitä seuraavaa versiota "
    "({newer}, {newer_date}); luettele aiemmat versiot uusimmasta vanhimpaan",
    "date-in-future": "saavutettavuuden arviointipäivä {date} on tulevaisuudessa; kirjoita "
    "päivä, jolloin arvio todella tehtiin",
    "statement-old": "saavutettavuus arvioitiin {date}, yli vuosi sitten; tarkista seloste "
    "vähintään kerran vuodessa ja päivitä päivämäärä",
    "missing-translation": "{language} teksti puuttuu; lisää '{code}: ...' (pelisääntöjen "
    "kielet ovat {languages})",
    "placeholder": "tekstissä on vielä merkintä '{placeholder}'; kirjoita sen paikalle valmis "
    "teksti",
    "color-contrast": "valkoisen otsikkotekstin kontrasti värin '{color}' päällä on {ratio}:1; "
    "sen on oltava vähintään {minimum}:1 (WCAG 1.4.3): valitse tummempi väri",
    "logo-missing.outside": "logotiedoston on oltava pelisääntötiedoston kansiossa tai sen "
    "alikansiossa",
    "logo-missing.kind": "logon on oltava .svg- tai .png-tiedosto (nyt: '{logo}')",
    "logo-missing.absent": "tiedostoa '{logo}' ei ole pelisääntötiedoston vieressä",
    "content-missing-page": "tältä sivulta puuttuu vastine kielellä '{language}'; kirjoita {path}",
    "content-template": "tuntematon malliarvo '{value}'; sivulla voi käyttää arvoja: {allowed}",
    "site-build": "sivuston rakentaminen ei onnistunut (MkDocs): {detail}",
    "broken-link": "linkitettyä sivua tai tiedostoa ei ole",
    "broken-anchor": "tällä sivulla ei ole kohtaa, jolla on tämä tunniste",
    "broken-anchor.page": "sivulla {page} ei ole tällaista tunnistetta",
    "outside-site": "linkki vie sivuston kansion ulkopuolelle",
    "third-party-asset": "sivu lataa tämän toiselta palvelimelta; kaikkien skriptien, tyylien, "
    "fonttien ja kuvien on tultava sivustolta itseltään",
    "bad-url.web": "verkko-osoite ei ole oikeassa muodossa",
    "bad-url.mailto": "sähköpostilinkki ei ole oikeassa muodossa",
    "bad-url.tel": "puhelinlinkki ei ole oikeassa muodossa",
    "bad-url.scheme": "linkit, jotka alkavat '{scheme}:', eivät ole sallittuja",
    "insecure-link": "http://-linkki; käytä osoitetta, joka alkaa https://",
    "external-broken": "osoite vastaa {status}; korjaa tai poista linkki",
    "external-unreachable": "osoitteesta ei saatu vastausta ({error}); tarkista osoite selaimella",
    "pdf-render": "{name}: PDF-tiedostoa ei saatu tehtyä virheettä: {detail}",
    "pdf-overflow": "PDF '{title}' ({name}, kieli {language}) vie {pages} sivua pienimmälläkin "
    "kirjasinkoolla ja kahdella palstalla, mutta sen on mahduttava {limit} sivuun; lyhennä "
    "kielen {language} tekstejä: {shorten}",
    "part.found-value": "'{value}'",
    "part.found-mapping": "avaimia (sisennettyjä rivejä)",
    "part.found-list": "luettelo",
    "part.found-nothing": "tyhjä",
    "part.found-single": "yksittäinen arvo",
    "part.expect-local-text": "teksti kummallakin kielellä (fi: ja sv:)",
    "part.expect-grade-split": "luku kummallekin vuosiluokkaryhmälle (grades_1_6: ja grades_7_9:)",
    "part.expect-keys": "avaimet omille riveilleen (kuten 'avain: arvo')",
    "part.expect-number": "luku",
    "part.expect-whole-number": "kokonaisluku",
    "part.expect-list": "luettelo",
    "part.expect-nothing": "ei mitään",
    "part.expect-text": "teksti",
    "part.language-fi": "suomenkielinen",
    "part.language-sv": "ruotsinkielinen",
    "part.absences-all": "kaikki poissaolot",
    "part.absences-unauthorised": "luvattomat poissaolot",
    "part.shorten-leaflet": "guardians.report_absence, guardians.leave_instructions, "
    "portaiden kuvaukset tai toimien tekstit",
    "part.shorten-card": "toimien tekstit, portaiden 'record'-tekstit tai yhteystietojen määrä",
    "new.written": "Kirjoitettu {path}: pelisääntöjen pohja täytettäväksi.",
    "new.next": "Seuraavaksi:\n"
    "  1. Avaa {path} editorissa ja korvaa jokainen TODO omalla tekstillänne; "
    "kommentit kertovat, mitä kuhunkin kohtaan kirjoitetaan.\n"
    "  2. sky check {slug}    näyttää, mitä on vielä tekemättä\n"
    "  3. sky serve {slug}    näyttää sivuston osoitteessa http://127.0.0.1:8000/{slug}/ "
    "muokatessasi\n"
    "  4. sky build {slug}    julkaisee sivuston kansioon site/{slug}/\n"
    "Opas pelisääntöjen kirjoittajalle: guide/fi/index.md",
    "new.exists": "{path} on jo olemassa; sky new ei koskaan korvaa pelisääntöjä. Muokkaa "
    "sitä tiedostoa tai anna uusille pelisäännöille toinen nimi",
    "new.bad-slug": "'{slug}' ei kelpaa pelisääntöjen nimeksi: käytä pieniä kirjaimia a–z, "
    "numeroita ja väliviivaa '-', esim. 'rantala'",
    "new.missing": "anna {options} (tai aja sky new päätteessä, niin se kysyy)",
    "new.bad-languages": "--languages: kirjoita fi,sv, sv,fi, fi tai sv (nyt: '{got}')",
    "serve.built": "Sivusto {slug} on rakennettu: {url}",
    "serve.failed": "Ei rakennettu uudelleen: korjaa yllä olevat ongelmat ja tallenna uudelleen; "
    "viimeisin toimiva versio näkyy yhä.",
    "serve.watching": "Sivusto rakennetaan uudelleen aina, kun tallennat: {paths}. Lopeta "
    "painamalla Ctrl+C.",
    "serve.port": "sky serve: portti {port} on jo käytössä osoitteessa {host} (onko toinen sky "
    "serve jo käynnissä?); valitse toinen, esim. --port {other}",
    "part.yaml-colon": "kaksoispiste ja välilyönti eivät voi olla tässä tekstissä ilman "
    "lainausmerkkejä",
    "part.yaml-block-mapping": "avaimia luettaessa",
    "part.yaml-expected-key": "seuraava rivi ei ole uusi avain samalla sisennyksellä",
    "part.yaml-block-collection": "luetteloa luettaessa",
    "part.yaml-expected-dash": "luettelon seuraava kohta ei ala merkillä '-'",
    "part.yaml-flow-sequence": "hakasulkeissa [ ] olevaa luetteloa luettaessa",
    "part.yaml-flow-sequence-end": "pilkkua tai loppusuljetta ']' ei löytynyt",
    "part.yaml-flow-mapping": "aaltosulkeissa {{ }} olevia avaimia luettaessa",
    "part.yaml-flow-mapping-end": "pilkkua tai loppusuljetta '}}' ei löytynyt",
    "part.yaml-quoted": "lainausmerkeissä olevaa tekstiä luettaessa",
    "part.yaml-end": "tiedosto loppui ennen loppulainausmerkkiä",
    "part.yaml-simple-key": "avainta luettaessa",
    "part.yaml-expected-colon": "kaksoispistettä ':' ei löytynyt",
    "part.yaml-both": "{context}; {problem}",
    "report.or": "tai",
    "report.warning": "varoitus",
    "report.summary": "virheitä {errors}, varoituksia {warnings}",
    "report.check": "sky check: pelisääntötiedostoja {playbooks}, {summary}",
}
