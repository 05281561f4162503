import Formats
extension CrystalStructure {
  /// Most sites and symmetry operations a structure may list (the largest space groups have 192
  /// operations in their conventional settings).
  public static let maximumSites = 100_000
  public static let maximumOperations = 768

  /// Reads one crystal structure from CIF text (pure: text in, structure out).
  ///
  /// Read: `_cell_length_a|b|c`, `_cell_angle_alpha|beta|gamma`; the `_atom_site_` loop (label,
  /// `type_symbol` — element and charge such as Li1+ or S2- —, `fract_x|y|z`, `occupancy`,
  /// `U_iso_or_equiv` or `B_iso_or_equiv`); the symmetry operators of
  /// `_space_group_symop_operation_xyz` or `_symmetry_equiv_pos_as_xyz`; the space group's
  /// Hermann–Mauguin symbol and number when given (used to check the operators).
  ///
  /// Defaults are the CIF core dictionary's own: occupancy 1 when the column is absent; the element
  /// from the label when there is no type symbol. Symmetry is never assumed: without operators
  /// the file must name space group P 1 (or number 1), otherwise it is an error, as is a list of
  /// operators that is not a whole group in the cell's setting (`SpaceGroupValidation`).
  /// `block` picks a data block by name when the file holds several structures.
  public init(cif text: String, file: String? = nil, block: String? = nil) throws(InputError) {
    do throws(InputError) {
      let document = try CIFDocument(text: text)
      let candidates = document.blocks.filter { $0.has("_cell_length_a") || $0.has("_atom_site_fract_x") }
      let chosen: CIFDocument.Block
      if let block {
        guard let match = document.blocks.first(where: { $0.name.lowercased() == block.lowercased() }) else {
          throw InputError("a data block named '\(block)' (the file has: \(document.blocks.map(\.name).joined(separator: ", ")))")
        }
        chosen = match
      } else {
        guard let first = candidates.first else {
          throw InputError("a data block with a cell (_cell_length_a) and atom sites (_atom_site_fract_x)")
        }
        guard candidates.count == 1 else {
          throw InputError("""
            one structure per file, or a block chosen by name: this file has \(candidates.count) \
            (\(candidates.map(\.name).joined(separator: ", ")))
            """)
        }
        chosen = first
      }
      self = try Self.structure(from: chosen)
    } catch {
      throw file.map { error.inFile($0) } ?? error
    }
  }

  private static func number(_ value: CIFDocument.Value, _ tag: String) throws(InputError) -> Double {
    guard !value.isMissing, let n = CIFNumber(value.text) else {
      throw InputError("a number for \(tag) (got '\(value.text.prefix(40))')", line: value.line)
    }
    return n.value
  }

  private static func structure(from block: CIFDocument.Block) throws(InputError) -> CrystalStructure {
    func item(_ tag: String) throws(InputError) -> Double {
      guard let value = block.items[tag] else {
        throw InputError("the tag \(tag) in data block '\(block.name)'", line: block.line)
      }
      return try number(value, tag)
    }
    let cellValues = try ["_cell_length_a", "_cell_length_b", "_cell_length_c",
                          "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"].map { (tag) throws(InputError) in try item(tag) }
    let cell: UnitCell
    do {
      cell = try UnitCell(a: cellValues[0], b: cellValues[1], c: cellValues[2],
                          alpha: cellValues[3], beta: cellValues[4], gamma: cellValues[5])
    } catch {
      var e = error
      e.line = block.items["_cell_length_a"]?.line
      throw e
    }
    let symbolValue = ["_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m", "_space_group.name_h-m_alt"]
      .lazy.compactMap { block.items[$0] }.first { !$0.isMissing }
    let symbol = symbolValue?.text
    var spaceGroupNumber: Int? = nil
    if let value = ["_space_group_it_number", "_symmetry_int_tables_number", "_space_group.it_number"]
      .lazy.compactMap({ block.items[$0] }).first(where: { !$0.isMissing }) {
      guard let n = Int(value.text), (1...230).contains(n) else {
        throw InputError("a space group number from 1 to 230 (got '\(value.text)')", line: value.line)
      }
      spaceGroupNumber = n
    }
    let (operations, operationLines) = try readOperations(block, symbol: symbolValue, number: spaceGroupNumber)
    try SpaceGroupValidation.validate(operations, lines: operationLines, cell: cell, symbol: symbol, number: spaceGroupNumber)
    let sites = try readSites(block)
    return CrystalStructure(name: block.name, cell: cell, sites: sites, operations: operations,
                            spaceGroupSymbol: symbol, spaceGroupNumber: spaceGroupNumber)
  }

  private static func readOperations(_ block: CIFDocument.Block, symbol: CIFDocument.Value?, number: Int?)
    throws(InputError) -> ([SymmetryOperation], [Int])
  {
    let tags = ["_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz", "_space_group_symop.operation_xyz"]
    for tag in tags {
      var values: [CIFDocument.Value] = []
      if let loop = block.loop(containing: tag), let column = loop.column(tag) {
        values = loop.rows.map { $0[column] }
      } else if let single = block.items[tag] {
        values = [single]
      } else {
        continue
      }
      guard values.count <= maximumOperations else {
        throw InputError("at most \(maximumOperations) symmetry operators (got \(values.count))", line: values[0].line)
      }
      var operations: [SymmetryOperation] = []
      for value in values {
        guard !value.isMissing else { throw InputError("a symmetry operator for \(tag)", line: value.line) }
        do { operations.append(try SymmetryOperation(xyz: value.text)) } catch {
          var e = error
          e.line = value.line
          throw e
        }
      }
      return (operations, values.map(\.line))
    }
    let compact = symbol?.text.filter { !$0.isWhitespace }.uppercased()
    if compact == "P1" || number == 1 { return ([.identity], [symbol?.line ?? block.line]) }
    if let symbol {
      throw InputError("""
        the symmetry operators of space group '\(symbol.text)' listed in the file \
        (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz): none are given, and operators \
        are not derived from a symbol, whose setting and origin would be a guess
        """, line: symbol.line)
    }
    throw InputError("""
      symmetry operators (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz) in data block \
      '\(block.name)': none are listed and no space group is named; P 1 is not assumed
      """, line: block.line)
  }

  private static func readSites(_ block: CIFDocument.Block) throws(InputError) -> [AtomSite] {
    guard let loop = block.loop(containing: "_atom_site_fract_x") else {
      throw InputError("an _atom_site_ loop with _atom_site_fract_x, _y, _z in data block '\(block.name)'", line: block.line)
    }
    guard let xColumn = loop.column("_atom_site_fract_x"), let yColumn = loop.column("_atom_site_fract_y"),
      let zColumn = loop.column("_atom_site_fract_z")
    else {
      throw InputError("_atom_site_fract_x, _atom_site_fract_y and _atom_site_fract_z in one loop", line: loop.line)
    }
    guard loop.rows.count <= maximumSites else {
      throw InputError("at most \(maximumSites) atom sites (got \(loop.rows.count))", line: loop.line)
    }
    let labelColumn = loop.column("_atom_site_label")
    let typeColumn = loop.column("_atom_site_type_symbol")
    guard labelColumn != nil || typeColumn != nil else {
      throw InputError("_atom_site_label or _atom_site_type_symbol in the atom site loop", line: loop.line)
    }
    let occupancyColumn = loop.column("_atom_site_occupancy")
    let uColumn = loop.column("_atom_site_u_iso_or_equiv")
    let bColumn = loop.column("_atom_site_b_iso_or_equiv")
    var sites: [AtomSite] = []
    sites.reserveCapacity(loop.rows.count)
    for row in loop.rows {
      let line = row[xColumn].line
      let label = labelColumn.map { row[$0].text } ?? typeColumn.map { row[$0].text } ?? "?"
      let type: AtomTypeSymbol
      if let typeColumn, !row[typeColumn].isMissing {
        guard let parsed = AtomTypeSymbol(typeSymbol: row[typeColumn].text) else {
          throw InputError("a type symbol like Li, Li1+ or S2- for site \(label) (got '\(row[typeColumn].text)')",
                           line: row[typeColumn].line)
        }
        type = parsed
      } else {
        guard let element = AtomTypeSymbol.element(fromLabel: label) else {
          throw InputError("a site label starting with an element symbol, or a type symbol (site '\(label)')", line: line)
        }
        type = AtomTypeSymbol(element: element)
      }
      var xyz = SIMD3<Double>.zero
      for (axis, column) in [xColumn, yColumn, zColumn].enumerated() {
        let v = try number(row[column], ["_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z"][axis])
        guard abs(v) <= 1000 else { throw InputError("a fractional coordinate of magnitude ≤ 1000 (site \(label))", line: row[column].line) }
        xyz[axis] = v
      }
      var occupancy = 1.0
      if let occupancyColumn, !row[occupancyColumn].isMissing {
        occupancy = try number(row[occupancyColumn], "_atom_site_occupancy")
        guard occupancy >= 0 && occupancy <= 1.001 else {
          throw InputError("an occupancy between 0 and 1 for site \(label) (got \(occupancy))", line: row[occupancyColumn].line)
        }
        occupancy = min(occupancy, 1)
      }
      var displacement: AtomSite.Displacement? = nil
      if let uColumn, !row[uColumn].isMissing {
        let u = try number(row[uColumn], "_atom_site_U_iso_or_equiv")
        guard u >= 0 && u < 10 else { throw InputError("U_iso in Å² between 0 and 10 for site \(label) (got \(u))", line: row[uColumn].line) }
        displacement = .uIso(u)
      } else if let bColumn, !row[bColumn].isMissing {
        let b = try number(row[bColumn], "_atom_site_B_iso_or_equiv")
        guard b >= 0 && b < 800 else { throw InputError("B_iso in Å² between 0 and 800 for site \(label) (got \(b))", line: row[bColumn].line) }
        displacement = .bIso(b)
      }
      sites.append(AtomSite(label: label, element: type.element, charge: type.charge, fractional: xyz,
                            occupancy: occupancy, displacement: displacement))
    }
    return sites
  }
}
