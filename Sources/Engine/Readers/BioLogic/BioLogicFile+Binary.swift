import Formats
import Foundation

extension BioLogicFile {
  /// The first 52 bytes of every `.mpr`: the text, an end-of-file mark, blank padding, 4 zeros.
  public static let binaryMagic: [UInt8] = Array("BIO-LOGIC MODULAR FILE\u{1A}".utf8)
    + [UInt8](repeating: 0x20, count: 48 - 23) + [0, 0, 0, 0]

  /// Parses an EC-Lab binary file (`.mpr`): the 52-byte magic, then modules, each `MODULE`, a
  /// short name (10 bytes), a long name (25), a little-endian length and version, a date and
  /// `length` bytes of content. EC-Lab ≥ 11.50 writes 0xFFFFFFFF where the length was and puts a
  /// longer header (max length, length, version, unknown, date). Modules used: `VMP Set` (the
  /// technique id in its first byte), `VMP data` (versions 0, 2 and 3: point count u32, column
  /// count u8, then ids and records where `MPRDataHeader` says) and `VMP LOG` (its date).
  ///
  /// Records are packed little-endian values in column-id order; flag ids share one byte. An id
  /// the catalog does not know fails only when it prevents decoding: a single unknown id's width
  /// follows from the record size and the column is skipped (listed in `metadata`); with two or
  /// more the record layout is ambiguous and the error names them. `columns`, when given, decodes
  /// only those names.
  public init(mprData data: Data, fileName: String, columns selection: Set<String>? = nil) throws {
    let bytes = [UInt8](data)
    func fail(_ message: String) -> InputError { InputError(message, file: fileName) }
    guard bytes.count >= BioLogicFile.binaryMagic.count else {
      throw fail("expected an EC-Lab .mpr file of at least \(BioLogicFile.binaryMagic.count) bytes, found \(bytes.count) (truncated)")
    }
    guard bytes.starts(with: BioLogicFile.binaryMagic.prefix(22)) else {
      let found = String(decoding: bytes.prefix(22).map { (0x20..<0x7F).contains($0) ? $0 : 0x3F }, as: UTF8.self)
      throw fail("expected the magic 'BIO-LOGIC MODULAR FILE' at byte 0, found '\(found)'")
    }
    var modules: [MPRModule] = []
    var offset = BioLogicFile.binaryMagic.count
    while offset < bytes.count {
      modules.append(try MPRModule(bytes: bytes, offset: offset, fileName: fileName))
      offset = modules[modules.count - 1].content.upperBound
    }
    guard let dataModule = modules.first(where: { $0.shortName == "VMP data" }) else {
      throw fail("expected a 'VMP data' module, found \(modules.map { "'\($0.shortName)'" }.joined(separator: ", "))")
    }
    var metadata: [String: String] = ["format": "biologic-mpr", "data module version": String(dataModule.version)]
    var techniqueID: Int?
    if let settings = modules.first(where: { $0.shortName == "VMP Set" }) {
      metadata["settings date"] = settings.date
      if !settings.content.isEmpty { techniqueID = Int(bytes[settings.content.lowerBound]) }
    }
    if let log = modules.first(where: { $0.shortName == "VMP LOG" }) { metadata["log date"] = log.date }
    let table = try MPRDataModule.decode(bytes: bytes, module: dataModule, fileName: fileName, selection: selection, metadata: &metadata)
    self.init(technique: techniqueID.flatMap { ECLabColumnCatalog.techniques[$0] }, techniqueID: techniqueID, metadata: metadata, table: table)
  }
}
