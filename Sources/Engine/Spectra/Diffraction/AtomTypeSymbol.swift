/// An atom type as CIF writes it in `_atom_site_type_symbol`: an element and an optional formal
/// charge — `Li`, `Li1+`, `Li+`, `S2-`, `Ti4+` (case of the element letters is normalised).
public struct AtomTypeSymbol: Sendable, Equatable {
  public var element: String
  public var charge: Int?

  static let elements: Set<String> = [
    "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
    "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br",
    "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te",
    "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm",
    "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
    "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf",
  ]

  public init(element: String, charge: Int? = nil) {
    self.element = element
    self.charge = charge
  }

  /// Parses a type symbol: one or two letters naming an element, then optionally a charge written
  /// `n+`, `n-`, `+` or `-` (n from 1 to 8). Nil for anything else.
  public init?(typeSymbol text: String) {
    let letters = text.prefix { $0.isASCII && $0.isLetter }
    guard (1...2).contains(letters.count) else { return nil }
    let element = letters.prefix(1).uppercased() + letters.dropFirst().lowercased()
    guard Self.elements.contains(element) else { return nil }
    let rest = text.dropFirst(letters.count)
    if rest.isEmpty {
      self.init(element: element)
      return
    }
    guard let sign = rest.last, sign == "+" || sign == "-" else { return nil }
    let digits = rest.dropLast()
    var magnitude = 1
    if !digits.isEmpty {
      guard digits.count == 1, let d = Int(digits), (1...8).contains(d) else { return nil }
      magnitude = d
    }
    self.init(element: element, charge: sign == "+" ? magnitude : -magnitude)
  }

  /// The element a site label starts with (CIF convention when no type symbol is given):
  /// `Li1` → Li, `Cl2a` → Cl, `S1` → S; a two-letter element is preferred when the second letter
  /// is lower case. Nil when the label does not start with an element symbol.
  public static func element(fromLabel label: String) -> String? {
    let letters = Array(label.prefix { $0.isASCII && $0.isLetter })
    guard let first = letters.first else { return nil }
    if letters.count >= 2, letters[1].isLowercase {
      let two = String(first).uppercased() + String(letters[1])
      if elements.contains(two) { return two }
    }
    let one = String(first).uppercased()
    return elements.contains(one) ? one : nil
  }
}
