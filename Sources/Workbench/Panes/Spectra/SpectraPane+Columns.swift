import Engine
import Formats
import Foundation
import TUI

/// One column of the fitted results table.
struct SpectraResultColumn {
  var title: String
  var width: Int
  var value: (PeakComponentResult) -> String
}

extension SpectraPane {
  /// The fitted table's columns after peak and shape: centre and FWHM always; then per technique
  /// height, d-spacing and Scherrer size (XRD), area, % area and atomic % (XPS), or height, area
  /// and % area (Raman, AES).
  var resultColumns: [SpectraResultColumn] {
    var columns = [SpectraResultColumn(title: "centre", width: 20) { pm($0.center) },
                   SpectraResultColumn(title: "FWHM", width: 20) { pm($0.fwhm) }]
    let percent = SpectraResultColumn(title: "% area", width: 14) { "\(Self.short($0.areaPercent.value)) ± \(Self.short($0.areaPercent.error))" }
    switch current?.spectrum.technique {
    case .xrd?:
      let lambda = effectiveWavelength
      columns.append(SpectraResultColumn(title: "height", width: 18) { pm($0.height) })
      columns.append(SpectraResultColumn(title: "d / Å", width: 19) { r in
        guard let lambda, let d = try? ScherrerSize.dSpacing(twoTheta: r.center, wavelength: lambda) else { return "—" }
        return pm(d)
      })
      columns.append(SpectraResultColumn(title: "size / nm (K \(Self.format(Self.scherrerConstant)))", width: 17) { r in
        switch scherrerSize(of: r) {
        case .success(let size): return "\(Self.format(size.value / 10)) ± \(Self.short(size.error / 10))"
        // The reason is on the notes line; a line no broader than the instrument has no size.
        case .failure: return lambda == nil ? "—" : "refused"
        }
      })
    case .xps?:
      let quantified = try? atomicPercent?.get()
      var seen = Set<String>()
      columns.append(SpectraResultColumn(title: "area", width: 20) { pm($0.area) })
      columns.append(percent)
      columns.append(SpectraResultColumn(title: "at.%", width: 14) { r in
        let g = Self.group(of: r.name)
        guard let p = quantified?[g], seen.insert(g).inserted else { return quantified == nil ? "—" : "" }
        return "\(Self.short(p.value)) ± \(Self.short(p.error))"
      })
    default:
      columns.append(SpectraResultColumn(title: "height", width: 20) { pm($0.height) })
      columns.append(SpectraResultColumn(title: "area", width: 20) { pm($0.area) })
      columns.append(percent)
    }
    return columns
  }

  /// Lines under the table: the selected parameter's constraint, and per technique what the
  /// extra columns used (wavelength, Scherrer constant, phase scores, refined lattice; sensitivity
  /// factors and the corrections not applied).
  var notesLines: [String] {
    var lines: [String] = []
    if let name = selectedParameterName, let p = settings.model[name] {
      let state: String
      switch p.tie {
      case .offset(let t, let d)?: state = "= \(t) + \(Self.format(d))"
      case .ratio(let t, let f)?: state = "= \(t) × \(Self.format(f))"
      case .kAlpha2(let t, let r)?: state = "= Kα2 of \(t) (λ₂/λ₁ \(Self.format(r)))"
      case nil: state = (p.fixed ? "fixed" : "free") + " in [\(Self.bound(p.min)), \(Self.bound(p.max))]"
      }
      lines.append("parameter \(name) = \(Self.format(p.value)) · \(state)   (v next · X fix/free · B bounds · t tie · D doublet · K Kα pair)")
    }
    switch current?.spectrum.technique {
    case .xrd?:
      guard let lambda = effectiveWavelength else {
        lines.append("no wavelength read from this file: w sets it (d-spacings, sizes, Kα pairs and phases need it)")
        break
      }
      lines.append("λ \(Self.format(lambda)) Å\(analysis.wavelengthName.map { " (\($0))" } ?? " (from the file)") · d by Bragg · Scherrer K \(Self.format(Self.scherrerConstant)), "
        + (analysis.instrument?.description ?? "instrument width not removed (I sets it)"))
      for refusal in scherrerRefusals { lines.append("no size for \(refusal)") }
      let scores = phaseScores
      if !scores.isEmpty {
        lines.append("phase match (±\(Self.format(Self.matchTolerance))°, \(observedPeaks.count) peaks found): "
          + scores.prefix(5).map { "\($0.name) \(String(format: "%.2f", $0.score.figureOfMerit)) (\($0.score.matchedObserved)/\($0.score.observedCount))" }.joined(separator: " · "))
      } else if analysis.phasesPending != nil {
        lines.append("computing the stick patterns of structures/*.cif…")
      }
      if let refined = refinedLattice {
        switch refined.result {
        case .success(let r):
          var cell = "a \(Self.format(r.a)) ± \(r.aError.map { Self.short($0) } ?? "—") Å"
          if r.system == .orthorhombic { cell += ", b \(Self.format(r.b)) ± \(r.bError.map { Self.short($0) } ?? "—") Å" }
          if r.system != .cubic { cell += ", c \(Self.format(r.c)) ± \(r.cError.map { Self.short($0) } ?? "—") Å" }
          lines.append("\(refined.phase.name) lattice refined (\(r.system.rawValue), \(r.residuals.count) indexed peaks): \(cell)")
        case .failure(let error):
          lines.append("\(refined.phase.name) lattice: \(error.message)")
        }
      }
    case .xps?:
      lines += quantificationNotes
    default: break
    }
    return lines
  }
}
