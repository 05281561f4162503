import Workbench

/// The workspace index's classification rules: a pure function of a file's workspace-relative
/// path and, only where the name is ambiguous, its first `sniffLength` bytes. Nothing is parsed:
/// the rules look for the markers instrument software writes in a header, the column names of a
/// table's first line, or the tables of a TOML file. A file whose kind the rules cannot tell is
/// `.other`, never guessed into a pane.
enum WorkspaceClassifier {
  /// How many leading bytes an ambiguous file is sniffed by.
  static let sniffLength = 512

  /// What the name alone says.
  enum NameVerdict: Equatable, Sendable {
    case kind(WorkspaceFileKind)
    /// The name fits several kinds (`.csv`, `.txt`, `.toml`, `.mpr`, ...): read the head.
    case needsHead
  }

  static let impedanceExtensions: Set<String> = ["z", "idf", "par", "pssession", "ods", "fods", "dfr", "p00", "i2b"]
  static let cyclingExtensions: Set<String> = ["xlsx", "nda", "ndax"]
  /// Raman, XPS and XRD formats whose extension is their own (Bruker RAW/BRML, PANalytical
  /// XRDML, Rigaku RAS/RASX, VAMAS, Renishaw WDF, JCAMP-DX, WinSpec SPE, Galactic SPC, XY/XYE,
  /// Siemens UXD, Philips UDF, CPI).
  static let spectrumExtensions: Set<String> = [
    "xy", "xye", "xrdml", "raw", "ras", "rasx", "brml", "vms", "vamas", "wdf", "jdx", "dx", "jcamp", "spe", "spc",
    "uxd", "udf", "cpi",
  ]
  /// Text tables whose content decides (impedance, cycling, spectrum or none).
  static let tableExtensions: Set<String> = ["csv", "tsv", "txt", "dat", "asc", "prn"]

  static func classify(path: String) -> NameVerdict {
    let name = fileName(path).lowercased()
    let ext = fileExtension(name)
    switch name {
    case "notebook.jsonl": return .kind(.notebook)
    case "sweep.json": return .kind(.sweep)
    case "materials.toml": return .kind(.materials)
    default: break
    }
    if ext == "toml" {
      switch parentName(path).lowercased() {
      case "recipes": return .kind(.recipe)
      case "protocols": return .kind(.cellProtocol)
      case "themes": return .kind(.theme)
      default: return .needsHead
      }
    }
    if impedanceExtensions.contains(ext) { return .kind(.impedance) }
    if cyclingExtensions.contains(ext) { return .kind(.cycling) }
    if spectrumExtensions.contains(ext) { return .kind(.spectrum) }
    if ext == "mpr" || ext == "mpt" || ext == "dta" || tableExtensions.contains(ext) { return .needsHead }
    return .kind(.other)
  }

  /// The kind of a file from its path and its first bytes (`head`, at most `sniffLength` are
  /// looked at). For a name that decides alone, `head` is not read.
  static func classify(path: String, head: [UInt8]) -> WorkspaceFileKind {
    if case .kind(let kind) = classify(path: path) { return kind }
    let bytes = head.prefix(sniffLength)
    let ext = fileExtension(fileName(path).lowercased())
    if let technique = SniffedHead.bioLogicTechnique(bytes) { return technique }
    if ext == "mpr" { return .other }
    let text = SniffedHead(bytes)
    if ext == "toml" { return text.tomlKind(folder: parentName(path).lowercased()) }
    if text.firstLine.hasPrefix("EC-Lab ASCII FILE") {
      return text.lowered.containsASCII("impedance") ? .impedance : .cycling
    }
    if ext == "mpt" { return .other }
    if ext == "dta" { return text.lines.contains { $0.hasPrefix("TAG\tEIS") } ? .impedance : .other }
    return text.tableKind()
  }

  /// The last path component.
  static func fileName(_ path: String) -> Substring {
    guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
    return path[path.index(after: slash)...]
  }

  /// The name of the folder holding `path` ("" at the workspace's top).
  static func parentName(_ path: String) -> Substring {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return fileName(String(path[..<slash]))
  }

  /// The extension after the last dot, "" when none (a leading dot does not start one).
  static func fileExtension(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }
}
