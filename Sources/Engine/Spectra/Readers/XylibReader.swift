import CXylib
import Formats
import Foundation

/// Instrument files through xylib (Debian libxy-dev; the library Fityk reads files with): Bruker
/// RAW v1–v4 and SPC, Philips RD/UDF, PANalytical XRDML, Rigaku DAT, Siemens/Bruker UXD, VAMAS,
/// SPECS XY, WinSpec SPE, Canberra, RIET7/DBWS, CPI, XFIT, pdCIF, CSV and plain text. xylib's
/// exceptions arrive as its message (our InputError with the file). Each block's first data
/// column is x, every further column a spectrum. The axis: the caller's when given, else the x
/// column's name (`SpectrumAxis.named`), else the format's (diffraction formats → 2θ, with the
/// wavelength from the metadata when present); a block whose axis cannot be told is an error.
/// Kinetic-energy XPS blocks that state a source energy (VAMAS `source energy`) become binding
/// energy, BE = hν − KE − φ with the analyser work function when the block gives it; AES blocks
/// (VAMAS technique `AES diff`/`AES dir`) keep kinetic energy and are marked `.aes`.
public enum XylibReader {
  /// xylib format names whose x axis is 2θ.
  static let diffractionFormats: Set<String> = ["bruker_raw", "philips_raw", "philips_udf", "xrdml", "rigaku_dat",
                                                "uxd", "riet7", "dbws", "cpi", "xfit_xdd", "pdcif"]

  public static var version: String { String(cString: cxylib_version()) }

  /// xylib reads in a child process (see cxylib.h): a malformed file that crashes xylib, or one
  /// it reads for longer than `timeLimitSeconds`, is an error naming the file, not a crash.
  public static func read(path: String, format: String? = nil, axis given: SpectrumAxis? = nil,
                          timeLimitSeconds: UInt32 = 60) throws -> [Spectrum] {
    var message = [CChar](repeating: 0, count: 1024)
    guard let ds = cxylib_load(path, format ?? "", timeLimitSeconds, &message, message.count) else {
      let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw InputError(text.isEmpty ? "xylib could not read the file" : "xylib: " + text, file: path)
    }
    defer { cxylib_free(ds) }
    let formatName = String(cString: cxylib_format_name(ds))
    var spectra: [Spectrum] = []
    let blocks = cxylib_block_count(ds)
    for b in 0..<blocks {
      let columns = cxylib_column_count(ds, Int32(b))
      guard columns >= 2 else { throw InputError("xylib: block \(b + 1) has \(columns) column(s); need x and y", file: path) }
      // The file's header (xylib's dataset metadata: UXD keeps _WL1 there, before any block)
      // under the block's own entries.
      var meta: [String: String] = ["format": "xylib " + formatName]
      for scope in [Int32(-1), Int32(b)] {
        for k in 0..<cxylib_meta_count(ds, scope) {
          meta[String(cString: cxylib_meta_key(ds, scope, k))] = String(cString: cxylib_meta_value(ds, scope, k))
        }
      }
      func column(_ c: Int32) throws -> [Double] {
        let n = cxylib_point_count(ds, Int32(b), c)
        guard n >= 0, n < 100_000_000 else { throw InputError("xylib: block \(b + 1) column \(c) has no point count", file: path) }
        var values = [Double](repeating: 0, count: Int(n))
        guard cxylib_values(ds, Int32(b), c, &values, n) == 0 else {
          throw InputError("xylib: block \(b + 1) column \(c) could not be read", file: path)
        }
        // xylib parses "nan", "inf" and overflowing numbers as such; a spectrum holds none.
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
          throw InputError("xylib: block \(b + 1) column \(c) point \(bad + 1) is \(values[bad]), not a finite number", file: path)
        }
        return values
      }
      let x = try column(1)
      let xName = String(cString: cxylib_column_name(ds, Int32(b), 1))
      var axis = given ?? SpectrumAxis.named(xName)
      if axis == nil && diffractionFormats.contains(formatName) {
        let stated = try statedWavelengths(meta, file: path)
        for (key, value) in stated.metadata { meta[key] = value }
        axis = .twoTheta(wavelength: stated.kAlpha1)
      }
      guard let axis else {
        throw InputError("xylib (\(formatName)): block \(b + 1) does not say what its x axis is (column \"\(xName)\"); give the axis",
                         file: path)
      }
      let blockName = String(cString: cxylib_block_name(ds, Int32(b)))
      // SPECS: column 2 is the counts; further columns are the export's scaling or transmission
      // factors, not spectra.
      let lastColumn = formatName == "specsxy" ? 2 : columns
      // VAMAS: a "Transmission" corresponding variable is the analyser's transmission function
      // beside the counts (CasaXPS uses it to correct them), not a second spectrum of the region.
      let columnNames = (2...lastColumn).map { String(cString: cxylib_column_name(ds, Int32(b), $0)) }
      let isTransmission = columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "transmission" }
      let spectrumColumns = (2...lastColumn).filter { c in !isTransmission[Int(c) - 2] || !isTransmission.contains(false) }
      for c in spectrumColumns {
        let y = try column(c)
        guard y.count == x.count, x.count >= 2 else {
          throw InputError("xylib: block \(b + 1) column \(c) has \(y.count) points, x has \(x.count)", file: path)
        }
        let name = [blockName, String(cString: cxylib_column_name(ds, Int32(b), c))].filter { !$0.isEmpty }.joined(separator: " ")
        let isAES = (meta["tech"] ?? "").uppercased().hasPrefix("AES")
        var s = Spectrum(name: name.isEmpty ? "block \(b + 1)" : name, technique: isAES ? .aes : nil, axis: axis, x: x, y: y,
                         metadata: meta)
        if spectrumColumns.count < columns - 1, let t = isTransmission.firstIndex(of: true) {
          s.metadata["transmission_column"] = "column \(t + 2) (\(columnNames[t])): the analyser transmission, not read as a spectrum"
        }
        if isPhotonEnergyScan(meta) {
          s.metadata["x_note"] = "\(meta["Scan Mode"] ?? "photon-energy scan"): x is the excitation energy as the file gives it, not converted to binding energy"
        }
        if axis == .kineticEnergy, !isAES, !isPhotonEnergyScan(meta), let hv = meta["source energy"].flatMap(Double.init), hv > 0 {
          let statedPhi = (meta["analyser work function or acceptance energy of atom or ion"] ?? meta["Eff. Workfunction"])
            .flatMap(Double.init)
          // VAMAS and SpecsLab exports always state it; a file that does not gets 0 eV, said in
          // the spectrum's metadata rather than assumed silently.
          let phi = statedPhi ?? 0
          // Double("1e999") is inf: an overflowing header number would make every energy inf.
          guard hv.isFinite, phi.isFinite else {
            throw InputError("xylib: block \(b + 1) states a source energy of \(hv) eV and a work function of \(phi) eV; both must be finite numbers", file: path)
          }
          s = try s.toBindingEnergy(sourceEnergy: hv, workFunction: phi)
          s.metadata["work_function_source"] = statedPhi == nil
            ? "not stated in the file: 0 eV taken, so binding energies include the analyser's work function"
            : "\(phi) eV from the file"
        }
        spectra.append(s)
      }
    }
    guard !spectra.isEmpty else { throw InputError("xylib: the file holds no data blocks", file: path) }
    return spectra
  }
}
