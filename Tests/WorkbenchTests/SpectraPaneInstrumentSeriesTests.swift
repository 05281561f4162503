@testable import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Spectra pane's instrument width for Scherrer sizes (`I`) and the x axis of a series (`Z`).
final class SpectraPaneInstrumentSeriesTests: XCTestCase {
  typealias T = SpectraPaneConstraintTests
  typealias A = SpectraPaneAnalysisTests

  static func render(_ pane: SpectraPane) -> [String] {
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  static func clearAndType(_ text: String, into pane: inout SpectraPane) {
    for _ in 0..<200 { _ = pane.handle(.key(.backspace)) }
    for c in text { _ = pane.handle(.key(.character(c))) }
  }

  /// The rock-salt pattern at Cu Kα1 with its three peaks fitted.
  func fittedPattern() throws -> SpectraPane {
    var pane = T.pane(with: [A.rockSalt()])
    XCTAssertEqual(pane.perform(.setInstrumentWidth), [.render])  // XRD: the prompt opens even before λ
    _ = pane.handle(.key(.escape))
    _ = pane.perform(.setWavelength)
    T.type("CuKa1", into: &pane)
    _ = pane.handle(.key(.enter))
    XCTAssertEqual(pane.perform(.autoPeaks).last, .status(StatusMessage("found 3 peaks (gaussian)")))
    let r = try T.runFit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    return pane
  }

  func testInstrumentWidthIsRemovedByTheChosenModelAndABroaderInstrumentIsRefused() throws {
    var pane = try fittedPattern()
    let fit = try XCTUnwrap(pane.currentFit?.result)
    let p2 = fit.components[1]  // the 200 line, FWHM 0.2° as made
    XCTAssertEqual(p2.fwhm.value, 0.2, accuracy: 1e-3)
    // No width: τ = 0.9 λ / (B cos θ) = 416.345 Å for B = 0.2° at 2θ 34.8816° (by hand, as in
    // SpectraPaneAnalysisTests); here with the fitted B.
    let theta = p2.center.value / 2 * .pi / 180
    let bare = 0.9 * A.cuKa1 / (p2.fwhm.value * .pi / 180 * cos(theta))
    XCTAssertEqual(try pane.scherrerSize(of: p2).get().value, bare, accuracy: 1e-9 * bare)
    XCTAssertTrue(Self.render(pane).joined(separator: "\n").contains("instrument width not removed (I sets it)"))

    XCTAssertEqual(pane.perform(.setInstrumentWidth), [.render])
    guard case .prompt(.instrumentWidth, let editor) = pane.modal else { return XCTFail("no instrument prompt") }
    XCTAssertTrue(editor.prompt.contains("0.08 gaussian or 0.08 lorentzian"), editor.prompt)
    Self.clearAndType("0.12", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last?.isErrorStatus, true)  // the model must be named
    Self.clearAndType("0.12 voigt", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last, .status(.error("instrument width: the model is gaussian (quadrature) or lorentzian (subtraction), found \"voigt\"")))
    Self.clearAndType("-0.1 gaussian", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last?.isErrorStatus, true)
    Self.clearAndType("0.12 gaussian", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("Scherrer sizes with the instrument FWHM 0.12° removed in quadrature (Gaussian)"))])
    XCTAssertEqual(pane.modal, .none)
    // Quadrature: β = √(B² − b²); with B = 0.2, b = 0.12, β = 0.16 and τ = 1.25 × the bare size.
    let b = p2.fwhm.value
    let gaussian = try pane.scherrerSize(of: p2).get()
    XCTAssertEqual(gaussian.value, bare * b / (b * b - 0.0144).squareRoot(), accuracy: 1e-9 * bare)
    XCTAssertEqual(gaussian.value / bare, 1.25, accuracy: 0.01)
    var text = Self.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("instrument FWHM 0.12° removed in quadrature (Gaussian)"), text)
    XCTAssertTrue(text.contains(Self.formatted(gaussian.value / 10)), text)

    _ = pane.perform(.setInstrumentWidth)
    Self.clearAndType("0.12 lorentzian", into: &pane)
    _ = pane.handle(.key(.enter))
    // Subtraction: β = B − b = 0.08, τ = 2.5 × the bare size.
    let lorentzian = try pane.scherrerSize(of: p2).get()
    XCTAssertEqual(lorentzian.value, bare * b / (b - 0.12), accuracy: 1e-9 * bare)
    XCTAssertTrue(Self.render(pane).joined(separator: "\n").contains("removed by subtraction (Lorentzian)"))

    // An instrument broader than the lines: every peak refused with the reason, no number.
    _ = pane.perform(.setInstrumentWidth)
    Self.clearAndType("0.25 gaussian", into: &pane)
    _ = pane.handle(.key(.enter))
    XCTAssertThrowsError(try pane.scherrerSize(of: p2).get())
    text = Self.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("refused"), text)
    XCTAssertTrue(text.contains("no size for p2: its FWHM \(SpectraPane.format(p2.fwhm.value))° is not broader than the instrument's 0.25°"), text)
    XCTAssertFalse(text.contains(" nan") || text.contains("inf ") || text.contains("-0 ±"), text)
    // An empty line removes the width again, and says so.
    _ = pane.perform(.setInstrumentWidth)
    Self.clearAndType("", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("Scherrer sizes without an instrument width"))])
    XCTAssertNil(pane.analysis.instrument)
    // Not for XPS or Raman.
    var raman = T.pane(with: [SpectraPaneTests.raman()])
    XCTAssertEqual(raman.perform(.setInstrumentWidth), [.status(.error("the instrument width is for XRD patterns"))])
  }

  static func formatted(_ v: Double) -> String { SpectraPane.format(v) }

  /// Three Raman spectra of a temperature run, with the VAMAS-style times xylib gives
  /// (10:52:30, +10 min, +25 min) and the temperature in the names.
  static func run(times: [String?]) -> [SpectraFileContents] {
    let x = (0...200).map { Double($0) * 0.5 }
    return [25, 50, 75].enumerated().map { k, t in
      var metadata: [String: String] = [:]
      if let time = times[k] { metadata["date_time"] = time }
      return SpectraFileContents(path: "run/LPSC_T\(t)C.csv", spectra: [Spectrum(name: "T\(t)", axis: .ramanShift, x: x, y: x.map {
        10 + T.gaussian($0, c: 40 + Double(k), w: 6, area: 3000)
      }, metadata: metadata)], error: nil)
    }
  }

  func testSeriesAxisFromTheFilesTimesFromFileNamesOrIndex() throws {
    let times = ["2005-09-14 10:52:30 +0000", "2005-09-14 11:02:30 +0000", "2005-09-14 11:17:30 +0000"]
    var pane = T.pane(files: Self.run(times: times))
    XCTAssertEqual(pane.seriesMembers.count, 3)
    let timed = SpectraSeriesAxis.make(.fileTime, members: pane.seriesMembers)
    XCTAssertEqual(timed.values, [0, 10, 25])
    XCTAssertEqual(timed.title, "time after the first spectrum / min")
    XCTAssertNil(timed.note)
    // One file without a time: the index, and the file named.
    let untimed = SpectraSeriesAxis.make(.fileTime, members: T.pane(files: Self.run(times: [times[0], nil, times[2]])).seriesMembers)
    XCTAssertEqual(untimed.values, [0, 1, 2])
    XCTAssertEqual(untimed.note, "no measurement time in run/LPSC_T50C.csv: plotted against index (Z: a number in the file names)")

    XCTAssertEqual(pane.perform(.chooseSeriesAxis), [.render])
    guard case .prompt(.seriesAxis, let editor) = pane.modal else { return XCTFail("no axis prompt") }
    XCTAssertEqual(editor.text, "time")
    Self.clearAndType("T100C", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)).last?.isErrorStatus, true)  // no # in the pattern
    Self.clearAndType("T#C temperature °C", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("series plotted against temperature / °C (file names)"))])
    XCTAssertEqual(SpectraSeriesAxis.make(pane.analysis.seriesAxis, members: pane.seriesMembers).values, [25, 50, 75])
    _ = pane.perform(.chooseSeriesAxis)
    Self.clearAndType("_#min time min", into: &pane)
    XCTAssertEqual(pane.handle(.key(.enter)), [.render, .status(StatusMessage("no number at _#min in run/LPSC_T25C.csv: plotted against index"))])
    _ = pane.perform(.chooseSeriesAxis)
    Self.clearAndType("T#C temperature °C", into: &pane)
    _ = pane.handle(.key(.enter))

    // Fitted and drawn: the plot's x axis names the quantity.
    _ = pane.perform(.addComponent)
    let effects = pane.perform(.fitSeries)
    guard case .startJob(.spectra(let job)) = effects.first else { return XCTFail("\(effects)") }
    let result = try XCTUnwrap(try job.computed(context: JobContext()))
    _ = pane.handle(.jobFinished(.spectra(job, .success(result))))
    var text = Self.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("temperature / °C (file names)"), text)
    _ = pane.perform(.chooseSeriesAxis)
    Self.clearAndType("time", into: &pane)
    _ = pane.handle(.key(.enter))
    text = Self.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("time after the first spectrum / min"), text)
    _ = pane.perform(.chooseSeriesAxis)
    Self.clearAndType("index", into: &pane)
    _ = pane.handle(.key(.enter))
    XCTAssertTrue(Self.render(pane).joined(separator: "\n").contains("spectrum index"))
  }

  func testBindingsAreInTheTableAndTheHelp() {
    XCTAssertEqual(SpectraPane.binding(for: .setInstrumentWidth).keys, [.character("I")])
    XCTAssertEqual(SpectraPane.binding(for: .chooseSeriesAxis).keys, [.character("Z")])
    XCTAssertEqual(SpectraPaneAction(rawValue: "set-instrument-width"), .setInstrumentWidth)
    XCTAssertEqual(SpectraPaneAction(rawValue: "choose-series-axis"), .chooseSeriesAxis)
  }
}
