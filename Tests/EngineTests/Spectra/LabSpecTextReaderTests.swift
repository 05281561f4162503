import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct LabSpecTextReaderTests {
  private func read(_ text: String) throws -> [Spectrum] {
    try SpectrumFileReader.read(Data(text.utf8), file: "labspec.txt")
  }

  private let header = "#Acq. time (s)=\t10\n#Accumulations=\t2\n#Range (cm-¹)=\t100...600\n#Laser (nm)=\t532\n#Title=\tLPSC pellet\n"

  @Test func singleSpectrum() throws {
    let s = try read(header + "600.5\t12\n425.0\t880\n100.2\t30\n")
    #expect(s.count == 1)
    #expect(s[0].axis == .ramanShift && s[0].name == "LPSC pellet")
    #expect(s[0].x == [100.2, 425.0, 600.5] && s[0].y == [30, 880, 12])
    #expect(s[0].metadata["Laser (nm)"] == "532")
  }

  @Test func mapOfSpectra() throws {
    let s = try read(header + "\t\t100\t200\t300\n0\t0\t1\t2\t3\n0\t5\t4\t5\t6\n")
    #expect(s.count == 2)
    #expect(s[1].name == "(0.0, 5.0)" && s[1].x == [100, 200, 300] && s[1].y == [4, 5, 6])
  }

  @Test func malformedInputNamesTheLine() throws {
    func line(_ text: String) -> Int? {
      do { _ = try read(text); return nil } catch let e as InputError { return e.line } catch { return nil }
    }
    // A short row (truncated file), a wrong column count in a map, a word for a number.
    #expect(line(header + "600\t12\n425\n") == 7)
    #expect(line(header + "\t\t100\t200\n0\t0\t1\t2\n0\t5\t4\n") == 8)
    #expect(line(header + "600\t12\n425\tlots\n") == 7)
    #expect(line(header + "600\t12\n#Late=\t1\n") == 7)
    // Header without a laser or a cm-1 range and no axis given: an error, not a guess.
    #expect(throws: InputError.self) { try read("#Acq. time (s)=\t10\n1\t2\n3\t4\n") }
    #expect(throws: InputError.self) { try read(header) }
  }
}
