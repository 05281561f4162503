import CFFTW
import Foundation

/// How this process plans its FFTW transforms.
///
/// FFTW_ESTIMATE (the default) picks an algorithm by heuristics, the same one in every process,
/// so a run restarted from a checkpoint repeats the uninterrupted run bit for bit. FFTW_MEASURE
/// times candidate algorithms and keeps the fastest (a 1024² periodic r2c: 7.5 ms estimated,
/// 4.4 ms measured here) — but timing is noisy, so two processes may pick different
/// algorithms, whose results differ in the last bits. Measured planning is therefore only
/// switched on together with FFTW "wisdom" (the record of the chosen algorithms): a process
/// that imports the wisdom of an earlier one makes exactly its plans. The caller (the CLI)
/// stores the wisdom text where later processes find it; this type touches no files.
public enum FFTPlanning {
  /// Imports each wisdom text (later ones win where they disagree) and plans every transform
  /// made from now on with FFTW_MEASURE. Returns false, and leaves planning unchanged, when a
  /// text is not FFTW wisdom. Transforms already planned keep their plans.
  @discardableResult
  public static func useMeasuredPlans(importing wisdom: [String]) -> Bool {
    let cache = FFTPlanCache.shared
    return cache.withPlannerLock {
      for text in wisdom where fftw_import_wisdom_from_string(text) == 0 { return false }
      cache.planningFlags = UInt32(FFTW_MEASURE)
      return true
    }
  }

  /// Whether new plans are measured.
  public static var measuresPlans: Bool {
    let cache = FFTPlanCache.shared
    return cache.withPlannerLock { cache.planningFlags == UInt32(FFTW_MEASURE) }
  }

  /// The wisdom of every plan this process has made or imported, as FFTW's text format.
  public static func exportedWisdom() -> String {
    FFTPlanCache.shared.withPlannerLock {
      guard let text = fftw_export_wisdom_to_string() else { return "" }
      defer { free(text) }
      return String(cString: text)
    }
  }
}
