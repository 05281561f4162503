import Formats

/// One module of an `.mpr` file: its names, version, date and the byte range of its content.
struct MPRModule {
  let shortName: String
  let longName: String
  let version: Int
  let date: String
  let content: Range<Int>

  /// The longest module header: `MODULE`, names, four u32 and the date.
  static let longestHeader = 6 + 10 + 25 + 4 * 4 + 8

  init(bytes: [UInt8], offset: Int, fileName: String) throws {
    let header = Array(bytes[min(offset, bytes.count)..<min(offset + MPRModule.longestHeader, bytes.count)])
    try self.init(header: header, offset: offset, fileSize: bytes.count, fileName: fileName)
  }

  /// A module from its header bytes alone (`header[0]` is file byte `offset`; fewer bytes than
  /// `longestHeader` when the file ends first), so a large file's modules are found without
  /// reading their content.
  init(header bytes: [UInt8], offset: Int, fileSize: Int, fileName: String) throws {
    func fail(_ message: String) -> InputError { InputError(message, file: fileName) }
    let tag = Array("MODULE".utf8)
    guard tag.count <= bytes.count, Array(bytes[0..<tag.count]) == tag else {
      throw fail("expected 'MODULE' at byte \(offset), found \(fileSize - offset) bytes of something else (corrupt or truncated file)")
    }
    let header = tag.count
    let shortHeader = 10 + 25 + 4 + 4 + 8
    guard header + shortHeader <= bytes.count else {
      throw fail("expected a module header at byte \(offset + header), the file ends at byte \(fileSize) (truncated)")
    }
    shortName = MPRModule.text(bytes[header..<(header + 10)])
    longName = MPRModule.text(bytes[(header + 10)..<(header + 35)])
    let first = MPRModule.uint32(bytes, at: header + 35)
    let contentStart: Int
    let length: Int
    if first == 0xFFFF_FFFF {
      let longHeader = 10 + 25 + 4 * 4 + 8
      guard header + longHeader <= bytes.count else {
        throw fail("expected a module header at byte \(offset + header), the file ends at byte \(fileSize) (truncated)")
      }
      length = Int(MPRModule.uint32(bytes, at: header + 39))
      version = Int(MPRModule.uint32(bytes, at: header + 43))
      date = MPRModule.text(bytes[(header + 51)..<(header + 59)])
      contentStart = offset + header + longHeader
    } else {
      length = Int(first)
      version = Int(MPRModule.uint32(bytes, at: header + 39))
      date = MPRModule.text(bytes[(header + 43)..<(header + 51)])
      contentStart = offset + header + shortHeader
    }
    guard contentStart + length <= fileSize else {
      throw fail("module '\(shortName)' at byte \(offset) declares \(length) bytes, the file has \(fileSize - contentStart) left (truncated)")
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
