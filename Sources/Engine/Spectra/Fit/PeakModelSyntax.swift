import Formats
import Foundation

/// The inline model syntax, written like a circuit string: a background and components joined by
/// `+`, each a name with optional arguments — positional numbers (centre, then FWHM) and
/// `key=value` pairs:
///   `linear + gaussian(24.7)`, `shirley + voigt(284.8, 1.2) + voigt(286.3)`,
///   `shirley + doublet_p(gl30, 459.0, split=5.7)`, `als(1e5, 0.01) + lorentzian(462)`.
/// Backgrounds: none, constant, linear, polynomial(n), shirley, active_shirley,
/// tougaard[(b=, c=, cprime=, d=)], tougaard_u3, als(λ, p), arpls(λ), snip(m).
/// Components: gaussian, lorentzian, pseudovoigt|pv, voigt, pearson7, splitpv, gl<p> / sgl<p>
/// (CasaXPS product / sum with p fixed, e.g. gl30), gl / sgl (p fitted), ds (Doniach–Šunjić),
/// la (asymmetric Lorentzian), emg; keys area=, height=, and the shape's own parameters
/// (eta=, m=, alpha=, …; a value there is fixed unless written with a leading `~`, e.g. eta=~0.3).
/// Doublets: doublet_p|doublet_d|doublet_f(shape, centre[, fwhm], split=Δ[, fwhm_ratio=r][, float_fwhm=1]).
/// Values the model leaves open (a FWHM, an area) are estimated from the data by `PeakModelStart`.
public struct PeakModelSpec: Sendable, Equatable {
  public struct Term: Sendable, Equatable {
    public var name: String
    public var positional: [String]
    public var keyed: [(String, String)]
    public static func == (a: Term, b: Term) -> Bool {
      a.name == b.name && a.positional == b.positional && a.keyed.map(\.0) == b.keyed.map(\.0) && a.keyed.map(\.1) == b.keyed.map(\.1)
    }
  }
  public var terms: [Term]

  public static func parse(_ text: String) throws -> PeakModelSpec {
    var terms: [Term] = []
    var depth = 0
    var current = ""
    var pieces: [String] = []
    for ch in text {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1; if depth < 0 { throw InputError("model: unbalanced ')' in \"\(text)\"") } }
      if ch == "+" && depth == 0 { pieces.append(current); current = "" } else { current.append(ch) }
    }
    guard depth == 0 else { throw InputError("model: missing ')' in \"\(text)\"") }
    pieces.append(current)
    for (k, raw) in pieces.enumerated() {
      let piece = raw.trimmingCharacters(in: .whitespaces)
      guard !piece.isEmpty else { throw InputError("model: term \(k + 1) is empty in \"\(text)\"") }
      var name = piece, positional: [String] = [], keyed: [(String, String)] = []
      if let open = piece.firstIndex(of: "(") {
        guard piece.hasSuffix(")") else { throw InputError("model: term \"\(piece)\" must end with ')'") }
        name = String(piece[..<open]).trimmingCharacters(in: .whitespaces)
        let inner = piece[piece.index(after: open)..<piece.index(before: piece.endIndex)]
        for arg in inner.split(separator: ",", omittingEmptySubsequences: false) {
          let a = arg.trimmingCharacters(in: .whitespaces)
          guard !a.isEmpty else { throw InputError("model: empty argument in \"\(piece)\"") }
          if let eq = a.firstIndex(of: "=") {
            keyed.append((a[..<eq].trimmingCharacters(in: .whitespaces).lowercased(),
                          a[a.index(after: eq)...].trimmingCharacters(in: .whitespaces)))
          } else {
            guard keyed.isEmpty else { throw InputError("model: positional argument \"\(a)\" after a key=value in \"\(piece)\"") }
            positional.append(a)
          }
        }
      }
      terms.append(Term(name: name.lowercased(), positional: positional, keyed: keyed))
    }
    return PeakModelSpec(terms: terms)
  }
}

/// A line shape by its model-syntax name; `gl30`-style names also return the fixed p.
public func lineShape(named raw: String) -> (shape: LineShape, fixedP: Double?)? {
  let name = raw.lowercased()
  switch name {
  case "gaussian", "g": return (.gaussian, nil)
  case "lorentzian", "l": return (.lorentzian, nil)
  case "pseudovoigt", "pv", "pseudo_voigt": return (.pseudoVoigt, nil)
  case "voigt", "v": return (.voigt, nil)
  case "pearson7", "pearsonvii", "p7": return (.pearsonVII, nil)
  case "splitpv", "split_pseudovoigt", "splitpseudovoigt": return (.splitPseudoVoigt, nil)
  case "gl": return (.glProduct, nil)
  case "sgl": return (.glSum, nil)
  case "ds", "doniach", "doniachsunjic": return (.doniachSunjic, nil)
  case "la", "asymmetric_lorentzian", "asymmetriclorentzian": return (.asymmetricLorentzian, nil)
  case "emg": return (.exponentiallyModifiedGaussian, nil)
  default: break
  }
  for (prefix, shape) in [("sgl", LineShape.glSum), ("gl", LineShape.glProduct)] where name.hasPrefix(prefix) {
    if let p = Double(name.dropFirst(prefix.count)), p >= 0, p <= 100 { return (shape, p) }
  }
  if let shape = LineShape(rawValue: raw) { return (shape, nil) }
  return nil
}
