import Foundation

/// Byte-level helpers for machine-written XML (xlsx parts, Neware's .ndax metadata).
enum XMLScan {
  static func find(_ pattern: [UInt8], in xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let first = pattern.first, pattern.count <= xml.count else { return nil }
    var i = from
    let last = xml.count - pattern.count
    while i <= last {
      if xml[i] == first {
        var k = 1
        while k < pattern.count && xml[i + k] == pattern[k] { k += 1 }
        if k == pattern.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// The next `<name` start tag (followed by space, `>` or `/`), at or after `from`.
  static func findElement(_ name: String, in xml: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let pattern = Array(("<" + name).utf8)
    var p = from
    while let hit = find(pattern, in: xml, from: p) {
      let after = hit + pattern.count
      if after < xml.count, [0x20, 0x3E, 0x2F, 0x09, 0x0A, 0x0D].contains(xml[after]) { return hit }
      p = hit + 1
    }
    return nil
  }

  static func string(_ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: xml[from..<to]), as: UTF8.self)
  }

  /// The next start tag `<name …>` as text, advancing `from` past it.
  static func nextTag(_ name: String, in bytes: [UInt8], from: inout Int) -> String? {
    bytes.withUnsafeBufferPointer { xml in
      guard let start = findElement(name, in: xml, from: from), let end = find([0x3E], in: xml, from: start) else {
        return nil
      }
      from = end + 1
      return string(xml, start, end + 1)
    }
  }

  /// The value of `name="…"` in a tag's text (entities decoded).
  static func attribute(_ name: String, in tag: String) -> String? {
    for quote in ["\"", "'"] {
      let key = " " + name + "=" + quote
      guard let r = tag.range(of: key) else { continue }
      guard let close = tag[r.upperBound...].firstIndex(of: Character(quote)) else { return nil }
      return decodeEntities(String(tag[r.upperBound..<close]))
    }
    return nil
  }

  /// `A` → 0, `Z` → 25, `AA` → 26, from a reference like `AB12`.
  static func columnIndex(_ reference: String) -> Int? {
    var n = 0
    var sawLetter = false
    for u in reference.utf8 {
      // Excel's last column is XFD (16 384): a longer run of letters is corrupt, and unbounded
      // it would overflow Int.
      guard n <= 1_000_000 else { return nil }
      if u >= 0x41 && u <= 0x5A { n = n * 26 + Int(u - 0x40); sawLetter = true } else if u >= 0x61 && u <= 0x7A {
        n = n * 26 + Int(u - 0x60); sawLetter = true
      } else { break }
    }
    return sawLetter ? n - 1 : nil
  }

  /// All `<t>` runs between two offsets, concatenated (rich text and inline strings).
  static func textRuns(_ xml: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
    var out = ""
    var p = from
    while let t = findElement("t", in: xml, from: p), t < to {
      guard let open = find([0x3E], in: xml, from: t) else { break }
      if xml[open - 1] == 0x2F { p = open + 1; continue }
      guard let close = find(Array("</t>".utf8), in: xml, from: open), close <= to else { break }
      out += decodeEntities(string(xml, open + 1, close))
      p = close + 4
    }
    return out
  }

  static func sharedStrings(_ bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBufferPointer { xml in
      var out: [String] = []
      var p = 0
      while let si = findElement("si", in: xml, from: p) {
        guard let end = find(Array("</si>".utf8), in: xml, from: si) else {
          // `<si/>`: an empty string.
          out.append("")
          p = si + 3
          continue
        }
        out.append(textRuns(xml, si, end))
        p = end + 5
      }
      return out
    }
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else {
        rest = rest[amp...]
        break
      }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
          out.unicodeScalars.append(s)
        } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) {
          out.unicodeScalars.append(s)
        } else {
          out += "&" + entity + ";"
        }
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
