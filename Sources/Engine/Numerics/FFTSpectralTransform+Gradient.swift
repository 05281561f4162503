extension SpectralTransform2D {
  /// Spectral gradient (∂u/∂x, ∂u/∂y) of a periodic-periodic field from its spectrum: multiply
  /// by i·k and invert. The Nyquist modes (mx = nx/2, my = ny/2) are zeroed for the first
  /// derivative, since their derivative is not a real function on the grid.
  /// - Precondition: `boundary == .periodic`.
  public func gradient(spectrum: [Double], dx: inout [Double], dy: inout [Double]) {
    precondition(boundary == .periodic, "spectral gradient needs a periodic-periodic grid")
    let (kx, ky) = wavenumbers()
    let columns = spectralColumns
    var hx = [Double](repeating: 0, count: spectrumCount)
    var hy = [Double](repeating: 0, count: spectrumCount)
    for j in 0..<ny {
      let kyj = (ny % 2 == 0 && j == ny / 2) ? 0 : ky[j]
      for i in 0..<columns {
        let kxi = (nx % 2 == 0 && i == nx / 2) ? 0 : kx[i]
        let base = 2 * (j * columns + i)
        let re = spectrum[base], im = spectrum[base + 1]
        // i·k·(re + i·im) = −k·im + i·k·re
        hx[base] = -kxi * im
        hx[base + 1] = kxi * re
        hy[base] = -kyj * im
        hy[base + 1] = kyj * re
      }
    }
    inverse(hx, into: &dx)
    inverse(hy, into: &dy)
  }
}
