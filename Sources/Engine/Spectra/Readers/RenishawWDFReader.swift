import Formats
import Foundation

/// Renishaw WiRE `.wdf` (binary, little-endian): a 512-byte `WDF1` header (`WDFHeader`) and then
/// blocks that tile the file (`WDFBlock`). Read here:
/// - `DATA`: float32 intensities, spectrum after spectrum, `points per spectrum` each; the
///   header's `collected` spectra are read (a map or series stopped early has fewer than its
///   capacity);
/// - `XLST`: u32 data type, u32 unit, then the x value of every point (float32). Unit 1 is Raman
///   shift (cm⁻¹) and is used as is; unit 3 (nm, absolute wavelength) is converted to Raman shift
///   with the header's laser wavenumber ν̃₀: Δν̃ = ν̃₀ − 10⁷/λ (cm⁻¹, λ in nm, Stokes positive).
///   Any other unit is an error, never a guess;
/// - `ORGN`, where present (`WDFOrigins`): each spectrum's stage position and time.
/// Every spectrum of a map or series becomes one block (`Spectrum`), with x ascending (WiRE
/// writes it descending) and its origins in the metadata: a map's spectra are named by position
/// (`X=… Y=…`, µm), a series' by index and elapsed time. Sizes, counts and offsets are checked
/// against the file before anything is allocated; every error names the file and byte offset.
/// Layout learned from Gwyddion's renishaw module and the renishawWiRE (py-wdf-reader) project.
public enum RenishawWDFReader {
  public static func canRead(_ data: Data) -> Bool { data.starts(with: Array("WDF1".utf8)) }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let b = WDFBytes([UInt8](data), file: file)
    let header = try WDFHeader(b)
    let blocks = try WDFBlock.all(in: b)
    func single(_ name: String) throws -> WDFBlock? {
      let found = blocks.filter { $0.name == name }
      guard found.count <= 1 else { throw b.error("\(found.count) \(name) blocks, expected one", at: found[1].offset) }
      return found.first
    }
    guard let dataBlock = try single("DATA") else { throw InputError("no DATA block: the file holds no spectra", file: file) }
    guard let xBlock = try single("XLST") else { throw InputError("no XLST block: the x axis is unknown", file: file) }
    let x = try ramanShift(xBlock, header: header, in: b)
    let origins = try single("ORGN").map { try WDFOrigins(block: $0, header: header, in: b) }

    let n = header.pointsPerSpectrum
    let (values, overflow) = n.multipliedReportingOverflow(by: header.collected)
    guard !overflow, values <= dataBlock.bodyLength / 4 else {
      throw b.error("DATA holds \(dataBlock.bodyLength) bytes, \(header.collected) spectra of \(n) points need \(header.collected) × \(n) × 4",
                    at: dataBlock.offset + 8)
    }
    // WiRE writes x descending; spectra are returned ascending with the intensities following.
    let order = x.indices.sorted { x[$0] < x[$1] }
    let sortedX = order.map { x[$0] }
    var metadata = commonMetadata(header)
    var spectra: [Spectrum] = []
    spectra.reserveCapacity(header.collected)
    for k in 0..<header.collected {
      let start = dataBlock.body + 4 * n * k
      var y = [Double](repeating: 0, count: n)
      for (i, p) in order.enumerated() {
        let value = try b.f32(start + 4 * p, "an intensity")
        guard value.isFinite else { throw b.error("spectrum \(k + 1), point \(p + 1): intensity is \(value), expected a number", at: start + 4 * p) }
        y[i] = Double(value)
      }
      var m = metadata
      m["index"] = String(k + 1)
      if let origins {
        m.merge(origins.metadata(for: k)) { old, _ in old }
        if let elapsed = origins.elapsedSeconds(k) { m["elapsed_s"] = String(elapsed) }
      }
      spectra.append(Spectrum(name: name(k, header: header, origins: origins), axis: .ramanShift, x: sortedX, y: y,
                              yUnit: yUnitName(header.spectralUnits), metadata: m))
    }
    return spectra
  }

  /// The x axis as Raman shift (cm⁻¹), in file order.
  static func ramanShift(_ block: WDFBlock, header: WDFHeader, in b: WDFBytes) throws -> [Double] {
    let n = header.pointsPerSpectrum
    guard n <= (block.bodyLength - 8) / 4 else {
      throw b.error("XLST holds \(block.bodyLength) bytes, an x-list of \(n) points needs \(8 + 4 * n)", at: block.offset + 8)
    }
    let unit = try b.u32(block.body + 4, "the x-list unit")
    var x: [Double] = []
    x.reserveCapacity(n)
    for i in 0..<n {
      let value = try b.f32(block.body + 8 + 4 * i, "an x value")
      guard value.isFinite else { throw b.error("x value \(i + 1) is \(value), expected a number", at: block.body + 8 + 4 * i) }
      x.append(Double(value))
    }
    switch unit {
    case 1: return x
    case 3:
      let laser = Double(header.laserWavenumber)
      guard laser.isFinite, laser > 1000, laser < 100_000 else {
        throw b.error("the x axis is in nm but the laser wavenumber is \(laser) cm-1, so the Raman shift is unknown", at: 0x9C)
      }
      guard x.allSatisfy({ $0 > 0 }) else { throw b.error("an x value in nm is not positive", at: block.body + 8) }
      return x.map { laser - 1e7 / $0 }
    default:
      throw b.error("the x axis unit is \(unit) (\(WDFUnit.symbol(unit))); expected 1 (Raman shift, cm-1) or 3 (nm)", at: block.body + 4)
    }
  }

  static func commonMetadata(_ h: WDFHeader) -> [String: String] {
    var m = ["format": "Renishaw WiRE .wdf", "application": h.application, "measurement": h.measurementName,
             "scan_type": String(h.scanType), "accumulations": String(h.accumulations),
             "spectra": "\(h.collected) of \(h.capacity)"]
    if !h.title.isEmpty { m["title"] = h.title }
    if !h.user.isEmpty { m["user"] = h.user }
    let laser = Double(h.laserWavenumber)
    if laser.isFinite, laser > 0 {
      m["laser_wavenumber_cm-1"] = String(format: "%.2f", laser)
      m["laser_wavelength_nm"] = String(format: "%.2f", 1e7 / laser)
    }
    return m
  }

  static func yUnitName(_ code: UInt32) -> String? {
    switch code {
    case 6: return "counts"
    case 7: return "electrons"
    case 18: return "relative intensity"
    default: return nil
    }
  }

  static func name(_ k: Int, header: WDFHeader, origins: WDFOrigins?) -> String {
    if header.collected == 1 { return header.title.isEmpty ? "spectrum 1" : header.title }
    if let xs = origins?.list(type: 3), let ys = origins?.list(type: 4), xs.values[k].isFinite, ys.values[k].isFinite {
      let unit = WDFUnit.symbol(xs.units)
      return String(format: "X=%.3f Y=%.3f", xs.values[k], ys.values[k]) + (unit.isEmpty ? "" : " \(unit)")
    }
    if let elapsed = origins?.elapsedSeconds(k) { return String(format: "spectrum %d (t=%.1f s)", k + 1, elapsed) }
    return "spectrum \(k + 1)"
  }
}
