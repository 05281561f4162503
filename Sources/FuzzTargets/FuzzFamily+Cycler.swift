import Engine

extension FuzzFamily {
  /// Cycler files: delimited text (Battery Data Format, Maccor, Arbin CSV), EC-Lab .mpt/.mpr,
  /// Neware .nda/.ndax and xlsx workbooks, read like `glovebox cycle summary`: the points, then
  /// half-cycles and cycle capacities, all of which must be finite.
  public static let cycler = FuzzFamily(
    name: "cycler",
    seeds: [
      "Examples/cycling", "Tests/EngineTests/Fixtures/cycling", "Tests/Fuzz/crashes/crash_cycle_w0_010406",
    ],
    extensions: ["csv", "txt", "mpr", "mpt", "nda", "ndax", "xlsx"],
    fileName: cyclerFileName,
    judge: { bytes, fileName in
      let data: CyclingData
      do {
        data = try CyclingFile.read(bytes: bytes, name: fileName)
      } catch {
        return .judging(error, fileName: fileName)
      }
      var accumulator = HalfCycleAccumulator()
      for i in 0..<data.count { accumulator.consume(data.point(i)) }
      let halves = accumulator.finish()
      let cycles = summarizeCycles(halves)
      return .all([
        .finite(data.testTime, "test time"), .finite(data.voltage, "voltage"), .finite(data.current, "current"),
        .finite(data.capacity, "capacity"), .finite(halves.map(\.capacity), "half-cycle capacity"),
        .finite(cycles.compactMap(\.dischargeCapacity), "discharge capacity"),
        .finite(cycles.compactMap(\.chargeCapacity), "charge capacity"),
      ])
    })

  /// The cycler readers pick the format from the name; a fuzzed input gets the extension its
  /// content claims (zip with an `xl/` part: xlsx; other zip: ndax; Neware, EC-Lab magic).
  @Sendable static func cyclerFileName(_ bytes: [UInt8]) -> String {
    func starts(_ text: String) -> Bool { bytes.starts(with: Array(text.utf8)) }
    if starts("PK\u{3}\u{4}") {
      let marker = Array("xl/".utf8)
      let isWorkbook = bytes.indices.dropLast(marker.count).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
      return isWorkbook ? "fuzz-cycler.xlsx" : "fuzz-cycler.ndax"
    }
    if starts("NEWARE") { return "fuzz-cycler.nda" }
    if starts("BIO-LOGIC") { return "fuzz-cycler.mpr" }
    if starts("EC-Lab ASCII") { return "fuzz-cycler.mpt" }
    return "fuzz-cycler.csv"
  }
}
