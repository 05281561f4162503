import Foundation

/// What the instrument was doing during a step. Stored one byte per point.
public enum StepType: UInt8, Sendable, Codable, CaseIterable {
  case rest = 0
  /// Constant-current (or unspecified) charge: positive current into the working electrode.
  case charge = 1
  /// Constant-current (or unspecified) discharge: negative current.
  case discharge = 2
  case constantVoltageCharge = 3
  case constantVoltageDischarge = 4
  /// Anything else the instrument labels (pulse, impedance, open-circuit with a current, …).
  case other = 5

  public var name: String {
    switch self {
    case .rest: return "rest"
    case .charge: return "charge"
    case .discharge: return "discharge"
    case .constantVoltageCharge: return "cv_charge"
    case .constantVoltageDischarge: return "cv_discharge"
    case .other: return "other"
    }
  }

  /// The sign this step imposes on an unsigned current (Maccor's state column): +1, −1, or 0
  /// when the step type says nothing about the direction.
  public var currentSign: Double {
    switch self {
    case .charge, .constantVoltageCharge: return 1
    case .discharge, .constantVoltageDischarge: return -1
    case .rest: return 0
    case .other: return 0
    }
  }

  /// Reads the labels cyclers write: Maccor `C`/`D`/`R`, LAND `C_CC`/`D_CV`/`R`, Neware
  /// `CC Chg`/`CCCV DChg`/`Rest`, BDF-style words. Returns nil for labels it does not know.
  public static func fromLabel(_ raw: String) -> StepType? {
    let label = raw.trimmingCharacters(in: .whitespaces).lowercased()
    if label.isEmpty { return nil }
    switch label {
    case "r", "rest", "ocv", "o", "pause": return .rest
    case "c", "charge", "chg", "c_cc", "cc chg", "cc_chg", "cc charge": return .charge
    case "d", "discharge", "dchg", "d_cc", "cc dchg", "cc_dchg", "cc discharge": return .discharge
    case "c_cv", "cv chg", "cccv chg", "cc-cv chg", "cv_chg", "cccv_chg", "cv charge": return .constantVoltageCharge
    case "d_cv", "cv dchg", "cccv dchg", "cc-cv dchg", "cv_dchg", "cccv_dchg", "cv discharge":
      return .constantVoltageDischarge
    case "s": return nil  // Maccor end-of-step marker: carries the previous state
    default: break
    }
    if label.contains("rest") { return .rest }
    let isCV = label.contains("cv")
    if label.contains("dchg") || label.contains("discharge") || label.hasPrefix("d_") {
      return isCV ? .constantVoltageDischarge : .discharge
    }
    if label.contains("chg") || label.contains("charge") || label.hasPrefix("c_") {
      return isCV ? .constantVoltageCharge : .charge
    }
    return .other
  }
}
