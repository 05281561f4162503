import Foundation

extension LiModel {
  /// Node weight of the trapezoid rule in y (half at the electrode rows).
  func rowWeight(_ j: Int) -> Double { (j == 0 || j == numerics.ny) ? 0.5 : 1 }

  /// ∫(c + c_s ξ) dA per unit depth (mol/m); changes only by the electrode fluxes.
  public func lithiumTotal() -> Double {
    let nx = numerics.nx, cs = physics.siteDensity
    var sum = 0.0
    for j in 0...numerics.ny {
      var row = 0.0
      for i in 0..<nx { row += state.concentration[j * nx + i] + cs * state.xi[j * nx + i] }
      sum += rowWeight(j) * row
    }
    return sum * numerics.spacingX * numerics.spacingY
  }

  /// Fraction of the domain occupied by lithium, ∫ξ dA / (Lx·Ly).
  public func lithiumAreaFraction() -> Double {
    let nx = numerics.nx
    var sum = 0.0
    for j in 0...numerics.ny {
      var row = 0.0
      for i in 0..<nx { row += state.xi[j * nx + i] }
      sum += rowWeight(j) * row
    }
    return sum / (Double(nx) * Double(numerics.ny))
  }

  /// Highest point of the ξ = ½ contour above the Li electrode (m), interpolated per column.
  public func tipHeight() -> Double {
    let nx = numerics.nx, hy = numerics.spacingY
    var best = 0.0
    for i in 0..<nx {
      var j = numerics.ny
      while j > 0 && state.xi[j * nx + i] < 0.5 { j -= 1 }
      if state.xi[j * nx + i] < 0.5 { continue }
      var height = Double(j) * hy
      if j < numerics.ny {
        let a = state.xi[j * nx + i], b = state.xi[(j + 1) * nx + i]
        if a != b { height += hy * (a - 0.5) / (a - b) }
      }
      best = max(best, height)
    }
    return best
  }

  /// Length of the interface per unit depth, ∫|∇ξ| dA (m): exact for any profile rising from 0
  /// to 1 across the interface.
  public func interfaceLength() -> Double {
    let nx = numerics.nx, hx = numerics.spacingX, hy = numerics.spacingY
    var sum = 0.0
    for j in 0..<numerics.ny {
      for i in 0..<nx {
        let k = j * nx + i
        let gx = (state.xi[j * nx + (i + 1) % nx] - state.xi[k]) / hx
        let gy = (state.xi[k + nx] - state.xi[k]) / hy
        sum += (gx * gx + gy * gy).squareRoot()
      }
    }
    return sum * hx * hy
  }

  /// Phase-field free energy ∫[Wξ²(1−ξ)² + (κ0/2)|∇ξ|²] dA per unit depth (J/m).
  public func freeEnergy() -> Double {
    let nx = numerics.nx, hx = numerics.spacingX, hy = numerics.spacingY
    let w = physics.barrierHeight, k = physics.gradientCoefficient
    var sum = 0.0
    for j in 0..<numerics.ny {
      for i in 0..<nx {
        let idx = j * nx + i
        let x = state.xi[idx]
        let gx = (state.xi[j * nx + (i + 1) % nx] - x) / hx
        let gy = (state.xi[idx + nx] - x) / hy
        sum += w * x * x * (1 - x) * (1 - x) + 0.5 * k * (gx * gx + gy * gy)
      }
    }
    return sum * hx * hy
  }
}
