import Formats
import Foundation
import Testing
@testable import Engine

/// The inline model syntax and the TOML model file.
@Suite struct PeakModelSyntaxTests {
  let x = (0..<200).map { 295 - 0.075 * Double($0) }
  var y: [Double] { x.map { 50 + 500 * exp(-4 * log(2.0) * ($0 - 284.8) * ($0 - 284.8) / 1.44) } }

  @Test func inlineModelBuildsComponents() throws {
    let spec = try PeakModelSpec.parse("shirley + voigt(284.8, 1.2) + voigt(286.3) + doublet_p(gl30, 459.0, split=5.7)")
    #expect(spec.terms.map(\.name) == ["shirley", "voigt", "voigt", "doublet_p"])
    let model = try PeakModelStart.build(spec, x: x, y: y, axis: .bindingEnergy)
    #expect(model.background == .shirley(.towardHigherX))
    #expect(model.components.count == 4)
    #expect(model["p1.fwhm"]?.value == 1.2)
    #expect(model["p3_1/2.center"]?.tie == .offset("p3_3/2.center", 5.7))
    #expect(model["p3_1/2.area"]?.tie == .ratio("p3_3/2.area", 0.5))
    #expect(model["p3_3/2.p"]?.value == 30 && model["p3_3/2.p"]?.fixed == true)
    // Height from the data: 500 above the floor 50 at 284.8, so a Gaussian start would have area
    // 500·1.2·√(π/4ln2); the Voigt's start is close to the data's peak height.
    let curves = try model.curves(x: [284.8])
    #expect(curves.components[0][0] > 300 && curves.components[0][0] < 700)
  }

  @Test func inlineModelErrors() {
    #expect(throws: InputError.self) { try PeakModelSpec.parse("linear + gaussian(24.7") }
    let cases = ["gaussian(1)", "linear + blob(3)", "linear + gaussian()", "linear + doublet_p(gl30, 459)",
                 "linear + gaussian(284, 1, wobble=3)", "shirley + gaussian(284)"]
    for c in cases {
      #expect(throws: InputError.self, "\(c)") {
        try PeakModelStart.build(try PeakModelSpec.parse(c), x: x, y: y, axis: c.hasPrefix("shirley") ? .ramanShift : .bindingEnergy)
      }
    }
  }

  @Test func modelFileRoundTrips() throws {
    var model = PeakModel(background: .tougaard(.polymer3, .towardHigherX))
    model.addDoublet(.voigt, kind: .d, center: 100.5, splitting: 3.1, fwhm: 0.9, area: 42, fwhmRatio: 1.1)
    model.addKAlphaPair(.pearsonVII, twoTheta: 30.1, fwhm: 0.12, area: 7)
    model["p1_5/2.center"]?.min = 99
    let text = PeakModelFile.write(model)
    let back = try PeakModelFile.read(text, file: "m.toml")
    #expect(back == model)
  }

  @Test func modelFileErrorsNameTheLine() {
    let text = """
      [background]
      method = "linear"

      [[components]]
      name = "p1"
      shape = "wobbly"
      """
    do {
      _ = try PeakModelFile.read(text, file: "m.toml")
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.file == "m.toml", "\(e)"); #expect(e.line == 6, "\(e)"); #expect(e.message.contains("wobbly"), "\(e)")
    } catch { Issue.record("\(error)") }
    let missing = "[background]\nmethod = \"none\"\n\n[[components]]\nname = \"p1\"\nshape = \"gaussian\"\n"
    do {
      _ = try PeakModelFile.read(missing, file: "m.toml")
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.file == "m.toml" && e.message.contains("p1.center"), "\(e)")
    } catch { Issue.record("\(error)") }
  }
}
