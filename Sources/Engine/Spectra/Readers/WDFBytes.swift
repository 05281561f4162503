import Formats
import Foundation

/// Little-endian reads from a Renishaw `.wdf` file held in memory. Every read is bounds-checked
/// and a failure names the file and the byte offset, so a truncated or corrupted file is an
/// error that says where, never a trap.
struct WDFBytes {
  let bytes: [UInt8]
  let file: String

  init(_ bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  var count: Int { bytes.count }

  func error(_ message: String, at offset: Int) -> InputError {
    InputError("\(message) (at byte \(offset))", file: file)
  }

  private func require(_ offset: Int, _ width: Int, _ what: String) throws {
    guard offset >= 0, width >= 0, offset <= bytes.count, bytes.count - offset >= width else {
      throw error("expected \(what) (\(width) bytes), the file ends at byte \(bytes.count)", at: offset)
    }
  }

  func u16(_ offset: Int, _ what: String) throws -> UInt16 {
    try require(offset, 2, what)
    return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  func u32(_ offset: Int, _ what: String) throws -> UInt32 {
    try require(offset, 4, what)
    return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
  }

  func u64(_ offset: Int, _ what: String) throws -> UInt64 {
    try require(offset, 8, what)
    return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
  }

  func f32(_ offset: Int, _ what: String) throws -> Float {
    Float(bitPattern: try u32(offset, what))
  }

  func f64(_ offset: Int, _ what: String) throws -> Double {
    Double(bitPattern: try u64(offset, what))
  }

  /// A NUL-terminated UTF-8 field of fixed width (invalid UTF-8 is repaired, not refused: these
  /// are labels, not numbers).
  func text(_ offset: Int, width: Int, _ what: String) throws -> String {
    try require(offset, width, what)
    let field = bytes[offset..<(offset + width)]
    let end = field.firstIndex(of: 0) ?? field.endIndex
    return String(decoding: field[field.startIndex..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }

  /// A count or size read from the file as an `Int`, refused when above `limit` (a value no
  /// file of this size can hold), so nothing is allocated from an unchecked number.
  func count(_ value: UInt64, limit: Int, _ what: String, at offset: Int) throws -> Int {
    guard value <= UInt64(max(0, limit)) else {
      throw error("\(what) \(value) is more than a file of \(bytes.count) bytes can hold (at most \(limit))", at: offset)
    }
    return Int(value)
  }
}
