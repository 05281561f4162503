import Formats
import Foundation

extension LiModel {
  /// The state as VTK image data: point fields xi, concentration (mol/m³), potential (V) and
  /// the last phase rate (1/s, for viewing), the conductivity of the potential preconditioner
  /// (S/m), the potentials of the two steps before (V, the warm start's extrapolation) and, with
  /// mechanics, the strains of the last three solves (the mechanics warm start's
  /// extrapolation); field data time, step, next_dt, previous_dt, older_dt, strain_dt,
  /// previous_strain_dt and older_strain_dt. Doubles are stored
  /// bit-exactly, so `restoredState(from:)` of this image continues the run bit for bit.
  public func checkpoint() -> VTKImageData {
    var image = VTKImageData(
      nx: numerics.nx, ny: numerics.ny + 1, spacing: (numerics.spacingX, numerics.spacingY),
      pointFields: [
        ("xi", state.xi), ("concentration", state.concentration), ("potential", state.potential),
        ("phase_rate", lastPhaseRate),
      ],
      fieldData: [("time", state.time), ("step", Double(state.step)), ("next_dt", state.nextDt)])
    if let sigma = state.preconditionerSigma { image.pointFields.append(("preconditioner_sigma", sigma)) }
    if let phi = state.previousPotential, let dt = state.previousDt {
      image.pointFields.append(("previous_potential", phi))
      image.fieldData.append(("previous_dt", dt))
    }
    if let phi = state.olderPotential, let dt = state.olderDt {
      image.pointFields.append(("older_potential", phi))
      image.fieldData.append(("older_dt", dt))
    }
    appendElectronic(to: &image)
    // Strain lives on rows 0…Ny−1; the electrode row repeats row Ny−1 for the image.
    let nx = numerics.nx
    if let strain = state.strain {
      for (name, values) in zip(["strain_xx", "strain_yy", "strain_xy"], strain) {
        image.pointFields.append((name, values + values[(values.count - nx)...]))
      }
      if let dt = state.strainDt { image.fieldData.append(("strain_dt", dt)) }
    }
    if let strain = state.previousStrain, let dt = state.previousStrainDt {
      for (name, values) in zip(["previous_strain_xx", "previous_strain_yy", "previous_strain_xy"], strain) {
        image.pointFields.append((name, values + values[(values.count - nx)...]))
      }
      image.fieldData.append(("previous_strain_dt", dt))
    }
    if let strain = state.olderStrain, let dt = state.olderStrainDt {
      for (name, values) in zip(["older_strain_xx", "older_strain_yy", "older_strain_xy"], strain) {
        image.pointFields.append((name, values + values[(values.count - nx)...]))
      }
      image.fieldData.append(("older_strain_dt", dt))
    }
    return image
  }

  /// The state stored in a checkpoint written by `checkpoint()` for the same grid.
  /// - Throws: `InputError` when the grid differs or a field is missing.
  public static func restoredState(from image: VTKImageData, numerics: LiModelNumerics,
                                   fileName: String? = nil) throws -> LiModelState {
    guard image.nx == numerics.nx, image.ny == numerics.ny + 1 else {
      throw InputError("checkpoint grid is \(image.nx) × \(image.ny) nodes, the config needs \(numerics.nx) × \(numerics.ny + 1)",
                       file: fileName)
    }
    guard let xi = image.pointField("xi"), let c = image.pointField("concentration"),
      let phi = image.pointField("potential")
    else { throw InputError("checkpoint lacks one of the fields xi, concentration, potential", file: fileName) }
    guard let time = image.field("time"), let step = image.field("step"), let dt = image.field("next_dt"),
      step >= 0, step == step.rounded()
    else { throw InputError("checkpoint lacks field data time, step or next_dt", file: fileName) }
    var state = LiModelState(xi: xi, concentration: c, potential: phi, time: time, step: Int(step), nextDt: dt)
    state.preconditionerSigma = image.pointField("preconditioner_sigma")
    if let phi = image.pointField("previous_potential"), let dt = image.field("previous_dt") {
      state.previousPotential = phi
      state.previousDt = dt
    }
    if let phi = image.pointField("older_potential"), let dt = image.field("older_dt") {
      state.olderPotential = phi
      state.olderDt = dt
    }
    // rows 0…Ny−1 of a strain stored by `checkpoint()` (nil when a component is missing, as
    // in checkpoints written before the history or without mechanics)
    func strainField(_ prefix: String) -> [[Double]]? {
      let components = ["xx", "yy", "xy"].compactMap { image.pointField(prefix + $0) }
      guard components.count == 3 else { return nil }
      return components.map { Array($0[0..<(numerics.nx * numerics.ny)]) }
    }
    state.electronic = try electronicState(from: image, fileName: fileName)
    state.strain = strainField("strain_")
    if state.strain != nil { state.strainDt = image.field("strain_dt") }
    if state.strain != nil, let strain = strainField("previous_strain_"), let dt = image.field("previous_strain_dt") {
      state.previousStrain = strain
      state.previousStrainDt = dt
      if let strain = strainField("older_strain_"), let dt = image.field("older_strain_dt") {
        state.olderStrain = strain
        state.olderStrainDt = dt
      }
    }
    return state
  }

  /// Restores the phase rate shown in snapshots (not needed to continue the dynamics).
  public func restorePhaseRate(from image: VTKImageData) {
    if let rate = image.pointField("phase_rate"), rate.count == lastPhaseRate.count { lastPhaseRate = rate }
  }
}
