import Foundation

/// Levenberg–Marquardt least squares (Levenberg 1944, Marquardt 1963) in the form of Moré (1978)
/// and Nielsen (1999): minimise χ²(p) = Σ rᵢ(p)² over the free parameters.
///
/// Each iteration takes the Jacobian J (analytic when the model has one), scales its columns by
/// D = running maximum of the column norms (Moré's scale invariance, which is what lets values of
/// 1e-11 and 1e7 share one fit), and computes the SVD of J·D⁻¹ = U S Vᵀ (through a Householder QR
/// first when J is tall). The step for damping μ is
/// δ = −D⁻¹ V diag(sᵢ/(sᵢ² + μ)) Uᵀ r, i.e. the solution of min ‖r + Jδ‖² + μ‖Dδ‖² without forming
/// JᵀJ (no squaring of the condition number); a rejected step only changes μ, so the SVD is reused.
/// μ follows Nielsen's gain-ratio rule: accept when ρ > 0 and μ ← μ·max(1/3, 1 − (2ρ − 1)³), else
/// μ ← μ·ν, ν ← 2ν. Bounds act through `ParameterTransform` (log and square-root changes of
/// variable for one-sided bounds, projection onto the box for two-sided ones); fixed parameters
/// are left out.
///
/// Stops when (a) the relative reduction of χ² and the predicted reduction are both ≤ ftol,
/// (b) the relative step is ≤ xtol, (c) the scaled gradient is ≤ gtol, or (d) the iteration
/// limit is reached (then `success` is false), or (e) the observer, called at the start of every
/// iteration with the current point, answers `.stop` (then `success` is false and `stopped` true;
/// the statistics are those of the point reached). The covariance is s²·(JᵀJ)⁻¹ at the optimum, with
/// J taken with respect to the external parameters and s² = χ²/(N − p).
public struct Minimizer: Sendable {
  public struct Options: Sendable {
    public var maxIterations = 1000
    public var ftol = 1e-15
    public var xtol = 1e-15
    public var gtol = 1e-15
    /// Initial damping relative to the largest sᵢ² (Nielsen's τ).
    public var initialDamping = 1e-3
    /// Relative decrease of χ² over 20 accepted steps below which the fit counts as converged.
    public var stagnationTolerance = 1e-12
    /// Scale the covariance by the reduced χ² (lmfit's default). Set false when the weights are
    /// absolute 1/σ².
    public var scaleCovariance = true
    public init() {}
  }

  public var model: FitModel
  public var options: Options

  public init(model: FitModel, options: Options = Options()) {
    self.model = model
    self.options = options
  }

  /// Minimises χ² from `start`; `observer` (when given) sees each iteration and may stop the fit.
  public func minimize(_ start: Parameters, observer: FitObserver? = nil) -> FitResult {
    let all = start
    // A change of variables would quietly move a NaN or infinite start inside the bounds.
    if let bad = all.first(where: { !$0.value.isFinite }) {
      let x0 = all.values
      return finish(all, x0, model.residuals(x0), 1, 0, false, "\(bad.name) starts at a value that is not a finite number")
    }
    let freeIndex = (0..<all.count).filter { !all[$0].fixed }
    let transforms = freeIndex.map { ParameterTransform(all[$0]) }
    var u = zip(freeIndex, transforms).map { $1.internalValue(all[$0].value) }
    let n = freeIndex.count
    let m = model.residualCount

    func external(_ u: [Double]) -> [Double] {
      var x = all.values
      for (k, i) in freeIndex.enumerated() { x[i] = transforms[k].externalValue(u[k]) }
      return x
    }
    func jacobianInternal(_ u: [Double], _ x: [Double]) -> Matrix {
      let jx = model.jacobian?(x) ?? model.numericalJacobian(x)
      var j = Matrix(rows: m, columns: n)
      for (k, i) in freeIndex.enumerated() {
        let d = transforms[k].derivative(u[k])
        for r in 0..<m { j.storage[r * n + k] = jx.storage[r * jx.columns + i] * d }
      }
      return j
    }

    var x = external(u)
    var r = model.residuals(x)
    var evaluations = 1
    var chi2 = Vector.dot(r, r)
    var iterations = 0
    var message = "iteration limit reached"
    var success = false

    if !chi2.isFinite {
      return finish(all, x, r, evaluations, 0, false, "the model is not finite at the initial parameters")
    }
    if n == 0 {
      return finish(all, x, r, evaluations, 0, true, "no free parameters")
    }

    var scale = [Double](repeating: 0, count: n)
    var history: [Double] = [chi2]
    var mu = -1.0
    var nu = 2.0
    var stopped = false
    outer: while iterations < options.maxIterations {
      if let observer, observer(FitProgress(iteration: iterations + 1, values: x, chiSquare: chi2)) == .stop {
        message = "stopped after \(iterations) iteration\(iterations == 1 ? "" : "s") (asked by the observer)"
        stopped = true
        break
      }
      iterations += 1
      let j = jacobianInternal(u, x)
      for k in 0..<n {
        var s = 0.0
        for row in 0..<m { let v = j.storage[row * n + k]; s += v * v }
        scale[k] = max(scale[k], s.squareRoot())
        if scale[k] == 0 { scale[k] = 1 }
      }
      var js = j
      for row in 0..<m { for k in 0..<n { js.storage[row * n + k] /= scale[k] } }
      // Box parameters sitting on a bound with the descent direction pointing out of the box are
      // held there for this iteration (their column is dropped from the step).
      let fullGradient = j.transposeTimes(r)
      for (k, t) in transforms.enumerated() {
        guard let b = t.box else { continue }
        let atLower = u[k] <= b.min && fullGradient[k] > 0
        let atUpper = u[k] >= b.max && fullGradient[k] < 0
        if atLower || atUpper { for row in 0..<m { js.storage[row * n + k] = 0 } }
      }
      // Tall Jacobians are first reduced to their n×n triangle R (J = QR); the SVD of R gives the
      // same singular values and V, and Uᵀr = U_Rᵀ(Qᵀr).
      let svd: SingularValueDecomposition
      let g: [Double]
      if m > n {
        let qr = QRDecomposition(js, r)
        svd = SingularValueDecomposition(qr.r)
        g = svd.uTranspose(qr.qTransposeB)
      } else {
        svd = SingularValueDecomposition(js)
        g = svd.uTranspose(r)
      }
      // Scaled gradient test: |Jᵀr|/(|J col|·|r|) (MINPACK's gtol).
      let gradient = js.transposeTimes(r)
      let rnorm = chi2.squareRoot()
      if rnorm == 0 || (gradient.map { abs($0) }.max() ?? 0) <= options.gtol * rnorm {
        message = "gradient orthogonal to the residuals (gtol)"
        success = true
        break
      }
      let sMax = svd.singularValues.first ?? 1
      if mu < 0 { mu = options.initialDamping * sMax * sMax }
      while true {
        // δ̂ = −V diag(s/(s²+μ)) g, δ = D⁻¹ δ̂.
        var stepScaled = [Double](repeating: 0, count: n)
        for k in 0..<n {
          let s = svd.singularValues[k]
          if s == 0 { continue }
          let coef = -s * g[k] / (s * s + mu)
          for q in 0..<n { stepScaled[q] += coef * svd.v[k][q] }
        }
        // Step projected onto the box of bounded parameters.
        var uNew = (0..<n).map { u[$0] + stepScaled[$0] / scale[$0] }
        for (k, t) in transforms.enumerated() {
          if let b = t.box { uNew[k] = min(b.max, max(b.min, uNew[k])) }
        }
        for k in 0..<n { stepScaled[k] = (uNew[k] - u[k]) * scale[k] }
        // Predicted reduction of the linear model for the (projected) step: −2rᵀJδ − ‖Jδ‖².
        let jd = j * (0..<n).map { uNew[$0] - u[$0] }
        var predicted = 0.0
        for i in 0..<m { predicted -= 2 * r[i] * jd[i] + jd[i] * jd[i] }
        let xNew = external(uNew)
        let rNew = model.residuals(xNew)
        evaluations += 1
        let chi2New = Vector.dot(rNew, rNew)
        let actual = chi2 - chi2New
        let rho = predicted > 0 ? actual / predicted : -1
        let stepNorm = Vector.norm(stepScaled)
        let uNorm = Vector.norm((0..<n).map { u[$0] * scale[$0] })
        if chi2New.isFinite && rho > 0 {
          let relativeReduction = actual / chi2
          u = uNew
          x = xNew
          r = rNew
          chi2 = chi2New
          mu *= max(1.0 / 3.0, 1 - pow(2 * rho - 1, 3))
          nu = 2
          if abs(relativeReduction) <= options.ftol && predicted / max(chi2 + actual, .leastNormalMagnitude) <= options.ftol {
            message = "relative reduction of χ² below ftol"
            success = true
            break outer
          }
          if stepNorm <= options.xtol * (uNorm + options.xtol) {
            message = "relative step below xtol"
            success = true
            break outer
          }
          if chi2 == 0 {
            message = "exact fit"
            success = true
            break outer
          }
          // Stagnation: a parameter creeping towards a bound (or along a direction the data do
          // not determine) keeps making tiny progress; stop when 20 accepted steps together
          // lowered χ² by less than stagnationTolerance (relative).
          history.append(chi2)
          if history.count > 20 {
            let old = history[history.count - 21]
            if (old - chi2) <= options.stagnationTolerance * old {
              message = "χ² stopped decreasing (relative change < \(options.stagnationTolerance) over 20 steps)"
              success = true
              break outer
            }
          }
          continue outer
        }
        mu *= nu
        nu *= 2
        if stepNorm <= options.xtol * (uNorm + options.xtol) || !mu.isFinite || mu > 1e300 {
          message = "no further reduction possible (step below xtol)"
          success = true
          break outer
        }
        if predicted <= 0 && abs(actual) <= options.ftol * chi2 {
          message = "no further reduction possible (ftol)"
          success = true
          break outer
        }
      }
    }
    if iterations >= options.maxIterations && !success && !stopped {
      message = "iteration limit (\(options.maxIterations)) reached"
    }
    var result = finish(all, x, r, evaluations, iterations, success, message)
    result.stopped = stopped
    return result
  }

  /// Statistics and the covariance at the final point.
  private func finish(_ start: Parameters, _ x: [Double], _ r: [Double], _ evaluations: Int,
                      _ iterations: Int, _ success: Bool, _ message: String) -> FitResult {
    var parameters = start
    parameters.setValues(x)
    let freeIndex = (0..<start.count).filter { !start[$0].fixed }
    let nFree = freeIndex.count
    let nData = r.count
    let chi2 = Vector.dot(r, r)
    let dof = max(nData - nFree, 1)
    var covariance = Matrix(rows: nFree, columns: nFree)
    var stderr = [Double](repeating: 0, count: start.count)
    var correlation = Matrix(rows: nFree, columns: nFree)
    if nFree > 0 && chi2.isFinite {
      let jx = model.jacobian?(x) ?? model.numericalJacobian(x)
      var j = Matrix(rows: nData, columns: nFree)
      for (k, i) in freeIndex.enumerated() { for row in 0..<nData { j[row, k] = jx[row, i] } }
      // Column-equilibrate before the SVD so the rank test is scale-free.
      var colNorm = [Double](repeating: 1, count: nFree)
      for k in 0..<nFree {
        let c = Vector.norm(j.column(k))
        colNorm[k] = c > 0 ? c : 1
        for row in 0..<nData { j[row, k] /= colNorm[k] }
      }
      let svd = SingularValueDecomposition(j)
      let singular = svd.rank(relativeTolerance: 1e-14) < nFree
      let inv = svd.normalInverse(relativeTolerance: 1e-14)
      let s2 = options.scaleCovariance ? chi2 / Double(dof) : 1
      for a in 0..<nFree {
        for b in 0..<nFree { covariance[a, b] = s2 * inv[a, b] / (colNorm[a] * colNorm[b]) }
      }
      for (k, i) in freeIndex.enumerated() {
        stderr[i] = singular ? .nan : covariance[k, k].squareRoot()
      }
      for a in 0..<nFree {
        for b in 0..<nFree {
          let d = (covariance[a, a] * covariance[b, b]).squareRoot()
          correlation[a, b] = d > 0 ? covariance[a, b] / d : (a == b ? 1 : 0)
        }
      }
    }
    let atBounds = freeIndex.filter { i in
      let p = start[i], v = x[i]
      let tolerance = 1e-6 * max(abs(v), 1e-300)
      return (p.min.isFinite && v - p.min <= tolerance + 1e-9 * max(abs(p.max - p.min), 0).nonInfinite)
        || (p.max.isFinite && p.max - v <= tolerance + 1e-9 * max(abs(p.max - p.min), 0).nonInfinite)
    }.map { start[$0].name }
    let boundNote = atBounds.isEmpty ? "" : "; at a bound: " + atBounds.joined(separator: ", ")
    let nd = Double(max(nData, 1))
    let logTerm = nd * Foundation.log(max(chi2, .leastNormalMagnitude) / nd)
    return FitResult(
      parameters: parameters, standardErrors: stderr, correlations: correlation,
      freeNames: freeIndex.map { start[$0].name }, covariance: covariance,
      chiSquare: chi2, reducedChiSquare: chi2 / Double(dof), rmse: (chi2 / nd).squareRoot(),
      aic: logTerm + 2 * Double(nFree), bic: logTerm + Foundation.log(nd) * Double(nFree),
      iterations: iterations, evaluations: evaluations, success: success && chi2.isFinite,
      message: message + boundNote, residuals: r)
  }
}

private extension Double {
  /// 0 for ±∞ and NaN, the value otherwise.
  var nonInfinite: Double { isFinite ? self : 0 }
}
