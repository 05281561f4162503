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
  /// A text holds one wisdom form per precision (`exportedWisdom`): double (`fftw_wisdom`) and
  /// single (`fftwf_wisdom`, the mechanics preconditioner's); each goes to its own planner. A
  /// text of double wisdom alone (written before single precision was used) imports as before.
  @discardableResult
  public static func useMeasuredPlans(importing wisdom: [String]) -> Bool {
    let cache = FFTPlanCache.shared
    return cache.withPlannerLock {
      for text in wisdom {
        let forms = wisdomForms(text)
        if forms.isEmpty { return false }
        for form in forms {
          let single = form.prefix(64).contains("fftwf_wisdom")
          let imported = single ? fftwf_import_wisdom_from_string(form) : fftw_import_wisdom_from_string(form)
          if imported == 0 { return false }
        }
      }
      cache.planningFlags = UInt32(FFTW_MEASURE)
      return true
    }
  }

  /// The top-level parenthesised forms of a wisdom text (FFTW's wisdom is an s-expression of
  /// symbols and numbers, no strings, so counting parentheses finds where each form ends);
  /// empty when the text has none or leaves one unclosed.
  static func wisdomForms(_ text: String) -> [String] {
    var forms: [String] = []
    var depth = 0
    var start = text.startIndex
    for index in text.indices {
      switch text[index] {
      case "(":
        if depth == 0 { start = index }
        depth += 1
      case ")":
        guard depth > 0 else { return [] }
        depth -= 1
        if depth == 0 { forms.append(String(text[start...index])) }
      default:
        break
      }
    }
    return depth == 0 ? forms : []
  }

  /// Whether new plans are measured.
  public static var measuresPlans: Bool {
    let cache = FFTPlanCache.shared
    return cache.withPlannerLock { cache.planningFlags == UInt32(FFTW_MEASURE) }
  }

  /// The wisdom of every plan this process has made or imported, as FFTW's text format.
  /// The double-precision form first, then the single-precision one (each as FFTW writes it).
  public static func exportedWisdom() -> String {
    FFTPlanCache.shared.withPlannerLock {
      var exported = ""
      if let text = fftw_export_wisdom_to_string() {
        exported += String(cString: text)
        free(text)
      }
      if let text = fftwf_export_wisdom_to_string() {
        exported += String(cString: text)
        free(text)
      }
      return exported
    }
  }
}
