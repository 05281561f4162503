extension UnsafeMutablePointer where Pointee == Double {
  /// The two doubles at `self + i`, `self + i + 1` as one SIMD2 (no alignment needed): for row
  /// loops the compiler leaves scalar because it cannot prove the rows they touch disjoint.
  @inline(__always)
  func pair(at i: Int) -> SIMD2<Double> {
    UnsafeRawPointer(self + i).loadUnaligned(as: SIMD2<Double>.self)
  }

  /// Stores `value` at `self + i`, `self + i + 1`.
  @inline(__always)
  func setPair(_ value: SIMD2<Double>, at i: Int) {
    UnsafeMutableRawPointer(self + i).storeBytes(of: value, as: SIMD2<Double>.self)
  }
}

extension UnsafePointer where Pointee == Double {
  /// The two doubles at `self + i`, `self + i + 1` as one SIMD2 (no alignment needed).
  @inline(__always)
  func pair(at i: Int) -> SIMD2<Double> {
    UnsafeRawPointer(self + i).loadUnaligned(as: SIMD2<Double>.self)
  }
}

extension UnsafeMutablePointer where Pointee == Double {
  /// The four doubles at `self + i` … `self + i + 3` as one SIMD4 (no alignment needed): for
  /// row loops that write one buffer while reading others, which the compiler leaves scalar
  /// because it cannot prove them disjoint.
  @inline(__always)
  func quad(at i: Int) -> SIMD4<Double> {
    UnsafeRawPointer(self + i).loadUnaligned(as: SIMD4<Double>.self)
  }

  /// Stores `value` at `self + i` … `self + i + 3`.
  @inline(__always)
  func setQuad(_ value: SIMD4<Double>, at i: Int) {
    UnsafeMutableRawPointer(self + i).storeBytes(of: value, as: SIMD4<Double>.self)
  }
}
