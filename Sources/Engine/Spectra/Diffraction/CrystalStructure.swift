import Formats
/// One crystallographic site as a structure file lists it (the asymmetric unit).
public struct AtomSite: Sendable, Equatable {
  /// Isotropic atomic displacement, in either of its two conventions (B = 8π² U).
  public enum Displacement: Sendable, Equatable {
    /// U_iso, Å² (mean-square displacement along any direction).
    case uIso(Double)
    /// B_iso, Å².
    case bIso(Double)

    /// B in Å²: the exponent of the Debye–Waller factor exp(−B s²).
    public var b: Double {
      switch self {
      case .uIso(let u): return 8 * Double.pi * Double.pi * u
      case .bIso(let b): return b
      }
    }
  }

  public var label: String
  /// Element symbol, capitalised as in the periodic table ("Li", "Cl").
  public var element: String
  /// Formal charge from the type symbol (Li1+ → +1, S2- → −2), when the file gives one.
  public var charge: Int?
  /// Fractional coordinates x, y, z.
  public var fractional: SIMD3<Double>
  /// Site occupancy, 0 < occupancy ≤ 1.
  public var occupancy: Double
  public var displacement: Displacement?

  public init(label: String, element: String, charge: Int? = nil, fractional: SIMD3<Double>,
              occupancy: Double = 1, displacement: Displacement? = nil) {
    self.label = label
    self.element = element
    self.charge = charge
    self.fractional = fractional
    self.occupancy = occupancy
    self.displacement = displacement
  }
}

/// An atom of the full unit cell: a site's image under one symmetry operation, in [0, 1)³.
public struct UnitCellAtom: Sendable, Equatable {
  /// Index into `CrystalStructure.sites`.
  public var site: Int
  public var fractional: SIMD3<Double>
}

/// A crystal structure: cell, the sites of the asymmetric unit and the space group's operations
/// (as listed by the file, including centring translations), with the symbol and number when given.
public struct CrystalStructure: Sendable {
  public var name: String
  public var cell: UnitCell
  public var sites: [AtomSite]
  public var operations: [SymmetryOperation]
  public var spaceGroupSymbol: String?
  public var spaceGroupNumber: Int?

  /// Most atoms a generated unit cell may hold (bounds time and memory for hostile input).
  public static let maximumUnitCellAtoms = 2_000_000

  /// `operations` should include the identity and every centring translation; an empty list is
  /// taken as the identity alone (P 1) — the CIF reader never passes one.
  public init(name: String, cell: UnitCell, sites: [AtomSite], operations: [SymmetryOperation],
              spaceGroupSymbol: String? = nil, spaceGroupNumber: Int? = nil) {
    self.name = name
    self.cell = cell
    self.sites = sites
    self.operations = operations.isEmpty ? [.identity] : operations
    self.spaceGroupSymbol = spaceGroupSymbol
    self.spaceGroupNumber = spaceGroupNumber
  }

  /// The full unit cell: every site under every operation, reduced into [0, 1)³, with images of
  /// one site closer than `tolerance` Å (a special position) merged into one atom. Images of
  /// different sites are never merged: two sites sharing a position (mixed occupancy, e.g. Ti/Al
  /// in LATP) stay two atoms with their own occupancies.
  public func unitCellAtoms(tolerance: Double = 1e-3) throws(InputError) -> [UnitCellAtom] {
    var atoms: [UnitCellAtom] = []
    let tolerance2 = tolerance * tolerance
    let metric = cell.metric
    for (index, site) in sites.enumerated() {
      var orbit: [SIMD3<Double>] = []
      for operation in operations {
        let image = SymmetryOperation.reduced(operation.apply(site.fractional))
        if !orbit.contains(where: { UnitCell.squaredDistance(fractional: $0 - image, metric: metric) < tolerance2 }) {
          orbit.append(image)
        }
      }
      // A true orbit's size divides the group's order; anything else means the tolerance split
      // or merged images (coordinates written with too few digits).
      guard operations.count % orbit.count == 0 else {
        throw InputError("""
          site \(site.label): \(orbit.count) distinct images under \(operations.count) symmetry operations \
          (expected a divisor of \(operations.count)); are its coordinates written with enough digits?
          """)
      }
      guard atoms.count + orbit.count <= Self.maximumUnitCellAtoms else {
        throw InputError("a unit cell of at most \(Self.maximumUnitCellAtoms) atoms")
      }
      atoms.append(contentsOf: orbit.map { UnitCellAtom(site: index, fractional: $0) })
    }
    return atoms
  }
}
