/// A dense real matrix stored row-major. Small (least-squares problems of tens to a few hundred
/// rows and a handful to ~100 columns); clarity over BLAS speed.
public struct Matrix: Equatable, Sendable {
  public let rows: Int
  public let columns: Int
  public var storage: [Double]

  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.rows = rows
    self.columns = columns
    self.storage = Array(repeating: value, count: rows * columns)
  }

  /// Builds a matrix from rows of equal length.
  public init(_ rowArrays: [[Double]]) {
    rows = rowArrays.count
    columns = rowArrays.first?.count ?? 0
    storage = rowArrays.flatMap { $0 }
    precondition(storage.count == rows * columns, "rows of unequal length")
  }

  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  @inlinable public subscript(i: Int, j: Int) -> Double {
    get { storage[i * columns + j] }
    set { storage[i * columns + j] = newValue }
  }

  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
    return t
  }

  public func column(_ j: Int) -> [Double] { (0..<rows).map { self[$0, j] } }

  public static func * (a: Matrix, b: Matrix) -> Matrix {
    precondition(a.columns == b.rows, "matrix shapes do not match")
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
      for k in 0..<a.columns {
        let aik = a[i, k]
        if aik == 0 { continue }
        for j in 0..<b.columns { c.storage[i * c.columns + j] += aik * b.storage[k * b.columns + j] }
      }
    }
    return c
  }

  public static func * (a: Matrix, x: [Double]) -> [Double] {
    precondition(a.columns == x.count, "matrix and vector shapes do not match")
    var y = [Double](repeating: 0, count: a.rows)
    for i in 0..<a.rows {
      var s = 0.0
      for j in 0..<a.columns { s += a.storage[i * a.columns + j] * x[j] }
      y[i] = s
    }
    return y
  }

  /// Aᵀx without forming Aᵀ.
  public func transposeTimes(_ x: [Double]) -> [Double] {
    precondition(rows == x.count, "matrix and vector shapes do not match")
    var y = [Double](repeating: 0, count: columns)
    for i in 0..<rows {
      let xi = x[i]
      if xi == 0 { continue }
      for j in 0..<columns { y[j] += storage[i * columns + j] * xi }
    }
    return y
  }

  /// AᵀA (the normal matrix), symmetric.
  public func gram() -> Matrix {
    var g = Matrix(rows: columns, columns: columns)
    for i in 0..<rows {
      let base = i * columns
      for a in 0..<columns {
        let v = storage[base + a]
        if v == 0 { continue }
        for b in a..<columns { g.storage[a * columns + b] += v * storage[base + b] }
      }
    }
    for a in 0..<columns { for b in 0..<a { g[a, b] = g[b, a] } }
    return g
  }
}

/// Dot product and norms of plain vectors.
public enum Vector {
  @inlinable public static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
  }

  /// Euclidean norm, scaled to avoid overflow and underflow.
  public static func norm(_ a: [Double]) -> Double {
    var scale = 0.0
    for v in a { scale = max(scale, abs(v)) }
    if scale == 0 || !scale.isFinite { return scale }
    var s = 0.0
    for v in a { let t = v / scale; s += t * t }
    return scale * s.squareRoot()
  }
}
