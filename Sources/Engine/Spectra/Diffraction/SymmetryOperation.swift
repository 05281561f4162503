import Formats
/// A space-group symmetry operation on fractional coordinates: x′ = R x + t, with R an integer
/// matrix (row-major, acting on column vectors of fractional coordinates) and t a translation in
/// fractions of the cell edges. Written in CIF as `-y+1/2,x,z+3/4` (the Jones faithful
/// representation, International Tables Vol. A §1.2.2).
public struct SymmetryOperation: Sendable, Equatable, CustomStringConvertible {
  /// R, row-major: x′ᵢ = Σⱼ R[3i + j] xⱼ + tᵢ.
  public var rotation: [Int]
  /// t in fractional coordinates, reduced to [0, 1).
  public var translation: SIMD3<Double>

  public static let identity = SymmetryOperation(rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1], translation: .zero)

  public init(rotation: [Int], translation: SIMD3<Double>) {
    self.rotation = rotation
    self.translation = SymmetryOperation.reduced(translation)
  }

  /// Parses the three comma-separated components of a Jones symbol such as `-y+1/2,x,z+3/4`,
  /// `x-y,x,-z`, `1/2+x,y,z` or `x+0.5,y,z` (upper or lower case, spaces ignored). Each component
  /// is a sum of ±integer×x|y|z terms and at most one constant (a fraction p/q or a decimal).
  /// The matrix must have determinant ±1 (an isometry of the lattice); anything else is an error.
  public init(xyz: String) throws(InputError) {
    // One pass over the bytes (operators are parsed by the hundred per file).
    let bytes = Array(xyz.utf8)
    guard bytes.count <= 200 else { throw InputError("a symmetry operator of at most 200 characters") }
    func bad(_ what: String) -> InputError {
      InputError("a symmetry operator of three comma-separated components like '-y+1/2,x,z' (\(what) in '\(xyz)')")
    }
    var rotation = [Int](repeating: 0, count: 9)
    var translation = SIMD3<Double>.zero
    var i = 0
    func skipSpaces() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 } }
    for row in 0..<3 {
      var terms = 0
      var sawConstant = false
      while true {
        skipSpaces()
        var sign = 1.0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
          sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
          i += 1
          skipSpaces()
        } else if terms > 0 {
          throw bad("a sign between terms")
        }
        // An optional number: digits, an optional decimal part, an optional /denominator.
        var number = 0.0
        var hasNumber = false, isInteger = true
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, digits < 12 {
          number = number * 10 + Double(bytes[i] - 0x30); i += 1; digits += 1; hasNumber = true
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
          i += 1
          isInteger = false
          var scale = 0.1
          while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, digits < 24 {
            number += Double(bytes[i] - 0x30) * scale; scale /= 10; i += 1; digits += 1; hasNumber = true
          }
        }
        if hasNumber, i < bytes.count, bytes[i] == UInt8(ascii: "/") {
          i += 1
          isInteger = false
          var denominator = 0.0
          var denominatorDigits = 0
          while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, denominatorDigits < 12 {
            denominator = denominator * 10 + Double(bytes[i] - 0x30); i += 1; denominatorDigits += 1
          }
          guard denominator != 0 else { throw bad("a non-zero denominator") }
          number /= denominator
        }
        skipSpaces()
        if hasNumber, i < bytes.count, bytes[i] == UInt8(ascii: "*") { i += 1; skipSpaces() }
        let letter = i < bytes.count ? bytes[i] | 0x20 : 0
        let axis: Int? = letter == 0x78 ? 0 : letter == 0x79 ? 1 : letter == 0x7A ? 2 : nil
        if let axis {
          i += 1
          guard !hasNumber || isInteger else { throw bad("an integer factor before x, y or z") }
          let coefficient = rotation[3 * row + axis] + Int(sign) * (hasNumber ? Int(number) : 1)
          guard abs(coefficient) <= 6 else { throw bad("matrix elements of magnitude at most 6") }
          rotation[3 * row + axis] = coefficient
        } else {
          guard hasNumber else { throw bad("terms like x, -y, x-y, 1/2 or 0.25") }
          guard !sawConstant else { throw bad("one constant per component") }
          sawConstant = true
          translation[row] = sign * number
        }
        terms += 1
        skipSpaces()
        if i == bytes.count || bytes[i] == UInt8(ascii: ",") { break }
      }
      if row < 2 {
        guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { throw bad("three components") }
        i += 1
      }
    }
    guard i == bytes.count else { throw bad("three components") }
    let det = Self.determinant(rotation)
    guard det == 1 || det == -1 else {
      throw InputError("a symmetry operator whose matrix has determinant ±1 ('\(xyz)' has \(det))")
    }
    self.init(rotation: rotation, translation: translation)
  }

  static func determinant(_ m: [Int]) -> Int {
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
  }

  /// Reduces each component to [0, 1), snapping values within 1e-9 of 1 to 0.
  static func reduced(_ t: SIMD3<Double>) -> SIMD3<Double> {
    var r = t - t.rounded(.down)
    for i in 0..<3 where r[i] > 1 - 1e-9 || r[i] < 1e-9 { r[i] = 0 }
    return r
  }

  /// R x + t (not reduced into the cell).
  @inline(__always)
  public func apply(_ x: SIMD3<Double>) -> SIMD3<Double> {
    let r = rotation
    return SIMD3(
      Double(r[0]) * x.x + Double(r[1]) * x.y + Double(r[2]) * x.z,
      Double(r[3]) * x.x + Double(r[4]) * x.y + Double(r[5]) * x.z,
      Double(r[6]) * x.x + Double(r[7]) * x.y + Double(r[8]) * x.z) + translation
  }

  /// self ∘ other: x ↦ self(other(x)), translation reduced into the cell.
  public func composed(with other: SymmetryOperation) -> SymmetryOperation {
    var r = [Int](repeating: 0, count: 9)
    for i in 0..<3 {
      for j in 0..<3 {
        r[3 * i + j] = rotation[3 * i] * other.rotation[j] + rotation[3 * i + 1] * other.rotation[3 + j]
          + rotation[3 * i + 2] * other.rotation[6 + j]
      }
    }
    return SymmetryOperation(rotation: r, translation: apply(other.translation))
  }

  /// Same rotation and translations equal modulo whole cells within `tolerance`.
  public func isEquivalent(to other: SymmetryOperation, tolerance: Double = 1e-6) -> Bool {
    guard rotation == other.rotation else { return false }
    let d = translation - other.translation
    let wrapped = d - d.rounded(.toNearestOrAwayFromZero)
    return abs(wrapped.x) <= tolerance && abs(wrapped.y) <= tolerance && abs(wrapped.z) <= tolerance
  }

  /// The Jones symbol, e.g. `-y+1/2,x,z+3/4` (translations as fractions with denominators up to 12).
  public var description: String {
    (0..<3).map { row -> String in
      var s = ""
      for (column, name) in ["x", "y", "z"].enumerated() {
        let c = rotation[3 * row + column]
        if c == 0 { continue }
        s += c < 0 ? "-" : (s.isEmpty ? "" : "+")
        if abs(c) != 1 { s += String(abs(c)) }
        s += name
      }
      let t = translation[row]
      if t != 0 {
        var text = String(t)
        for q in 2...12 {
          let p = (t * Double(q)).rounded()
          if abs(p - t * Double(q)) < 1e-6 { text = "\(Int(p))/\(q)"; break }
        }
        s += s.isEmpty ? text : "+" + text
      }
      return s.isEmpty ? "0" : s
    }.joined(separator: ",")
  }
}
