import Formats
import Foundation

/// Rigaku `.ras` text (SmartLab, MiniFlex): one or more blocks
/// `*RAS_DATA_START … *RAS_HEADER_START … *RAS_HEADER_END *RAS_INT_START … *RAS_INT_END … *RAS_DATA_END`.
/// Header lines are `*KEY "value"`; the ones used: `*MEAS_SCAN_AXIS_X` (must be a 2θ axis:
/// `TwoThetaTheta`, `TwoTheta`, `2-Theta/Omega`, …), `*HW_XG_WAVE_LENGTH_ALPHA1` (Å),
/// `*MEAS_DATA_COUNT` (checked against the points read), `*MEAS_SCAN_UNIT_Y` (intensity unit).
/// Data lines are `angle counts [attenuator-factor]`; the intensity is counts × factor (the factor
/// undoes the automatic attenuator, 1 when the column is absent). Every block is a spectrum.
public enum RigakuRASReader {
  public static func canRead(_ data: Data) -> Bool {
    String(data: data.prefix(64), encoding: .isoLatin1)?.contains("*RAS_DATA_START") ?? false
  }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let text = try SpectrumTextLines(data: data, file: file)
    var spectra: [Spectrum] = []
    var header: [String: String] = [:]
    var inData = false, inIntensity = false
    var xs: [Double] = [], ys: [Double] = []
    var blockLine = 0
    for (k, raw) in text.lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("*RAS_DATA_START") {
        inData = true; header = [:]; blockLine = k + 1
        continue
      }
      guard inData else {
        throw text.error("expected *RAS_DATA_START before \"\(line.prefix(40))\"", line: k + 1)
      }
      if line.hasPrefix("*RAS_INT_START") { inIntensity = true; xs = []; ys = []; continue }
      if line.hasPrefix("*RAS_INT_END") {
        inIntensity = false
        spectra.append(try block(header, xs, ys, file: file, line: blockLine, index: spectra.count))
        continue
      }
      if line.hasPrefix("*RAS_DATA_END") { inData = false; continue }
      if inIntensity {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 2 || fields.count == 3 else {
          throw text.error("expected \"angle counts [factor]\", found \(fields.count) fields", line: k + 1)
        }
        guard let x = parseSpectrumNumber(fields[0], commaDecimal: false),
              let counts = parseSpectrumNumber(fields[1], commaDecimal: false) else {
          throw text.error("expected numbers, found \"\(line.prefix(40))\"", line: k + 1)
        }
        var factor = 1.0
        if fields.count == 3 {
          guard let f = parseSpectrumNumber(fields[2], commaDecimal: false) else {
            throw text.error("expected an attenuator factor, found \"\(fields[2].prefix(20))\"", line: k + 1)
          }
          factor = f
        }
        // Two finite numbers can still multiply past Double's range (1e308 × 10).
        guard (counts * factor).isFinite else {
          throw text.error("counts × attenuator factor (\(counts) × \(factor)) is not a finite number", line: k + 1)
        }
        xs.append(x); ys.append(counts * factor)
        continue
      }
      if line.hasPrefix("*") {
        let body = line.dropFirst()
        if let space = body.firstIndex(where: { $0 == " " || $0 == "\t" }) {
          let key = String(body[..<space])
          let value = body[space...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
          header[key] = value
        }
        continue
      }
      throw text.error("unexpected line outside *RAS_INT_START … *RAS_INT_END: \"\(line.prefix(40))\"", line: k + 1)
    }
    if inIntensity { throw InputError("the file ends inside a data block (no *RAS_INT_END)", file: file, line: text.lines.count) }
    guard !spectra.isEmpty else { throw InputError("no *RAS_INT_START … *RAS_INT_END data block", file: file) }
    return spectra
  }

  static func block(_ header: [String: String], _ xs: [Double], _ ys: [Double], file: String, line: Int,
                    index: Int) throws -> Spectrum {
    let axisName = header["MEAS_SCAN_AXIS_X"] ?? ""
    guard axisName.lowercased().contains("theta") || axisName.contains("2θ") else {
      throw InputError("block \(index + 1): scan axis \"\(axisName)\" is not a 2θ axis", file: file, line: line)
    }
    if let declared = header["MEAS_DATA_COUNT"] {
      guard let n = Double(declared), n == n.rounded(), n >= 0, n < 1e9 else {
        throw InputError("block \(index + 1): MEAS_DATA_COUNT \"\(declared)\" is not a count", file: file, line: line)
      }
      guard Int(n) == xs.count else {
        throw InputError("block \(index + 1): MEAS_DATA_COUNT says \(Int(n)) points, the block has \(xs.count)", file: file, line: line)
      }
    }
    guard xs.count >= 2 else { throw InputError("block \(index + 1) has \(xs.count) points", file: file, line: line) }
    let wavelength = header["HW_XG_WAVE_LENGTH_ALPHA1"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
    var metadata: [String: String] = ["format": "Rigaku RAS"]
    for key in ["HW_XG_TARGET_NAME", "FILE_SAMPLE", "MEAS_SCAN_START_TIME", "FILE_COMMENT"] {
      if let v = header[key], !v.isEmpty { metadata[key] = v }
    }
    let name = header["FILE_SAMPLE"].flatMap { $0.isEmpty ? nil : $0 } ?? "block \(index + 1)"
    return Spectrum(name: name, axis: .twoTheta(wavelength: wavelength), x: xs, y: ys,
                    yUnit: header["MEAS_SCAN_UNIT_Y"], metadata: metadata)
  }
}
