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
