import Foundation

/// Parses decimal numbers straight from bytes, for the large text tables of cyclers and EC-Lab.
///
/// Contract: returns the correctly rounded Double of `[sign] digits [. digits] [(e|E) [sign] digits]`
/// (a decimal comma too when `decimalComma`), or nil for anything else (including nan/inf and
/// empty cells). Fast path (Clinger 1990): with at most 19 significant digits forming an integer
/// m ≤ 2^53 and a decimal exponent |k| ≤ 22, m and 10^k are exact Doubles and one IEEE multiply or
/// divide rounds correctly. Other inputs fall back to the standard library's parser.
enum DecimalBytes {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalComma: Bool) -> Double? {
    var index = start
    guard index < end else { return nil }
    var negative = false
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var exponent = 0
    var sawPoint = false
    var overflowDigits = false
    while index < end {
      let byte = bytes[index]
      if byte >= 48 && byte <= 57 {
        digits += 1
        if mantissa == 0 && byte == 48 {
          if sawPoint { exponent -= 1 }
        } else if significant < 19 {
          mantissa = mantissa * 10 + UInt64(byte - 48)
          significant += 1
          if sawPoint { exponent -= 1 }
        } else {
          overflowDigits = true
          if !sawPoint { exponent += 1 }
        }
      } else if (byte == UInt8(ascii: ".") || (decimalComma && byte == UInt8(ascii: ","))) && !sawPoint {
        sawPoint = true
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      var exponentNegative = false
      if index < end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var value = 0
      var exponentDigits = 0
      while index < end, bytes[index] >= 48 && bytes[index] <= 57 {
        if value < 100_000 { value = value * 10 + Int(bytes[index] - 48) }
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
      exponent += exponentNegative ? -value : value
    }
    guard index == end else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !overflowDigits && mantissa <= (1 << 53) && abs(exponent) <= 22 {
      let value = Double(mantissa)
      let scaled = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
      return negative ? -scaled : scaled
    }
    var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
