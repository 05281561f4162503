import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct RenishawWDFReaderTests {
  /// A 5-point spectrum with WiRE's descending Raman shift axis.
  static let shifts: [Float] = [500, 450, 425, 400, 350]
  static let counts: [Float] = [10, 20, 80, 30, 5]

  @Test func readsSingleSpectrumAscendingWithHeaderFacts() throws {
    let w = WDFTestWriter(x: Self.shifts, spectra: [Self.counts])
    let s = try SpectrumFileReader.read(w.data, file: "lpsc.wdf")
    #expect(s.count == 1)
    #expect(s[0].axis == .ramanShift && s[0].technique == .raman)
    #expect(s[0].x == [350, 400, 425, 450, 500])
    #expect(s[0].y == [5, 30, 80, 20, 10])
    #expect(s[0].name == "LPSC pellet 532 nm" && s[0].yUnit == "counts")
    #expect(s[0].metadata["accumulations"] == "3" && s[0].metadata["application"] == "WiRE 4.4.0.4308")
    // 10⁷ / 18796.99 cm⁻¹ = 532.00 nm.
    #expect(s[0].metadata["laser_wavelength_nm"] == "532.00")
  }

  @Test func mapGivesOneBlockPerCollectedSpectrumWithPositionsAndTimes() throws {
    // Room for 4 spectra, 3 collected (a map stopped early); X, Y in µm and FILETIME times
    // 10 s apart (10⁸ ticks of 100 ns), then a checksum list the reader skips.
    var w = WDFTestWriter(x: Self.shifts, spectra: [Self.counts, Self.counts.map { $0 * 2 }, Self.counts.map { $0 + 1 }], capacity: 4)
    w.measurementType = 3
    let t0: UInt64 = 132_265_987_252_869_478
    w.origins = [
      .init(type: 0x8000_0003, units: 5, label: "X", bits: [10.0, 12.5, 15.0, 0].map(\.bitPattern)),
      .init(type: 0x8000_0004, units: 5, label: "Y", bits: [-3.0, -3.0, -3.0, 0].map(\.bitPattern)),
      .init(type: 11, units: 24, label: "Time", bits: [t0, t0 + 100_000_000, t0 + 200_000_000, 0]),
      .init(type: 16, units: 0, label: "Checksum", bits: [1, 2, 3, 0]),
    ]
    let s = try SpectrumFileReader.read(w.data, file: "map.wdf")
    #expect(s.count == 3)
    #expect(s.map(\.name) == ["X=10.000 Y=-3.000 µm", "X=12.500 Y=-3.000 µm", "X=15.000 Y=-3.000 µm"])
    #expect(s[1].y == [10, 60, 160, 40, 20] && s[2].y == [6, 31, 81, 21, 11])
    #expect(s[2].metadata["elapsed_s"] == "20.0" && s[1].metadata["X"] == "12.5 µm")
    #expect(s[0].metadata["Checksum"] == nil && s[0].metadata["measurement"] == "map")
    // 132265987252869478 ticks of 100 ns since 1601 = 1582125125.2869478 s since 1970: 2020-02-19T15:12:05Z.
    #expect(s[0].metadata["Time"]?.hasPrefix("2020-02-19T15:12:05") ?? false)
  }

  @Test func nanometreAxisBecomesRamanShiftWithTheLaserWavenumber() throws {
    var w = WDFTestWriter(x: [540, 545, 550], spectra: [[1, 2, 3]])
    w.xUnit = 3
    let s = try SpectrumFileReader.read(w.data, file: "nm.wdf")
    // Δν̃ = ν̃₀ − 10⁷/λ: 18796.99 − 10⁷/540 = 278.47 cm⁻¹ (the laser is stored as a float32).
    let laser = Double(Float(18_796.99))
    #expect(abs(s[0].x[0] - (laser - 1e7 / 540)) < 1e-9 && abs(s[0].x[0] - 278.47) < 0.01)
    #expect(abs(s[0].x[2] - (laser - 1e7 / 550)) < 1e-9)
  }

  /// The fuzz seed was written by a separate Python script (struct.pack to the same layout), so
  /// it checks the reader against a second writer: a 2-spectrum map, 8 points 560 → 420 cm⁻¹
  /// descending, X = 1 and 2 µm, times 10⁸ ticks (10 s) apart.
  @Test func readsTheIndependentlyWrittenSeed() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz/seeds/spectra/wire-map.wdf")
    let s = try SpectrumFileReader.read(Data(contentsOf: url), file: "wire-map.wdf")
    #expect(s.count == 2 && s.allSatisfy { $0.x == stride(from: 420.0, through: 560.0, by: 20).map { $0 } })
    #expect(s[0].y == [100, 110, 130, 420, 900, 400, 120, 100])
    #expect(s[1].y == [95, 100, 120, 350, 1200, 300, 100, 90])
    #expect(s.map(\.name) == ["X=1.000 Y=0.000 µm", "X=2.000 Y=0.000 µm"])
    #expect(s[1].metadata["elapsed_s"] == "10.0" && s[0].metadata["title"] == "LPSC map seed")
  }

  /// The error for a malformed file: it must name the file and a byte offset.
  static func error(_ bytes: [UInt8], _ name: String = "bad.wdf") -> InputError? {
    do { _ = try SpectrumFileReader.read(Data(bytes), file: name); return nil } catch let e as InputError { return e } catch { return nil }
  }

  static func located(_ e: InputError?, byte: Int? = nil) -> Bool {
    guard let e, e.file == "bad.wdf", e.message.contains("at byte") else { return false }
    return byte.map { e.message.contains("at byte \($0))") } ?? true
  }

  @Test func malformedFilesAreErrorsNamingFileAndOffset() throws {
    let good = WDFTestWriter(x: Self.shifts, spectra: [Self.counts])
    #expect(Self.error(good.bytes) == nil)
    // Truncated header.
    #expect(Self.located(Self.error(Array(good.bytes.prefix(300))), byte: 0))
    // A block whose declared length runs past the end of the file: cut the file inside TEXT.
    #expect(Self.located(Self.error(Array(good.bytes.dropLast(3)))))
    // A trailing fragment shorter than a block header.
    #expect(Self.located(Self.error(good.bytes + [0x41, 0x42])))
    // Count mismatch: the header's points per spectrum disagree with its x-list length.
    var mismatch = good
    mismatch.declaredXList = 6
    #expect(Self.located(Self.error(mismatch.bytes), byte: 0x3C))
    // Zero points.
    var zero = good
    zero.declaredPoints = 0
    zero.declaredXList = 0
    #expect(Self.located(Self.error(zero.bytes), byte: 0x3C))
    // More spectra collected than the file has room for; a count no file can hold.
    var many = good
    many.declaredCollected = 2
    #expect(Self.located(Self.error(many.bytes), byte: 0x48))
    many.declaredCollected = UInt64.max
    #expect(Self.located(Self.error(many.bytes), byte: 0x48))
    // An unknown x unit, and a non-finite intensity.
    var unit = good
    unit.xUnit = 19
    #expect(Self.error(unit.bytes)?.message.contains("unit is 19") ?? false)
    var nan = good
    nan.spectra = [[10, .nan, 80, 30, 5]]
    #expect(Self.located(Self.error(nan.bytes), byte: 512 + 16 + 4))
    // An origin list count that disagrees with the header.
    var origins = WDFTestWriter(x: Self.shifts, spectra: [Self.counts])
    origins.origins = [.init(type: 3, units: 5, label: "X", bits: [0])]
    origins.declaredOrigins = 2
    #expect(Self.located(Self.error(origins.bytes)))
    // No DATA block at all: the header alone.
    #expect(Self.error(good.header)?.message.contains("DATA") ?? false)
    // A wrong signature.
    #expect(Self.located(Self.error(Array("WDF2".utf8) + good.bytes.dropFirst(4)), byte: 0))
  }
}
