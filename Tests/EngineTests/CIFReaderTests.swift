import XCTest
@testable import Engine
import Formats

/// The CIF 1.1 reader: syntax, numbers with standard uncertainties, symmetry operators, and the
/// errors a malformed file must give (with its line).
final class CIFReaderTests: XCTestCase {
  static var structuresFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples/structures")
  }

  static func example(_ name: String) throws -> CrystalStructure {
    let url = structuresFolder.appendingPathComponent(name)
    return try CrystalStructure(cif: try String(contentsOf: url, encoding: .utf8), file: name)
  }

  /// Rock salt written by hand: a comment, quoted values, a text field, esds, and the operators
  /// of Fm-3m built here from the 48 point operations × 4 centrings.
  static func rockSaltCIF(a: String = "5.1295(3)", operators: [String]? = nil, extraItems: String = "") -> String {
    let ops = operators ?? fm3mOperators()
    return """
      # rock salt, hand-written test file
      data_rocksalt
      _publ_section_title
      ;
      A text field; with 'quotes' and # not a comment
      ;
      _space_group_name_H-M_alt 'F m -3 m'
      _space_group_IT_number 225
      _cell_length_a \(a)
      _cell_length_b \(a)
      _cell_length_c \(a)
      _cell_angle_alpha 90
      _cell_angle_beta 90.0
      _cell_angle_gamma 90.000(0)
      \(extraItems)
      loop_
      _space_group_symop_operation_xyz
      \(ops.map { "'\($0)'" }.joined(separator: "\n"))
      loop_
      _atom_site_label
      _atom_site_type_symbol
      _atom_site_fract_x
      _atom_site_fract_y
      _atom_site_fract_z
      _atom_site_occupancy
      _atom_site_U_iso_or_equiv
      Li1 Li+ 0 0 0 1.0 0.012(2)
      Cl1 "Cl1-" 0.5 0.5 0.5 1 .

      """
  }

  /// The 192 operators of Fm-3m: every signed permutation matrix (48 = m-3m) with the four
  /// F-centring translations, written as Jones symbols.
  static func fm3mOperators() -> [String] {
    let permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
    let centrings = [("", "", ""), ("", "+1/2", "+1/2"), ("+1/2", "", "+1/2"), ("+1/2", "+1/2", "")]
    var result: [String] = []
    for c in centrings {
      for p in permutations {
        for signs in 0..<8 {
          let names = ["x", "y", "z"]
          let parts = (0..<3).map { row in (signs >> row & 1 == 1 ? "-" : "") + names[p[row]] }
          result.append("\(parts[0])\(c.0),\(parts[1])\(c.1),\(parts[2])\(c.2)")
        }
      }
    }
    return result
  }

  func testNumbersWithStandardUncertainties() throws {
    let a = try XCTUnwrap(CIFNumber("1.234(5)"))
    XCTAssertEqual(a.value, 1.234)
    XCTAssertEqual(try XCTUnwrap(a.uncertainty), 0.005, accuracy: 1e-15)
    let b = try XCTUnwrap(CIFNumber("12(3)"))
    XCTAssertEqual(b.value, 12)
    XCTAssertEqual(b.uncertainty, 3)
    let c = try XCTUnwrap(CIFNumber("-2.5e-3(4)"))
    XCTAssertEqual(c.value, -0.0025)
    XCTAssertEqual(try XCTUnwrap(c.uncertainty), 4e-4, accuracy: 1e-18)  // 4 units of the mantissa's 0.1, times 1e-3
    XCTAssertEqual(CIFNumber("0.25")?.uncertainty, nil)
    for bad in ["", "abc", "nan", "inf", "1.0(", "1.0()", "1.0(x)", "1e999", "(3)", "1,5", "0x10"] {
      XCTAssertNil(CIFNumber(bad), bad)
    }
  }

  func testSymmetryOperatorParsing() throws {
    let op = try SymmetryOperation(xyz: "-y+1/2,x,z+3/4")
    XCTAssertEqual(op.rotation, [0, -1, 0, 1, 0, 0, 0, 0, 1])
    XCTAssertEqual(op.translation, SIMD3(0.5, 0, 0.75))
    // (0.1, 0.2, 0.3) → (−0.2 + 0.5, 0.1, 0.3 + 0.75) by hand.
    let image = op.apply(SIMD3(0.1, 0.2, 0.3))
    XCTAssertEqual(image.x, 0.3, accuracy: 1e-15)
    XCTAssertEqual(image.y, 0.1, accuracy: 1e-15)
    XCTAssertEqual(image.z, 1.05, accuracy: 1e-15)
    let hexagonal = try SymmetryOperation(xyz: " X-Y , x , -z+2/3 ")
    XCTAssertEqual(hexagonal.rotation, [1, -1, 0, 1, 0, 0, 0, 0, -1])
    XCTAssertEqual(hexagonal.translation.z, 2.0 / 3, accuracy: 1e-15)
    let decimal = try SymmetryOperation(xyz: "1/2+x,y-0.25,-x+y+z")
    XCTAssertEqual(decimal.translation, SIMD3(0.5, 0.75, 0))
    XCTAssertEqual(decimal.description, "x+1/2,y+3/4,-x+y+z")
    for bad in ["x,y", "x,y,z,x", "x,y,q", "x,x,z", "x+1/0,y,z", "x,,z", "x+,y,z", "x+1/2+1/2,y,z", "7x,y,z"] {
      XCTAssertThrowsError(try SymmetryOperation(xyz: bad), bad)
    }
  }

  func testRockSaltFromHandWrittenCIF() throws {
    let structure = try CrystalStructure(cif: Self.rockSaltCIF(), file: "rocksalt.cif")
    XCTAssertEqual(structure.name, "rocksalt")
    XCTAssertEqual(structure.cell.a, 5.1295)
    XCTAssertEqual(structure.cell.gamma, 90)
    XCTAssertEqual(structure.operations.count, 192)
    XCTAssertEqual(structure.spaceGroupNumber, 225)
    XCTAssertEqual(structure.sites.map(\.element), ["Li", "Cl"])
    XCTAssertEqual(structure.sites.map(\.charge), [1, -1])
    XCTAssertEqual(structure.sites[0].displacement, .uIso(0.012))
    XCTAssertNil(structure.sites[1].displacement)
    // 4 formula units: 4 Li on 4a and 4 Cl on 4b.
    let atoms = try structure.unitCellAtoms()
    XCTAssertEqual(atoms.filter { $0.site == 0 }.count, 4)
    XCTAssertEqual(atoms.filter { $0.site == 1 }.count, 4)
    XCTAssertEqual(structure.cell.volume, pow(5.1295, 3), accuracy: 1e-9)
  }

  /// Composition per cell from the examples' Z and formula (hand count): Σ occupancy per element.
  func testExampleStructuresGiveTheirFormulaUnits() throws {
    let expected: [(String, [String: Double])] = [
      ("Li6PS5Cl.cif", ["Li": 24, "P": 4, "S": 20, "Cl": 4]),  // Z = 4
      ("LiCoO2.cif", ["Li": 3, "Co": 3, "O": 6]),  // Z = 3 on hexagonal axes
      ("Li2S.cif", ["Li": 8, "S": 4]),
      ("LiCl.cif", ["Li": 4, "Cl": 4]),
      ("TiO2-rutile.cif", ["Ti": 2, "O": 4]),
      ("TiO2-anatase.cif", ["Ti": 4, "O": 8]),
      ("ZrO2-monoclinic.cif", ["Zr": 4, "O": 8]),
      ("Li3PO4-gamma.cif", ["Li": 12, "P": 4, "O": 16]),  // P m n b, a non-standard setting of No. 62
    ]
    for (file, composition) in expected {
      let structure = try Self.example(file)
      var counts: [String: Double] = [:]
      for atom in try structure.unitCellAtoms() {
        let site = structure.sites[atom.site]
        counts[site.element, default: 0] += site.occupancy
      }
      XCTAssertEqual(Set(counts.keys), Set(composition.keys), file)
      for (element, n) in composition { XCTAssertEqual(counts[element] ?? 0, n, accuracy: 1e-9, "\(file) \(element)") }
    }
  }

  private func assertInputError(_ text: String, line: Int?, contains fragment: String,
                                file: StaticString = #filePath, testLine: UInt = #line) {
    XCTAssertThrowsError(try CrystalStructure(cif: text, file: "bad.cif"), file: file, line: testLine) { error in
      guard let e = error as? InputError else { return XCTFail("not an InputError: \(error)", file: file, line: testLine) }
      XCTAssertEqual(e.file, "bad.cif", file: file, line: testLine)
      if let line { XCTAssertEqual(e.line, line, "\(e)", file: file, line: testLine) }
      XCTAssertTrue(e.message.contains(fragment), "\(e)", file: file, line: testLine)
    }
  }

  func testMalformedSyntaxNamesTheLine() {
    assertInputError("data_x\n_cell_length_a 'unterminated\n", line: 2, contains: "closing '")
    assertInputError("data_x\n_note\n;\nnever closed\n", line: 3, contains: "';'")
    assertInputError("_cell_length_a 5\n", line: 1, contains: "data_ block")
    assertInputError("data_x\nloop_\n_a\n_b\n1 2\n3\n", line: 6, contains: "multiple of 2")
    assertInputError("data_x\n_cell_length_a 5\n_cell_length_a 6\n", line: 3, contains: "repeated")
    assertInputError("data_x\n_cell_length_a\n", line: 2, contains: "value after")
    assertInputError("data_x\n_a [1 2]\n", line: 2, contains: "CIF 2")
    assertInputError("data_x\nsave_frame\n", line: 2, contains: "save_")
    assertInputError("", line: nil, contains: "data_ block")
    assertInputError("data_x\n_cell_length_a 5\n", line: 1, contains: "_cell_length_b")
  }

  func testMalformedValuesNameTheLine() {
    let good = Self.rockSaltCIF()
    assertInputError(good.replacingOccurrences(of: "Li1 Li+ 0 0 0", with: "Li1 Li+ 0 zero 0"), line: nil, contains: "_atom_site_fract_y")
    assertInputError(good.replacingOccurrences(of: "Li1 Li+", with: "Li1 Xx9+"), line: nil, contains: "type symbol")
    assertInputError(good.replacingOccurrences(of: "0 0 0 1.0", with: "0 0 0 1.5"), line: nil, contains: "occupancy")
    assertInputError(Self.rockSaltCIF(a: "-5"), line: nil, contains: "cell edge a")
    assertInputError(Self.rockSaltCIF(a: "?"), line: 9, contains: "_cell_length_a")
    // The line of the bad operator: data_ is line 2; the first operator follows the loop header.
    var ops = Self.fm3mOperators()
    ops[3] = "x,y,w"
    let text = Self.rockSaltCIF(operators: ops)
    let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("x,y,w") }.map { $0 + 1 }
    assertInputError(text, line: expectedLine, contains: "x,y,w")
  }

  func testMissingOrIncompleteSymmetryIsAnError() {
    let noOps = Self.rockSaltCIF().replacingOccurrences(
      of: "loop_\n_space_group_symop_operation_xyz\n" + Self.fm3mOperators().map { "'\($0)'" }.joined(separator: "\n") + "\n",
      with: "")
    XCTAssertFalse(noOps.contains("symop"))
    assertInputError(noOps, line: 7, contains: "F m -3 m")
    let unnamed = noOps.replacingOccurrences(of: "_space_group_name_H-M_alt 'F m -3 m'\n_space_group_IT_number 225\n", with: "")
    assertInputError(unnamed, line: 2, contains: "P 1 is not assumed")
    // An operator missing: the list is no longer a group.
    var ops = Self.fm3mOperators()
    ops.remove(at: 17)
    assertInputError(Self.rockSaltCIF(operators: ops), line: nil, contains: "complete list")
    // Only the primitive part of Fm-3m (48 operators) under the F symbol: a group, but with 1 centring.
    assertInputError(Self.rockSaltCIF(operators: Array(Self.fm3mOperators().prefix(48))), line: nil, contains: "centring")
    // The operators of Pm-3m with space group number 221 given as 216 (-43m has 24 rotations).
    let wrongNumber = Self.rockSaltCIF(operators: Array(Self.fm3mOperators().prefix(48)))
      .replacingOccurrences(of: "'F m -3 m'", with: "'P m -3 m'").replacingOccurrences(of: "225", with: "216")
    assertInputError(wrongNumber, line: nil, contains: "24 rotations")
    // A listed duplicate.
    var duplicated = Self.fm3mOperators()
    duplicated.append("x+1,y,z")
    assertInputError(Self.rockSaltCIF(operators: duplicated), line: nil, contains: "twice")
  }

  /// Hexagonal-axes operators of R-3m with a rhombohedral-axes cell: another setting, refused.
  func testOperatorsOfAnotherSettingAreRefused() throws {
    let url = Self.structuresFolder.appendingPathComponent("LiCoO2.cif")
    let text = try String(contentsOf: url, encoding: .utf8)
    let rhombohedral = text
      .replacingOccurrences(of: "_cell_length_c 14.0542", with: "_cell_length_c 2.8156")
      .replacingOccurrences(of: "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 120",
                            with: "_cell_angle_alpha 60\n_cell_angle_beta 60\n_cell_angle_gamma 60")
    XCTAssertNotEqual(rhombohedral, text)
    assertInputError(rhombohedral, line: nil, contains: "does not map the cell")
  }

  func testSeveralBlocksNeedAChoice() throws {
    let one = Self.rockSaltCIF()
    let two = one + one.replacingOccurrences(of: "data_rocksalt", with: "data_second")
    assertInputError(two, line: nil, contains: "2 (rocksalt, second)")
    let chosen = try CrystalStructure(cif: two, file: "two.cif", block: "second")
    XCTAssertEqual(chosen.name, "second")
  }

  /// Hostile sizes are refused before any work: a loop too large and an absurd cell/2θ range.
  func testSizeLimits() throws {
    let big = String(repeating: "x", count: CIFDocument.maximumBytes + 1)
    XCTAssertThrowsError(try CIFDocument(text: big))
    let huge = try CrystalStructure(cif: Self.rockSaltCIF(a: "2000"), file: "huge.cif")
    XCTAssertThrowsError(try huge.powderPattern(PowderPatternSettings(wavelength: 0.5, twoThetaMax: 170))) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("reciprocal-lattice points") ?? false, "\(error)")
    }
  }

  func testTypeSymbolsAndLabels() {
    XCTAssertEqual(AtomTypeSymbol(typeSymbol: "Li1+"), AtomTypeSymbol(element: "Li", charge: 1))
    XCTAssertEqual(AtomTypeSymbol(typeSymbol: "S2-"), AtomTypeSymbol(element: "S", charge: -2))
    XCTAssertEqual(AtomTypeSymbol(typeSymbol: "CL-"), AtomTypeSymbol(element: "Cl", charge: -1))
    XCTAssertEqual(AtomTypeSymbol(typeSymbol: "Ti"), AtomTypeSymbol(element: "Ti", charge: nil))
    for bad in ["", "Q", "Li1", "Li10+", "Xx2+", "Li+-"] { XCTAssertNil(AtomTypeSymbol(typeSymbol: bad), bad) }
    XCTAssertEqual(AtomTypeSymbol.element(fromLabel: "Cl2a"), "Cl")
    XCTAssertEqual(AtomTypeSymbol.element(fromLabel: "Co1"), "Co")
    XCTAssertEqual(AtomTypeSymbol.element(fromLabel: "S1"), "S")
    XCTAssertEqual(AtomTypeSymbol.element(fromLabel: "OW"), "O")
    XCTAssertNil(AtomTypeSymbol.element(fromLabel: "1x"))
  }
}
