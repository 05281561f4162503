import Formats
import Foundation

/// Horiba LabSpec (5/6) text export: header lines `#Key=<TAB>Value` (acquisition time,
/// accumulations, range, laser wavelength, title, …), then either
/// - one spectrum: rows `x<TAB>intensity`, or
/// - several spectra (a map or a time series): a first row of x values preceded by one or two
///   empty cells, then one row per spectrum with as many leading coordinates and the intensities.
/// The x axis is Raman shift (cm⁻¹) when the header names a laser or a cm⁻¹ range; otherwise the
/// caller's `axis`; with neither it is an error, never an assumed axis. Spectra come out with x
/// ascending; the header items are kept as metadata.
public enum LabSpecTextReader {
  static let markers = ["#acq. time", "#accumulations", "#laser", "#range", "#spectro", "#objective", "#grating"]

  public static func canRead(_ data: Data) -> Bool {
    guard let head = String(data: data.prefix(600), encoding: .isoLatin1)?.lowercased() else { return false }
    return head.hasPrefix("#") && markers.contains { head.contains($0) } && head.contains("=")
  }

  public static func read(_ data: Data, file: String, axis: SpectrumAxis? = nil) throws -> [Spectrum] {
    let text = try SpectrumTextLines(data: data, file: file)
    var metadata: [String: String] = ["format": "Horiba LabSpec text"]
    var rows: [(line: Int, fields: [Substring])] = []
    for (k, raw) in text.lines.enumerated() {
      if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      if raw.hasPrefix("#") {
        guard rows.isEmpty else { throw text.error("a header line after the data started", line: k + 1) }
        let parts = raw.dropFirst().split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { throw text.error("expected a header line #Key=<TAB>Value, found \"\(raw.prefix(60))\"", line: k + 1) }
        metadata[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        continue
      }
      rows.append((k + 1, raw.split(separator: "\t", omittingEmptySubsequences: false)))
    }
    let keys = metadata.keys.map { $0.lowercased() }
    let raman = keys.contains { $0.hasPrefix("laser") } || keys.contains { $0.hasPrefix("range") && $0.contains("cm") }
    guard let spectrumAxis = raman ? .ramanShift : axis else {
      throw InputError("the LabSpec header names neither a laser nor a cm-1 range: give the x axis", file: file)
    }
    guard let first = rows.first else { throw InputError("no data rows after the LabSpec header", file: file) }
    func number(_ f: Substring, _ line: Int, _ column: Int) throws -> Double {
      guard let v = parseSpectrumNumber(f, commaDecimal: false) else {
        throw text.error("column \(column): expected a number, found \"\(f.prefix(40))\"", line: line)
      }
      return v
    }
    var spectra: [Spectrum] = []
    let leading = first.fields.prefix { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    if leading == 0 {
      var xs: [Double] = [], ys: [Double] = []
      for row in rows {
        guard row.fields.count == 2 else { throw text.error("expected 2 columns (x, intensity), found \(row.fields.count)", line: row.line) }
        xs.append(try number(row.fields[0], row.line, 1)); ys.append(try number(row.fields[1], row.line, 2))
      }
      spectra.append(spectrum(metadata["Title"] ?? "spectrum 1", spectrumAxis, xs, ys, metadata))
    } else {
      guard leading <= 3, first.fields.count > leading + 1 else {
        throw text.error("expected a row of x values after \(leading) empty cell(s)", line: first.line)
      }
      let xs = try first.fields.enumerated().dropFirst(leading).map { try number($0.element, first.line, $0.offset + 1) }
      for row in rows.dropFirst() {
        guard row.fields.count == first.fields.count else {
          throw text.error("expected \(first.fields.count) columns (\(leading) coordinate(s) and \(xs.count) intensities), found \(row.fields.count)",
                           line: row.line)
        }
        let values = try row.fields.enumerated().map { try number($0.element, row.line, $0.offset + 1) }
        let name = values.prefix(leading).map { String($0) }.joined(separator: ", ")
        spectra.append(spectrum("(\(name))", spectrumAxis, xs, Array(values.dropFirst(leading)), metadata))
      }
      guard !spectra.isEmpty else { throw InputError("a row of x values but no spectrum rows", file: file) }
    }
    for s in spectra where s.x.count < 2 { throw InputError("\(s.name) has only \(s.x.count) point", file: file) }
    return spectra
  }

  static func spectrum(_ name: String, _ axis: SpectrumAxis, _ xs: [Double], _ ys: [Double], _ metadata: [String: String]) -> Spectrum {
    let order = xs.indices.sorted { xs[$0] < xs[$1] }
    return Spectrum(name: name, axis: axis, x: order.map { xs[$0] }, y: order.map { ys[$0] }, metadata: metadata)
  }
}
