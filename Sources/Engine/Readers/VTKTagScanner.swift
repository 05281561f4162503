import Foundation
import Formats

/// Walks the tags of a machine-written XML file (a VTK `.vti`) over its bytes: no DOM, no
/// `String` of the whole file, so a 70 MB snapshot is scanned at memchr speed and the base64
/// payloads between tags are handed out as byte ranges for decoding.
struct VTKTagScanner {
  struct Tag {
    var name: String
    var isEnd: Bool
    /// `<name … />`.
    var isEmptyElement: Bool
    var attributes: [String: String]
    /// Offset of `<` and one past `>`.
    var start: Int
    var end: Int
  }

  let bytes: UnsafeRawBufferPointer
  let fileName: String?
  private(set) var position = 0

  init(bytes: UnsafeRawBufferPointer, fileName: String?) {
    self.bytes = bytes
    self.fileName = fileName
  }

  /// 1-based line of a byte offset (only computed for messages).
  func line(at offset: Int) -> Int {
    var count = 1
    for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { count += 1 }
    return count
  }

  func failure(_ message: String, at offset: Int) -> InputError {
    InputError(message, file: fileName, line: line(at: offset))
  }

  /// Offset of the next `byte` at or after `from`, or nil.
  func find(_ byte: UInt8, from: Int) -> Int? {
    guard from < bytes.count, let base = bytes.baseAddress else { return nil }
    guard let hit = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
    return base.distance(to: UnsafeRawPointer(hit))
  }

  /// The next element tag (declarations, comments and processing instructions skipped), or nil
  /// at the end of the file.
  mutating func next() throws -> Tag? {
    while let open = find(0x3C, from: position) {
      guard open + 1 < bytes.count else { throw failure("the file ends inside a tag", at: open) }
      let first = bytes[open + 1]
      if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
        guard let close = find(0x3E, from: open) else { throw failure("the file ends inside a tag", at: open) }
        position = close + 1
        continue
      }
      guard let close = find(0x3E, from: open) else { throw failure("the file ends inside a tag", at: open) }
      position = close + 1
      return try tag(from: open, to: close)
    }
    position = bytes.count
    return nil
  }

  /// The bytes from the current position to the next `<` (an element's text content).
  mutating func text() -> Range<Int> {
    let end = find(0x3C, from: position) ?? bytes.count
    defer { position = end }
    return position..<end
  }

  private func tag(from open: Int, to close: Int) throws -> Tag {
    let body = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
    var rest = Substring(body)
    let isEnd = rest.hasPrefix("/")
    if isEnd { rest = rest.dropFirst() }
    let isEmptyElement = rest.hasSuffix("/")
    if isEmptyElement { rest = rest.dropLast() }
    let name = rest.prefix { !$0.isWhitespace }
    guard !name.isEmpty else { throw failure("expected an element name after '<'", at: open) }
    rest = rest.dropFirst(name.count)
    var attributes: [String: String] = [:]
    while true {
      rest = rest.drop { $0.isWhitespace }
      if rest.isEmpty { break }
      guard let equals = rest.firstIndex(of: "=") else {
        throw failure("expected name=\"value\" in <\(name)>", at: open)
      }
      let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
      rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
      guard let quote = rest.first, quote == "\"" || quote == "'",
        let endQuote = rest.dropFirst().firstIndex(of: quote)
      else { throw failure("expected a quoted value for \(key) in <\(name)>", at: open) }
      attributes[key] = String(rest[rest.index(after: rest.startIndex)..<endQuote])
      rest = rest[rest.index(after: endQuote)...]
    }
    return Tag(name: String(name), isEnd: isEnd, isEmptyElement: isEmptyElement, attributes: attributes, start: open, end: close + 1)
  }
}
