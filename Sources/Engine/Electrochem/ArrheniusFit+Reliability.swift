import Foundation

extension ArrheniusFit {
  /// Why an activation energy should not be read as a result, or nil when the line is sound.
  ///
  /// A straight line through ln(σT) against 1000/T gives an Ea for any scatter, and two points
  /// give it with no scatter at all. The fit is flagged (the number stays, marked) when:
  /// - fewer than three temperatures: no scatter can be seen, the error is not estimable;
  /// - R² < 0.95: the points do not follow one thermally activated process (the default circuit
  ///   fitted the wrong arc at some temperatures, a phase change, a bad contact);
  /// - se(Ea)/Ea > 20 %: the slope is not determined (Ea = 2.8 ± 1.5 eV is no result);
  /// - Ea ≤ 0: conductivity falling with temperature is not ionic hopping.
  /// The thresholds are this project's: a sound series of a solid electrolyte (the study's
  /// seven pellets: Ea = 0.323 eV) gives R² > 0.99 and an error of a few per cent.
  public var unreliability: String? {
    if count < 3 { return "only \(count) temperatures: the scatter (and the error of Ea) cannot be judged" }
    if !(activationEnergyEV > 0) {
      return String(format: "Ea = %.3g eV ≤ 0: σ does not rise with temperature as thermally activated conduction does", activationEnergyEV)
    }
    if rSquared < 0.95 {
      return String(format: "R² = %.2f < 0.95: the points scatter about the line, so Ea is not meaningful (check each spectrum's fit)", rSquared)
    }
    let relative = activationEnergyStandardErrorEV / activationEnergyEV
    if relative > 0.2 {
      return String(format: "se(Ea)/Ea = %.0f %% > 20 %%: the slope is not determined", relative * 100)
    }
    return nil
  }
}
