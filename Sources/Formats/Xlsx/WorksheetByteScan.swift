#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte scanning for worksheet XML in place: the next `<row`, `<c`, `</c>`, `</row>`, a cell's
/// `r` and `t` attributes, and a `<v>` start — no strings, no allocation per cell.
enum WorksheetByteScan {
  enum CellType { case number, shared, string, inlineString }

  /// The first `byte` at or after `from` (memchr).
  @inline(__always)
  static func byte(_ byte: UInt8, in xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from < xml.count, let base = xml.baseAddress,
      let hit = memchr(base + from, Int32(byte), xml.count - from)
    else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  /// `<` followed by `name` and then a space, `>` or `/`.
  @inline(__always)
  private static func element(_ name: StaticString, _ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let n = name.utf8CodeUnitCount
    let letters = name.utf8Start
    var p = from
    while let lt = byte(0x3C, in: xml, from: p) {
      let after = lt + 1 + n
      if after < xml.count {
        var k = 0
        while k < n && xml[lt + 1 + k] == letters[k] { k += 1 }
        if k == n {
          let next = xml[after]
          if next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0A || next == 0x0D { return lt }
        }
      } else {
        return nil
      }
      p = lt + 1
    }
    return nil
  }

  static func nextRow(_ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? { element("row", xml, from: from) }
  static func nextCell(_ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? { element("c", xml, from: from) }

  /// `</` + name + `>` at or after `from`.
  @inline(__always)
  private static func close(_ name: StaticString, _ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let n = name.utf8CodeUnitCount
    let letters = name.utf8Start
    var p = from
    while let lt = byte(0x3C, in: xml, from: p) {
      if lt + 2 + n >= xml.count { return nil }
      if xml[lt + 1] == 0x2F {
        var k = 0
        while k < n && xml[lt + 2 + k] == letters[k] { k += 1 }
        if k == n && xml[lt + 2 + n] == 0x3E { return lt }
      }
      p = lt + 1
    }
    return nil
  }

  static func closeTag(_ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? { close("c", xml, from: from) }
  static func rowClose(_ xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? { close("row", xml, from: from) }

  /// Where the text of the `<v>` element between `from` and `to` begins.
  static func valueStart(_ xml: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    var p = from
    while let lt = byte(0x3C, in: xml, from: p), lt + 2 < to {
      if xml[lt + 1] == 0x76 && xml[lt + 2] == 0x3E { return lt + 3 }
      p = lt + 1
    }
    return nil
  }

  /// The `r` (column letters) and `t` (type) attributes of a `<c …>` tag's bytes [from, to).
  static func cellAttributes(_ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (column: Int?, type: CellType) {
    var column: Int? = nil
    var type = CellType.number
    forEachAttribute(xml, from, to) { name, valueFrom, valueTo in
      if name == 0x72 {  // r
        var n = 0
        var p = valueFrom
        while p < valueTo {
          let u = xml[p] | 0x20  // lower case
          // Excel's last column is XFD (16 384); a longer run of letters is corrupt, and
          // unbounded it would overflow Int.
          guard u >= 0x61 && u <= 0x7A, n <= 1_000_000 else { break }
          n = n * 26 + Int(u - 0x60)
          p += 1
        }
        if p > valueFrom { column = n - 1 }
      } else if name == 0x74 {  // t
        let length = valueTo - valueFrom
        let first = valueFrom < valueTo ? xml[valueFrom] : 0
        if length == 1 && first == 0x73 {
          type = .shared
        } else if first == 0x69 {
          type = .inlineString  // inlineStr
        } else if (length == 3 && first == 0x73) || (length == 1 && first == 0x65) {
          type = .string  // str, e
        }
      }
    }
    return (column, type)
  }

  /// A decimal integer attribute with a one-letter name (the row's `r`).
  static func integerAttribute(_ name: UInt8, _ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
    var result: Int? = nil
    forEachAttribute(xml, from, to) { n, valueFrom, valueTo in
      guard n == name, valueTo > valueFrom, valueTo - valueFrom < 10 else { return }
      var v = 0
      for p in valueFrom..<valueTo {
        let d = xml[p] &- 0x30
        guard d < 10 else { return }
        v = v * 10 + Int(d)
      }
      result = v
    }
    return result
  }

  /// Calls `body(name, valueFrom, valueTo)` for each one-letter attribute `x="…"` of a tag.
  @inline(__always)
  private static func forEachAttribute(
    _ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ body: (UInt8, Int, Int) -> Void
  ) {
    var p = from
    while p + 3 < to {
      let c = xml[p]
      if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
        let name = xml[p + 1]
        let quote = xml[p + 3]
        if xml[p + 2] == 0x3D && (quote == 0x22 || quote == 0x27) {
          var q = p + 4
          while q < to && xml[q] != quote { q += 1 }
          body(name, p + 4, q)
          p = q + 1
          continue
        }
      }
      p += 1
    }
  }
}
