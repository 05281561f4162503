import Formats
import Foundation
import Testing
@testable import Engine

@Suite struct RigakuRASXReaderTests {
  /// A zip of stored (uncompressed) entries, written here byte by byte (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
  static func storedZip(_ entries: [(String, String)]) -> Data {
    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    var body: [UInt8] = [], directory: [UInt8] = []
    for (name, text) in entries {
      let data = Array(text.utf8), nameBytes = Array(name.utf8), crc = CRC32.checksum(data)
      let offset = UInt32(body.count)
      body += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
        + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0) + nameBytes + data
      directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
        + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0)
        + le32(0) + le32(offset) + nameBytes
    }
    let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
      + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
    return Data(body + directory + end)
  }

  static func conditions(wave: String = "Ka", axis: String = "TwoThetaTheta") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?><MeasurementConditions><GeneralInformation><SampleName>LATP pellet</SampleName>\
    </GeneralInformation><HWConfigurations><XrayGenerator><TargetName>Cu</TargetName><WaveType>\(wave)</WaveType>\
    <WavelengthKalpha1>1.540593</WavelengthKalpha1><WavelengthKalpha2>1.544414</WavelengthKalpha2>\
    <WavelengthKbeta>1.392246</WavelengthKbeta></XrayGenerator></HWConfigurations>\
    <ScanInformation><AxisName>\(axis)</AxisName></ScanInformation></MeasurementConditions>
    """
  }

  @Test func readsProfileWithAttenuatorAndWavelength() throws {
    let profile = "\u{FEFF}20.00\t120\t1\n20.02\t150\t1\n20.04\t900\t10.5\n"
    let zip = Self.storedZip([("root.xml", "<Root/>"), ("Data0/MesurementConditions0.xml", Self.conditions()),
                              ("Data0/Profile0.txt", profile)])
    let s = try SpectrumFileReader.read(zip, file: "scan.rasx")
    #expect(s.count == 1)
    #expect(s[0].x == [20.00, 20.02, 20.04] && s[0].y == [120, 150, 9450])
    // Kα: (2 · 1.540593 + 1.544414)/3 = 1.5418666666666667 Å.
    guard case .twoTheta(let lambda) = s[0].axis else { Issue.record("not a 2θ axis"); return }
    #expect(abs((lambda ?? 0) - 1.5418666666666667) < 1e-12)
    #expect(s[0].name == "LATP pellet (Data0)" && s[0].metadata["anode"] == "Cu")
    let ka1 = try SpectrumFileReader.read(Self.storedZip([("Data0/MesurementConditions0.xml", Self.conditions(wave: "Ka1")),
                                                          ("Data0/Profile0.txt", profile)]), file: "scan.rasx")
    #expect(ka1[0].axis == .twoTheta(wavelength: 1.540593))
  }

  @Test func malformedArchivesAreErrors() throws {
    func error(_ entries: [(String, String)]) -> InputError? {
      do { _ = try SpectrumFileReader.read(Self.storedZip(entries), file: "bad.rasx"); return nil } catch let e as InputError { return e } catch { return nil }
    }
    let good = ("Data0/MesurementConditions0.xml", Self.conditions())
    // A row with two columns (a truncated file): entry and line named.
    let short = error([good, ("Data0/Profile0.txt", "20\t1\t1\n20.02\t5\n")])
    #expect(short?.line == 2 && (short?.message.contains("Data0/Profile0.txt") ?? false))
    #expect(error([good, ("Data0/Profile0.txt", "20\t1\t1\n20.02\tx\t1\n")])?.line == 2)
    #expect(error([good, ("Data0/Profile0.txt", "20\t1\t0\n20.02\t1\t1\n")])?.line == 1)
    #expect(error([("Data0/Profile0.txt", "20\t1\t1\n21\t1\t1\n")])?.message.contains("MesurementConditions0.xml") ?? false)
    #expect(error([("Data0/MesurementConditions0.xml", Self.conditions(axis: "Omega")), ("Data0/Profile0.txt", "20\t1\t1\n21\t1\t1\n")]) != nil)
    #expect(error([("Data0/MesurementConditions0.xml", Self.conditions(wave: "Kz")), ("Data0/Profile0.txt", "20\t1\t1\n21\t1\t1\n")]) != nil)
    #expect(error([("root.xml", "<Root/>")]) != nil)
    // A truncated archive (the end record cut off).
    let cut = Self.storedZip([good, ("Data0/Profile0.txt", "20\t1\t1\n21\t1\t1\n")]).dropLast(30)
    #expect(throws: InputError.self) { try SpectrumFileReader.read(Data(cut), file: "cut.rasx") }
  }
}
