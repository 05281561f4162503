#!/usr/bin/env python3
"""Writes the SYNTHETIC spectra of this folder (see README.md). Deterministic: numpy seed 16."""
import numpy as np

rng = np.random.default_rng(16)
LN2 = np.log(2.0)

def gauss(x, c, fwhm, area):
    s = fwhm / (2 * np.sqrt(2 * LN2))
    return area / (s * np.sqrt(2 * np.pi)) * np.exp(-0.5 * ((x - c) / s) ** 2)

def lorentz(x, c, fwhm, area):
    g = fwhm / 2
    return area / np.pi * g / ((x - c) ** 2 + g ** 2)

def write(name, header, x, y):
    with open(name, "w") as f:
        f.write("# SYNTHETIC spectrum written by generate.py: not a measurement\n")
        f.write(header + "\n")
        for a, b in zip(x, y):
            f.write(f"{a:.3f},{b:.2f}\n")

# XPS Ti 2p: 2p3/2 at 459.0 eV (Gaussian, FWHM 1.2 eV, area 3000 counts·eV), 2p1/2 at 464.7 eV
# (splitting 5.7 eV, area ratio 1:2, FWHM 2.0 eV); Shirley-type step: 200 counts on the low-BE side
# plus 150 counts × the fraction of the peak area below each BE; Gaussian noise σ = √counts.
be = np.arange(452.0, 470.0 + 1e-9, 0.1)
peaks = gauss(be, 459.0, 1.2, 3000) + gauss(be, 464.7, 2.0, 1500)
step = 200 + 150 * np.cumsum(peaks) / np.sum(peaks)
counts = peaks + step
write("xps_ti2p_synthetic.csv", "Binding Energy (eV),Intensity", be, counts + rng.normal(0, np.sqrt(counts)))

# Raman: a Lorentzian band at 420 cm-1 (FWHM 12 cm-1, area 15000) on a fluorescence background
# 400 + 0.9·(x − 300) + 0.002·(x − 300)²; Gaussian noise σ = 8.
shift = np.arange(300.0, 600.0 + 1e-9, 1.0)
bg = 400 + 0.9 * (shift - 300) + 0.002 * (shift - 300) ** 2
write("raman_band_synthetic.csv", "Raman shift (cm-1),Intensity", shift,
      bg + lorentz(shift, 420.0, 12.0, 15000) + rng.normal(0, 8, shift.size))

# XRD: two Gaussian reflections at 2θ = 30.0° (FWHM 0.20°, area 100) and 30.6° (FWHM 0.25°, area 60)
# on a flat background of 50 counts; Gaussian noise σ = √counts.
tt = np.arange(28.0, 33.0 + 1e-9, 0.01)
xc = 50 + gauss(tt, 30.0, 0.20, 100) + gauss(tt, 30.6, 0.25, 60)
write("xrd_pair_synthetic.csv", "2theta (deg),Intensity", tt, xc + rng.normal(0, np.sqrt(xc)))
