import Formats

/// The electronic-path variant's fields in a checkpoint: point fields `electronic_potential`
/// (V) and `bulk_deposit` (ξ units), field data `electronic_iterations` and
/// `electronic_residual` of the last φₑ solve. Stored bit-exactly like the rest.
extension LiModel {
  func appendElectronic(to image: inout VTKImageData) {
    guard let e = state.electronic else { return }
    image.pointFields.append(("electronic_potential", e.potential))
    image.pointFields.append(("bulk_deposit", e.bulkDeposit))
    image.fieldData.append(("electronic_iterations", Double(e.iterations)))
    image.fieldData.append(("electronic_residual", e.residual))
  }

  /// The electronic state of a checkpoint, nil when it has none; one of the two fields without
  /// the other is an error.
  static func electronicState(from image: VTKImageData, fileName: String?) throws -> ElectronicPathState? {
    let potential = image.pointField("electronic_potential"), deposit = image.pointField("bulk_deposit")
    switch (potential, deposit) {
    case (nil, nil):
      return nil
    case (let phi?, let bulk?):
      var state = ElectronicPathState(potential: phi, bulkDeposit: bulk)
      if let n = image.field("electronic_iterations"), n >= 0, n <= 1e9, n == n.rounded() { state.iterations = Int(n) }
      state.residual = image.field("electronic_residual") ?? 0
      return state
    default:
      throw InputError("checkpoint has only one of the fields electronic_potential and bulk_deposit", file: fileName)
    }
  }
}
