import Engine
import Lab

extension FuzzFamily {
  /// Cell assembly protocols (`CellProtocol.parse`).
  public static let cellProtocol = FuzzFamily(
    name: "protocol",
    seeds: [
      "Examples/protocols", "Tests/Fuzz/crashes/crash_protocol_w0_000208",
      "Tests/Fuzz/crashes/crash_protocol_w0_013168", "Tests/Fuzz/crashes/crash_protocol_w0_015578",
    ],
    extensions: ["toml"],
    fileName: { _ in "fuzz-protocol.toml" },
    judge: { bytes, fileName in
      do {
        _ = try CellProtocol.parse(String(fuzzBytes: bytes), fileName: fileName, defaultID: "fuzz-protocol")
        return .accepted
      } catch {
        return .judging(error, fileName: fileName)
      }
    })
}
