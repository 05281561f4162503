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
    let components = xyz.lowercased().filter { !$0.isWhitespace }.split(separator: ",", omittingEmptySubsequences: false)
    guard components.count == 3 else {
      throw InputError("a symmetry operator of three comma-separated components like '-y+1/2,x,z' (got '\(xyz)')")
    }
    var rotation = [Int](repeating: 0, count: 9)
    var translation = SIMD3<Double>.zero
    for (row, component) in components.enumerated() {
      let (coefficients, constant) = try Self.parseComponent(component, whole: xyz)
      for column in 0..<3 { rotation[3 * row + column] = coefficients[column] }
      translation[row] = constant
    }
    let det = Self.determinant(rotation)
    guard det == 1 || det == -1 else {
      throw InputError("a symmetry operator whose matrix has determinant ±1 ('\(xyz)' has \(det))")
    }
    self.init(rotation: rotation, translation: translation)
  }

  private static func parseComponent(_ text: Substring, whole: String) throws(InputError) -> ([Int], Double) {
    guard !text.isEmpty, text.count <= 64 else {
      throw InputError("a non-empty component of at most 64 characters in the symmetry operator '\(whole)'")
    }
    var coefficients = [0, 0, 0]
    var constant = 0.0
    var sawConstant = false
    var terms: [Substring] = []
    var start = text.startIndex
    var position = text.startIndex
    while position < text.endIndex {
      let c = text[position]
      if (c == "+" || c == "-") && position != start {
        terms.append(text[start..<position])
        start = position
      }
      position = text.index(after: position)
    }
    terms.append(text[start..<text.endIndex])
    for term in terms {
      var sign = 1
      var body = term
      if let first = body.first, first == "+" || first == "-" {
        sign = first == "-" ? -1 : 1
        body = body.dropFirst()
      }
      guard let last = body.last else {
        throw InputError("a term after each sign in the symmetry operator '\(whole)'")
      }
      if let axis = "xyz".firstIndex(of: last).map({ "xyz".distance(from: "xyz".startIndex, to: $0) }) {
        var factor = body.dropLast()
        if factor.last == "*" { factor = factor.dropLast() }
        var multiplier = 1
        if !factor.isEmpty {
          guard factor.count <= 2, factor.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(factor) else {
            throw InputError("an integer factor before '\(last)' in the symmetry operator '\(whole)'")
          }
          multiplier = m
        }
        coefficients[axis] += sign * multiplier
        guard abs(coefficients[axis]) <= 6 else {
          throw InputError("a matrix element of magnitude at most 6 in the symmetry operator '\(whole)'")
        }
      } else {
        guard !sawConstant, let value = Self.parseConstant(body) else {
          throw InputError("terms like x, -y, x-y, 1/2 or 0.25 in the symmetry operator '\(whole)' (not '\(term)')")
        }
        sawConstant = true
        constant = Double(sign) * value
      }
    }
    return (coefficients, constant)
  }

  private static func parseConstant(_ text: Substring) -> Double? {
    guard !text.isEmpty, text.count <= 24, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "/") }) else {
      return nil
    }
    if let slash = text.firstIndex(of: "/") {
      guard let p = Double(text[..<slash]), let q = Double(text[text.index(after: slash)...]), q != 0 else { return nil }
      return p / q
    }
    return Double(text)
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
