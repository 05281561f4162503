/// The 118 elements with their standard atomic weights and common oxidation states.
///
/// Atomic weights: IUPAC/CIAAW *abridged* standard atomic weights (Prohaska et al., "Standard
/// atomic weights of the elements 2021 (IUPAC Technical Report)", Pure Appl. Chem. 94, 573–600
/// (2022), Table 2; also https://www.ciaaw.org/atomic-weights.htm). Elements whose weight varies
/// in nature (H, Li, B, C, N, O, Mg, Si, S, Cl, Br, Tl …) carry the conventional abridged value
/// (Li 6.94, S 32.06, Cl 35.45). Elements with no stable isotope and no characteristic terrestrial
/// composition carry the mass number of their longest-lived known isotope (`isMassNumber`), the
/// convention of the IUPAC periodic table ([97] for Tc, [145] for Pm, …); Th, Pa and U have
/// standard weights.
///
/// Oxidation states: the states commonly taken in compounds (Greenwood & Earnshaw, *Chemistry of
/// the Elements*, 2nd ed.; the IUPAC periodic table's main states), most common first. They serve
/// the charge-balance check, which must accept ordinary ionic solids and reject typos; rare states
/// are left out on purpose because every added state makes a wrong formula more likely to balance.
public enum PeriodicTable {
  /// All elements ordered by atomic number (index = Z − 1).
  public static let elements: [Element] = [
    e(1, "H", "Hydrogen", 1.0080, [1, -1]),
    e(2, "He", "Helium", 4.0026, [0]),
    e(3, "Li", "Lithium", 6.94, [1]),
    e(4, "Be", "Beryllium", 9.0122, [2]),
    e(5, "B", "Boron", 10.81, [3]),
    e(6, "C", "Carbon", 12.011, [4, -4, 2]),
    e(7, "N", "Nitrogen", 14.007, [-3, 5, 3]),
    e(8, "O", "Oxygen", 15.999, [-2]),
    e(9, "F", "Fluorine", 18.998, [-1]),
    e(10, "Ne", "Neon", 20.180, [0]),
    e(11, "Na", "Sodium", 22.990, [1]),
    e(12, "Mg", "Magnesium", 24.305, [2]),
    e(13, "Al", "Aluminium", 26.982, [3]),
    e(14, "Si", "Silicon", 28.085, [4, -4]),
    e(15, "P", "Phosphorus", 30.974, [5, 3, -3]),
    e(16, "S", "Sulfur", 32.06, [-2, 6, 4]),
    e(17, "Cl", "Chlorine", 35.45, [-1, 1, 5, 7]),
    e(18, "Ar", "Argon", 39.95, [0]),
    e(19, "K", "Potassium", 39.098, [1]),
    e(20, "Ca", "Calcium", 40.078, [2]),
    e(21, "Sc", "Scandium", 44.956, [3]),
    e(22, "Ti", "Titanium", 47.867, [4, 3, 2]),
    e(23, "V", "Vanadium", 50.942, [5, 4, 3, 2]),
    e(24, "Cr", "Chromium", 51.996, [3, 6, 2]),
    e(25, "Mn", "Manganese", 54.938, [2, 4, 7, 3, 6]),
    e(26, "Fe", "Iron", 55.845, [3, 2]),
    e(27, "Co", "Cobalt", 58.933, [3, 2]),
    e(28, "Ni", "Nickel", 58.693, [2, 3]),
    e(29, "Cu", "Copper", 63.546, [2, 1]),
    e(30, "Zn", "Zinc", 65.38, [2]),
    e(31, "Ga", "Gallium", 69.723, [3]),
    e(32, "Ge", "Germanium", 72.630, [4, 2, -4]),
    e(33, "As", "Arsenic", 74.922, [3, 5, -3]),
    e(34, "Se", "Selenium", 78.971, [-2, 4, 6]),
    e(35, "Br", "Bromine", 79.904, [-1, 1, 5]),
    e(36, "Kr", "Krypton", 83.798, [0, 2]),
    e(37, "Rb", "Rubidium", 85.468, [1]),
    e(38, "Sr", "Strontium", 87.62, [2]),
    e(39, "Y", "Yttrium", 88.906, [3]),
    e(40, "Zr", "Zirconium", 91.224, [4]),
    e(41, "Nb", "Niobium", 92.906, [5, 3]),
    e(42, "Mo", "Molybdenum", 95.95, [6, 4]),
    m(43, "Tc", "Technetium", 97, [7, 4]),
    e(44, "Ru", "Ruthenium", 101.07, [3, 4]),
    e(45, "Rh", "Rhodium", 102.91, [3]),
    e(46, "Pd", "Palladium", 106.42, [2, 4]),
    e(47, "Ag", "Silver", 107.87, [1]),
    e(48, "Cd", "Cadmium", 112.41, [2]),
    e(49, "In", "Indium", 114.82, [3]),
    e(50, "Sn", "Tin", 118.71, [4, 2]),
    e(51, "Sb", "Antimony", 121.76, [3, 5, -3]),
    e(52, "Te", "Tellurium", 127.60, [-2, 4, 6]),
    e(53, "I", "Iodine", 126.90, [-1, 1, 5, 7]),
    e(54, "Xe", "Xenon", 131.29, [0, 2, 4, 6]),
    e(55, "Cs", "Caesium", 132.91, [1]),
    e(56, "Ba", "Barium", 137.33, [2]),
    e(57, "La", "Lanthanum", 138.91, [3]),
    e(58, "Ce", "Cerium", 140.12, [3, 4]),
    e(59, "Pr", "Praseodymium", 140.91, [3]),
    e(60, "Nd", "Neodymium", 144.24, [3]),
    m(61, "Pm", "Promethium", 145, [3]),
    e(62, "Sm", "Samarium", 150.36, [3, 2]),
    e(63, "Eu", "Europium", 151.96, [3, 2]),
    e(64, "Gd", "Gadolinium", 157.25, [3]),
    e(65, "Tb", "Terbium", 158.93, [3, 4]),
    e(66, "Dy", "Dysprosium", 162.50, [3]),
    e(67, "Ho", "Holmium", 164.93, [3]),
    e(68, "Er", "Erbium", 167.26, [3]),
    e(69, "Tm", "Thulium", 168.93, [3]),
    e(70, "Yb", "Ytterbium", 173.05, [3, 2]),
    e(71, "Lu", "Lutetium", 174.97, [3]),
    e(72, "Hf", "Hafnium", 178.49, [4]),
    e(73, "Ta", "Tantalum", 180.95, [5]),
    e(74, "W", "Tungsten", 183.84, [6, 4]),
    e(75, "Re", "Rhenium", 186.21, [4, 7]),
    e(76, "Os", "Osmium", 190.23, [4, 8]),
    e(77, "Ir", "Iridium", 192.22, [3, 4]),
    e(78, "Pt", "Platinum", 195.08, [2, 4]),
    e(79, "Au", "Gold", 196.97, [3, 1]),
    e(80, "Hg", "Mercury", 200.59, [2, 1]),
    e(81, "Tl", "Thallium", 204.38, [1, 3]),
    e(82, "Pb", "Lead", 207.2, [2, 4]),
    e(83, "Bi", "Bismuth", 208.98, [3]),
    m(84, "Po", "Polonium", 209, [2, 4]),
    m(85, "At", "Astatine", 210, [-1, 1]),
    m(86, "Rn", "Radon", 222, [0, 2]),
    m(87, "Fr", "Francium", 223, [1]),
    m(88, "Ra", "Radium", 226, [2]),
    m(89, "Ac", "Actinium", 227, [3]),
    e(90, "Th", "Thorium", 232.04, [4]),
    e(91, "Pa", "Protactinium", 231.04, [5, 4]),
    e(92, "U", "Uranium", 238.03, [6, 4]),
    m(93, "Np", "Neptunium", 237, [5]),
    m(94, "Pu", "Plutonium", 244, [4]),
    m(95, "Am", "Americium", 243, [3]),
    m(96, "Cm", "Curium", 247, [3]),
    m(97, "Bk", "Berkelium", 247, [3]),
    m(98, "Cf", "Californium", 251, [3]),
    m(99, "Es", "Einsteinium", 252, [3]),
    m(100, "Fm", "Fermium", 257, [3]),
    m(101, "Md", "Mendelevium", 258, [3]),
    m(102, "No", "Nobelium", 259, [2]),
    m(103, "Lr", "Lawrencium", 262, [3]),
    m(104, "Rf", "Rutherfordium", 267, [4]),
    m(105, "Db", "Dubnium", 268, [5]),
    m(106, "Sg", "Seaborgium", 269, [6]),
    m(107, "Bh", "Bohrium", 270, [7]),
    m(108, "Hs", "Hassium", 269, [8]),
    m(109, "Mt", "Meitnerium", 278, []),
    m(110, "Ds", "Darmstadtium", 281, []),
    m(111, "Rg", "Roentgenium", 282, []),
    m(112, "Cn", "Copernicium", 285, []),
    m(113, "Nh", "Nihonium", 286, []),
    m(114, "Fl", "Flerovium", 289, []),
    m(115, "Mc", "Moscovium", 290, []),
    m(116, "Lv", "Livermorium", 293, []),
    m(117, "Ts", "Tennessine", 294, []),
    m(118, "Og", "Oganesson", 294, []),
  ]

  private static let bySymbol: [String: Element] = Dictionary(
    uniqueKeysWithValues: elements.map { ($0.symbol, $0) })

  /// The element with this exact (case-sensitive) symbol, or nil.
  public static func element(symbol: String) -> Element? { bySymbol[symbol] }

  /// The element with atomic number `z` (1…118), or nil.
  public static func element(atomicNumber z: Int) -> Element? {
    (1...elements.count).contains(z) ? elements[z - 1] : nil
  }

  private static func e(
    _ z: Int, _ symbol: String, _ name: String, _ weight: Double, _ states: [Int]
  ) -> Element {
    Element(
      atomicNumber: z, symbol: symbol, name: name, atomicWeight: weight,
      commonOxidationStates: states)
  }

  private static func m(
    _ z: Int, _ symbol: String, _ name: String, _ massNumber: Double, _ states: [Int]
  ) -> Element {
    Element(
      atomicNumber: z, symbol: symbol, name: name, atomicWeight: massNumber, isMassNumber: true,
      commonOxidationStates: states)
  }
}
