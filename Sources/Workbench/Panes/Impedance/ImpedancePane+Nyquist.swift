import Engine
import Foundation

/// A Nyquist plot's visible window, Ω on both axes (−Z'' up).
public struct NyquistWindow: Equatable, Sendable {
  public var real: ClosedRange<Double>
  public var minusImaginary: ClosedRange<Double>

  public init(real: ClosedRange<Double>, minusImaginary: ClosedRange<Double>) {
    self.real = real
    self.minusImaginary = minusImaginary
  }

  /// Zoomed by `factor` (< 1 in) about its centre.
  func scaled(_ factor: Double) -> NyquistWindow {
    func scale(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
      let c = (r.lowerBound + r.upperBound) / 2, h = (r.upperBound - r.lowerBound) / 2 * factor
      return (c - h)...(c + h)
    }
    return NyquistWindow(real: scale(real), minusImaginary: scale(minusImaginary))
  }

  /// Moved by a quarter of its width (dx) or height (dy).
  func panned(dx: Double, dy: Double) -> NyquistWindow {
    let w = (real.upperBound - real.lowerBound) / 4, h = (minusImaginary.upperBound - minusImaginary.lowerBound) / 4
    return NyquistWindow(
      real: (real.lowerBound + dx * w)...(real.upperBound + dx * w),
      minusImaginary: (minusImaginary.lowerBound + dy * h)...(minusImaginary.upperBound + dy * h))
  }

  /// The whole spectrum (its data's bounding box).
  static func whole(_ s: ImpedanceSpectrum) -> NyquistWindow? {
    box(Array(s.real.indices), s)
  }

  /// The high-frequency arcs: what a blocking pellet's capacitive tail (MΩ) or a cell's
  /// diffusion tail hides on the whole plot. Walking from the highest frequency down, the
  /// arcs end where −Z'' has its first valley (the tail starts rising there); the window holds
  /// every point with |Z| ≤ 3·|Z| at that valley (the arc and the foot of the tail). Without a
  /// valley (one arc, no tail) it is the whole spectrum.
  static func highFrequencyArcs(_ s: ImpedanceSpectrum) -> NyquistWindow? {
    let order = s.frequencies.indices.sorted { s.frequencies[$0] > s.frequencies[$1] }
    let minusIm = order.map { -s.imaginary[$0] }
    guard order.count >= 3 else { return whole(s) }
    var valley: Int?
    for k in 1..<(order.count - 1) where minusIm[k] < minusIm[k - 1] && minusIm[k] <= minusIm[k + 1] {
      // A valley after a rise (past an arc's top), or the very first dip of a spectrum that
      // starts on an arc's low-frequency side.
      valley = k
      break
    }
    guard let v = valley else { return whole(s) }
    func magnitude(_ i: Int) -> Double { (s.real[i] * s.real[i] + s.imaginary[i] * s.imaginary[i]).squareRoot() }
    let limit = 3 * magnitude(order[v])
    let kept = order.filter { magnitude($0) <= limit }
    return box(kept, s)
  }

  private static func box(_ indices: [Int], _ s: ImpedanceSpectrum) -> NyquistWindow? {
    let xs = indices.map { s.real[$0] }.filter(\.isFinite), ys = indices.map { -s.imaginary[$0] }.filter(\.isFinite)
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
    let pad = 0.05 * max(x1 - x0, y1 - y0, 1e-12)
    return NyquistWindow(real: (x0 - pad)...(x1 + pad), minusImaginary: (min(0, y0) - pad)...(y1 + pad))
  }
}

/// The Nyquist view's keys: `z` toggles the high-frequency arcs and the whole spectrum, `[`/`]`
/// zoom, H/J/K/L pan (equal scales kept by the plot), `,`/`.` move the cursor along the data
/// (its frequency is read out in the title), `o` overlays the series.
extension ImpedancePane {
  mutating func nyquist(_ action: Action) -> [Effect] {
    guard let spectrum = current?.spectrum, view == .spectra else {
      return [.status(StatusMessage("Nyquist keys work in the Nyquist · Bode view (v)"))]
    }
    switch action {
    case .zoomArcs:
      let arcs = NyquistWindow.highFrequencyArcs(spectrum)
      if nyquistWindow != nil, nyquistWindow == arcs {
        nyquistWindow = nil
        return [.render, .status(StatusMessage("Nyquist: whole spectrum"))]
      }
      nyquistWindow = arcs
      return [.render, .status(StatusMessage("Nyquist: high-frequency arcs (z again: whole spectrum)"))]
    case .nyquistZoomIn, .nyquistZoomOut:
      guard let base = nyquistWindow ?? NyquistWindow.whole(spectrum) else { return [] }
      nyquistWindow = base.scaled(action == .nyquistZoomIn ? 0.5 : 2)
    case .nyquistPanLeft, .nyquistPanRight, .nyquistPanUp, .nyquistPanDown:
      guard let base = nyquistWindow ?? NyquistWindow.whole(spectrum) else { return [] }
      let dx: Double = action == .nyquistPanLeft ? -1 : action == .nyquistPanRight ? 1 : 0
      let dy: Double = action == .nyquistPanDown ? -1 : action == .nyquistPanUp ? 1 : 0
      nyquistWindow = base.panned(dx: dx, dy: dy)
    case .cursorPrevious, .cursorNext:
      // Along the data by frequency: `.` towards low frequency, `,` towards high.
      let order = spectrum.frequencies.indices.sorted { spectrum.frequencies[$0] > spectrum.frequencies[$1] }
      guard !order.isEmpty else { return [] }
      let at = cursor.flatMap { order.firstIndex(of: $0) }
      let next = at.map { max(0, min(order.count - 1, $0 + (action == .cursorNext ? 1 : -1))) } ?? 0
      cursor = order[next]
    case .toggleOverlay:
      overlay.toggle()
    default:
      return []
    }
    return [.render]
  }

  /// "f 1.259 kHz · Z′ 19.34 Ω · −Z″ 1.73 Ω" for the cursor's point.
  var cursorReadout: String? {
    guard let cursor, let s = current?.spectrum, s.frequencies.indices.contains(cursor) else { return nil }
    let f = s.frequencies[cursor]
    let frequency = f >= 1e6 ? String(format: "%.4g MHz", f / 1e6) : f >= 1e3 ? String(format: "%.4g kHz", f / 1e3) : String(format: "%.4g Hz", f)
    return String(format: "f %@ · Z′ %.4g Ω · −Z″ %.4g Ω", frequency, s.real[cursor], -s.imaginary[cursor])
  }

  /// The other spectra of the selected one's series (at most five), for the overlay.
  var overlaid: [LoadedImpedanceSpectrum] {
    guard overlay, entries.indices.contains(selected) else { return [] }
    return Array(seriesIndices(of: selected).filter { $0 != selected }.prefix(5).map { entries[$0] })
  }
}
