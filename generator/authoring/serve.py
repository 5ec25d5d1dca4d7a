"""``sky serve``: rebuild on every save and serve the last good site with live reload.

Problems are printed as ``sky check`` prints them, in the author's language. A build that
fails publishes nothing, so the browser keeps showing the last version that built.
"""

from __future__ import annotations

import signal
import socket
import sys
import tempfile
from pathlib import Path

from generator.cli.report import print_problems
from generator.messages import text
from generator.pipeline import build, check
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
        out_dir = Path(folder)
        slug = playbook.stem
        url = f"http://{host}:{port}/{slug}/"

        def rebuild() -> None:
            # One process: the server's threads are running, and forking a process that has
            # threads can leave a worker holding a lock forever.
            outcome = build([playbook], project, out_dir, jobs=1, with_portal=False)
            print_problems(outcome.problems, sys.stderr, language=language)
            done = "serve.built" if outcome.ok else "serve.failed"
            print(text(done, language, slug=slug, url=url), file=sys.stderr, flush=True)

        # Ctrl+C stops the preview even when it was started from a program or shell that
        # ignores SIGINT for its children (background jobs do): take the default handler back.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        rebuild()
        server = live_reload_server(rebuild, host, port, out_dir)
        watched = (playbook.parent, project.content_dir, project.base_config)
        for path in watched:
            server.watch(str(path))
        shown = ", ".join(f"{path.name}/" if path.is_dir() else path.name for path in watched)
        print(text("serve.watching", language, paths=shown), file=sys.stderr, flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return EXIT_OK


def _free(host: str, port: int) -> bool:
    """Whether a server can listen at host:port (checked before the first, slow, build)."""
    try:
        with socket.create_server((host, port)):
            return True
    except OSError:
        return False
