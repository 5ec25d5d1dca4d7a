"""``sky serve``: rebuild on every save and serve the last good site with live reload."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generator.pipeline import Project, build
from generator.report import print_problems


def serve(playbook: Path, project: Project, host: str, port: int) -> None:
    from mkdocs.livereload import LiveReloadServer

    with tempfile.TemporaryDirectory(prefix="sky-serve-") as folder:
        out_dir = Path(folder)
        slug = playbook.stem

        def rebuild() -> None:
            # A failed build publishes nothing, so the last good site stays served.
            outcome = build([playbook], project, out_dir, jobs=2)
            print_problems(outcome.problems, sys.stderr)
            if outcome.ok:
                print(f"Built {slug}: http://{host}:{port}/{slug}/", file=sys.stderr)
            else:
                print("Not rebuilt: fix the problems above and save again.", file=sys.stderr)

        rebuild()
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out_dir))
        for path in (playbook.parent, project.content_dir, project.base_config):
            server.watch(str(path))
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
