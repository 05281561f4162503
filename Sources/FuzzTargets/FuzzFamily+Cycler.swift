import Engine

extension FuzzFamily {
  /// Cycler text files: delimited text (Battery Data Format, Maccor, Arbin CSV) and EC-Lab .mpt,
  /// read like `glovebox cycle summary` (`cyclerJudge`). Whole example files are up to 870 KB;
  /// libFuzzer takes their first 64 KB, which keeps a mutation cheap (the binary and zip formats
  /// are `cyclerBinary`, fuzzed whole).
  public static let cycler = FuzzFamily(
    name: "cycler",
    seeds: ["Examples/cycling", "Tests/EngineTests/Fixtures/cycling"],
    extensions: ["csv", "txt", "mpt"],
    fileName: cyclerFileName,
    judge: cyclerJudge)

  /// Cycler binary files and containers: EC-Lab .mpr, Neware .nda/.ndax and xlsx workbooks. They
  /// are fuzzed whole (up to 128 KB: a zip's directory is at its end, .mpr/.nda records follow a
  /// long header), so the seeds are the small fixtures and the kept crash inputs; the 180–880 KB
  /// fixtures made the single cycler family of the first campaign run 76 k inputs where the
  /// text families ran 10⁵–10⁶.
  public static let cyclerBinary = FuzzFamily(
    name: "cyclerbin",
    seeds: [
      "Tests/EngineTests/Fixtures/cycling/biologic_00_test_02_MB_C01.mpr",
      "Tests/EngineTests/Fixtures/cycling/biologic_00_test_04_MB_C01.mpr",
      "Tests/EngineTests/Fixtures/cycling/neware_test.nda", "Tests/EngineTests/Fixtures/cycling/neware_test.ndax",
      "Tests/Fuzz/crashes/crash_cycle_w0_010406",
    ],
    extensions: ["mpr", "nda", "ndax", "xlsx"],
    maxInputBytes: 131072,
    fileName: cyclerFileName,
    judge: cyclerJudge)

  /// The points, then half-cycles and cycle capacities, all of which must be finite.
  @Sendable static func cyclerJudge(_ bytes: [UInt8], _ fileName: String) -> FuzzVerdict {
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
  }

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
