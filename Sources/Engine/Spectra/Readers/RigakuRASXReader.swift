import Formats
import Foundation

/// Rigaku SmartLab `.rasx`: a zip archive (read with Formats' `ZipArchive`) of
/// - `Data<i>/Profile<j>.txt`: one row per point, `position<TAB>intensity<TAB>attenuator`
///   (UTF-8, often with a byte-order mark); the counts are intensity × attenuator coefficient
///   (the attenuator column is the factor by which an inserted attenuator reduced the counts);
/// - `Data<i>/MesurementConditions<i>.xml` (Rigaku's spelling): among much else
///   `<AxisName>` of the scan and the source's `<WavelengthKalpha1>`, `<WavelengthKalpha2>`,
///   `<WavelengthKbeta>` (Å) and `<WaveType>` (Ka1, Ka or Kb) under `<XrayGenerator>`.
/// Each profile becomes one 2θ spectrum with the wavelength of its WaveType (Kα: the weighted
/// mean (2 Kα1 + Kα2)/3); a profile without conditions, or a scan axis that is not a 2θ axis, is an
/// error, never an assumed wavelength or axis. Errors name the archive entry and its line.
public enum RigakuRASXReader {
  public static func canRead(_ data: Data, file: String) -> Bool {
    data.starts(with: [0x50, 0x4B, 0x03, 0x04]) && (file as NSString).pathExtension.lowercased() == "rasx"
  }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let archive: ZipArchive
    do { archive = try ZipArchive([UInt8](data)) } catch let e as InputError {
      throw InputError("not a readable .rasx zip archive: \(e.message)", file: file)
    }
    let profiles = archive.entries.map(\.name).filter { name in
      let parts = name.split(separator: "/")
      return parts.count == 2 && parts[0].hasPrefix("Data") && parts[1].hasPrefix("Profile") && parts[1].hasSuffix(".txt")
    }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    guard !profiles.isEmpty else { throw InputError("a .rasx archive without any Data*/Profile*.txt entry", file: file) }
    return try profiles.map { try readProfile($0, archive: archive, file: file) }
  }

  static func readProfile(_ name: String, archive: ZipArchive, file: String) throws -> Spectrum {
    let folder = String(name.split(separator: "/")[0])
    let index = folder.dropFirst("Data".count)
    let conditionsName = "\(folder)/MesurementConditions\(index).xml"
    guard let conditionsEntry = archive.entry(named: conditionsName) else {
      throw InputError("\(name) has no \(conditionsName): the wavelength and scan axis are unknown", file: file)
    }
    guard let xml = String(bytes: try archive.contents(of: conditionsEntry), encoding: .utf8) else {
      throw InputError("\(conditionsName) is not UTF-8 text", file: file)
    }
    let axisName = element("AxisName", in: xml)
    guard let axisName, axisName.lowercased().hasPrefix("twotheta") else {
      throw InputError("\(conditionsName): scan axis \(axisName ?? "(none)") is not a 2θ axis", file: file)
    }
    let waveType = (element("WaveType", in: xml) ?? "").lowercased().replacingOccurrences(of: "α", with: "a")
    guard let ka1 = element("WavelengthKalpha1", in: xml).flatMap(Double.init), ka1 > 0.01, ka1 < 10 else {
      throw InputError("\(conditionsName): no <WavelengthKalpha1> in Å between 0.01 and 10", file: file)
    }
    let wavelength: Double
    switch waveType {
    case "ka1": wavelength = ka1
    case "ka", "kalpha":
      guard let ka2 = element("WavelengthKalpha2", in: xml).flatMap(Double.init), ka2 > ka1, ka2 < 10 else {
        throw InputError("\(conditionsName): WaveType Ka needs <WavelengthKalpha2> above Kα1", file: file)
      }
      wavelength = (2 * ka1 + ka2) / 3
    case "kb", "kbeta":
      guard let kb = element("WavelengthKbeta", in: xml).flatMap(Double.init), kb > 0.01, kb < 10 else {
        throw InputError("\(conditionsName): WaveType Kb needs <WavelengthKbeta> in Å", file: file)
      }
      wavelength = kb
    default:
      throw InputError("\(conditionsName): <WaveType> must be Ka1, Ka or Kb, found \"\(waveType)\"", file: file)
    }
    guard let entry = archive.entry(named: name) else { throw InputError("\(name) vanished from the archive", file: file) }
    let text = try SpectrumTextLines(data: Data(try archive.contents(of: entry)), file: file)
    var xs: [Double] = [], ys: [Double] = []
    for (k, raw) in text.lines.enumerated() {
      let line = raw.hasPrefix("\u{FEFF}") ? raw.dropFirst() : raw
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let fields = line.split(separator: "\t")
      guard fields.count == 3 else {
        throw InputError("\(name): expected 3 columns (position, intensity, attenuator), found \(fields.count)", file: file, line: k + 1)
      }
      guard let x = parseSpectrumNumber(fields[0], commaDecimal: false), let counts = parseSpectrumNumber(fields[1], commaDecimal: false),
            let attenuator = parseSpectrumNumber(fields[2], commaDecimal: false), attenuator > 0 else {
        throw InputError("\(name): expected three numbers with a positive attenuator, found \"\(line.prefix(60))\"", file: file, line: k + 1)
      }
      xs.append(x); ys.append(counts * attenuator)
    }
    guard xs.count >= 2 else { throw InputError("\(name) has \(xs.count) point(s)", file: file) }
    var metadata = ["format": "Rigaku rasx", "entry": name, "wave_type": waveType]
    if let target = element("TargetName", in: xml) { metadata["anode"] = target }
    let sample = element("SampleName", in: xml).flatMap { $0.isEmpty ? nil : $0 }
    return Spectrum(name: sample.map { "\($0) (\(folder))" } ?? name, axis: .twoTheta(wavelength: wavelength), x: xs, y: ys,
                    yUnit: "counts", metadata: metadata)
  }

  /// The text of the first `<name>…</name>` element (entities &amp; &lt; &gt; decoded), nil when absent.
  static func element(_ name: String, in xml: String) -> String? {
    guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
      return nil
    }
    return String(xml[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
  }
}
