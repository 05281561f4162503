import Foundation

/// Decimal numbers read straight from ASCII bytes, giving exactly the Double that Swift's
/// `Double(String)` gives for the same text (which is correctly rounded) — for text of the form
/// [+−]digits[.digits][(e|E)[+−]digits] with at least one mantissa digit, the decimal point being
/// `.` or, when `commaDecimal`, also `,`.
/// Why not strtod on the bytes: it follows the process locale (the terminal UI sets one, and a
/// German locale reads "1.5" as 1), and why not `Double(Substring)`: building a Substring per cell
/// was most of the time it took to read a 200 000-row file. Most instrument numbers have at most
/// 15 significant digits and a small exponent; for those, m·10^e with m < 2^53 and |e| ≤ 22 is
/// one correctly rounded multiplication or division of two exact doubles (W. D. Clinger, "How to
/// read floating point numbers accurately", PLDI 1990, the fast path). Anything else that matches
/// the form (more digits, larger exponents) goes to `Double(String)`, so the result is the same
/// in every case. Text not of the form returns nil: the caller then reads the file the slow way,
/// which gives the error (or accepts what `Double(String)` accepts, such as hexadecimal).
enum SpectrumNumberScanner {
  static let powersOfTen: [Double] = (0...22).map { Foundation.pow(10, Double($0)) }

  /// The number in bytes[start..<end] (already trimmed of spaces), or nil when it is not a plain
  /// decimal number; a non-finite result (an overflowing exponent) is nil too.
  static func parse(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, commaDecimal: Bool) -> Double? {
    var i = start
    guard i < end else { return nil }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var digits = 0
    var exponent = 0
    var sawPoint = false
    while i < end {
      let b = bytes[i]
      if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        digits += 1
        if mantissa != 0 || b != UInt8(ascii: "0") { significant += 1 }
        if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(b &- UInt8(ascii: "0")) } else if !sawPoint { exponent += 1 }
        if sawPoint && significant <= 19 { exponent -= 1 }
      } else if !sawPoint && (b == UInt8(ascii: ".") || (commaDecimal && b == UInt8(ascii: ","))) {
        sawPoint = true
      } else {
        break
      }
      i += 1
    }
    guard digits > 0 else { return nil }
    if i < end {
      guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return nil }
      i += 1
      var exponentNegative = false
      if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < end else { return nil }
      var written = 0
      while i < end {
        let b = bytes[i]
        guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
        if written < 100_000 { written = written * 10 + Int(b - UInt8(ascii: "0")) }
        i += 1
      }
      exponent += exponentNegative ? -written : written
    }
    if significant <= 19 && mantissa <= (1 << 53) && abs(exponent) <= 22 {
      let m = Double(mantissa)
      let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
      return negative ? -value : value
    }
    // Exact but slow: the text as Swift reads it (commas made points, as the slow path does).
    var text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    if commaDecimal { text = String(text.map { $0 == "," ? "." : $0 }) }
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
