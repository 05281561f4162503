import Formats
import Foundation

/// Renishaw WiRE text export: a header `#Wave<TAB>#Intensity` and two columns, wavenumber
/// (Raman shift, cm⁻¹) descending; or, for a map or series, `#X #Y #Wave #Intensity` (or
/// `#Time #Wave #Intensity`), one spectrum per distinct leading coordinate group, in file order.
/// Spectra are returned with x ascending (the intensities follow).
public enum RenishawTextReader {
  public static func canRead(_ data: Data) -> Bool {
    guard let head = String(data: data.prefix(200), encoding: .isoLatin1) else { return false }
    return head.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("#") && head.contains("#Wave")
  }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let text = try SpectrumTextLines(data: data, file: file)
    guard let headerIndex = text.lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
      throw InputError("empty file", file: file)
    }
    let header = text.lines[headerIndex].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
    guard let waveColumn = header.firstIndex(of: "#Wave"), let intensityColumn = header.firstIndex(of: "#Intensity"),
          intensityColumn == header.count - 1, waveColumn == header.count - 2 else {
      throw InputError("expected a WiRE header ending in \"#Wave #Intensity\", found \"\(text.lines[headerIndex].prefix(60))\"",
                       file: file, line: headerIndex + 1)
    }
    let keyColumns = waveColumn
    var spectra: [Spectrum] = []
    var currentKey: [Double]? = nil
    var xs: [Double] = [], ys: [Double] = []
    func flush() {
      guard !xs.isEmpty else { return }
      let order = xs.indices.sorted { xs[$0] < xs[$1] }
      var name = "spectrum \(spectra.count + 1)"
      if let key = currentKey, !key.isEmpty {
        name = zip(header.prefix(keyColumns), key).map { "\($0.dropFirst())=\($1)" }.joined(separator: " ")
      }
      spectra.append(Spectrum(name: name, axis: .ramanShift, x: order.map { xs[$0] }, y: order.map { ys[$0] },
                              metadata: ["format": "Renishaw WiRE text"]))
      xs = []; ys = []
    }
    for k in (headerIndex + 1)..<text.lines.count {
      let raw = text.lines[k]
      if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let fields = raw.split(whereSeparator: { $0 == "\t" || $0 == " " })
      guard fields.count == header.count else {
        throw text.error("expected \(header.count) columns, found \(fields.count)", line: k + 1)
      }
      var values: [Double] = []
      for (c, f) in fields.enumerated() {
        guard let v = parseSpectrumNumber(f, commaDecimal: false) else {
          throw text.error("column \(c + 1) (\(header[c])): expected a number, found \"\(f.prefix(40))\"", line: k + 1)
        }
        values.append(v)
      }
      let key = Array(values.prefix(keyColumns))
      if let currentKey, currentKey != key { flush() }
      currentKey = key
      xs.append(values[waveColumn])
      ys.append(values[intensityColumn])
    }
    flush()
    guard !spectra.isEmpty else { throw InputError("no data rows after the \"#Wave #Intensity\" header", file: file) }
    for s in spectra where s.x.count < 2 {
      throw InputError("\(s.name) has only \(s.x.count) point", file: file)
    }
    return spectra
  }
}
