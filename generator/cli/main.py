"""The ``sky`` command. Exit codes: 0 all good; 1 invalid input or a failed check; 2 usage."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.authoring.new import add_new_command, run_new
from generator.authoring.schema import schema_text
from generator.checks.online import check_online
from generator.cli.report import print_problems, summary
from generator.messages import text
from generator.messages.author_language import add_lang_option, message_language
from generator.pipeline import Project, build, default_jobs
from generator.playbook.loader import resolve_playbook_paths
from generator.problems import has_errors
from generator.progress import Bar
from generator.publish.swap import rollback

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sky",
        description="Publish a municipality's school-absence rules (SKY) as a bilingual site.",
        epilog="Exit codes: 0 all good; 1 invalid input or a failed check; 2 usage error.",
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

    rollback_cmd = commands.add_parser(
        "rollback", help="put back the version of a site that the last build replaced"
    )
    rollback_cmd.add_argument("slug", metavar="SLUG")
    rollback_cmd.add_argument("--out", type=Path, default=Path("site"), help="output folder")

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

    add_lang_option(check_cmd)

    serve_cmd = commands.add_parser("serve", help="preview one site, rebuilt on every save")
    serve_cmd.add_argument("name", metavar="SLUG|PATH")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    add_lang_option(serve_cmd)

    schema_cmd = commands.add_parser("schema", help="print the playbook JSON Schema")
    schema_cmd.add_argument("--output", type=Path, help="write to this file instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(Path.cwd())
    if args.command == "schema":
        return _schema(args.output)
    if not project.content_dir.is_dir() or not project.base_config.is_file():
        print(
            "sky: run this in a sky-playbooks project folder (one with content/ and mkdocs.yml)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command == "new":
        return run_new(args, project.playbooks_dir, input if sys.stdin.isatty() else None)
    if args.command == "rollback":
        return _rollback(args.slug, args.out, project)
    if args.command == "serve":
        from generator.authoring.serve import serve

        (path,) = resolve_playbook_paths([args.name], project.playbooks_dir)
        return serve(path, project, args.host, args.port, message_language(args.lang, [path]))
    paths = resolve_playbook_paths(args.names, project.playbooks_dir)
    if args.jobs < 1:
        print(f"sky {args.command}: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        language = message_language(args.lang, paths)
        return _check(paths, project, args.format, args.online, args.jobs, not args.names, language)
    outcome = build(paths, project, args.out, args.jobs, progress=Bar(), force=args.force)
    print_problems(outcome.problems, sys.stderr)
    print(
        f"sky build: {len(outcome.published)} published, {len(outcome.failed)} failed; "
        f"{summary(outcome.problems)}"
    )
    return EXIT_OK if outcome.ok else EXIT_INVALID


def _check(
    paths: list[Path],
    project: Project,
    output_format: str,
    online: bool,
    jobs: int,
    every: bool,
    language: str = "en",
) -> int:
    """Validate, build into a temporary folder, check every link; publish nothing.

    The portal links to every municipality's site, so it is checked when every playbook is.
    """
    with tempfile.TemporaryDirectory(prefix="sky-check-") as folder:
        # Published into a folder of its own that is thrown away afterwards.
        outcome = build(paths, project, Path(folder), jobs, with_portal=every)
    problems = outcome.problems
    if online:
        problems += check_online(outcome.external_links, project.work_dir / "link-cache.json")
    print_problems(problems, sys.stdout, output_format, language)
    if output_format == "text":
        found = summary(problems, language)
        print(text("report.check", language, playbooks=len(paths), summary=found))
    return EXIT_INVALID if not outcome.ok or has_errors(problems) else EXIT_OK


def _rollback(slug: str, out_dir: Path, project: Project) -> int:
    if not rollback(out_dir, slug):
        print(
            f"sky rollback: there is no earlier version of '{slug}' in {out_dir}/.previous/ "
            "(a version is kept there each time a build replaces a site)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    # The portal lists each site's version: bring it in line with the site put back.
    outcome = build([], project, out_dir, jobs=default_jobs())
    print_problems(outcome.problems, sys.stderr)
    print(f"sky rollback: {out_dir / slug} is back at the version before the last build")
    return EXIT_OK if outcome.ok else EXIT_INVALID


def _schema(output: Path | None) -> int:
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return EXIT_OK
