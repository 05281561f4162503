#if canImport(Glibc)
  import Glibc
#endif

/// The process's heap policy, set once at start-up (the edge: the engine only allocates).
///
/// A phase-field step at 1024² allocates and frees field arrays of 8 MB each (new ξ, c, φ,
/// conductivities, sources). glibc serves blocks that size with mmap or trims them from the
/// heap's top when freed, so every step paid fresh page faults and the kernel's zeroing of
/// every page (a few percent of a step in profiles). Keeping freed memory in the heap lets the
/// next step reuse the same pages; the footprint stays the working set of one step.
enum ProcessMemory {
  /// glibc's `mallopt` parameters (malloc.h, which the Glibc module does not import).
  private static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3

  static func keepFreedMemory() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      // RTLD_DEFAULT (a null handle): the C library's own symbol; absent on other C libraries
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      // blocks up to 32 MB (glibc's largest mmap threshold; a 2048² field is 32 MB) come from
      // the heap, and the heap's top is not returned to the kernel below 1 GB
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, 1 << 30)
    #endif
  }
}
