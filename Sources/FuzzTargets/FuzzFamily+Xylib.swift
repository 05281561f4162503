import Engine
import Foundation

extension FuzzFamily {
  /// Instrument files only xylib reads (VAMAS, Bruker RAW, XRDML, UXD, Philips, SPE, …), through
  /// `XylibReader` (where `SpectrumFileReader.read(path:)` sends them) and the CXylib shim. xylib reads
  /// from a path, so each input is written to a file in a folder of this process (in /dev/shm
  /// where there is one) and read back; the rejection must name that path. The extension picks
  /// xylib's format: the one the content's magic claims, else one chosen by the input's length,
  /// so mutations reach every format. (libxy itself is not instrumented: coverage guides the
  /// mutations through our side only, but a crash inside xylib still ends the run.)
  public static let xylib = FuzzFamily(
    name: "xylib",
    seeds: ["Tests/EngineTests/Fixtures/spectra", "Tests/Fuzz/seeds/xylib"],
    extensions: ["vms", "uxd", "xrdml", "cpi", "dbw", "raw", "udf", "rd", "spe", "xdd", "rit"],
    fileName: { bytes in "fuzz-xylib." + xylibExtension(bytes) },
    judge: { bytes, fileName in
      let path = xylibFolder + "/" + fileName
      guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        return .flaw("cannot write the input to \(path)")
      }
      defer { try? FileManager.default.removeItem(atPath: path) }
      do {
        // The reader the program uses for these extensions, with a time limit under the fuzzer's 5 s.
        return spectrumVerdict(try XylibReader.read(path: path, timeLimitSeconds: 4))
      } catch {
        return .judging(error, fileName: path)
      }
    })

  /// Formats without a magic the sniffing below knows, chosen by the input's length.
  static let xylibUnsniffed = ["raw", "udf", "rd", "spe", "cnf", "mca", "spc", "dbw", "rit", "xdd", "cpi", "xsyg"]

  @Sendable static func xylibExtension(_ bytes: [UInt8]) -> String {
    func starts(_ text: String) -> Bool { bytes.starts(with: Array(text.utf8)) }
    if starts("VAMAS") { return "vms" }
    if starts("<?xml") { return "xrdml" }
    if starts("_") || starts(";") { return "uxd" }
    if starts("RAW") { return "raw" }
    if starts("SIETRONICS") { return "cpi" }
    return xylibUnsniffed[bytes.count % xylibUnsniffed.count]
  }

  /// This process's folder for xylib's inputs (made once; a global `let` is initialised once).
  static let xylibFolder: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = base + "/glovebox-fuzz-xylib-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }()
}
