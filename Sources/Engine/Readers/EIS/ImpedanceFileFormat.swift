import Foundation

/// The instrument file formats `ImpedanceReader` reads.
public enum ImpedanceFileFormat: String, Sendable, CaseIterable, Codable {
  /// Plain CSV/TSV/semicolon/blank-separated table, with or without a header.
  case delimited = "csv"
  /// Metrohm Autolab NOVA export: its ASCII table (`Frequency (Hz)`, `Z' (Ω)`, `-Z'' (Ω)`) or its
  /// ZView-format export (`Z60W Data File`).
  case autolab
  /// Gamry Framework `.DTA` (EXPLAIN format, ZCURVE tables).
  case gamry
  /// BioLogic EC-Lab text export `.mpt` (`EC-Lab ASCII FILE`).
  case bioLogicText = "biologic-mpt"
  /// BioLogic EC-Lab binary `.mpr` (`BIO-LOGIC MODULAR FILE`).
  case bioLogicBinary = "biologic-mpr"
  /// Scribner ZPlot/ZView `.z` (`ZPLOT2 ASCII` or `ZPlotW Data File`).
  case zplot
  /// CH Instruments text export (`A.C. Impedance`).
  case chInstruments = "chi"
  /// Princeton Applied Research Parstat text export.
  case parstat
  /// Princeton Applied Research VersaStudio `.par`.
  case versaStudio = "versastudio"
  /// Ivium `.idf`.
  case ivium
  /// PowerSuite text export.
  case powerSuite = "powersuite"
  /// pyimpspec's `.json` (a data frame in columns, or a `DataSet.to_dict`).
  case pyimpspecJSON = "pyimpspec-json"
  /// PalmSens PSTrace `.pssession` (UTF-16 JSON).
  case palmSens = "pssession"
  /// Excel `.xlsx` workbook, one spectrum per sheet with an impedance header.
  case xlsx
  /// OpenDocument `.ods` spreadsheet.
  case ods
  /// Flat OpenDocument `.fods` spreadsheet (one XML file).
  case fods
  /// Eco Chemie (Autolab FRA) `.dfr`: nine lines per point.
  case dfr
  /// `.P00`: a header, a point count, tab-separated rows (f, Z', −Z'', time, Edc, Idc).
  case p00 = "P00"
  /// `.i2b`: free metadata lines, a point count, rows of f, Z', Z''.
  case i2b

  /// Recognises the format from the first bytes and lines and, failing that, the extension.
  /// Content wins over the extension: EC-Lab's `.txt` export and NOVA's `.txt` differ inside.
  public static func detect(data: Data, fileName: String) -> ImpedanceFileFormat {
    let magic = Data("BIO-LOGIC MODULAR FILE".utf8)
    if data.count >= magic.count, data.prefix(magic.count) == magic { return .bioLogicBinary }
    if let container = detectContainer(data: data) { return container }
    let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    let firstLine = head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init)?
      .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}? \t")) ?? ""
    if firstLine.hasPrefix("EC-Lab ASCII FILE") { return .bioLogicText }
    if firstLine.hasPrefix("VERSION"), head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).dropFirst().first.map({ $0.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) }) == true {
      return .dfr
    }
    if head.contains("\n f/Hz") || head.contains("\nf/Hz"), head.contains("-Z''/Ohm") { return .p00 }
    if firstLine == "EXPLAIN" || head.contains("\nTAG\tEIS") { return .gamry }
    if firstLine.hasPrefix("ZPLOT2 ASCII") { return .zplot }
    if firstLine.contains("Z60W Data File") { return .autolab }
    if firstLine.contains("Data File: Version") { return .zplot }
    if firstLine.hasPrefix("<Application>") || head.contains("<Segment1>") { return .versaStudio }
    if head.contains("primary_data") || data.range(of: Data("primary_data".utf8)) != nil { return .ivium }
    if head.contains("A.C. Impedance") || head.contains("Instrument Model:  CHI") { return .chInstruments }
    if firstLine.contains("Potential (V)") && firstLine.contains("Frequency (Hz)") && firstLine.contains("Zre") { return .parstat }
    if firstLine.hasPrefix("Frequency") && firstLine.contains("Zimg") { return .powerSuite }
    // NOVA names its columns "Z' (Ω)", "-Z'' (Ω)", "-Phase (°)" (the non-ASCII bytes read as '?').
    if firstLine.contains("-Z'' (?") || firstLine.contains("-Phase (?") { return .autolab }
    switch (fileName as NSString).pathExtension.lowercased() {
    case "mpr": return .bioLogicBinary
    case "mpt": return .bioLogicText
    case "dta": return .gamry
    case "z": return .zplot
    case "par": return .versaStudio
    case "idf": return .ivium
    case "json": return .pyimpspecJSON
    case "pssession": return .palmSens
    case "xlsx": return .xlsx
    case "ods": return .ods
    case "fods": return .fods
    case "dfr": return .dfr
    case "p00": return .p00
    case "i2b": return .i2b
    default: return .delimited
    }
  }

  /// Zips (xlsx, ods), XML (fods), UTF-16 or plain JSON (pssession, pyimpspec): told apart by
  /// their first bytes and, for a zip, the part names in its directory (stored uncompressed).
  private static func detectContainer(data: Data) -> ImpedanceFileFormat? {
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      if data.range(of: Data("xl/workbook.xml".utf8)) != nil { return .xlsx }
      if data.range(of: Data("content.xml".utf8)) != nil { return .ods }
      return nil
    }
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return .palmSens
    }
    let head = data.prefix(4096)
    guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
      return nil
    }
    if head[first] == UInt8(ascii: "{") {
      return head.range(of: Data("\"Measurements\"".utf8)) != nil || head.range(of: Data("PalmSens".utf8)) != nil ? .palmSens : .pyimpspecJSON
    }
    if head[first] == UInt8(ascii: "<"), head.range(of: Data("office:document".utf8)) != nil { return .fods }
    return nil
  }
}
