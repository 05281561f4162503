import Foundation

extension SpectralTransform2D {
  /// Mode number m along x of spectral column `i` (r2c order): the wavenumber is 2πm/lengthX.
  func modeX(_ i: Int) -> Int { i }

  /// Signed mode number along y of spectral row `j`: 2πm/L for periodic, π(m+½)/L for
  /// neumannDirichlet, πm/L otherwise.
  func modeY(_ j: Int) -> Int {
    switch boundary {
    case .periodic: return j <= ny / 2 ? j : j - ny
    case .dirichlet: return j + 1
    case .neumann, .neumannCell, .neumannDirichlet: return j
    }
  }

  /// Number of spectral columns (complex numbers) per row.
  var spectralColumns: Int { nx / 2 + 1 }

  /// Wavenumbers (kx, ky) in rad per length unit of every spectral entry, one per column/row.
  public func wavenumbers() -> (kx: [Double], ky: [Double]) {
    let kx = (0..<spectralColumns).map { 2 * Double.pi * Double(modeX($0)) / lengthX }
    let yFactor = boundary == .periodic ? 2 * Double.pi : Double.pi
    let shift = boundary == .neumannDirichlet ? 0.5 : 0
    let ky = (0..<ny).map { yFactor * (Double(modeY($0)) + shift) / lengthY }
    return (kx, ky)
  }

  /// The eigenvalue of the Laplacian for every double of a spectrum (≤ 0): −kx² − ky² for
  /// `.spectral`, −(4/hx²)sin²(kx·hx/2) − (4/hy²)sin²(ky·hy/2) for `.fivePoint` (the exact
  /// eigenvalues of the 3-point stencil with the boundary's reflection rule: odd for Dirichlet,
  /// even about the node or the cell face for Neumann).
  public func laplacianSymbol(_ kind: LaplacianSymbolKind = .spectral) -> [Double] {
    let (kx, ky) = wavenumbers()
    let hx = spacingX, hy = spacingY
    func axis(_ k: Double, _ h: Double) -> Double {
      switch kind {
      case .spectral: return -k * k
      case .fivePoint:
        let s = sin(k * h / 2)
        return -4 / (h * h) * s * s
      }
    }
    let columns = spectralColumns
    let perEntry = 2
    var symbol = [Double](repeating: 0, count: spectrumCount)
    let lx = kx.map { axis($0, hx) }
    for j in 0..<ny {
      let ly = axis(ky[j], hy)
      for i in 0..<columns {
        let value = lx[i] + ly
        let base = (j * columns + i) * perEntry
        for c in 0..<perEntry { symbol[base + c] = value }
      }
    }
    return symbol
  }
}
