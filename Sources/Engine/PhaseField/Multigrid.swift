/// The multigrid preconditioner of the potential solver: a hierarchy of 9-point Galerkin
/// operators with operator-dependent transfers (`StencilTransfer`), coarsened by two in each
/// direction while the grid allows, with an exact (Cholesky) solve on the coarsest level.
/// One V(ν,ν)-cycle with forward Gauss–Seidel before and backward after the coarse correction is
/// a fixed symmetric positive-definite operator, as conjugate gradients requires.
struct Multigrid {
  var levels: [StencilLevel]
  var transfers: [StencilTransfer]
  var coarsest: PotentialCoarseSolver?
  /// The finest level's operator in compact form, used by the cycle whenever there is a coarser
  /// level (the 9-point `levels[0]` is then dropped once the transfers are built from it).
  var finest: FivePointLevel?
  var sweeps = 1
  /// 1/a_kk of each level (`StencilLevel.inverseCentre()`; empty where the level keeps no
  /// coefficients), for the fused coarse-level passes.
  var inverseCentres: [[Double]] = []
  /// Each level's coefficients as planes (`StencilLevel.planes()`), for the same passes.
  var coefficientPlanes: [[Double]] = []
  /// Each transfer's weights in corner form (`GalerkinCoarsening.cornerWeights`), kept for
  /// `update(fine:changedRows:)` (empty for the hierarchy of `init(reference:)`).
  var transferCornerWeights: [[Double]] = []
  /// Whether the levels' passes run fused (`PotentialLevel+FusedCycle.swift` for the finest,
  /// `StencilLevel+FusedCycle.swift` for the coarse ones); the unfused cycle is the definition
  /// the tests compare it with.
  var fusesFinestLevel = true

  /// The hierarchy of `init(reference:)` set up by `GalerkinCoarsening` from the compact
  /// finest level: no 9-point copy of the finest operator, no (index, weight) pairs, no
  /// division per Galerkin term. Only rounding in the coarse operators' sums differs.
  init(fine: PotentialLevel) {
    let top = StencilLevel(nx: fine.nx, rows: fine.rows, coefficients: [])
    guard top.canCoarsen else {
      self = Multigrid(reference: fine)
      return
    }
    let five = FivePointLevel(fine)
    var levels = [top], transfers: [StencilTransfer] = [], transferCornerWeights: [[Double]] = []
    func coarsen<V: FineStencilView>(_ view: V, nx: Int, rows: Int) {
      let weights = GalerkinCoarsening.cornerWeights(view, nx: nx, rows: rows)
      levels.append(GalerkinCoarsening.coarseOperator(view, weights: weights, nx: nx, rows: rows))
      transfers.append(StencilTransfer(corners: CornerWeights(fineNx: nx, fineRows: rows, weights: weights)))
      transferCornerWeights.append(weights)
    }
    five.withStencilView { coarsen($0, nx: fine.nx, rows: fine.rows) }
    while let last = levels.last, last.canCoarsen {
      last.coefficients.withUnsafeBufferPointer {
        coarsen(NinePointStencilView(a: $0), nx: last.nx, rows: last.rows)
      }
    }
    self.levels = levels
    self.transfers = transfers
    self.transferCornerWeights = transferCornerWeights
    finest = five
    coarsest = levels.last.flatMap { PotentialCoarseSolver(level: $0) }
    buffers = levels.map { _ in LevelBuffers() }
    inverseCentres = levels.map { $0.inverseCentre() }
    coefficientPlanes = levels.indices.map { $0 > 0 && $0 < levels.count - 1 ? levels[$0].planes() : [] }
  }

  /// The hierarchy by the general definitions: the 9-point finest operator, (index, weight)
  /// transfers (`StencilTransfer(fine:)`) and `StencilTransfer.coarseOperator`.
  init(reference fine: PotentialLevel) {
    levels = [StencilLevel(fine)]
    transfers = []
    while let last = levels.last, last.canCoarsen {
      var transfer = StencilTransfer(fine: last)
      levels.append(transfer.coarseOperator(last))
      transfer.compact(fineNx: last.nx)
      transfers.append(transfer)
    }
    coarsest = levels.last.flatMap { PotentialCoarseSolver(level: $0) }
    buffers = levels.map { _ in LevelBuffers() }
    if levels.count > 1 {
      finest = FivePointLevel(fine)
      levels[0].coefficients = []
    }
    inverseCentres = levels.map { $0.inverseCentre() }
    coefficientPlanes = levels.indices.map { $0 > 0 && $0 < levels.count - 1 ? levels[$0].planes() : [] }
  }

  /// The conjugate-gradient vectors of `PotentialSolver` (residual, preconditioned residual,
  /// direction, its image), reused by every solve this preconditioner serves.
  final class SolverVectors {
    var r: [Double] = []
    var z: [Double] = []
    var p: [Double] = []
    var ap: [Double] = []

    /// The array at `keyPath` with `count` values (contents undefined), left empty in its place
    /// so that the caller holds the only reference and writes in place.
    func take(_ keyPath: ReferenceWritableKeyPath<SolverVectors, [Double]>, count: Int) -> [Double] {
      var array: [Double] = []
      swap(&array, &self[keyPath: keyPath])
      if array.count != count { array = [Double](repeating: 0, count: count) }
      return array
    }
  }
  private(set) var vectors = SolverVectors()

  /// Work arrays of one level, reused by every cycle (a cycle at 1024² would otherwise
  /// allocate and page in tens of megabytes).
  final class LevelBuffers {
    var u: [Double] = []
    var rhs: [Double] = []
    var residual: [Double] = []
    var scratch: [Double] = []
  }
  private var buffers: [LevelBuffers] = []

  /// z ≈ A⁻¹r: one V-cycle on the finest level from a zero initial guess.
  func vCycle(_ rhs: [Double], into z: inout [Double]) {
    vCycle(0, rhs, into: &z)
  }

  /// ≈ A⁻¹r on level `index` from a zero initial guess, written into `u`.
  private func vCycle(_ index: Int, _ rhs: [Double], into u: inout [Double]) {
    if index == 0, fusesFinestLevel, sweeps == 1, levels.count > 1, let finest, let corners = transfers[0].corners {
      // the same cycle with the finest level's passes fused (PotentialLevel+FusedCycle.swift)
      let work = buffers[0], coarse = buffers[1]
      finest.relaxFromZeroRestrictingResidual(&u, rhs: rhs, transfer: corners, into: &coarse.rhs,
                                              scratch: &work.scratch)
      vCycle(1, coarse.rhs, into: &coarse.u)
      finest.prolongAddRelaxingBackward(&u, rhs: rhs, coarse: coarse.u, transfer: corners,
                                        scratch: &work.scratch)
      return
    }
    if index > 0, index < levels.count - 1, fusesFinestLevel, sweeps == 1, let corners = transfers[index].corners,
      inverseCentres[index].count == levels[index].count, coefficientPlanes[index].count == 9 * levels[index].count
    {
      // the coarse levels' passes fused the same way (StencilLevel+FusedCycle.swift)
      let level = levels[index], work = buffers[index], coarse = buffers[index + 1]
      level.relaxFromZeroRestrictingResidual(&u, rhs: rhs, planes: coefficientPlanes[index], inverseCentre: inverseCentres[index], transfer: corners,
                                             into: &coarse.rhs, scratch: &work.scratch)
      vCycle(index + 1, coarse.rhs, into: &coarse.u)
      level.prolongAddRelaxingBackward(&u, rhs: rhs, planes: coefficientPlanes[index], inverseCentre: inverseCentres[index], coarse: coarse.u,
                                       transfer: corners, scratch: &work.scratch)
      return
    }
    let level = levels[index]
    u.setZeros(count: level.count)
    if index == levels.count - 1 {
      if let coarsest {
        u = coarsest.solve(rhs)
        return
      }
      for _ in 0..<50 {
        level.relax(&u, rhs: rhs, forward: true)
        level.relax(&u, rhs: rhs, forward: false)
      }
      return
    }
    let work = buffers[index], coarse = buffers[index + 1]
    func relax(forward: Bool) {
      if index == 0, let finest { finest.relax(&u, rhs: rhs, forward: forward) } else {
        level.relax(&u, rhs: rhs, forward: forward)
      }
    }
    for _ in 0..<sweeps { relax(forward: true) }
    if work.residual.count != level.count { work.residual = [Double](repeating: 0, count: level.count) }
    if index == 0, let finest { finest.apply(u, into: &work.residual) } else { level.apply(u, into: &work.residual) }
    rhs.withUnsafeBufferPointer { b in
      work.residual.withUnsafeMutableBufferPointer { r in
        for k in 0..<r.count { r[k] = b[k] - r[k] }
      }
    }
    transfers[index].restrict(work.residual, into: &coarse.rhs)
    vCycle(index + 1, coarse.rhs, into: &coarse.u)
    transfers[index].prolongAdd(coarse.u, into: &u)
    for _ in 0..<sweeps { relax(forward: false) }
  }
}
