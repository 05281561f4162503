import Foundation
import Testing
@testable import Engine

/// A VAMAS block with a "Transmission" corresponding variable beside the counts (as SpecsLab and
/// Kratos export them): one spectrum of the region, the transmission named in its metadata, not
/// a second spectrum with the same region name.
@Suite struct XylibVamasTransmissionTests {
  @Test func transmissionIsNotASecondSpectrum() throws {
    let text = try String(contentsOf: XylibReaderTests.vamasFixture, encoding: .utf8)
    // The fixture has CRLF line ends (as VAMAS files from Windows instruments do).
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    try #require(lines.count >= 71)
    // The fixture's block: line 52 "1" corresponding variable (Intensity, d); line 63 "5"
    // ordinates, then min and max, then the five counts (see handwritten_c1s.vms).
    #expect(lines[51] == "1" && lines[52] == "Intensity" && lines[62] == "5")
    lines[51] = "2"
    lines.insert(contentsOf: ["Transmission", "d"], at: 54)
    // Shifted by 2: ordinate count at 64, min/max at 65–66, values at 67–71.
    lines[64] = "10"
    let counts = ["10", "20", "50", "30", "15"], transmission = ["0.5", "0.6", "0.7", "0.8", "1.0"]
    lines.replaceSubrange(65..<72, with: ["10", "50", "0.5", "1.0"] + zip(counts, transmission).flatMap { [$0, $1] })
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vamas-transmission-\(UUID().uuidString).vms")
    try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let spectra = try SpectrumFileReader.read(path: url.path)
    #expect(spectra.count == 1)
    #expect(spectra.first?.y == [10, 20, 50, 30, 15])
    #expect(spectra.first?.metadata["transmission_column"]?.contains("Transmission") == true)
    // The fixture states a work function of 4.0 eV; where it came from is said.
    #expect(spectra.first?.metadata["work_function_source"] == "4.0 eV from the file")
  }
}
