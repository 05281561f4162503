import Engine

extension FuzzFamily {
  /// Phase-field simulation configs (`SimulationConfig.parse`).
  public static let simulationConfig = FuzzFamily(
    name: "simconfig",
    seeds: ["Examples/sim", "Tests/Fuzz/crashes/crash_sim_w0_000460"],
    extensions: ["toml"],
    fileName: { _ in "fuzz-config.toml" },
    judge: { bytes, fileName in
      do {
        _ = try SimulationConfig.parse(String(fuzzBytes: bytes), fileName: fileName)
        return .accepted
      } catch {
        return .judging(error, fileName: fileName)
      }
    })
}
