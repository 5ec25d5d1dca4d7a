"""English messages: the default, and the wording the tests and the README quote.

Each template says where the problem is not (file:line:col and field come first, added by the
reporter) but what is wrong and what to write instead. Keys: ``<problem code>[.<variant>]``.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    # Reading the file
    "empty-file": "the file is empty; a playbook starts with 'schema_version: 1' "
    "(see playbooks/rantala.yml for a complete example)",
    "file-too-large": "the file is {size} MB; a playbook may be at most {limit} MB "
    "(a complete playbook is about 20 kB)",
    "file-unreadable": "the file cannot be read: {reason}",
    "not-utf8": "the file is not UTF-8 text (byte 0x{byte} here); save it as UTF-8 in your "
    "editor ('Save as' > encoding UTF-8)",
    "playbook-not-found": "no playbook here; the playbooks are in {folder}/ (name one by its "
    "slug, e.g. 'sky build rantala', or give a path)",
    "yaml-syntax": "not valid YAML (check the indentation and that a text with ':' or '#' is "
    "in quotes)",
    "yaml-syntax.detail": "not valid YAML: {detail} (check the indentation and that a text "
    "with ':' or '#' is in quotes)",
    "yaml-syntax.unmarked": "not valid YAML: {detail}",
    "yaml-syntax.documents": "the file holds several YAML documents (separated by '---'); "
    "write one playbook per file",
    "yaml-syntax.key": "a key must be a plain name such as 'name:'",
    "yaml-tab": "a tab character is used for indentation; YAML allows only spaces (set your "
    "editor to insert spaces for the Tab key)",
    "yaml-alias": "anchors and aliases (&name, *name) are not allowed in a playbook; write the "
    "value out in full",
    "yaml-merge-key": "merge keys ('<<:') are not allowed in a playbook; write the keys out",
    "duplicate-key": "the key '{key}' is written twice (first on line {first}, again here); "
    "keep one of them",
    # The format
    "missing-key": "the required key '{key}' is missing; add '{key}:' here",
    "unknown-key": "unknown key '{key}'",
    "unknown-key.suggest": "unknown key '{key}'; did you mean '{suggestion}'?",
    "unknown-key.allowed": "unknown key '{key}'; the keys allowed here are: {allowed}",
    "invalid-value.top-level": "expected the playbook's keys (schema_version:, municipality:, "
    "...) at the top level, got {found}",
    "invalid-value.expected": "expected {expected}, got {found}",
    "invalid-value.comma-decimal": "expected a number with a decimal point, like {fixed}, "
    "got '{got}'",
    "invalid-value.list": "expected a list (items on lines starting with '- '), got {found}",
    "invalid-value.text": "expected text, got {found}",
    "invalid-value.number": "expected a number like 30 or 12.5 (with a point), got {found}",
    "invalid-value.whole-number": "expected a whole number like 3, got {found}",
    "invalid-value.date": "expected a date written as YYYY-MM-DD, like 2026-08-01, got {found}",
    "invalid-value.choice": "expected one of {choices}, got {found}",
    "invalid-value.minimum": "expected a value of at least {bound}, got {found}",
    "invalid-value.maximum": "expected a value of at most {bound}, got {found}",
    "invalid-value.empty-list": "must not be empty; write at least one item",
    "invalid-value.empty": "must not be empty",
    "invalid-value.too-many": "has too many items: at most {limit}",
    "invalid-value.other": "{detail}",
    "invalid-value.slug": "expected lowercase letters a-z, digits and '-', like 'rantala', "
    "got '{got}'",
    "invalid-value.identifier": "expected lowercase letters a-z, digits, '_' or '-', like "
    "'keskuskoulu', got '{got}'",
    "invalid-value.phone": "expected an international number like '+358 40 123 4567', got '{got}'",
    "invalid-value.email": "expected an e-mail address like 'kuraattori@kunta.fi', got '{got}'",
    "invalid-value.url": "expected a web address starting with https://, got '{got}'",
    "invalid-value.color": "expected a colour like '#0b5394', got '{got}'",
    "invalid-value.code": "expected three digits like '091', got '{got}'",
    "invalid-value.criterion": "expected a WCAG success criterion like '1.4.3', got '{got}'",
    "invalid-value.schema_version": "expected 1 (the only playbook format so far), got '{got}'",
    "invalid-value.languages": "each language may be listed once, got {got}",
    "invalid-value.threshold": "write exactly one of 'hours:' or 'percent:'",
    "invalid-value.contact": "a contact needs a 'phone:' or an 'email:' (or both)",
    "invalid-value.grades": "the first grade must not be after the last, got [{first}, {last}]",
    # Rules across fields
    "reserved-slug": "'{slug}' is reserved for the national portal; use the municipality's "
    "name, like 'rantala'",
    "slug-mismatch": "the slug '{slug}' must equal the file name '{stem}' (rename the file to "
    "{slug}.yml or write slug: {stem})",
    "unknown-role": "unknown role '{role}'; use a national role (see the README) or declare "
    "it under 'roles:'",
    "unknown-role.suggest": "unknown role '{role}'; did you mean '{suggestion}'? Use a national "
    "role (see the README) or declare it under 'roles:'",
    "duplicate-id": "the id '{id}' is already used by {other}; each id must be unique",
    "duplicate-id.national": "'{id}' is already a national role; remove it from 'roles:' or "
    "give the local role another id",
    "duplicate-version": "the version '{version}' is already used by {other}; each version "
    "must have its own number",
    "unknown-school.suggest": "no school has the id '{school}'; did you mean '{suggestion}'?",
    "unknown-school.list": "no school has the id '{school}'; the schools are: {schools}",
    "unknown-school.none": "no school has the id '{school}'; there is no 'schools:' list in "
    "this playbook",
    "contact-missing": "the role '{role}' acts in this step but has no contact; add a contact "
    "with 'role: {role}' under 'contacts:'",
    "contact-missing.schools": "the role '{role}' acts in this step but has no contact for the "
    "school(s) {schools}; add a contact with 'role: {role}' under 'contacts:'",
    "unit-mismatch": "this threshold is in {found} but monitoring.unit is '{unit}'; write "
    "'{unit}:' here or change monitoring.unit",
    "threshold-order": "the threshold {amount} is not above the previous stage's {previous} "
    "(stages[{index}], {kind} absences); thresholds must rise along the ladder",
    "threshold-order.group": "the threshold ({group}) {amount} is not above the previous "
    "stage's {previous} (stages[{index}], {kind} absences); thresholds must rise along the "
    "ladder",
    "tier-decreases": "sky_tier goes down from {previous} to {tier}; along the ladder the tier "
    "may stay or rise, never fall",
    "tier-3-missing": "no stage reaches sky_tier 3; the last stage of the ladder should be "
    "tier 3 (coordinated, multi-professional support)",
    "leave-order": "{days} days is not more than the previous rule's {previous}; list leave "
    "rules from the shortest to the longest",
    "leave-order.last": "only the last leave rule may leave out 'up_to_days:'",
    "date-order": "the rules take effect ({effective}) before they were approved "
    "({approved}); check both dates",
    "date-order.statement": "the statement is updated ({updated}) before it was assessed "
    "({assessed}); check both dates",
    "history-order": "this version took effect on {date}, not before the version after it "
    "({newer}, {newer_date}); list earlier versions from the newest to the oldest",
    "date-in-future": "the accessibility assessment date {date} is in the future; write the "
    "date it was actually made",
    "statement-old": "the accessibility statement was assessed on {date}, over a year ago; "
    "review it at least once a year and update the date",
    "missing-translation": "the {language} text is missing; add '{code}: ...' (the playbook's "
    "languages are {languages})",
    "placeholder": "the text still has the placeholder '{placeholder}'; write the final text "
    "in its place",
    "color-contrast": "white header text on '{color}' has a contrast of {ratio}:1; it must be "
    "at least {minimum}:1 (WCAG 1.4.3): choose a darker colour",
    "logo-missing.outside": "the logo must be a file in the playbook's folder or below it",
    "logo-missing.kind": "expected an .svg or .png file, got '{logo}'",
    "logo-missing.absent": "the file '{logo}' does not exist next to the playbook",
    # The national content and the built sites
    "content-missing-page": "this page has no {language} counterpart; write {path}",
    "content-template": "unknown template value '{value}'; the values a page may use are: "
    "{allowed}",
    "site-build": "{detail}",
    "broken-link": "the linked page or file does not exist",
    "broken-anchor": "no element on this page has this id",
    "broken-anchor.page": "the page {page} has no such id",
    "outside-site": "the link leaves the site's folder",
    "third-party-asset": "the page loads this from another host; serve every script, style, "
    "font and image from the site itself",
    "bad-url.web": "not a well-formed web address",
    "bad-url.mailto": "not a well-formed e-mail link",
    "bad-url.tel": "not a well-formed phone link",
    "bad-url.scheme": "links with '{scheme}:' are not allowed",
    "insecure-link": "an http:// link; use https://",
    "external-broken": "the address answers {status}; fix or remove the link",
    "external-unreachable": "no answer from the address ({error}); check it in a browser",
    "pdf-render": "{name}: the PDF could not be made cleanly: {detail}",
    "pdf-overflow": "the {language} PDF '{title}' ({name}) needs {pages} pages even with the "
    "smallest type and two columns, but must fit on {limit}; shorten the {language} texts of "
    "{shorten}",
    # Pieces of other messages
    "part.found-value": "'{value}'",
    "part.found-mapping": "keys (a mapping)",
    "part.found-list": "a list",
    "part.found-nothing": "nothing",
    "part.found-single": "a single value",
    "part.expect-local-text": "texts in each language (fi: and sv:)",
    "part.expect-grade-split": "a number per grade group (grades_1_6: and grades_7_9:)",
    "part.expect-keys": "keys on their own lines (like 'key: value')",
    "part.expect-number": "a number",
    "part.expect-whole-number": "a whole number",
    "part.expect-list": "a list",
    "part.expect-nothing": "nothing",
    "part.expect-text": "text",
    "part.language-fi": "Finnish",
    "part.language-sv": "Swedish",
    "part.absences-all": "all",
    "part.absences-unauthorised": "unauthorised",
    # The reporter's own words
    "part.shorten-leaflet": "guardians.report_absence, guardians.leave_instructions, the "
    "stages' descriptions or the steps' actions",
    "part.shorten-card": "the steps' actions, the stages' 'record' texts or the number of contacts",
    # sky new
    "new.written": "Wrote {path}: a starter playbook to fill in.",
    "new.next": "Next:\n"
    "  1. Open {path} in your editor and replace every TODO with your own text; the comments "
    "say what to write.\n"
    "  2. sky check {slug}    lists what is still to do\n"
    "  3. sky serve {slug}    shows the site at http://127.0.0.1:8000/{slug}/ while you edit\n"
    "  4. sky build {slug}    publishes the site into site/{slug}/\n"
    "The authors' guide is in guide/fi/ and guide/sv/.",
    "new.exists": "{path} already exists; sky new never overwrites a playbook. Edit that file, "
    "or give the new playbook another name",
    "new.bad-slug": "'{slug}' cannot be a playbook's name: use lowercase letters a-z, digits "
    "and '-', like 'rantala'",
    "new.missing": "give {options} (or run sky new in a terminal to be asked)",
    "new.bad-languages": "--languages: expected fi,sv, sv,fi, fi or sv, got '{got}'",
    # sky serve
    "serve.built": "Built {slug}: {url}",
    "serve.failed": "Not rebuilt: fix the problems above and save again; the last good version "
    "is still shown.",
    "serve.watching": "Rebuilding on every save of {paths}; stop with Ctrl+C.",
    "serve.port": "sky serve: port {port} on {host} is already in use (is another sky serve "
    "running?); choose another, e.g. --port {other}",
    "part.yaml-colon": "mapping values are not allowed in this context",
    "part.yaml-block-mapping": "while parsing a block mapping",
    "part.yaml-expected-key": "did not find expected key",
    "part.yaml-block-collection": "while parsing a block collection",
    "part.yaml-expected-dash": "did not find expected '-' indicator",
    "part.yaml-flow-sequence": "while parsing a flow sequence",
    "part.yaml-flow-sequence-end": "did not find expected ',' or ']'",
    "part.yaml-flow-mapping": "while parsing a flow mapping",
    "part.yaml-flow-mapping-end": "did not find expected ',' or '}}'",
    "part.yaml-quoted": "while scanning a quoted scalar",
    "part.yaml-end": "found unexpected end of stream",
    "part.yaml-simple-key": "while scanning a simple key",
    "part.yaml-expected-colon": "could not find expected ':'",
    "part.yaml-both": "{context}; {problem}",
    "report.or": "or",
    "report.warning": "warning",
    "report.summary": "{errors} error(s), {warnings} warning(s)",
    "report.check": "sky check: {playbooks} playbook(s), {summary}",
}
