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
/// The parsing itself is `DecimalBytes.parse`, the cycler readers' scanner with the same contract;
/// this adapts the raw byte buffer the spectrum table reader holds.
enum SpectrumNumberScanner {
  /// The number in bytes[start..<end] (already trimmed of spaces), or nil when it is not a plain
  /// decimal number; a non-finite result (an overflowing exponent) is nil too.
  static func parse(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, commaDecimal: Bool) -> Double? {
    DecimalBytes.parse(bytes.assumingMemoryBound(to: UInt8.self), start, end, decimalComma: commaDecimal)
  }
}
