import Engine
import Formats
import Foundation
import TUI

/// One row of the phase-match table: a phase's figure of merit against the measured peaks.
public struct SpectraPhaseScore: Equatable, Sendable {
  public var path: String
  public var name: String
  public var score: PhaseMatchScore
}

extension SpectraPane {
  /// Tolerance in degrees 2θ for matching measured peaks to computed sticks (scores, indexing).
  public static let matchTolerance = 0.2
  /// The Scherrer constant the table uses (FWHM, spherical crystallites), shown in its header.
  public static let scherrerConstant = 0.9

  /// The wavelength typed with `w`, else the one the file states; nil when neither is known.
  public var effectiveWavelength: Double? {
    guard case .twoTheta(let lambda)? = current?.spectrum.axis else { return nil }
    return analysis.wavelength ?? lambda
  }

  mutating func openWavelengthPrompt() -> [Effect] {
    guard case .twoTheta? = current?.spectrum.axis else { return [.status(.error("the wavelength is for XRD patterns"))] }
    let text = analysis.wavelengthName ?? effectiveWavelength.map { Self.format($0) } ?? ""
    let names = XRayWavelength.named.map(\.name).joined(separator: ", ")
    modal = .prompt(.wavelength, TextInput(text: text, prompt: "X-ray wavelength (\(names), or Å): "))
    return [.render]
  }

  /// Sets the wavelength and (re)computes the phases' stick patterns at it.
  mutating func setWavelength(_ text: String) -> [Effect] {
    let lambda: Double
    do { lambda = try XRayWavelength.parse(text) } catch { return [.status(.error("wavelength: \(error)"))] }
    analysis.wavelengthName = text
    analysis.wavelength = lambda
    return merge(loadPhases(), [.status(StatusMessage("λ = \(Self.format(lambda)) Å"))])
  }

  /// Starts computing the stick patterns of the workspace's `structures/*.cif` at the effective
  /// wavelength, up to the spectrum's highest 2θ.
  mutating func loadPhases() -> [Effect] {
    guard let lambda = effectiveWavelength, let s = current?.spectrum, let top = s.x.max() else { return [] }
    guard analysis.phasesWavelength != lambda, analysis.phasesPending != lambda else { return [] }
    analysis.phasesPending = lambda
    return [.startJob(.spectra(.loadPhases(wavelength: lambda, twoThetaMax: min(179, top + 1)))), .render]
  }

  /// `g`: the phase chooser, once the patterns are computed at the current wavelength.
  mutating func openPhasePrompt() -> [Effect] {
    guard case .twoTheta? = current?.spectrum.axis else { return [.status(.error("phases are for XRD patterns"))] }
    guard let lambda = effectiveWavelength else {
      return [.status(.error("no wavelength read from this file: set it with w (CuKa1, MoKa1, …)"))]
    }
    if analysis.phasesWavelength != lambda {
      let effects = loadPhases()
      return merge(effects, [.status(StatusMessage("computing the patterns of structures/*.cif at λ \(Self.format(lambda)) Å; press g again to choose"))])
    }
    guard !analysis.phases.isEmpty else { return [.status(.error("no structures/*.cif in \(workspace)"))] }
    let list = analysis.phases.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", ")
    let chosen = analysis.shownPhases.compactMap { p in analysis.phases.firstIndex { $0.path == p }.map { String($0 + 1) } }
    modal = .prompt(.phases, TextInput(text: chosen.joined(separator: " "), prompt: "phases (\(list); empty: none): "))
    return [.render]
  }

  /// Shows the sticks of the phases numbered in `text` (1-based, as the prompt lists them).
  mutating func choosePhases(_ text: String) -> [Effect] {
    var paths: [String] = []
    for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
      guard let n = Int(token), n >= 1, n <= analysis.phases.count else {
        return [.status(.error("phases: numbers 1–\(analysis.phases.count), found \"\(token)\""))]
      }
      let phase = analysis.phases[n - 1]
      if let error = phase.error { return [.status(.error("\(phase.path): \(error)"))] }
      if !paths.contains(phase.path) { paths.append(phase.path) }
    }
    analysis.shownPhases = paths
    return [.render, .status(StatusMessage(paths.isEmpty ? "no phases shown" : "showing \(paths.count) phase\(paths.count == 1 ? "" : "s")"))]
  }

  /// The phases whose sticks are drawn, in the order chosen.
  var shownPhases: [SpectraPhase] {
    guard effectiveWavelength == analysis.phasesWavelength else { return [] }
    return analysis.shownPhases.compactMap { p in analysis.phases.first { $0.path == p && $0.error == nil } }
  }

  /// Which spectrum `observedPeaks` answers.
  var observedKey: String? {
    guard let entry = current, case .twoTheta = entry.spectrum.axis else { return nil }
    return "\(entry.path)#\(entry.index)"
  }

  /// The measured pattern's peak positions the phases are scored against: those `PeakFinder`
  /// finds in the whole pattern (a fit usually covers one range; the score is about the whole
  /// pattern), kept until another spectrum is selected.
  var observedPeaks: [Double] {
    guard let key = observedKey, let cached = analysis.observed, cached.key == key else { return [] }
    return cached.peaks
  }

  /// Searches the selected pattern's peaks once phases are loaded (too slow for every frame).
  mutating func refreshObservedPeaks() {
    guard analysis.phasesWavelength != nil, let key = observedKey, analysis.observed?.key != key, let s = current?.spectrum else { return }
    analysis.observed = (key, ((try? PeakFinder.find(x: s.x, y: s.y)) ?? []).map(\.center))
  }

  /// Every computed phase scored against `observedPeaks`, best first.
  var phaseScores: [SpectraPhaseScore] {
    guard let lambda = effectiveWavelength, lambda == analysis.phasesWavelength else { return [] }
    let observed = observedPeaks
    guard !observed.isEmpty else { return [] }
    return analysis.phases.compactMap { phase -> SpectraPhaseScore? in
      guard phase.error == nil, let s = try? PowderPattern(sticks: phase.sticks, wavelength: lambda).matchScore(observed: observed, tolerance: Self.matchTolerance)
      else { return nil }
      return SpectraPhaseScore(path: phase.path, name: phase.name, score: s)
    }.sorted { $0.score.figureOfMerit > $1.score.figureOfMerit }
  }

  /// The lattice of the first shown phase refined from the fitted centres it indexes (each
  /// assigned to the nearest stick within `matchTolerance`); nil without a fit or a phase.
  var refinedLattice: (phase: SpectraPhase, result: Result<LatticeRefinement, InputError>)? {
    guard let phase = shownPhases.first, let lambda = effectiveWavelength, let fit = currentFit, fit.result.success else { return nil }
    guard let system = phase.system else {
      return (phase, .failure(InputError("\(phase.name) is monoclinic or triclinic: not refined")))
    }
    let observed = fit.result.components.filter { !$0.name.hasSuffix("_ka2") }.map(\.center.value)
    let assigned = PowderPattern(sticks: phase.sticks, wavelength: lambda).assign(observed: observed, tolerance: Self.matchTolerance)
    let indexed = zip(observed, assigned).compactMap { x, p in p.map { LatticeRefinement.IndexedPeak(h: $0.h, k: $0.k, l: $0.l, twoTheta: x) } }
    do {
      return (phase, .success(try LatticeRefinement(peaks: indexed, system: system, wavelength: lambda)))
    } catch {
      return (phase, .failure(error))
    }
  }
}
