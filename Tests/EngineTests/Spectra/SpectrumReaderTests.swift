import Formats
import Foundation
import Testing
@testable import Engine

/// Spectrum readers on small files written here (values by hand), and their malformed forms:
/// every error names the file and the line.
@Suite struct SpectrumReaderTests {
  func read(_ text: String, _ file: String, axis: SpectrumAxis? = nil) throws -> [Spectrum] {
    try SpectrumFileReader.read(Data(text.utf8), file: file, axis: axis)
  }

  func expectError(_ text: String, _ file: String, line: Int?, containing part: String) {
    do {
      _ = try read(text, file)
      Issue.record("\(file): expected an error containing \"\(part)\"")
    } catch let e as InputError {
      #expect(e.file == file)
      if let line { #expect(e.line == line, "\(e)") }
      #expect(e.message.contains(part), "\(e)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func csvWithAxisHeader() throws {
    let s = try read("BE/eV,Counts\n290,10\n289.5,12\n289,15\n", "c1s.csv")
    #expect(s.count == 1 && s[0].axis == .bindingEnergy && s[0].technique == .xps)
    #expect(s[0].x == [290, 289.5, 289] && s[0].y == [10, 12, 15])
  }

  @Test func commaDecimalsSideBySide() throws {
    // Semicolons and comma decimals, three Raman spectra on one shifted axis.
    let s = try read("Raman shift (cm-1);A;B;C\n100,5;1,5;2;3\n101,5;1,25;2,5;3,5\n", "series.csv")
    #expect(s.count == 3)
    #expect(s.map(\.name) == ["A", "B", "C"])
    #expect(s[0].x == [100.5, 101.5] && s[0].y == [1.5, 1.25] && s[2].y == [3, 3.5])
    #expect(s[1].axis == .ramanShift && s[1].technique == .raman)
  }

  @Test func pairedColumnsOfDifferentLengths() throws {
    let s = try read("2theta\tI1\t2theta\tI2\n10\t1\t20\t5\n10.02\t2\t20.02\t6\n10.04\t3\t\t\n", "xrd.tsv")
    #expect(s.count == 2)
    #expect(s[0].x == [10, 10.02, 10.04] && s[1].x == [20, 20.02])
    #expect(s[0].axis == .twoTheta(wavelength: nil) && s[0].technique == .xrd)
  }

  @Test func noAxisNeedsTheCaller() throws {
    expectError("1 2\n3 4\n", "plain.txt", line: nil, containing: "does not name the x axis")
    let s = try read("1 2\n3 4\n", "plain.txt", axis: .ramanShift)
    #expect(s[0].x == [1, 3] && s[0].axis == .ramanShift)
  }

  @Test func delimitedMalformed() {
    expectError("BE/eV,Counts\n290,10\n289.5,abc\n", "bad.csv", line: 3, containing: "expected a number")
    expectError("BE/eV,Counts\n290\n", "short.csv", line: 2, containing: "at least 2 columns")
    expectError("BE/eV,Counts\n", "empty.csv", line: 1, containing: "no data rows")
  }

  @Test func renishawSingleAndMap() throws {
    let single = try read("#Wave\t\t#Intensity\n1500.0\t10.0\n1499.0\t11.0\n1498.0\t12.5\n", "wire.txt")
    #expect(single.count == 1 && single[0].axis == .ramanShift)
    #expect(single[0].x == [1498, 1499, 1500] && single[0].y == [12.5, 11, 10])
    let map = try read("#X\t#Y\t#Wave\t#Intensity\n0\t0\t500\t1\n0\t0\t499\t2\n5\t0\t500\t3\n5\t0\t499\t4\n", "map.txt")
    #expect(map.count == 2 && map[1].y == [4, 3] && map[1].name == "X=5.0 Y=0.0")
  }

  @Test func renishawMalformed() {
    expectError("#Wave\t#Intensity\n1500\t10\n1499\n", "wire.txt", line: 3, containing: "expected 2 columns")
    expectError("#Wave\t#Intensity\n1500\tx\n", "wire.txt", line: 2, containing: "expected a number")
  }

  static let ras = """
    *RAS_DATA_START
    *RAS_HEADER_START
    *FILE_SAMPLE "LPSC"
    *HW_XG_WAVE_LENGTH_ALPHA1 "1.540593"
    *MEAS_SCAN_AXIS_X "TwoThetaTheta"
    *MEAS_DATA_COUNT "3"
    *RAS_HEADER_END
    *RAS_INT_START
    10.00 100 1.0000
    10.02 50 2.0000
    10.04 7 1.0000
    *RAS_INT_END
    *RAS_DATA_END

    """

  @Test func rigakuRAS() throws {
    let s = try read(Self.ras, "lpsc.ras")
    #expect(s.count == 1 && s[0].name == "LPSC")
    #expect(s[0].axis == .twoTheta(wavelength: 1.540593))
    // counts × attenuator factor
    #expect(s[0].x == [10, 10.02, 10.04] && s[0].y == [100, 100, 7])
  }

  @Test func rigakuMalformed() {
    expectError(Self.ras.replacingOccurrences(of: "\"3\"", with: "\"4\""), "n.ras", line: 1, containing: "says 4 points")
    expectError(Self.ras.replacingOccurrences(of: "*RAS_INT_END\n*RAS_DATA_END\n", with: ""), "cut.ras", line: nil, containing: "no *RAS_INT_END")
    expectError(Self.ras.replacingOccurrences(of: "TwoThetaTheta", with: "Omega"), "omega.ras", line: 1, containing: "not a 2θ axis")
    expectError(Self.ras.replacingOccurrences(of: "10.02 50", with: "10.02 5x0"), "bad.ras", line: 10, containing: "expected numbers")
  }

  /// y = 100, 103, 107, 107, 107, 110 at x = 1…6 written four ways (hand-encoded ASDF).
  func jcamp(_ data: String, npoints: Int = 6) -> String {
    """
    ##TITLE=LATP test
    ##JCAMP-DX=4.24
    ##DATA TYPE=RAMAN SPECTRUM
    ##XUNITS=1/CM
    ##YUNITS=COUNTS
    ##XFACTOR=1
    ##YFACTOR=0.5
    ##FIRSTX=1
    ##LASTX=6
    ##NPOINTS=\(npoints)
    ##XYDATA=(X++(Y..Y))
    \(data)
    ##END=

    """
  }

  @Test func jcampAFFNAndASDF() throws {
    let expected: [Double] = [100, 103, 107, 107, 107, 110].map { $0 * 0.5 }
    for body in ["1 100 103 107 107 107 110", "1A00A03A07A07A07A10", "1A00LM%%L", "1A00LM%TL", "1A00LM%\n4A07%L"] {
      let s = try read(jcamp(body), "t.jdx")
      #expect(s.count == 1 && s[0].axis == .ramanShift, "\(body)")
      #expect(s[0].y == expected, "\(body): \(s.first?.y ?? [])")
      #expect(s[0].x == [1, 2, 3, 4, 5, 6])
    }
    let pairs = try read("##TITLE=x\n##DATA TYPE=RAMAN\n##XUNITS=1/CM\n##XYPOINTS=(XY..XY)\n1,2; 3,4\n##END=\n", "p.jdx")
    #expect(pairs[0].x == [1, 3] && pairs[0].y == [2, 4])
  }

  @Test func jcampMalformed() {
    expectError(jcamp("1A00LM%TL", npoints: 7), "n.jdx", line: 10, containing: "NPOINTS=7")
    expectError(jcamp("1A00LM%\n4A08%L"), "check.jdx", line: 13, containing: "Y-check")
    expectError(jcamp("1A00L#M"), "char.jdx", line: 12, containing: "unexpected character")
    expectError(jcamp("1A00LM%TL").replacingOccurrences(of: "##END=\n", with: ""), "end.jdx", line: nil, containing: "without ##END")
    expectError(jcamp("1A00LM%TL").replacingOccurrences(of: "RAMAN SPECTRUM", with: "INFRARED SPECTRUM"), "ir.jdx", line: 1, containing: "not a Raman")
  }

  @Test func kineticToBindingEnergy() throws {
    let s = Spectrum(name: "C 1s", axis: .kineticEnergy, x: [1201.8, 1200.8], y: [1, 2])
    let b = try s.toBindingEnergy(sourceEnergy: 1486.6, workFunction: 4.0)
    #expect(b.axis == .bindingEnergy)
    #expect(abs(b.x[0] - 280.8) < 1e-9 && abs(b.x[1] - 281.8) < 1e-9)
  }
}
