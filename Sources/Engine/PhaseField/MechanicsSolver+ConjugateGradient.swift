extension MechanicsSolver {
  /// The smallest tolerance solved with the single-precision preconditioner. Float rounding
  /// (6e-8) perturbs K⁰⁻¹ by ~1e-7 relative, which changes CG's iterates at that level; a
  /// residual 100 times above it is reached as with the exact preconditioner, while tighter
  /// solves (the reference solves of the tests) keep the double transforms.
  static let singlePrecisionTolerance = 1e-5

  struct StrainSolution {
    /// Total strain (xx, yy, xy) per node.
    var strain: [[Double]]
    var iterations: Int
    /// √(r·K⁰⁻¹r)/√(b·K⁰⁻¹b) at the stop, b = Dᵀ C ε⁰.
    var relativeResidual: Double
  }

  /// The strain ε = ε_start + D δu with K δu = Dᵀ C (ε⁰ − ε_start), K = Dᵀ C D, by conjugate
  /// gradients preconditioned with the reference medium (see the type's doc comment), from δu = 0.
  /// Stops at √(r·K⁰⁻¹r) ≤ tolerance·√(b·K⁰⁻¹b): with C⁰ = identity both are the Frobenius norms
  /// of Zeman's projected residual and right-hand side, so the criterion is his up to the
  /// bounded change of norm by C⁰. b = Dᵀ(pI), p = 2(λ+μ)e⁰, and K⁰(k) k̃ = (λ⁰+2μ⁰)|k̃|² k̃, so
  /// b·K⁰⁻¹b = Σ_{k̃≠0}|p̂|²/(N(λ⁰+2μ⁰)) = [Σ(p − p̄)² − N·c²]/(λ⁰+2μ⁰), c the mean of
  /// p·(−1)^(i+j) (the hourglass mode, even grids): no transform. When b = 0 the solution is
  /// ε = 0 exactly (ε_start is compatible). Cost: 4 transforms per iteration and 2 more (the
  /// last check needs only the forward half of the preconditioner). At tolerances ≥
  /// `singlePrecisionTolerance` the preconditioner's transforms run in single precision
  /// (`startPreconditioningSingle`); K, the residual and the iterates stay in double, so the
  /// converged strain meets the same criterion.
  /// `initialStrain` is consumed: the result is written over it, in place when the caller
  /// hands over its only reference (a fresh warm start), which saves three field allocations.
  func solveStrain(lame: [Double], shear: [Double], eigenstrain: [Double],
                   initialStrain: consuming [[Double]]?) -> StrainSolution {
    let n = nx * ny
    precondition(lame.count == n && shear.count == n && eigenstrain.count == n)
    let given = consume initialStrain
    if let given { precondition(given.count == 3 && given.allSatisfy { $0.count == n }) }
    let work = workspace
    // Made before any buffer is filled: a measured plan overwrites its buffers while planning.
    let single = tolerance >= Self.singlePrecisionTolerance ? work.single : nil
    if single == nil { work.planDoublePrecision() }
    var start = given ?? [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    var shearRange = (low: Double.infinity, high: 0.0), bulkRange = shearRange
    var pressure = (sum: 0.0, squares: 0.0, checker: 0.0)
    let shift = 2 * (lame[0] + shear[0]) * eigenstrain[0]
    let nx = self.nx
    lame.withUnsafeBufferPointer { lame in
    shear.withUnsafeBufferPointer { shear in
    eigenstrain.withUnsafeBufferPointer { e0 in
    start[0].withUnsafeBufferPointer { sxx in
    start[1].withUnsafeBufferPointer { syy in
    start[2].withUnsafeBufferPointer { sxy in
      // r₀ = Dᵀ C(ε⁰ − ε_start), with the moduli ranges and the sums of p on the way.
      _ = work.applyDivergence(into: work.residual.pointer) { j, row in
        var muLow = Double.infinity, muHigh = 0.0, bulkLow = Double.infinity, bulkHigh = 0.0
        var sum = 0.0, squares = 0.0, checker = 0.0
        for i in 0..<nx {
          let k = j * nx + i
          let l = lame[k], m = shear[k], e = e0[k]
          let dxx = e - sxx[k], dyy = e - syy[k], trace = dxx + dyy
          row.xx[i] = l * trace + 2 * m * dxx
          row.yy[i] = l * trace + 2 * m * dyy
          row.xy[i] = -2 * m * sxy[k]
          muLow = min(muLow, m)
          muHigh = max(muHigh, m)
          bulkLow = min(bulkLow, l + m)
          bulkHigh = max(bulkHigh, l + m)
          let d = 2 * (l + m) * e - shift
          sum += d
          squares += d * d
          checker += (i + j) % 2 == 0 ? d : -d
        }
        shearRange = (min(shearRange.low, muLow), max(shearRange.high, muHigh))
        bulkRange = (min(bulkRange.low, bulkLow), max(bulkRange.high, bulkHigh))
        pressure.sum += sum
        pressure.squares += squares
        pressure.checker += checker
      }
    }
    }
    }
    }
    }
    }
    let medium = MechanicsReferenceMedium(bulk: bulkRange, shear: shearRange)
    let hourglass = nx % 2 == 0 && ny % 2 == 0 ? pressure.checker * pressure.checker : 0
    let variance = pressure.squares - (pressure.sum * pressure.sum + hourglass) / Double(n)
    let bNorm = (max(variance, 0) * medium.longitudinal).squareRoot()
    guard bNorm > 0 else {
      let zeros = [Double](repeating: 0, count: n)
      return StrainSolution(strain: [zeros, zeros, zeros], iterations: 0, relativeResidual: 0)
    }

    let count = 2 * n
    let r = work.residual.pointer, p = work.direction.pointer, product = work.product.pointer
    let correction = work.correction.pointer
    // With the single-precision preconditioner r is handed over as Float(r) in `single.input`
    // (here, and then in the residual update) and z comes back as Floats in `single.output`.
    let singleResidual = single?.input.pointer, singleZ = single?.output.pointer
    if let singleResidual {
      for k in 0..<count { singleResidual[k] = Float(r[k]) }
    }
    var rz = single == nil ? work.startPreconditioning(medium) : work.startPreconditioningSingle(medium)
    var iterations = 0
    var alpha = 0.0, beta = 0.0
    lame.withUnsafeBufferPointer { lame in
    shear.withUnsafeBufferPointer { shear in
      while rz.squareRoot() / bNorm > tolerance && iterations < maxIterations {
        if single == nil { work.finishPreconditioning() } else { work.finishPreconditioningSingle() }
        let first = iterations == 0
        // The last step's δu += α·p and the new direction p = z + β·p, one row at a time just
        // before the stencil first reads it (rows Ny−1 and 0 first, then in order). z is in
        // `product` (or `singleZ`); `product` receives Kp: output row j is written after row
        // j+1 was advanced.
        func advance(_ j: Int) {
          for block in 0..<2 {
            let start = block * n + j * nx
            switch (first, singleZ) {
            case (true, nil):
              for k in start..<(start + nx) {
                correction[k] = 0
                p[k] = product[k]
              }
            case (false, nil):
              for k in start..<(start + nx) {
                correction[k] += alpha * p[k]
                p[k] = product[k] + beta * p[k]
              }
            case (true, let z?):
              for k in start..<(start + nx) {
                correction[k] = 0
                p[k] = Double(z[k])
              }
            case (false, let z?):
              for k in start..<(start + nx) {
                correction[k] += alpha * p[k]
                p[k] = Double(z[k]) + beta * p[k]
              }
            }
          }
        }
        let pq = work.applyDivergence(into: product, dotWith: p) { j, row in
          if j == 0 {
            advance(ny - 1)
            advance(0)
          } else if j < ny - 1 {
            advance(j)
          }
          work.forEachStrain(of: p, row: j) { i, e in
            let k = j * nx + i
            let l = lame[k], m = shear[k], trace = e.xx + e.yy
            row.xx[i] = l * trace + 2 * m * e.xx
            row.yy[i] = l * trace + 2 * m * e.yy
            row.xy[i] = 2 * m * e.xy
          }
        }
        alpha = rz / pq
        if let singleResidual {
          for k in 0..<count {
            r[k] -= alpha * product[k]
            singleResidual[k] = Float(r[k])
          }
        } else {
          for k in 0..<count { r[k] -= alpha * product[k] }
        }
        let rzNew = single == nil ? work.startPreconditioning(medium) : work.startPreconditioningSingle(medium)
        beta = rzNew / rz
        rz = rzNew
        iterations += 1
      }
    }
    }
    guard iterations > 0 else {
      return StrainSolution(strain: start, iterations: 0, relativeResidual: rz.squareRoot() / bNorm)
    }
    // ε = ε_start + D(δu + α·p) with the last step's α·p, written over ε_start. Each row of
    // δu + α·p is formed just before the stencil first reads it (rows Ny−1 and 0 first, then
    // in order), so one stencil pass makes the strain.
    func finish(_ j: Int) {
      for block in 0..<2 {
        let start = block * n + j * nx
        for k in start..<(start + nx) { correction[k] += alpha * p[k] }
      }
    }
    var strainXX = start[0], strainYY = start[1], strainXY = start[2]
    start = []  // the three locals become the only references, so the writes below stay in place
    strainXX.withUnsafeMutableBufferPointer { xx in
    strainYY.withUnsafeMutableBufferPointer { yy in
    strainXY.withUnsafeMutableBufferPointer { xy in
      for j in 0..<ny {
        if j == 0 {
          finish(ny - 1)
          finish(0)
        } else if j < ny - 1 {
          finish(j)
        }
        work.forEachStrain(of: correction, row: j) { i, e in
          let k = j * nx + i
          xx[k] += e.xx
          yy[k] += e.yy
          xy[k] += e.xy
        }
      }
    }
    }
    }
    return StrainSolution(strain: [strainXX, strainYY, strainXY], iterations: iterations,
                          relativeResidual: rz.squareRoot() / bNorm)
  }
}
