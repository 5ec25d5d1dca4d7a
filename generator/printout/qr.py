"""QR codes as inline SVG, made here from the address (no service, no image file)."""

from __future__ import annotations

from markupsafe import Markup, escape


def qr_svg(url: str, title: str) -> Markup:
    """An SVG QR code for ``url``; ``title`` is its text alternative (PDF /Alt, screen readers).

    Medium error correction (15 %) survives a crease or a pin hole on a printed leaflet.
    """
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(url)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    size = len(matrix)
    # One square per dark module, in one path: crisp at any print size, a few kB.
    squares = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {size} {size}" '
        f'role="img" shape-rendering="crispEdges"><title>{escape(title)}</title>'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{squares}" fill="#000"/></svg>'
    )
