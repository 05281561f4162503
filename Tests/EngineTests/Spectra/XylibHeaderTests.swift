import Formats
import Foundation
import Testing
@testable import Engine

/// SPECS `.xy` and UXD headers through xylib, on small files written here to the layouts of
/// SpecsLab 2's XY export and Bruker's UXD (as xylib's own sample files have them).
@Suite struct XylibHeaderTests {
  func temporaryFile(_ text: String, _ name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("xylib-\(UUID().uuidString)-\(name)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func specsRegion(_ region: String, axisLine: String, scanMode: String, excitation: Double, rows: [String]) -> String {
    """
    # Created by:        SpecsLab2, Version 2.77-r27212
    # 
    # XY-Serializer Export Settings: as follows
    #   Comment Prefix:           #
    #   Kinetic Energy Axis:      yes
    # 
    # Group:             Si_sub
    #
    # \(axisLine)
    # Region:            \(region)
    # Analysis Method:   XPS
    # Scan Mode:         \(scanMode)
    # Values/Curve:      \(rows.count)
    # Excitation Energy: \(excitation)
    # Eff. Workfunction: 4.5
    #
    # ColumnLabels: energy counts/s scaling
    #
    \(rows.joined(separator: "\n"))

    """
  }

  @Test func specsRegionsKeepTheirPointsAndAxis() throws {
    // Region 1: kinetic energy 1000, 1000.5, 1001 eV at hν 1486.6 eV, φ 4.5 eV → BE 482.1 … 481.1.
    // Region 2: stated in binding energy. Region 3: a constant-final-state scan (x = photon energy).
    var text = Self.specsRegion("C 1s", axisLine: "values in kinetic energy", scanMode: "FixedAnalyzerTransmission",
                                excitation: 1486.6, rows: ["1000  10  1", "1000.5  20  1", "1001  15  1"])
    text += "\n" + Self.specsRegion("P 2p", axisLine: "values in binding energy", scanMode: "FixedAnalyzerTransmission",
                                    excitation: 1486.6, rows: ["139  5  1", "138.5  7  1", "138  6  1", "137.5  4  1"])
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    text += "\n" + Self.specsRegion("O 1s XAS", axisLine: "values in kinetic energy", scanMode: "ConstantFinalState",
                                    excitation: 525, rows: ["525  1  1", "525.1  2  1"])
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    let path = try temporaryFile(text, "region.xy")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let s = try SpectrumFileReader.read(path: path)
    #expect(s.count == 3, "one spectrum per region (the scaling column is not one): \(s.map(\.name))")
    guard s.count == 3 else { return }
    #expect(s[0].axis == .bindingEnergy && s[0].x.count == 3 && s[0].y == [10, 20, 15])
    for (be, ke) in zip(s[0].x, [1000, 1000.5, 1001]) { #expect(abs(be - (1486.6 - ke - 4.5)) < 1e-9) }
    #expect(s[1].axis == .bindingEnergy && s[1].x == [139, 138.5, 138, 137.5] && s[1].y == [5, 7, 6, 4])
    #expect(s[2].axis == .kineticEnergy && s[2].x == [525, 525.1])
    #expect(s[2].metadata["x_note"]?.contains("ConstantFinalState") == true)
    #expect(s[0].metadata["format"] == "xylib specsxy")
  }

  static let uxdHeader = """
    ; hand-made UXD to the layout of Bruker's DIFFRAC export
    _FILEVERSION=2
    _SAMPLE='LPSC'
    _WL_UNIT='A'
    _WL1=1.540600
    _WL2=1.544390
    _WLRATIO=0.500000
    _ANODE='Cu'
    ; (Data for Range number 1)
    _DRIVE='COUPLED'
    _STEPSIZE=0.02
    _START=10.000000
    _COUNT
    """

  @Test func uxdWavelengthReachesTheSpectrum() throws {
    let path = try temporaryFile(Self.uxdHeader + "\n100 120 140 130\n110 105\n", "scan.uxd")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let s = try SpectrumFileReader.read(path: path)
    #expect(s.count == 1)
    #expect(s.first?.axis == .twoTheta(wavelength: 1.5406))
    #expect(s.first?.x.count == 6 && s.first?.y == [100, 120, 140, 130, 110, 105])
    #expect(s.first?.metadata["kalpha2_angstrom"].flatMap(Double.init) == 1.54439)
    #expect(s.first?.metadata["kalpha2_ratio"].flatMap(Double.init) == 0.5)
    #expect(s.first?.metadata["wavelength_source"]?.contains("WL1") == true)
  }

  @Test func uxdBadWavelengthsAreErrors() throws {
    for (bad, part) in [("_WL1=1.540600", "_WL1=abc"), ("_WL_UNIT='A'", "_WL_UNIT='pm'"), ("_WL2=1.544390", "_WL2=-1")] {
      let path = try temporaryFile(Self.uxdHeader.replacingOccurrences(of: bad, with: part) + "\n100 120\n", "bad.uxd")
      defer { try? FileManager.default.removeItem(atPath: path) }
      do {
        _ = try SpectrumFileReader.read(path: path)
        Issue.record("\(part) was accepted")
      } catch let e as InputError {
        let key = part.dropFirst().prefix { $0 != "=" }
        #expect(e.file == path && e.message.contains(String(key)), "\(e)")
      }
    }
  }
}
