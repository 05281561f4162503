/// Base64 (RFC 4648, standard alphabet, `=` padding) over bytes, by table: the decoder reads
/// straight from a byte buffer (a slice of a memory-mapped or whole-read file) so a 70 MB
/// snapshot never becomes a `String`. ASCII whitespace between groups is skipped (XML files
/// wrap or indent payloads); anything else outside the alphabet is an error with its offset.
public enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// 0…63 for alphabet bytes, 64 for whitespace, 65 for '=', 255 for anything else.
  private static let table: [UInt8] = {
    var t = [UInt8](repeating: 255, count: 256)
    for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
    for c in [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")] { t[Int(c)] = 64 }
    t[Int(UInt8(ascii: "="))] = 65
    return t
  }()

  /// The padded encoding of `bytes`.
  public static func encode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: (bytes.count + 2) / 3 * 4)
    let full = bytes.count / 3 * 3
    out.withUnsafeMutableBufferPointer { o in
      alphabet.withUnsafeBufferPointer { a in
        var j = 0
        var i = 0
        while i < full {
          let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
          o[j] = a[Int(v >> 18)]
          o[j + 1] = a[Int(v >> 12 & 63)]
          o[j + 2] = a[Int(v >> 6 & 63)]
          o[j + 3] = a[Int(v & 63)]
          i += 3
          j += 4
        }
        let rest = bytes.count - full
        if rest > 0 {
          let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
          o[j] = a[Int(v >> 18)]
          o[j + 1] = a[Int(v >> 12 & 63)]
          o[j + 2] = rest == 2 ? a[Int(v >> 6 & 63)] : UInt8(ascii: "=")
          o[j + 3] = UInt8(ascii: "=")
        }
      }
    }
    return out
  }

  public static func encode(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBytes { encode($0) }
  }

  /// Decodes `text` (whitespace allowed between characters). `offset` is added to positions in
  /// error messages so they name the byte of the whole file.
  /// - Throws: `InputError` at the first byte outside the alphabet, a `=` followed by more
  ///   data, or a length that is not a whole number of 4-character groups.
  public static func decode(_ text: UnsafeRawBufferPointer, offset: Int = 0) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: text.count / 4 * 3)
    var written = 0
    var quad: UInt32 = 0
    var filled = 0
    var padding = 0
    try out.withUnsafeMutableBufferPointer { o in
      try table.withUnsafeBufferPointer { t in
        for i in 0..<text.count {
          let v = t[Int(text[i])]
          if v < 64 {
            guard padding == 0 else { throw InputError("base64 data after '=' padding at byte \(offset + i)") }
            quad = quad << 6 | UInt32(v)
            filled += 1
            if filled == 4 {
              o[written] = UInt8(truncatingIfNeeded: quad >> 16)
              o[written + 1] = UInt8(truncatingIfNeeded: quad >> 8)
              o[written + 2] = UInt8(truncatingIfNeeded: quad)
              written += 3
              filled = 0
              quad = 0
            }
          } else if v == 64 {
            continue
          } else if v == 65 {
            guard filled >= 2 else { throw InputError("misplaced base64 '=' padding at byte \(offset + i)") }
            padding += 1
            quad <<= 6
            filled += 1
            if filled == 4 {
              o[written] = UInt8(truncatingIfNeeded: quad >> 16)
              if padding == 1 { o[written + 1] = UInt8(truncatingIfNeeded: quad >> 8) }
              written += 3 - padding
              filled = 0
            }
          } else {
            throw InputError("expected base64 data, found byte 0x\(String(text[i], radix: 16)) at byte \(offset + i)")
          }
        }
      }
    }
    guard filled == 0 else {
      throw InputError("base64 data ends inside a 4-character group at byte \(offset + text.count)")
    }
    out.removeLast(out.count - written)
    return out
  }
}
