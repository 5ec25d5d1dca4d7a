"""The ``sky`` command. Exit codes: 0 all good; 1 invalid input or a failed check; 2 usage;
3 an internal error (details in ``build/logs/``); 4 another build holds the output folder.

Every line it prints comes from the message catalogues, in the author's language: ``sky
check``, ``sky serve`` and ``sky migrate`` speak the first language of the playbook, ``sky
build`` and ``sky rollback`` (run for many municipalities at once) English; ``--lang`` chooses
another.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator.authoring.migrate import add_migrate_command, run_migrate
from generator.authoring.new import add_new_command, run_new
from generator.authoring.schema import schema_text
from generator.checks.online import check_online
from generator.cli.arguments import not_ours, refused_arguments
from generator.cli.report import print_problems, summary
from generator.messages import text
from generator.messages import text as msg_text
from generator.messages.author_language import add_lang_option, message_language
from generator.pipeline import build, default_jobs
from generator.playbook.loader import resolve_playbook_paths
from generator.problems import Problem, has_errors
from generator.progress import Bar
from generator.project import Project, SettingsInvalid
from generator.publish.fingerprint import content_updates_due
from generator.publish.lock import OutputLocked
from generator.publish.swap import NotOurs, rollback

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BUSY = 4
BATCH_LANGUAGE = "en"  # of the commands that publish, often for many municipalities at once


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sky",
        description="Publish a municipality's school-absence rules (SKY) as a bilingual site.",
        epilog="Exit codes: 0 all good; 1 invalid input or a failed check; 2 usage error; "
        "3 internal error (details in build/logs/); 4 another build holds the output folder.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    names_help = "playbook slugs (from playbooks/) or paths to playbook files; none = all"
    add_new_command(commands)

    build_cmd = commands.add_parser("build", help="build and publish sites")
    build_cmd.add_argument("names", nargs="*", metavar="SLUG|PATH", help=names_help)
    build_cmd.add_argument("--out", type=Path, default=Path("site"), help="output folder")
    build_cmd.add_argument(
        "--jobs", type=int, default=default_jobs(), help="parallel processes (default: cores)"
    )
    build_cmd.add_argument(
        "--force", action="store_true", help="rebuild sites whose inputs have not changed too"
    )
    add_lang_option(build_cmd, default=BATCH_LANGUAGE)

    rollback_cmd = commands.add_parser(
        "rollback", help="put back the version of a site that the last build replaced"
    )
    rollback_cmd.add_argument("slug", metavar="SLUG")
    rollback_cmd.add_argument("--out", type=Path, default=Path("site"), help="output folder")
    add_lang_option(rollback_cmd, default=BATCH_LANGUAGE)

    check_cmd = commands.add_parser("check", help="validate playbooks and content; write nothing")
    check_cmd.add_argument("names", nargs="*", metavar="SLUG|PATH", help=names_help)
    check_cmd.add_argument("--format", choices=["text", "json"], default="text")
    check_cmd.add_argument(
        "--online",
        action="store_true",
        help="also request every external link (cached for a day in build/link-cache.json)",
    )
    check_cmd.add_argument(
        "--jobs", type=int, default=default_jobs(), help="parallel processes (default: cores)"
    )
    check_cmd.add_argument(
        "--out",
        type=Path,
        default=Path("site"),
        help="where the sites are published, to tell when one is due for a rebuild (default: site)",
    )

    add_lang_option(check_cmd)

    serve_cmd = commands.add_parser("serve", help="preview one site, rebuilt on every save")
    serve_cmd.add_argument("name", metavar="SLUG|PATH")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    add_lang_option(serve_cmd)

    add_migrate_command(commands)

    schema_cmd = commands.add_parser("schema", help="print the playbook JSON Schema")
    schema_cmd.add_argument("--output", type=Path, help="write to this file instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        project = Project.at(Path.cwd())
    except SettingsInvalid as error:
        print_problems(error.problems, sys.stderr, language=_language(args, []))
        return EXIT_INVALID
    try:
        return _run(args, project)
    except OutputLocked as locked:
        words = {"command": args.command, "folder": locked.out_dir, "pid": locked.holder}
        print(text("cli.locked", _language(args, []), **words), file=sys.stderr)
        return EXIT_BUSY
    except NotOurs as refused:  # a folder that appeared in --out while the build ran
        print(not_ours(args.command, refused.folder).render(_language(args, [])), file=sys.stderr)
        return EXIT_INVALID
    except Exception as error:  # a defect of ours: a line for the user, the details in a log
        log = project.work_dir / "logs" / "sky.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        found = f"{type(error).__name__}: {error}"
        words = {"command": args.command, "error": found, "log": log}
        print(text("cli.internal", _language(args, []), **words), file=sys.stderr)
        return EXIT_INTERNAL


def _run(args: argparse.Namespace, project: Project) -> int:
    if args.command == "schema":
        return _schema(args.output)
    if args.command == "new":
        return run_new(args, project.playbooks_dir, input if sys.stdin.isatty() else None)
    if not project.exists and not _named_files(args):
        words = {"command": args.command, "folder": project.root}
        print(text("cli.no-project", _language(args, []), **words), file=sys.stderr)
        return EXIT_USAGE
    to_publish = (
        resolve_playbook_paths(args.names, project.playbooks_dir) if args.command == "build" else []
    )
    refused = refused_arguments(args, project, to_publish)
    if refused is not None:
        print(refused.render(_language(args, to_publish)), file=sys.stderr)
        return EXIT_USAGE
    if args.command == "rollback":
        return _rollback(args.slug, args.out, project, _language(args, []))
    if args.command == "serve":
        from generator.authoring.serve import serve

        (path,) = resolve_playbook_paths([args.name], project.playbooks_dir)
        return serve(path, project, args.host, args.port, message_language(args.lang, [path]))
    paths = resolve_playbook_paths(args.names, project.playbooks_dir)
    language = _language(args, paths)
    if args.command == "migrate":
        return run_migrate(paths, args.check, language, project.work_dir / "logs")
    if args.jobs < 1:
        print(text("cli.jobs-minimum", language, command=args.command), file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        return _check(args, paths, project, language)
    outcome = build(
        paths, project, args.out, args.jobs, progress=Bar(language=language), force=args.force
    )
    print_problems(outcome.problems, sys.stderr, language=language)
    published, failed = len(outcome.published), len(outcome.failed)
    found = summary(outcome.problems, language)
    print(text("cli.build", language, published=published, failed=failed, summary=found))
    return _exit_code(outcome.ok, outcome.problems)


def _exit_code(ok: bool, problems: list[Problem]) -> int:
    if any(problem.code == "internal-error" for problem in problems):
        return EXIT_INTERNAL
    return EXIT_OK if ok and not has_errors(problems) else EXIT_INVALID


def _language(args: argparse.Namespace, paths: list[Path]) -> str:
    """The language to print in: ``--lang``; else the playbook's, or English for a batch."""
    if args.command in ("check", "serve", "migrate"):
        return message_language(args.lang, paths)
    return getattr(args, "lang", None) or BATCH_LANGUAGE


def _named_files(args: argparse.Namespace) -> list[Path]:
    """The playbook files named on the command line as paths (slugs need a project folder)."""
    names = getattr(args, "names", None) or [getattr(args, "name", "")]
    return [Path(name) for name in names if name and Path(name).is_file()]


def _check(args: argparse.Namespace, paths: list[Path], project: Project, language: str) -> int:
    """Validate, build into a temporary folder, check every link; publish nothing.

    The portal links to every municipality's site, so it is checked when every playbook is.
    """
    with tempfile.TemporaryDirectory(prefix="sky-check-") as folder:
        # Published into a folder of its own that is thrown away afterwards.
        outcome = build(paths, project, Path(folder), args.jobs, with_portal=not args.names)
    problems = outcome.problems + content_updates_due(paths, project.content_dir, args.out)
    if args.online:
        problems += check_online(outcome.external_links, project.work_dir / "link-cache.json")
    print_problems(problems, sys.stdout, args.format, language)
    if args.format == "text":
        found = summary(problems, language)
        print(text("report.check", language, playbooks=len(paths), summary=found))
    return _exit_code(outcome.ok, problems)


def _rollback(slug: str, out_dir: Path, project: Project, language: str) -> int:
    if not rollback(out_dir, slug):
        previous = f"{out_dir}/.previous/"
        print(text("cli.rollback-none", language, slug=slug, previous=previous), file=sys.stderr)
        return EXIT_INVALID
    # The portal lists each site's version: bring it in line with the site put back.
    outcome = build([], project, out_dir, jobs=default_jobs())
    print_problems(outcome.problems, sys.stderr, language=language)
    print(text("cli.rollback-done", language, folder=out_dir / slug))
    return EXIT_OK if outcome.ok else EXIT_INVALID


def _schema(output: Path | None) -> int:
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if not output.parent.is_dir():
        print(msg_text("cli.schema-folder", "en", folder=output.parent), file=sys.stderr)
        return EXIT_USAGE
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or error
        print(msg_text("cli.schema-unwritable", "en", file=output, reason=reason), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
