"""``sky serve``: rebuild on every save and serve the last good site with live reload.

A save is shown first in the language being read, web pages only; the whole site (the other
language and the PDFs) follows from a background process, and open pages reload again when it
is in place (:mod:`generator.authoring.preview`). Problems are printed as ``sky check``
prints them, in the author's language. A build that fails publishes nothing, so the browser
keeps showing the last version that built.
"""

from __future__ import annotations

import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path

from generator.authoring.preview import Preview
from generator.cli.report import print_problems
from generator.messages import text
from generator.pipeline import check
from generator.problems import Problem
from generator.project import Project
from generator.site.mkdocs_build import live_reload_server

EXIT_OK, EXIT_INVALID = 0, 1


def serve(playbook: Path, project: Project, host: str, port: int, language: str = "en") -> int:
    """Serve until interrupted; 1 when there is no such playbook or the port is taken."""
    if not playbook.is_file():
        _, outcome = check([playbook], project)
        print_problems(outcome.problems, sys.stderr, language=language)
        return EXIT_INVALID
    if not _free(host, port):
        print(text("serve.port", language, host=host, port=port, other=port + 1), file=sys.stderr)
        return EXIT_INVALID
    with tempfile.TemporaryDirectory(prefix="sky-serve-") as folder:
        preview = Preview(playbook, project, Path(folder))
        slug = playbook.stem
        url = f"http://{host}:{port}/{slug}/"
        printing = threading.Lock()  # two threads print: the lines of one report stay together

        def report(problems: tuple[Problem, ...], key: str, **values: str) -> None:
            with printing:
                print_problems(list(problems), sys.stderr, language=language)
                print(text(key, language, **values), file=sys.stderr, flush=True)

        def rebuild() -> None:
            # In this process, web pages only: forking it while the server's threads run could
            # leave a child holding a lock forever; the whole site is built from a clean one.
            shown = preview.show(_language_of(server.viewed, slug))
            if not shown.ok:
                report(shown.problems, "serve.failed")
                return
            report((), "serve.shown", language=shown.language, url=f"{url}{shown.language}/")
            threading.Thread(target=complete, args=(shown.generation,), daemon=True).start()

        def complete(generation: int) -> None:
            done = preview.complete(generation)
            if done is None:
                return  # a later save gave this build up
            report(done.problems, "serve.built" if done.ok else "serve.failed", slug=slug, url=url)
            server.reload()

        server = live_reload_server(rebuild, host, port, preview.served)
        # Ctrl+C stops the preview even when it was started from a program or shell that
        # ignores SIGINT for its children (background jobs do): take the default handler back.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        watched = (playbook.parent, project.content_dir, project.base_config)
        for path in watched:
            server.watch(str(path))
        try:
            rebuild()
            shown = ", ".join(f"{path.name}/" if path.is_dir() else path.name for path in watched)
            print(text("serve.watching", language, paths=shown), file=sys.stderr, flush=True)
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            preview.close()
    return EXIT_OK


def _language_of(path: str, slug: str) -> str:
    """The language of a page of the site ``slug`` from its address (/<slug>/<lang>/...)."""
    parts = path.split("/")
    return parts[2] if len(parts) > 2 and parts[1] == slug else ""


def _free(host: str, port: int) -> bool:
    """Whether a server can listen at host:port (checked before the first, slow, build)."""
    try:
        with socket.create_server((host, port)):
            return True
    except OSError:
        return False
