import Foundation

extension BioLogicFile {
  /// The first 52 bytes of every `.mpr`: the text, an end-of-file mark, blank padding, 4 zeros.
  static let binaryMagic: [UInt8] = Array("BIO-LOGIC MODULAR FILE\u{1A}".utf8)
    + [UInt8](repeating: 0x20, count: 48 - 23) + [0, 0, 0, 0]

  /// Parses an EC-Lab binary file (`.mpr`): the 52-byte magic, then modules, each `MODULE`, a
  /// short name (10 bytes), a long name (25), a little-endian length and version, a date and
  /// `length` bytes of content. EC-Lab ≥ 11.50 writes 0xFFFFFFFF where the length was and puts a
  /// longer header (max length, length, version, unknown, date). Modules used: `VMP Set` (the
  /// technique id in its first byte), `VMP data` (versions 2 and 3: point count u32, column count
  /// u8, column ids u16 from byte 5, records from byte 405 or 406) and `VMP LOG` (its date).
  ///
  /// Records are packed little-endian values in column-id order; flag ids share one byte. An id
  /// the catalog does not know fails only when it prevents decoding: a single unknown id's width
  /// follows from the record size and the column is skipped (listed in `metadata`); with two or
  /// more the record layout is ambiguous and the error names them.
  public init(mprData data: Data, fileName: String) throws {
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
    let table = try MPRDataModule.decode(bytes: bytes, module: dataModule, fileName: fileName, metadata: &metadata)
    self.init(technique: techniqueID.flatMap { ECLabColumnCatalog.techniques[$0] }, techniqueID: techniqueID, metadata: metadata, table: table)
  }
}

/// One module of an `.mpr` file: its names, version, date and the byte range of its content.
struct MPRModule {
  let shortName: String
  let longName: String
  let version: Int
  let date: String
  let content: Range<Int>

  init(bytes: [UInt8], offset: Int, fileName: String) throws {
    func fail(_ message: String) -> InputError { InputError(message, file: fileName) }
    let tag = Array("MODULE".utf8)
    guard offset + tag.count <= bytes.count, Array(bytes[offset..<(offset + tag.count)]) == tag else {
      throw fail("expected 'MODULE' at byte \(offset), found \(bytes.count - offset) bytes of something else (corrupt or truncated file)")
    }
    let header = offset + tag.count
    let shortHeader = 10 + 25 + 4 + 4 + 8
    guard header + shortHeader <= bytes.count else {
      throw fail("expected a module header at byte \(header), the file ends at byte \(bytes.count) (truncated)")
    }
    shortName = MPRModule.text(bytes[header..<(header + 10)])
    longName = MPRModule.text(bytes[(header + 10)..<(header + 35)])
    let first = MPRModule.uint32(bytes, at: header + 35)
    let contentStart: Int
    let length: Int
    if first == 0xFFFF_FFFF {
      let longHeader = 10 + 25 + 4 * 4 + 8
      guard header + longHeader <= bytes.count else {
        throw fail("expected a module header at byte \(header), the file ends at byte \(bytes.count) (truncated)")
      }
      length = Int(MPRModule.uint32(bytes, at: header + 39))
      version = Int(MPRModule.uint32(bytes, at: header + 43))
      date = MPRModule.text(bytes[(header + 51)..<(header + 59)])
      contentStart = header + longHeader
    } else {
      length = Int(first)
      version = Int(MPRModule.uint32(bytes, at: header + 39))
      date = MPRModule.text(bytes[(header + 43)..<(header + 51)])
      contentStart = header + shortHeader
    }
    guard contentStart + length <= bytes.count else {
      throw fail("module '\(shortName)' at byte \(offset) declares \(length) bytes, the file has \(bytes.count - contentStart) left (truncated)")
    }
    content = contentStart..<(contentStart + length)
  }

  static func text(_ slice: ArraySlice<UInt8>) -> String {
    String(decoding: slice.filter { $0 != 0 }, as: UTF8.self).trimmingBlanks
  }

  static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
  }
}
