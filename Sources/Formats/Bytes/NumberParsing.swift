#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Powers of ten exactly representable as doubles (10^0 … 10^22).
@usableFromInline let exactPowersOfTen: [Double] = (0...22).map { k in
  var p = 1.0
  for _ in 0..<k { p *= 10 }
  return p
}

/// Parses a decimal number (`-1.25`, `3e-5`, `+.5`) from bytes, ignoring surrounding spaces and
/// quotes. The common case (≤ 19 significant digits, |exponent| ≤ 22) is exact by Clinger's fast
/// path (one correctly rounded multiply or divide of exact doubles); anything else goes to
/// strtod. Returns nil for anything that is not a number. Inlinable: readers call it per cell.
@inlinable @inline(__always)
public func parseDecimal(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
  var i = 0
  var n = s.count
  while i < n && (s[i] == 0x20 || s[i] == 0x22 || s[i] == 0x09) { i += 1 }
  while n > i && (s[n - 1] == 0x20 || s[n - 1] == 0x22 || s[n - 1] == 0x09) { n -= 1 }
  if i == n { return nil }
  let begin = i
  var negative = false
  if s[i] == 0x2D { negative = true; i += 1 } else if s[i] == 0x2B { i += 1 }
  var mantissa: UInt64 = 0
  var digits = 0
  var sawDigit = false
  var exponent = 0
  while i < n, s[i] &- 0x30 < 10 {
    sawDigit = true
    if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(s[i] &- 0x30); if mantissa != 0 { digits += 1 } } else { exponent += 1 }
    i += 1
  }
  if i < n && s[i] == 0x2E {
    i += 1
    while i < n, s[i] &- 0x30 < 10 {
      sawDigit = true
      if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(s[i] &- 0x30); exponent -= 1; if mantissa != 0 { digits += 1 } }
      i += 1
    }
  }
  if !sawDigit { return slowParse(s, begin, n) }
  if i < n && (s[i] == 0x65 || s[i] == 0x45) {
    i += 1
    var expNegative = false
    if i < n && (s[i] == 0x2D || s[i] == 0x2B) { expNegative = s[i] == 0x2D; i += 1 }
    var e = 0
    var sawExpDigit = false
    while i < n, s[i] &- 0x30 < 10 { e = min(e * 10 + Int(s[i] &- 0x30), 100_000); sawExpDigit = true; i += 1 }
    if !sawExpDigit { return nil }
    exponent += expNegative ? -e : e
  }
  if i != n { return nil }
  if digits >= 19 || mantissa >= (1 << 53) || exponent > 22 || exponent < -22 {
    return slowParse(s, begin, n)
  }
  var value = Double(mantissa)
  if exponent < 0 { value /= exactPowersOfTen[-exponent] } else if exponent > 0 { value *= exactPowersOfTen[exponent] }
  return negative ? -value : value
}

@usableFromInline func slowParse(_ s: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Double? {
  var text = [CChar](repeating: 0, count: to - from + 1)
  for k in from..<to { text[k - from] = CChar(bitPattern: s[k]) }
  return text.withUnsafeBufferPointer { p -> Double? in
    guard let start = p.baseAddress else { return nil }
    var endPointer: UnsafeMutablePointer<CChar>? = nil
    let value = strtod(start, &endPointer)
    guard let endPointer, endPointer - UnsafeMutablePointer(mutating: start) == to - from else { return nil }
    return value.isFinite ? value : nil
  }
}

/// Parses a decimal number from a string (xlsx cells, tests).
public func parseDecimal(_ text: String) -> Double? {
  var utf8 = Array(text.utf8)
  return utf8.withUnsafeMutableBufferPointer { parseDecimal(UnsafeBufferPointer($0)) }
}
