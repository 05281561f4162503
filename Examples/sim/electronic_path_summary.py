#!/usr/bin/env python3
"""Summarise the snapshots of an electronic-path run folder (Examples/sim/*_electronic.toml).

usage: python3 Examples/sim/electronic_path_summary.py RUN_FOLDER [RUN_FOLDER ...]

Per snapshot: t (s), Li area fraction, tip height (µm, the ξ = ½ contour's highest point as
`LiModel.tipHeight`), electronic current density at the counter electrode (µA/cm², the leakage:
harmonic-mean face conductivity times the last row's φₑ difference, as `PotentialSolver`), the
most negative bulk overpotential η_b = φₑ − φ in the electrolyte (ξ < 0.01, mV) and its height,
the largest bulk deposit (ξ units: Σ Δt·R_b, the gross Li reduced there; the double well of
equation 1 turns a sub-critical amount back) and its height, the bulk-reduced Li as an
equivalent flat thickness ∫deposit dA / Lx (nm), and the largest ξ more than 0.25 µm above the
tip (Li present away from the anode's deposit, net) with its height. Standard library only (tomllib, Python ≥ 3.11).
"""
import base64
import re
import struct
import sys
import tomllib
import zlib
from pathlib import Path


def decode(path, name, body, compressed):
    """The float64 values of one binary DataArray (UInt64 headers; zlib blocks when compressed)."""
    if not compressed:
        raw = base64.b64decode(body)
        (size,) = struct.unpack_from("<Q", raw, 0)
        if size % 8 != 0 or size + 8 > len(raw):
            raise SystemExit(f"{path}: DataArray {name}: header says {size} bytes, block holds {len(raw) - 8}")
        return list(struct.unpack_from(f"<{size // 8}d", raw, 8))
    # header [blocks, block size, last block size, compressed sizes...] base64-encoded on its
    # own, then the compressed blocks
    (blocks,) = struct.unpack_from("<Q", base64.b64decode(body[:16]), 0)
    header_chars = 4 * ((8 * (3 + blocks) + 2) // 3)
    header = struct.unpack_from(f"<{3 + blocks}Q", base64.b64decode(body[:header_chars]), 0)
    data, offset, out = base64.b64decode(body[header_chars:]), 0, b""
    for size in header[3:]:
        out += zlib.decompress(data[offset:offset + size])
        offset += size
    expected = (blocks - 1) * header[1] + (header[2] or header[1]) if blocks else 0
    if len(out) != expected or len(out) % 8 != 0:
        raise SystemExit(f"{path}: DataArray {name}: {len(out)} bytes after decompression, header says {expected}")
    return list(struct.unpack(f"<{len(out) // 8}d", out))


def arrays(path):
    """Name -> list of floats for every Float64 DataArray of a VTK ImageData snapshot."""
    text = path.read_text()
    compressed = 'compressor="vtkZLibDataCompressor"' in text
    out = {}
    for name, body in re.findall(r'<DataArray type="Float64" Name="([^"]+)"[^>]*>\s*([^<]*?)\s*</DataArray>', text):
        out[name] = decode(path, name, body, compressed)
    return out


def extent(path):
    m = re.search(r'WholeExtent="0 (\d+) 0 (\d+) 0 0" Origin="[^"]*" Spacing="(\S+) (\S+) 1"', path.read_text()[:2000])
    if not m:
        raise SystemExit(f"{path}: no ImageData WholeExtent/Spacing")
    return int(m[1]) + 1, int(m[2]) + 1, float(m[3]), float(m[4])


def summarise(folder):
    folder = Path(folder)
    config = tomllib.loads((folder / "config.toml").read_text())
    electronic = config.get("electronic")
    if electronic is None:
        raise SystemExit(f"{folder}: config.toml has no [electronic] table (not an electronic-path run)")
    physics = config["physics"]
    lower = electronic["electrolyte_conductivity"]
    upper = electronic.get("upper_electrolyte_conductivity", lower)
    metal = electronic["metal_conductivity"]
    print(f"# {folder} ({config['name']})")
    print("t_s  li_area  tip_um  leak_uA_cm2  min_eta_b_mV  at_um  max_bulk  at_um  bulk_nm  xi_away  at_um")
    for snap in sorted((folder / "fields").glob("step_*.vti")):
        nx, rows, hx, hy = extent(snap)
        a = arrays(snap)
        xi, phi = a["xi"], a["potential"]
        phie, bulk = a.get("electronic_potential"), a.get("bulk_deposit")
        if phie is None or bulk is None:
            raise SystemExit(f"{snap}: lacks electronic_potential or bulk_deposit")
        ny = rows - 1
        layer = physics.get("layer_height", 0.5) * ny * hy

        def sigma(k):
            x = min(max(xi[k] - bulk[k], 0.0), 1.0)  # ξ less the bulk deposit, as ElectronicPath.conductivity
            el = upper if (k // nx) * hy >= layer else lower
            return x * metal + (1 - x) * el

        weights = [0.5 if j in (0, ny) else 1.0 for j in range(rows)]
        area = sum(weights[j] * sum(xi[j * nx:(j + 1) * nx]) for j in range(rows)) / (nx * ny)
        tip = 0.0
        for i in range(nx):
            j = ny
            while j > 0 and xi[j * nx + i] < 0.5:
                j -= 1
            if xi[j * nx + i] < 0.5:
                continue
            height = j * hy
            if j < ny and xi[j * nx + i] != xi[(j + 1) * nx + i]:
                height += hy * (xi[j * nx + i] - 0.5) / (xi[j * nx + i] - xi[(j + 1) * nx + i])
            tip = max(tip, height)
        leak = 0.0
        for i in range(nx):
            s1, s2 = sigma((ny - 1) * nx + i), sigma(ny * nx + i)
            leak += 2 * s1 * s2 / (s1 + s2) * (phie[ny * nx + i] - phie[(ny - 1) * nx + i]) / hy
        leak /= nx
        eta = [(phie[k] - phi[k], k) for k in range(nx, ny * nx) if xi[k] < 0.01]
        min_eta, k_eta = min(eta) if eta else (float("nan"), 0)
        max_bulk, k_bulk = max((bulk[k], k) for k in range(len(bulk)))
        bulk_total = sum(weights[j] * sum(bulk[j * nx:(j + 1) * nx]) for j in range(rows)) * hx * hy / (nx * hx)
        start = int((tip + 0.25e-6) / hy) + 1
        away = [(xi[k], k) for k in range(start * nx, rows * nx)]
        xi_away, k_away = max(away) if away else (float("nan"), 0)
        t = a["time"][0]
        print(f"{t:.3f}  {area:.6f}  {tip * 1e6:.4f}  {leak * 100:.4g}  {min_eta * 1e3:.3f}  {(k_eta // nx) * hy * 1e6:.2f}"
              f"  {max_bulk:.3e}  {(k_bulk // nx) * hy * 1e6:.2f}  {bulk_total * 1e9:.3e}"
              f"  {xi_away:.3e}  {(k_away // nx) * hy * 1e6:.2f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for f in sys.argv[1:]:
        summarise(f)
