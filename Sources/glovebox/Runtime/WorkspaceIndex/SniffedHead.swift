import Workbench

/// The first bytes of an ambiguous file as text, and the rules that read kinds from it. Bytes
/// outside ASCII read as `?` (markers and column names are ASCII), a UTF-8 byte-order mark is
/// dropped, and a last line cut off by the sniff length is still looked at.
struct SniffedHead {
  let lines: [String]
  let lowered: String

  init(_ bytes: ArraySlice<UInt8>) {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let text = String(decoding: body.map { $0 < 0x80 && $0 != 0 ? $0 : 0x3F }, as: UTF8.self)
    // isNewline: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
    lines = text.split(whereSeparator: \.isNewline).map(String.init)
    lowered = text.lowercased()
  }

  var firstLine: String { lines.first ?? "" }

  // MARK: BioLogic

  static let bioLogicMagic = Array("BIO-LOGIC MODULAR FILE".utf8)
  /// EC-Lab technique ids (first byte of the `VMP Set` module) that are impedance runs; 0x1D,
  /// PEIS, is the one the fixtures confirm.
  static let bioLogicImpedanceTechniques: Set<UInt8> = [0x1D]

  /// For an EC-Lab `.mpr` head: impedance when the settings module names an impedance
  /// technique, cycling otherwise; nil when the bytes are not an `.mpr`. The settings module's
  /// content starts right after its date (`MM/DD/YY`), which is how it is found without parsing
  /// the header's version-dependent layout.
  static func bioLogicTechnique(_ bytes: ArraySlice<UInt8>) -> WorkspaceFileKind? {
    guard bytes.starts(with: bioLogicMagic) else { return nil }
    let all = Array(bytes)
    guard let set = all.firstRange(of: Array("VMP Set".utf8)) else { return .cycling }
    var index = set.upperBound
    while index + 8 < all.count {
      let date = all[index..<(index + 8)]
      if isDate(date) { return bioLogicImpedanceTechniques.contains(all[index + 8]) ? .impedance : .cycling }
      index += 1
    }
    return .cycling
  }

  private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
    for (offset, byte) in bytes.enumerated() {
      let ok = offset == 2 || offset == 5 ? byte == UInt8(ascii: "/") : (0x30...0x39).contains(byte)
      if !ok { return false }
    }
    return true
  }

  // MARK: TOML

  /// A TOML file's kind from its tables and top-level keys; when the head shows none of them
  /// (only comments), from its folder (`sim/` configs, `sweeps/`).
  func tomlKind(folder: String) -> WorkspaceFileKind {
    var tables: [String] = []
    var keys: [String] = []
    for raw in lines {
      let line = raw.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        tables.append(line.filter { $0 != "[" && $0 != "]" && $0 != " " && $0 != "\"" }.lowercased())
      } else if tables.isEmpty, let equals = line.firstIndex(of: "=") {
        keys.append(String(line[..<equals]).trimmingSpaces().replacingQuotes().lowercased())
      }
    }
    if tables.contains("vary") || keys.contains("base") { return .sweep }
    if tables.contains("precursors") || keys.contains("stoichiometry") || keys.contains("product") { return .recipe }
    if tables.contains("steps") || keys.contains("die_diameter_mm") { return .cellProtocol }
    if tables.contains(where: { $0.hasPrefix("materials.") }) || keys.contains("default_relative_density") { return .materials }
    let simulationTables: Set<String> = ["physics", "grid", "numerics", "run", "nucleus", "mechanics"]
    if tables.contains(where: simulationTables.contains) { return .simulationConfig }
    if keys.contains("background") && keys.contains("text") { return .theme }
    if tables.isEmpty && keys.count <= 1 {
      switch folder {
      case "sim", "sims", "simulations", "configs": return .simulationConfig
      case "sweeps": return .sweep
      default: break
      }
    }
    return .other
  }
}

extension String {
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[first...last])
  }

  /// Whether `needle` occurs in the string, compared byte by byte: Foundation's `contains`
  /// goes through NSString and was a third of the classification time.
  func containsASCII(_ needle: String) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { hay in
      needle.utf8.withContiguousStorageIfAvailable { pattern in Self.occurs(pattern, in: hay) }
    }
    return (found ?? nil) ?? Self.occurs(Array(needle.utf8)[...], in: Array(utf8)[...])
  }

  private static func occurs<C: RandomAccessCollection<UInt8>>(_ pattern: C, in hay: C) -> Bool where C.Index == Int {
    guard let first = pattern.first else { return true }
    guard pattern.count <= hay.count else { return false }
    var start = hay.startIndex
    while start + pattern.count <= hay.endIndex {
      if hay[start] == first {
        var offset = 1
        while offset < pattern.count && hay[start + offset] == pattern[pattern.startIndex + offset] { offset += 1 }
        if offset == pattern.count { return true }
      }
      start += 1
    }
    return false
  }

  fileprivate func replacingQuotes() -> String { filter { $0 != "\"" && $0 != "'" } }
}
