"""Swedish messages (på finlandssvenska): the same keys as :mod:`generator.messages.en`.

Plain Finland-Swedish for the people who write playbooks: each message says what to write.
"""

from __future__ import annotations

from typing import Final

_SYNTAX_HINT = (
    "(kontrollera indragningarna och att en text med ':' eller '#' står inom citattecken)"
)

MESSAGES: Final[dict[str, str]] = {
    "empty-file": "filen är tom; spelreglerna börjar med raden 'schema_version: 1' (ett "
    "fullständigt exempel finns i filen playbooks/rantala.yml)",
    "file-too-large": "filen är {size} MB; en spelregelfil får vara högst {limit} MB (en "
    "fullständig fil är ungefär 20 kB)",
    "file-unreadable": "filen kan inte läsas: {reason}",
    "not-utf8": "filen är inte UTF-8-text (byte 0x{byte} här); spara den som UTF-8 i din "
    "editor ('Spara som' > teckenkodning UTF-8)",
    "playbook-not-found": "här finns inga spelregler; spelreglerna finns i mappen {folder}/ "
    "(ange kortnamnet, t.ex. 'sky build rantala', eller en sökväg)",
    "yaml-syntax": f"filen är inte giltig YAML {_SYNTAX_HINT}",
    "yaml-syntax.detail": f"filen är inte giltig YAML: {{detail}} {_SYNTAX_HINT}",
    "yaml-syntax.unmarked": "filen är inte giltig YAML: {detail}",
    "yaml-syntax.documents": "filen innehåller flera YAML-dokument (åtskilda med '---'); skriv "
    "bara en uppsättning spelregler i varje fil",
    "yaml-syntax.key": "en nyckel måste vara ett enkelt namn, t.ex. 'name:'",
    "yaml-tab": "ett tabbtecken används för indragning; YAML tillåter bara mellanslag (ställ in "
    "din editor så att tabbtangenten ger mellanslag)",
    "yaml-alias": "ankare och alias (&namn, *namn) är inte tillåtna; skriv ut värdet i sin helhet",
    "yaml-merge-key": "sammanslagningsnycklar ('<<:') är inte tillåtna; skriv ut nycklarna",
    "duplicate-key": "nyckeln '{key}' står två gånger (först på rad {first}, igen här); behåll "
    "en av dem",
    "missing-key": "den obligatoriska nyckeln '{key}' saknas; lägg till '{key}:' här",
    "unknown-key": "okänd nyckel '{key}'",
    "unknown-key.suggest": "okänd nyckel '{key}'; menade du '{suggestion}'?",
    "unknown-key.allowed": "okänd nyckel '{key}'; de nycklar som är tillåtna här är: {allowed}",
    "invalid-value.top-level": "på filens översta nivå ska spelreglernas nycklar stå "
    "(schema_version:, municipality:, ...), nu står där {found}",
    "invalid-value.expected": "skriv här {expected} (nu: {found})",
    "invalid-value.comma-decimal": "skriv talet med decimalpunkt, t.ex. {fixed} (nu: '{got}')",
    "invalid-value.list": "skriv här en lista (varje punkt på en egen rad som börjar med "
    "'- ') (nu: {found})",
    "invalid-value.text": "skriv här en text (nu: {found})",
    "invalid-value.number": "skriv ett tal, t.ex. 30 eller 12.5 (med punkt) (nu: {found})",
    "invalid-value.whole-number": "skriv ett heltal, t.ex. 3 (nu: {found})",
    "invalid-value.date": "skriv datumet i formen ÅÅÅÅ-MM-DD, t.ex. 2026-08-01 (nu: {found})",
    "invalid-value.choice": "skriv ett av följande: {choices} (nu: {found})",
    "invalid-value.minimum": "värdet måste vara minst {bound} (nu: {found})",
    "invalid-value.maximum": "värdet får vara högst {bound} (nu: {found})",
    "invalid-value.empty-list": "får inte vara tom; skriv minst en punkt",
    "invalid-value.empty": "får inte vara tomt",
    "invalid-value.too-many": "för många punkter: högst {limit}",
    "invalid-value.other": "felaktigt värde: {detail}",
    "invalid-value.slug": "skriv kortnamnet med små bokstäver a–z, siffror och '-', t.ex. "
    "'rantala' (nu: '{got}')",
    "invalid-value.identifier": "skriv id:t med små bokstäver a–z, siffror, '_' eller '-', "
    "t.ex. 'keskuskoulu' (nu: '{got}')",
    "invalid-value.phone": "skriv telefonnumret i internationell form, t.ex. "
    "'+358 40 123 4567' (nu: '{got}')",
    "invalid-value.email": "skriv en e-postadress, t.ex. 'kurator@kommun.fi' (nu: '{got}')",
    "invalid-value.url": "skriv en webbadress som börjar med 'https://' (nu: '{got}')",
    "invalid-value.color": "skriv färgen i formen '#0b5394' (nu: '{got}')",
    "invalid-value.code": "skriv tre siffror, t.ex. '091' (nu: '{got}')",
    "invalid-value.criterion": "skriv numret på ett framgångskriterium i WCAG, t.ex. '1.4.3' "
    "(nu: '{got}')",
    "invalid-value.schema_version": "skriv 1 (det enda formatet för spelregler hittills) "
    "(nu: '{got}')",
    "invalid-value.languages": "varje språk får stå i listan bara en gång (nu: {got})",
    "invalid-value.threshold": "skriv här antingen 'hours:' eller 'percent:', inte båda",
    "invalid-value.contact": "en kontakt behöver 'phone:' eller 'email:' (eller båda)",
    "invalid-value.grades": "den första årskursen får inte vara högre än den sista "
    "(nu: [{first}, {last}])",
    "reserved-slug": "'{slug}' är reserverat för den nationella portalen; använd kommunens "
    "namn som kortnamn, t.ex. 'rantala'",
    "slug-mismatch": "kortnamnet '{slug}' måste vara detsamma som filens namn '{stem}' (byt "
    "namn på filen till {slug}.yml eller skriv slug: {stem})",
    "unknown-role": "okänd roll '{role}'; använd en nationell roll (se handledningen) eller "
    "beskriv rollen under 'roles:'",
    "unknown-role.suggest": "okänd roll '{role}'; menade du '{suggestion}'? Använd en "
    "nationell roll (se handledningen) eller beskriv rollen under 'roles:'",
    "duplicate-id": "id:t '{id}' används redan av {other}; varje id måste vara unikt",
    "duplicate-id.national": "'{id}' är redan en nationell roll; ta bort den från 'roles:' "
    "eller ge den lokala rollen ett annat id",
    "duplicate-version": "versionen '{version}' används redan av {other}; varje version ska ha "
    "ett eget nummer",
    "unknown-school.suggest": "ingen skola har id:t '{school}'; menade du '{suggestion}'?",
    "unknown-school.list": "ingen skola har id:t '{school}'; skolornas id är: {schools}",
    "unknown-school.none": "ingen skola har id:t '{school}'; de här spelreglerna har ingen "
    "lista 'schools:'",
    "contact-missing": "rollen '{role}' agerar i det här steget men har ingen kontakt; lägg "
    "till en kontakt med 'role: {role}' under 'contacts:'",
    "contact-missing.schools": "rollen '{role}' agerar i det här steget men har ingen kontakt "
    "för skolan eller skolorna {schools}; lägg till en kontakt med 'role: {role}' under "
    "'contacts:'",
    "unit-mismatch": "den här gränsen är skriven med '{found}:' men monitoring.unit är "
    "'{unit}'; skriv '{unit}:' här eller ändra monitoring.unit",
    "threshold-order": "gränsen {amount} är inte högre än föregående stegs {previous} "
    "(stages[{index}], {kind}); gränserna ska stiga längs trappan",
    "threshold-order.group": "gränsen ({group}) {amount} är inte högre än föregående stegs "
    "{previous} (stages[{index}], {kind}); gränserna ska stiga längs trappan",
    "tier-decreases": "sky_tier sjunker från {previous} till {tier}; längs trappan får nivån "
    "stå kvar eller stiga, aldrig sjunka",
    "tier-3-missing": "inget steg når sky_tier 3; trappans sista steg bör vara på nivå 3 "
    "(samordnat, sektorsövergripande stöd)",
    "leave-order": "{days} dagar är inte fler än föregående regels {previous}; skriv reglerna "
    "för ledighet från den kortaste till den längsta",
    "leave-order.last": "bara den sista regeln för ledighet får lämna bort 'up_to_days:'",
    "date-order": "spelreglerna träder i kraft ({effective}) innan de har godkänts "
    "({approved}); kontrollera båda datumen",
    "date-order.statement": "utlåtandet är uppdaterat ({updated}) innan tillgängligheten "
    "bedömdes ({assessed}); kontrollera båda datumen",
    "history-order": "den här versionen trädde i kraft {date}, inte före versionen efter den "
    "({newer}, {newer_date}); räkna upp tidigare versioner från den nyaste till den äldsta",
    "date-in-future": "datumet för tillgänglighetsbedömningen {date} ligger i framtiden; skriv "
    "det datum då bedömningen faktiskt gjordes",
    "statement-old": "tillgängligheten bedömdes {date}, för över ett år sedan; granska "
    "utlåtandet minst en gång om året och uppdatera datumet",
    "missing-translation": "texten på {language} saknas; lägg till '{code}: ...' "
    "(spelreglernas språk är {languages})",
    "placeholder": "texten innehåller fortfarande markeringen '{placeholder}'; skriv den "
    "färdiga texten i stället",
    "color-contrast": "vit rubriktext på '{color}' har kontrasten {ratio}:1; den måste vara "
    "minst {minimum}:1 (WCAG 1.4.3): välj en mörkare färg",
    "logo-missing.outside": "logotypen måste vara en fil i spelregelfilens mapp eller i en "
    "mapp under den",
    "logo-missing.kind": "logotypen ska vara en .svg- eller .png-fil (nu: '{logo}')",
    "logo-missing.absent": "filen '{logo}' finns inte bredvid spelregelfilen",
    "content-missing-page": "den här sidan har ingen motsvarighet på språket '{language}'; "
    "skriv {path}",
    "content-template": "okänt mallvärde '{value}'; de värden en sida kan använda är: {allowed}",
    "site-build": "webbplatsen kunde inte byggas (MkDocs): {detail}",
    "broken-link": "den länkade sidan eller filen finns inte",
    "broken-anchor": "inget element på den här sidan har detta id",
    "broken-anchor.page": "sidan {page} har inget sådant id",
    "outside-site": "länken leder utanför webbplatsens mapp",
    "third-party-asset": "sidan laddar detta från en annan server; alla skript, stilar, "
    "typsnitt och bilder ska komma från webbplatsen själv",
    "bad-url.web": "webbadressen har fel form",
    "bad-url.mailto": "e-postlänken har fel form",
    "bad-url.tel": "telefonlänken har fel form",
    "bad-url.scheme": "länkar som börjar med '{scheme}:' är inte tillåtna",
    "insecure-link": "en http://-länk; använd en adress som börjar med https://",
    "external-broken": "adressen svarar {status}; rätta eller ta bort länken",
    "external-unreachable": "inget svar från adressen ({error}); kontrollera den i en webbläsare",
    "pdf-render": "{name}: PDF-filen kunde inte göras felfritt: {detail}",
    "pdf-overflow": "PDF-filen '{title}' ({name}, språk {language}) behöver {pages} sidor även "
    "med den minsta stilen och två spalter, men den måste rymmas på {limit}; förkorta "
    "texterna på språket {language}: {shorten}",
    "part.found-value": "'{value}'",
    "part.found-mapping": "nycklar (indragna rader)",
    "part.found-list": "en lista",
    "part.found-nothing": "tomt",
    "part.found-single": "ett enskilt värde",
    "part.expect-local-text": "text på varje språk (fi: och sv:)",
    "part.expect-grade-split": "ett tal för varje årskursgrupp (grades_1_6: och grades_7_9:)",
    "part.expect-keys": "nycklar på egna rader (som 'nyckel: värde')",
    "part.expect-number": "ett tal",
    "part.expect-whole-number": "ett heltal",
    "part.expect-list": "en lista",
    "part.expect-nothing": "ingenting",
    "part.expect-text": "en text",
    "part.language-fi": "finska",
    "part.language-sv": "svenska",
    "part.absences-all": "all frånvaro",
    "part.absences-unauthorised": "olovlig frånvaro",
    "part.shorten-leaflet": "guardians.report_absence, guardians.leave_instructions, "
    "stegens beskrivningar eller åtgärdernas texter",
    "part.shorten-card": "åtgärdernas texter, stegens 'record'-texter eller antalet kontakter",
    "new.written": "Skrev {path}: en mall för spelreglerna att fylla i.",
    "new.next": "Nästa steg:\n"
    "  1. Öppna {path} i din editor och ersätt varje TODO med er egen text; "
    "kommentarerna berättar vad som ska stå var.\n"
    "  2. sky check {slug}    visar vad som ännu återstår\n"
    "  3. sky serve {slug}    visar webbplatsen på http://127.0.0.1:8000/{slug}/ medan du "
    "redigerar\n"
    "  4. sky build {slug}    publicerar webbplatsen i mappen site/{slug}/\n"
    "Handledning för dem som skriver spelregler: guide/sv/index.md",
    "new.exists": "{path} finns redan; sky new skriver aldrig över spelregler. Redigera den "
    "filen eller ge de nya spelreglerna ett annat namn",
    "new.bad-slug": "'{slug}' duger inte som namn på spelregler: använd små bokstäver a–z, "
    "siffror och '-', t.ex. 'rantala'",
    "new.missing": "ange {options} (eller kör sky new i en terminal, så får du frågorna)",
    "new.bad-languages": "--languages: skriv fi,sv, sv,fi, fi eller sv (nu: '{got}')",
    "serve.built": "Webbplatsen {slug} är byggd: {url}",
    "serve.failed": "Inte ombyggd: rätta problemen ovan och spara igen; den senaste fungerande "
    "versionen visas fortfarande.",
    "serve.watching": "Webbplatsen byggs om varje gång du sparar: {paths}. Avsluta med Ctrl+C.",
    "serve.port": "sky serve: porten {port} på {host} används redan (körs ett annat sky serve "
    "redan?); välj en annan, t.ex. --port {other}",
    "part.yaml-colon": "kolon och mellanslag kan inte stå i den här texten utan citattecken",
    "part.yaml-block-mapping": "när nycklarna lästes",
    "part.yaml-expected-key": "nästa rad är inte en ny nyckel med samma indragning",
    "part.yaml-block-collection": "när listan lästes",
    "part.yaml-expected-dash": "listans nästa punkt börjar inte med '-'",
    "part.yaml-flow-sequence": "när listan inom hakparenteser [ ] lästes",
    "part.yaml-flow-sequence-end": "kommatecken eller slutparentes ']' hittades inte",
    "part.yaml-flow-mapping": "när nycklarna inom klammerparenteser {{ }} lästes",
    "part.yaml-flow-mapping-end": "kommatecken eller slutparentes '}}' hittades inte",
    "part.yaml-quoted": "när en text inom citattecken lästes",
    "part.yaml-end": "filen tog slut före det avslutande citattecknet",
    "part.yaml-simple-key": "när en nyckel lästes",
    "part.yaml-expected-colon": "kolon ':' hittades inte",
    "part.yaml-both": "{context}; {problem}",
    "report.or": "eller",
    "report.warning": "varning",
    "report.summary": "fel {errors}, varningar {warnings}",
    "report.check": "sky check: spelregelfiler {playbooks}, {summary}",
}
