extension Array where Element == Double {
  /// Makes the array `count` zeros, in place when it already has that length: the multigrid's
  /// work vectors are reset on every cycle, and a fresh array each time would page in new
  /// memory.
  mutating func setZeros(count: Int) {
    if self.count != count { self = [Double](repeating: 0, count: count) } else {
      withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
  }
}
