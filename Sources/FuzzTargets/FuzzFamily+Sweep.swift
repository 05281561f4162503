import Engine
import Foundation
import Formats

extension FuzzFamily {
  /// Sweep files (`SweepSpec.parse`, then the expansion of every point against model 1's config)
  /// and sweep indexes (`SweepIndex.decode`); an input starting with `{` is read as a sweep.json.
  public static let sweep = FuzzFamily(
    name: "sweep",
    seeds: ["Examples/sim/potential-sweep.toml", "Tests/Fuzz/seeds/sweep"],
    extensions: ["toml", "json"],
    fileName: { bytes in bytes.first(where: { $0 != 0x20 && $0 != 0x0A }) == UInt8(ascii: "{") ? "sweep.json" : "fuzz-sweep.toml" },
    judge: { bytes, fileName in
      do {
        if fileName == "sweep.json" {
          _ = try SweepIndex.decode(Data(bytes), fileName: fileName)
          return .accepted
        }
        let spec = try SweepSpec.parse(String(fuzzBytes: bytes), fileName: fileName)
        // Expanding validates a whole config per point; a few thousand points are the most a
        // fuzz input may ask for within libFuzzer's time limit, and the bound itself (100 000)
        // has its own unit test.
        guard let base = sweepBase, spec.pointCount <= 2_000 else { return .accepted }
        _ = try spec.points(base: base, baseFileName: "model1.toml")
        return .accepted
      } catch {
        return .judging(error, fileName: fileName)
      }
    })

  /// Model 1's config as the base of every fuzzed sweep (read once; nil outside the repository,
  /// where only the parse is fuzzed).
  static let sweepBase: TOMLTable? = {
    guard let text = try? String(contentsOfFile: "Examples/sim/model1.toml", encoding: .utf8) else { return nil }
    return try? TOML.parse(text, fileName: "model1.toml")
  }()
}
