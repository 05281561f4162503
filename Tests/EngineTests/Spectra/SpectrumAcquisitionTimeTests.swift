import Foundation
import Testing

@testable import Engine

/// Measurement times from spectrum metadata, and numbers from file names.
struct SpectrumAcquisitionTimeTests {
  @Test func timesAsTheReadersKeepThem() throws {
    // xylib's VAMAS block date_time (mjr9_64c.vms, xylib's sample) and Bruker UXD's DATEMEASURED.
    let vamas = try #require(SpectrumAcquisitionTime.date(in: ["date_time": "2005-09-14 10:52:30 +0000"]))
    let later = try #require(SpectrumAcquisitionTime.date(in: ["date_time": "2005-09-14 13:26:55 +0000"]))
    // 13:26:55 − 10:52:30 = 2 h 34 min 25 s = 9265 s.
    #expect(later.timeIntervalSince(vamas) == 9265)
    // 2005-09-14 is day 13 040 after 1970-01-01: 13 040 × 86 400 + 10:52:30 (39 150 s).
    #expect(vamas.timeIntervalSince1970 == 13_040 * 86_400 + 39_150)
    let uxd = try #require(SpectrumAcquisitionTime.date(in: ["DATEMEASURED": "'04-Mar-2010 20:59:14'"]))
    let uxdEarlier = try #require(SpectrumAcquisitionTime.date(in: ["DATEMEASURED": "'04-Mar-2010 20:00:00'"]))
    #expect(uxd.timeIntervalSince(uxdEarlier) == 59 * 60 + 14)
    let ras = try #require(SpectrumAcquisitionTime.date(in: ["MEAS_SCAN_START_TIME": "2010/03/04 20:00:00"]))
    #expect(ras == uxdEarlier)
  }

  @Test func noTimeIsNil() {
    #expect(SpectrumAcquisitionTime.date(in: [:]) == nil)
    #expect(SpectrumAcquisitionTime.date(in: ["date_time": "yesterday"]) == nil)
    #expect(SpectrumAcquisitionTime.date(in: ["date_time": "2005-13-45 99:00:00"]) == nil)
    #expect(SpectrumAcquisitionTime.date(in: ["note": "2005-09-14 10:52:30"]) == nil)
  }

  @Test func numbersInFileNames() {
    #expect(SpectrumAcquisitionTime.number(in: "run/LPSC_T100C.xy", pattern: "T#C") == 100)
    #expect(SpectrumAcquisitionTime.number(in: "op/cell_012min.txt", pattern: "_#min") == 12)
    #expect(SpectrumAcquisitionTime.number(in: "op/cell_2.5h.txt", pattern: "_#h") == 2.5)
    // The first "T" of "LPSC_T100C" is not followed by a number; the search goes on.
    #expect(SpectrumAcquisitionTime.number(in: "Ti_T-20C.csv", pattern: "T#C") == -20)
    #expect(SpectrumAcquisitionTime.number(in: "scan_T100.xy", pattern: "_T#") == 100)
    // Only the file name is searched, not the folders.
    #expect(SpectrumAcquisitionTime.number(in: "T50C/scan.xy", pattern: "T#C") == nil)
    #expect(SpectrumAcquisitionTime.number(in: "scan_T100C.xy", pattern: "T#K") == nil)
    #expect(SpectrumAcquisitionTime.number(in: "scan.xy", pattern: "#") == nil)
    #expect(SpectrumAcquisitionTime.number(in: "scan_T100C.xy", pattern: "T##C") == nil)
  }

  /// Through the reader: the hand-written VAMAS fixture's block states 2026-12-07, 21:00:00, GMT
  /// offset 0 (its lines 19–25), which xylib turns into `date_time`.
  @Test func theVamasFixturesBlockTime() throws {
    let spectrum = try #require(try SpectrumFileReader.read(path: XylibReaderTests.vamasFixture.path).first)
    let date = try #require(SpectrumAcquisitionTime.date(in: spectrum.metadata))
    // 2026-12-07 is day 20 794 after 1970-01-01 (56 years, 14 leap days: 20 454; + 340 days of 2026).
    #expect(date.timeIntervalSince1970 == 20_794 * 86_400 + 21 * 3_600)
  }
}
