/// The O(N) passes around the complex FFT of `CosineColumns` (formulas in the type's comment).
/// Each reads or writes a pair of rows (k, N−k) at a time, so every pass streams the grid once;
/// within a row, doubles 2p and 2p+1 are the real and imaginary parts of complex column p, and
/// the loops work on them as one SIMD2 (the compiler does not vectorise the plain loops, since
/// it cannot rule out that the five rows a loop touches overlap). Each pass works on the complex
/// columns `columns` only (every column is independent, the DCT-I running sums included), so
/// threads may take disjoint column ranges and compute exactly the single-thread numbers.
extension CosineColumns {
  /// DCT-I: q_j = u_j − 2 sin(πj/N) d_j into the work rows 0…N−1, and Y_1 into `firstOdd`,
  /// from the N+1 rows of `source` (row stride nx).
  func dctIPrepare(from source: UnsafeMutablePointer<Double>, columns: Range<Int>) {
    let start = 2 * columns.lowerBound, stop = 2 * columns.upperBound
    let n = intervals, half = n / 2, width = nx, ws = workStride
    let w = workPointer, acc = firstOddPointer
    let first = source, last = source + n * width
    for i in stride(from: start, to: stop, by: 2) {
      let a = load(first, i), b = load(last, i)
      store(a + b, w, i)
      store(a - b, acc, i)
    }
    for j in 1..<half {
      let top = source + j * width, bottom = source + (n - j) * width
      let lower = w + j * ws, upper = w + (n - j) * ws
      let s2 = 2 * sineTable[j], c2 = 2 * cosineTable[j]
      for i in stride(from: start, to: stop, by: 2) {
        let a = load(top, i), b = load(bottom, i)
        let u = a + b, d = a - b
        store(u - s2 * d, lower, i)
        store(u + s2 * d, upper, i)
        store(load(acc, i) + c2 * d, acc, i)
      }
    }
    let middle = source + half * width, target = w + half * ws
    for i in stride(from: start, to: stop, by: 2) { store(2 * load(middle, i), target, i) }
  }

  /// DCT-I: Y_{2m} = (Q_m + Q_{N−m})/2, Y_{2m+1} = Y_{2m−1} − (Q_m − Q_{N−m})/2i, times `scale`,
  /// into the N+1 rows of `destination`.
  func dctIFinish(into destination: UnsafeMutablePointer<Double>, rowStride: Int, scale: Double,
                  columns: Range<Int>) {
    let start = 2 * columns.lowerBound, stop = 2 * columns.upperBound
    let n = intervals, half = n / 2, ws = workStride
    let w = workPointer, acc = firstOddPointer
    let zeroth = destination, first = destination + rowStride
    for i in stride(from: start, to: stop, by: 2) {
      store(load(w, i) * scale, zeroth, i)
      store(load(acc, i) * scale, first, i)
    }
    let negateReal = SIMD2<Double>(-1, 1)
    for m in 1..<half {
      let q = w + m * ws, r = w + (n - m) * ws
      let even = destination + 2 * m * rowStride, odd = even + rowStride
      for i in stride(from: start, to: stop, by: 2) {
        let qm = load(q, i), rm = load(r, i)
        store(0.5 * (qm + rm) * scale, even, i)
        let d = qm - rm
        // −(Q_m − Q_{N−m})/2i = (−Δim, Δre)/2
        let running = load(acc, i) + 0.5 * (SIMD2(d.y, d.x) * negateReal)
        store(running, acc, i)
        store(running * scale, odd, i)
      }
    }
    let middle = w + half * ws, last = destination + n * rowStride
    for i in stride(from: start, to: stop, by: 2) { store(load(middle, i) * scale, last, i) }
  }

  /// DCT-III: V_k = e^{iπk/2N}(X_k − iX_{N−k}) (X_N = 0) into the work rows, from the N rows
  /// of `source` (row stride nx). e^{iπ(N−k)/2N} = i·e^{−iπk/2N} = (sin, cos).
  func dctIIIPrepare(from source: UnsafeMutablePointer<Double>, columns: Range<Int>) {
    let start = 2 * columns.lowerBound, stop = 2 * columns.upperBound
    let n = intervals, half = n / 2, width = nx, ws = workStride
    let w = workPointer
    let negateImaginary = SIMD2<Double>(1, -1), negateReal = SIMD2<Double>(-1, 1)
    for i in stride(from: start, to: stop, by: 2) { store(load(source, i), w, i) }
    for k in 1..<half {
      let top = source + k * width, bottom = source + (n - k) * width
      let lower = w + k * ws, upper = w + (n - k) * ws
      let c = cosineTable[k], s = sineTable[k]
      for i in stride(from: start, to: stop, by: 2) {
        let a = load(top, i), b = load(bottom, i)
        let t = a + SIMD2(b.y, b.x) * negateImaginary  // X_k − iX_{N−k}
        let u = b + SIMD2(a.y, a.x) * negateImaginary  // X_{N−k} − iX_k
        store(c * t + s * (SIMD2(t.y, t.x) * negateReal), lower, i)  // (c + is)·t
        store(s * u + c * (SIMD2(u.y, u.x) * negateReal), upper, i)  // (s + ic)·u
      }
    }
    let middle = source + half * width, target = w + half * ws
    let c = cosineTable[half], s = sineTable[half]
    for i in stride(from: start, to: stop, by: 2) {
      let x = load(middle, i)
      let t = x + SIMD2(x.y, x.x) * negateImaginary  // (1 − i)X
      store(c * t + s * (SIMD2(t.y, t.x) * negateReal), target, i)
    }
  }

  /// DCT-II: Y_k = e^{−iπk/2N}V_k + e^{iπk/2N}V_{N−k} (Y_0 = 2V_0), times `scale`, into the N
  /// rows of `destination` (row stride nx). With P = V_k + V_{N−k}, M = V_k − V_{N−k}:
  /// Y_k = c·P + s·(M_im, −M_re) and Y_{N−k} = s·P + c·(−M_im, M_re), (c, s) = (cos, sin)(πk/2N).
  func dctIIFinish(into destination: UnsafeMutablePointer<Double>, scale: Double, columns: Range<Int>) {
    let start = 2 * columns.lowerBound, stop = 2 * columns.upperBound
    let n = intervals, half = n / 2, width = nx, ws = workStride
    let w = workPointer
    let negateImaginary = SIMD2<Double>(1, -1), negateReal = SIMD2<Double>(-1, 1)
    let twice = 2 * scale
    for i in stride(from: start, to: stop, by: 2) { store(load(w, i) * twice, destination, i) }
    for k in 1..<half {
      let v = w + k * ws, z = w + (n - k) * ws
      let lower = destination + k * width, upper = destination + (n - k) * width
      let c = cosineTable[k], s = sineTable[k]
      for i in stride(from: start, to: stop, by: 2) {
        let vk = load(v, i), zk = load(z, i)
        let sum = vk + zk, difference = vk - zk
        let swapped = SIMD2(difference.y, difference.x)
        store((c * sum + s * (swapped * negateImaginary)) * scale, lower, i)
        store((s * sum + c * (swapped * negateReal)) * scale, upper, i)
      }
    }
    let middle = w + half * ws, target = destination + half * width
    let factor = 2 * cosineTable[half] * scale
    for i in stride(from: start, to: stop, by: 2) { store(load(middle, i) * factor, target, i) }
  }

  @inline(__always)
  private func load(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> SIMD2<Double> {
    UnsafeRawPointer(p + i).loadUnaligned(as: SIMD2<Double>.self)
  }

  @inline(__always)
  private func store(_ value: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>, _ i: Int) {
    UnsafeMutableRawPointer(p + i).storeBytes(of: value, as: SIMD2<Double>.self)
  }
}
