/// The multigrid preconditioner of the potential solver: a hierarchy of 9-point Galerkin
/// operators with operator-dependent transfers (`StencilTransfer`), coarsened by two in each
/// direction while the grid allows, with an exact (Cholesky) solve on the coarsest level.
/// One V(ν,ν)-cycle with forward Gauss–Seidel before and backward after the coarse correction is
/// a fixed symmetric positive-definite operator, as conjugate gradients requires.
struct Multigrid: Sendable {
  var levels: [StencilLevel]
  var transfers: [StencilTransfer]
  var coarsest: PotentialCoarseSolver?
  var sweeps = 1

  init(fine: PotentialLevel) {
    levels = [StencilLevel(fine)]
    transfers = []
    while let last = levels.last, last.canCoarsen {
      let transfer = StencilTransfer(fine: last)
      transfers.append(transfer)
      levels.append(transfer.coarseOperator(last))
    }
    coarsest = levels.last.flatMap { PotentialCoarseSolver(level: $0) }
  }

  /// ≈ A⁻¹r on level `index` from a zero initial guess.
  func vCycle(_ index: Int, _ rhs: [Double]) -> [Double] {
    let level = levels[index]
    var u = [Double](repeating: 0, count: level.count)
    if index == levels.count - 1 {
      if let coarsest { return coarsest.solve(rhs) }
      for _ in 0..<50 {
        level.relax(&u, rhs: rhs, forward: true)
        level.relax(&u, rhs: rhs, forward: false)
      }
      return u
    }
    for _ in 0..<sweeps { level.relax(&u, rhs: rhs, forward: true) }
    var au = [Double](repeating: 0, count: level.count)
    level.apply(u, into: &au)
    for k in 0..<au.count { au[k] = rhs[k] - au[k] }
    let correction = vCycle(index + 1, transfers[index].restrict(au))
    transfers[index].prolongAdd(correction, into: &u)
    for _ in 0..<sweeps { level.relax(&u, rhs: rhs, forward: false) }
    return u
  }
}
