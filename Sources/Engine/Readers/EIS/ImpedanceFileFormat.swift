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

  /// Recognises the format from the first bytes and lines and, failing that, the extension.
  /// Content wins over the extension: EC-Lab's `.txt` export and NOVA's `.txt` differ inside.
  public static func detect(data: Data, fileName: String) -> ImpedanceFileFormat {
    let magic = Data("BIO-LOGIC MODULAR FILE".utf8)
    if data.count >= magic.count, data.prefix(magic.count) == magic { return .bioLogicBinary }
    let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    let firstLine = head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init)?
      .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}? \t")) ?? ""
    if firstLine.hasPrefix("EC-Lab ASCII FILE") { return .bioLogicText }
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
    default: return .delimited
    }
  }
}
