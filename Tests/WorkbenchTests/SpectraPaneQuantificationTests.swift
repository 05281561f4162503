@testable import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Spectra pane's XPS quantification through Scofield's table, the source, the KE corrections
/// and the charge reference (`Q`), as `glovebox xps quantify` takes them.
final class SpectraPaneQuantificationTests: XCTestCase {
  typealias T = SpectraPaneConstraintTests
  typealias I = SpectraPaneInstrumentSeriesTests

  /// The two lines of SpectraPaneAnalysisTests (530 and 533 eV, areas 1000 and 500) fitted.
  func fitted() throws -> SpectraPane {
    var pane = T.pane(with: [SpectraPaneAnalysisTests.twoLines()])
    for _ in 0..<17 { _ = pane.perform(.cursorRight) }
    _ = pane.perform(.addComponent)
    for _ in 0..<20 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    let r = try T.runFit(&pane)
    XCTAssertTrue(r.success, r.fit.message)
    return pane
  }

  func enter(_ text: String, _ pane: inout SpectraPane) -> [Effect] {
    XCTAssertEqual(pane.perform(.editSensitivities), [.render])
    I.clearAndType(text, into: &pane)
    let effects = pane.handle(.key(.enter))
    if pane.modal != .none { _ = pane.handle(.key(.escape)) }
    return effects
  }

  func testScofieldFactorsFromTheEngineTableWithUnverifiedOnesFlagged() throws {
    var pane = try fitted()
    XCTAssertEqual(enter("p1=C1s p2=Li1s", &pane).last, .status(.error("sensitivity: p1=C1s is a Scofield level and needs source=AlKa or MgKa")))
    XCTAssertEqual(enter("p1=C1s p2=Xx9s source=AlKa", &pane).last?.isErrorStatus, true)
    XCTAssertEqual(enter("p1=C1s p2=Li1s source=MgKa", &pane).last?.isErrorStatus, true)  // no Mg Kα values entered
    XCTAssertEqual(enter("p1=C1s p2=Li1s source=AlKa", &pane), [.render, .status(StatusMessage("sensitivity factors for 2 of 2 groups"))])
    // S(C 1s) = 1, S(Li 1s) = 0.0568 (the engine's table): n = 1000/1 and 500/0.0568 = 8802.8,
    // so p1 is 1000/9802.8 = 10.201 at.% (by hand, areas as made).
    let percent = try XCTUnwrap(try pane.atomicPercent?.get())
    XCTAssertEqual(percent["p1"]?.value ?? 0, 10.201, accuracy: 0.02)
    XCTAssertEqual((percent["p1"]?.value ?? 0) + (percent["p2"]?.value ?? 0), 100, accuracy: 1e-9)
    let text = I.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("p1=1 [Scofield C 1s AlKa (definition)]"), text)
    XCTAssertTrue(text.contains("p2=0.0568 [Scofield Li 1s AlKa (unverified)]"), text)
    XCTAssertTrue(text.contains("unverified Scofield factors"), text)
    // p1 has the level C 1s: it is the charge reference at 284.8 eV unless told otherwise.
    let shift = 284.8 - (pane.currentFit?.result.components[0].center.value ?? 0)
    XCTAssertTrue(text.contains("charge: p1 "), text)
    XCTAssertEqual(try pane.quantification?.get().charge?.correction.shift ?? 0, shift, accuracy: 1e-9)
    // The prompt shows the settings back.
    XCTAssertEqual(pane.perform(.editSensitivities), [.render])
    guard case .prompt(.sensitivities, let editor) = pane.modal else { return XCTFail("no prompt") }
    XCTAssertEqual(editor.text, "p1=C1s p2=Li1s source=AlKa")
    _ = pane.handle(.key(.escape))
  }

  func testCorrectionsAndChargeReferenceAreAppliedAndShown() throws {
    var pane = try fitted()
    XCTAssertEqual(enter("p1=1 p2=1 imfp=power", &pane).last?.isErrorStatus, true)
    XCTAssertEqual(enter("p1=1 p2=1 ref=p7", &pane).last, .status(.error("sensitivity: ref=p7: the model has no group p7 (groups p1, p2)")))
    XCTAssertEqual(enter("p1=1 p2=1 source=Cu", &pane).last?.isErrorStatus, true)
    XCTAssertEqual(enter("p1=1 p2=1 t=x", &pane).last?.isErrorStatus, true)
    // KE corrections without hν: the reason, never a number.
    XCTAssertEqual(enter("p1=1 p2=1 t=-0.5", &pane).count, 2)
    XCTAssertTrue(I.render(pane).joined(separator: "\n").contains("at.%: transmission and mean-free-path corrections need the source energy hν"))
    XCTAssertEqual(enter("p1=1 p2=1 source=AlKa t=-0.5 imfp=power:0.75 ref=p2@532", &pane).count, 2)
    let q = try XCTUnwrap(try pane.quantification?.get())
    let fit = try XCTUnwrap(pane.currentFit?.result)
    // By hand: BE_i moved by 532 − (p2's centre); n_i = A_i / KE_i^(−0.5 + 0.75), KE = 1486.6 − BE.
    let shift = 532 - fit.components[1].center.value
    let n = fit.components.map { c in c.area.value / pow(1486.6 - (c.center.value + shift), 0.25) }
    XCTAssertEqual(q.percent["p1"]?.value ?? 0, 100 * n[0] / (n[0] + n[1]), accuracy: 1e-9)
    XCTAssertEqual(q.charge?.group, "p2")
    let text = I.render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("T = KE^-0.5 · λ = KE^0.75 · hν 1486.6 eV from AlKa"), text)
    XCTAssertTrue(text.contains("→ 532 eV"), text)
    XCTAssertEqual(enter("p1=1 p2=1 ref=none", &pane).count, 2)
    XCTAssertTrue(I.render(pane).joined(separator: "\n").contains("no charge correction (Q ref=GROUP)"))
  }
}
