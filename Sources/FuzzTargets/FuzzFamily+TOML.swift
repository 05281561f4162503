import Engine
import Formats

extension FuzzFamily {
  /// The TOML parser itself, on every TOML file the project ships or keeps as a crash input.
  public static let toml = FuzzFamily(
    name: "toml",
    seeds: tomlSeeds,
    extensions: ["toml"],
    fileName: { _ in "fuzz.toml" },
    judge: { bytes, fileName in
      do {
        _ = try TOML.parse(String(fuzzBytes: bytes), fileName: fileName)
        return .accepted
      } catch {
        return .judging(error, fileName: fileName)
      }
    })

  static let tomlSeeds = [
    "Examples", "Examples/recipes", "Examples/protocols", "Examples/sim", "Themes",
    "Tests/Fuzz/crashes/crash_protocol_w0_013168", "Tests/Fuzz/crashes/crash_recipe_w0_001774",
  ]
}
