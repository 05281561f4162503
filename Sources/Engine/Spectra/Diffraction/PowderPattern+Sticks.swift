extension PowderPattern {
  /// A pattern of given sticks at wavelength λ (Å), with nothing known of its scattering factors:
  /// for scoring and indexing sticks a caller kept (the Spectra pane keeps them per phase).
  public init(sticks: [PowderPeak], wavelength: Double) {
    self.init(peaks: sticks, wavelength: wavelength, scatteringFactors: [], notes: [], unitCellAtomCount: 0)
  }
}
