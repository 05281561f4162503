import Formats

extension SnapshotPreview {
  /// Reads a preview written by `encoded()`. Every count is checked against the bytes left
  /// before anything is allocated; a problem is an `InputError` naming `fileName` and the byte
  /// offset where the expected item was missing or wrong.
  public static func decode(_ bytes: UnsafeRawBufferPointer, fileName: String) throws -> SnapshotPreview {
    var cursor = PreviewCursor(bytes: bytes, fileName: fileName)
    let magic = try cursor.take(magic.count, "the 8-byte magic GBPREVW1")
    guard Array(magic) == Self.magic else { throw cursor.error(at: 0, "expected the magic GBPREVW1 (not a Glovebox preview)") }
    var sides: [Int] = []
    for what in ["source columns", "source rows", "columns", "rows"] {
      let at = cursor.offset
      let side = Int(try cursor.uint32(what))
      guard side >= 1, side <= largestSide else { throw cursor.error(at: at, "expected \(what) in 1…\(largestSide), found \(side)") }
      sides.append(side)
    }
    guard sides[2] <= sides[0], sides[3] <= sides[1] else {
      throw cursor.error(at: 16, "expected a preview grid no larger than its snapshot's, found \(sides[2])×\(sides[3]) of \(sides[0])×\(sides[1])")
    }
    var reals: [Double] = []
    for what in ["time", "origin x", "origin y", "spacing x", "spacing y"] {
      let at = cursor.offset
      let value = try cursor.float64(what)
      guard value.isFinite else { throw cursor.error(at: at, "expected a finite \(what), found \(value)") }
      reals.append(value)
    }
    guard reals[3] > 0, reals[4] > 0 else {
      throw cursor.error(at: reals[3] > 0 ? 56 : 48, "expected positive spacings, found \(reals[3]) and \(reals[4])")
    }
    let countAt = cursor.offset
    let count = Int(try cursor.uint32("the field count"))
    guard count >= 1, count <= largestFieldCount else {
      throw cursor.error(at: countAt, "expected 1…\(largestFieldCount) fields, found \(count)")
    }
    let points = sides[2] * sides[3]
    var fields: [(name: String, values: [Float])] = []
    for index in 0..<count {
      let length = Int(try cursor.uint16("field \(index + 1)'s name length"))
      let nameAt = cursor.offset
      guard length > 0 else { throw cursor.error(at: nameAt, "expected field \(index + 1)'s name, found an empty one") }
      guard let name = String(validating: try cursor.take(length, "field \(index + 1)'s name"), as: UTF8.self) else {
        throw cursor.error(at: nameAt, "expected field \(index + 1)'s name in UTF-8")
      }
      let raw = try cursor.take(4 * points, "\(points) Float32 values of field \(name)")
      // One copy of the little-endian words (swapped only on a big-endian machine).
      var values = [Float](repeating: 0, count: points)
      values.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw)) }
      #if _endian(big)
        for i in values.indices { values[i] = Float(bitPattern: UInt32(littleEndian: values[i].bitPattern)) }
      #endif
      fields.append((name, values))
    }
    guard cursor.offset == bytes.count else {
      throw cursor.error(at: cursor.offset, "expected the end of the file after \(count) fields, found \(bytes.count - cursor.offset) more bytes")
    }
    return SnapshotPreview(sourceColumns: sides[0], sourceRows: sides[1], columns: sides[2], rows: sides[3], time: reals[0],
                           originX: reals[1], originY: reals[2], spacingX: reals[3], spacingY: reals[4], fields: fields)
  }
}

/// Reads a preview's little-endian items in order, remembering the offset for error messages.
struct PreviewCursor {
  let bytes: UnsafeRawBufferPointer
  let fileName: String
  var offset = 0

  init(bytes: UnsafeRawBufferPointer, fileName: String) {
    self.bytes = bytes
    self.fileName = fileName
  }

  func error(at offset: Int, _ message: String) -> InputError {
    InputError("byte \(offset): \(message)", file: fileName)
  }

  mutating func take(_ count: Int, _ what: String) throws -> UnsafeRawBufferPointer.SubSequence {
    guard count >= 0, count <= bytes.count - offset else {
      throw error(at: offset, "expected \(what) (\(count) bytes), found \(bytes.count - offset) bytes left (file truncated)")
    }
    defer { offset += count }
    return bytes[offset..<(offset + count)]
  }

  mutating func uint16(_ what: String) throws -> UInt16 {
    let b = try take(2, what)
    return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
  }

  mutating func uint32(_ what: String) throws -> UInt32 {
    let b = try take(4, what)
    var v: UInt32 = 0
    for k in 0..<4 { v |= UInt32(b[b.startIndex + k]) << (8 * k) }
    return v
  }

  mutating func float64(_ what: String) throws -> Double {
    let b = try take(8, what)
    var v: UInt64 = 0
    for k in 0..<8 { v |= UInt64(b[b.startIndex + k]) << (8 * k) }
    return Double(bitPattern: v)
  }
}
