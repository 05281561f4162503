import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct BrukerBRMLReaderTests {
  /// A RawData0.xml in the layout DIFFRAC writes: time, absorber, then TwoTheta and Theta varying,
  /// three unused columns, counts at column 7 (so a reader that assumed columns 2 and 4 would be wrong).
  static func rawData(rows: [String], recordedLength: Int = 1, axes: [String] = ["TwoTheta", "Theta"], flag: String = "Measured") -> String {
    let fields = axes.map { "<FieldDefinitions FieldName=\"\($0)\" AxisId=\"\($0)\" />" }.joined()
    return """
      <?xml version="1.0" encoding="utf-8"?><RawData xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <DataRoutes><DataRoute RouteFlag="\(flag)"><ScanInformation ScanName="TwoThetaOmegaScan"/>
      \(rows.map { "<Datum>\($0)</Datum>" }.joined(separator: "\n"))
      <DataViews>
      <RawDataView xsi:type="FixedRawDataView" Start="0" Length="1" LogicName="MeasuredTime" />
      <RawDataView xsi:type="FixedRawDataView" Start="1" Length="1" LogicName="AbsorptionFactor" />
      <RawDataView xsi:type="VaryingRawDataView" Start="2" Length="\(axes.count)"><Varying>\(fields)</Varying></RawDataView>
      <RawDataView xsi:type="RecordedRawDataView" Start="7" Length="\(recordedLength)"><Recording><Unit Base="Counts" /></Recording></RawDataView>
      </DataViews></DataRoute></DataRoutes></RawData>
      """
  }

  private func zip(_ xml: String) -> Data {
    RigakuRASXReaderTests.storedZip([("Experiment0/DataContainer.xml", "<DataContainer/>"), ("Experiment0/RawData0.xml", xml)])
  }

  @Test func columnsComeFromTheDataViews() throws {
    let xml = Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,44.002,22.001,-0.1,0,2.6,325.5", "1,1,44.004,22.002,-0.1,0,2.6,298"])
    let s = try SpectrumFileReader.read(zip(xml), file: "scan.brml")
    #expect(s.count == 1)
    #expect(s[0].x == [44, 44.002, 44.004] && s[0].y == [310, 325.5, 298])
    #expect(s[0].axis == .twoTheta(wavelength: nil) && s[0].technique == .xrd)
  }

  @Test func malformedScansAreErrors() throws {
    func message(_ xml: String) -> String? {
      do { _ = try SpectrumFileReader.read(zip(xml), file: "bad.brml"); return nil } catch let e as InputError { return e.message } catch { return nil }
    }
    // A row cut short (truncated file): names the Datum.
    #expect(message(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,44.002,22.001"]))?.contains("<Datum> 2") ?? false)
    #expect(message(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,44.002,22,-0.1,0,2.6,abc"]))?.contains("<Datum> 2") ?? false)
    #expect(message(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,45,22,-0.1,0,2.6,1"], recordedLength: 1280))?.contains("detector frame") ?? false)
    #expect(message(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,45,22,-0.1,0,2.6,1"], axes: ["Theta"]))?.contains("TwoTheta") ?? false)
    #expect(message(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310"])) != nil)
    #expect(throws: InputError.self) {
      try SpectrumFileReader.read(RigakuRASXReaderTests.storedZip([("Experiment0/DataContainer.xml", "<x/>")]), file: "empty.brml")
    }
    let cut = zip(Self.rawData(rows: ["1,1,44,22,-0.1,0,2.6,310", "1,1,45,22,-0.1,0,2.6,1"])).prefix(100)
    #expect(throws: InputError.self) { try SpectrumFileReader.read(Data(cut), file: "cut.brml") }
  }
}
