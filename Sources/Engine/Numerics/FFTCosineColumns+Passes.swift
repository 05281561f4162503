/// The O(N) passes around the complex FFT of `CosineColumns` (formulas in the type's comment).
/// Each reads or writes a pair of rows (k, N−k) at a time, so every pass streams the grid once;
/// within a row, doubles 2p and 2p+1 are the real and imaginary parts of complex column p.
extension CosineColumns {
  /// DCT-I: q_j = u_j − 2 sin(πj/N) d_j into the work rows 0…N−1, and Y_1 into `firstOdd`,
  /// from the N+1 rows of `source` (row stride nx).
  func dctIPrepare(from source: UnsafeMutablePointer<Double>) {
    let n = intervals, half = n / 2, width = nx, ws = workStride
    let w = workPointer, acc = firstOddPointer
    let first = source, last = source + n * width
    for i in 0..<width {
      w[i] = first[i] + last[i]
      acc[i] = first[i] - last[i]
    }
    for j in 1..<half {
      let a = source + j * width, b = source + (n - j) * width
      let lower = w + j * ws, upper = w + (n - j) * ws
      let s2 = 2 * sineTable[j], c2 = 2 * cosineTable[j]
      for i in 0..<width {
        let u = a[i] + b[i], d = a[i] - b[i]
        lower[i] = u - s2 * d
        upper[i] = u + s2 * d
        acc[i] += c2 * d
      }
    }
    let middle = source + half * width, target = w + half * ws
    for i in 0..<width { target[i] = 2 * middle[i] }
  }

  /// DCT-I: Y_{2m} = (Q_m + Q_{N−m})/2, Y_{2m+1} = Y_{2m−1} − (Q_m − Q_{N−m})/2i, times `scale`,
  /// into the N+1 rows of `destination`.
  func dctIFinish(into destination: UnsafeMutablePointer<Double>, rowStride: Int, scale: Double) {
    let n = intervals, half = n / 2, columns = complexColumns, width = nx, ws = workStride
    let w = workPointer, acc = firstOddPointer
    let zeroth = destination, first = destination + rowStride
    for i in 0..<width {
      zeroth[i] = w[i] * scale
      first[i] = acc[i] * scale
    }
    for m in 1..<half {
      let q = w + m * ws, r = w + (n - m) * ws
      let even = destination + 2 * m * rowStride, odd = even + rowStride
      for p in 0..<columns {
        let re = 2 * p, im = re + 1
        let qr = q[re], qi = q[im], rr = r[re], ri = r[im]
        even[re] = 0.5 * (qr + rr) * scale
        even[im] = 0.5 * (qi + ri) * scale
        acc[re] -= 0.5 * (qi - ri)
        acc[im] += 0.5 * (qr - rr)
        odd[re] = acc[re] * scale
        odd[im] = acc[im] * scale
      }
    }
    let middle = w + half * ws, last = destination + n * rowStride
    for i in 0..<width { last[i] = middle[i] * scale }
  }

  /// DCT-III: V_k = e^{iπk/2N}(X_k − iX_{N−k}) (X_N = 0) into the work rows, from the N rows
  /// of `source` (row stride nx). e^{iπ(N−k)/2N} = i·e^{−iπk/2N} = (sin, cos).
  func dctIIIPrepare(from source: UnsafeMutablePointer<Double>) {
    let n = intervals, half = n / 2, columns = complexColumns, width = nx, ws = workStride
    let w = workPointer
    for i in 0..<width { w[i] = source[i] }
    for k in 1..<half {
      let a = source + k * width, b = source + (n - k) * width
      let lower = w + k * ws, upper = w + (n - k) * ws
      let c = cosineTable[k], s = sineTable[k]
      for p in 0..<columns {
        let re = 2 * p, im = re + 1
        let ar = a[re], ai = a[im], br = b[re], bi = b[im]
        let tr = ar + bi, ti = ai - br  // X_k − iX_{N−k}
        let ur = br + ai, ui = bi - ar  // X_{N−k} − iX_k
        lower[re] = c * tr - s * ti
        lower[im] = c * ti + s * tr
        upper[re] = s * ur - c * ui
        upper[im] = s * ui + c * ur
      }
    }
    let middle = source + half * width, target = w + half * ws
    let c = cosineTable[half], s = sineTable[half]
    for p in 0..<columns {
      let re = 2 * p, im = re + 1
      let tr = middle[re] + middle[im], ti = middle[im] - middle[re]
      target[re] = c * tr - s * ti
      target[im] = c * ti + s * tr
    }
  }

  /// DCT-II: Y_k = e^{−iπk/2N}V_k + e^{iπk/2N}V_{N−k} (Y_0 = 2V_0), times `scale`, into the N
  /// rows of `destination` (row stride nx).
  func dctIIFinish(into destination: UnsafeMutablePointer<Double>, scale: Double) {
    let n = intervals, half = n / 2, columns = complexColumns, width = nx, ws = workStride
    let w = workPointer
    let twice = 2 * scale
    for i in 0..<width { destination[i] = w[i] * twice }
    for k in 1..<half {
      let v = w + k * ws, z = w + (n - k) * ws
      let lower = destination + k * width, upper = destination + (n - k) * width
      let c = cosineTable[k], s = sineTable[k]
      for p in 0..<columns {
        let re = 2 * p, im = re + 1
        let vr = v[re], vi = v[im], zr = z[re], zi = z[im]
        lower[re] = (c * vr + s * vi + c * zr - s * zi) * scale
        lower[im] = (c * vi - s * vr + c * zi + s * zr) * scale
        upper[re] = (s * zr + c * zi + s * vr - c * vi) * scale
        upper[im] = (s * zi - c * zr + s * vi + c * vr) * scale
      }
    }
    let middle = w + half * ws, target = destination + half * width
    let factor = 2 * cosineTable[half] * scale
    for i in 0..<width { target[i] = middle[i] * factor }
  }
}
