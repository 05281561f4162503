import Formats
import Foundation

/// Reads any spectrum file Glovebox knows, choosing the reader by content (then extension):
/// Rigaku `.rasx` and Bruker `.brml` (zip archives), Rigaku `.ras`, JCAMP-DX, Renishaw WiRE text, Horiba LabSpec text, then delimited text with an axis header; files
/// with the extensions of xylib's formats (`xylibExtensions`) go to `XylibReader`. `axis`
/// is the caller's statement of the x axis for files that do not name it.
public enum SpectrumFileReader {
  public static func read(_ data: Data, file: String, axis: SpectrumAxis? = nil) throws -> [Spectrum] {
    let ext = (file as NSString).pathExtension.lowercased()
    if RenishawWDFReader.canRead(data) || ext == "wdf" { return try RenishawWDFReader.read(data, file: file) }
    if RigakuRASXReader.canRead(data, file: file) || ext == "rasx" { return try RigakuRASXReader.read(data, file: file) }
    if BrukerBRMLReader.canRead(data, file: file) || ext == "brml" { return try BrukerBRMLReader.read(data, file: file) }
    if RigakuRASReader.canRead(data) || ext == "ras" { return try RigakuRASReader.read(data, file: file) }
    if JCAMPReader.canRead(data) || ext == "jdx" || ext == "dx" || ext == "jcamp" { return try JCAMPReader.read(data, file: file) }
    if RenishawTextReader.canRead(data) { return try RenishawTextReader.read(data, file: file) }
    if LabSpecTextReader.canRead(data) { return try LabSpecTextReader.read(data, file: file, axis: axis) }
    if data.prefix(512).contains(0) { throw InputError("a binary file, not a spectrum format Glovebox reads", file: file) }
    return try DelimitedSpectrumReader.read(data, file: file, axis: axis)
  }

  /// Extensions of formats only xylib reads here (VAMAS, Bruker RAW, XRDML, UXD, Philips, SPE, …).
  static let xylibExtensions: Set<String> = ["vms", "vamas", "raw", "xrdml", "uxd", "udf", "rd", "sd", "spe", "cnf", "mca",
                                             "spc", "cpi", "xdd", "rit", "dbw", "xsyg"]

  /// A SpecsLab 2 or Prodigy XY export: its first line is "# Created by: SpecsLab…".
  static func isSpecsXY(_ data: Data) -> Bool {
    let first = String(decoding: data.prefix(80).prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
    return first.hasPrefix("# Created by:") && first.contains("SpecsLab")
  }

  public static func read(path: String, axis: SpectrumAxis? = nil) throws -> [Spectrum] {
    if xylibExtensions.contains((path as NSString).pathExtension.lowercased()) {
      return try XylibReader.read(path: path, axis: axis)
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError("cannot read the file", file: path) }
    // SPECS SpecsLab `.xy` exports are comment-headed text that xylib reads block by block (its
    // "# values in kinetic/binding energy" line gives the axis); our delimited reader would take
    // the "# Kinetic Energy Axis:" settings line for a header.
    if isSpecsXY(data) { return try XylibReader.read(path: path, format: "specsxy", axis: axis) }
    return try read(data, file: path, axis: axis)
  }
}
