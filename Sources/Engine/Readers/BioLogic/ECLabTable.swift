/// One column of an EC-Lab data table: its name as EC-Lab writes it in the `.mpt` header
/// (`time/s`, `Ewe/V`, `(Q-Qo)/mA.h`, `cycle number`, `ox/red`), the unit part of that name, and
/// the values as Doubles (integer and flag columns too, so every column is one kind of array).
public struct ECLabColumn: Sendable, Equatable {
  public var name: String
  /// The unit after the name's first `/` (`mA.h`, `V`, `Ohm-1`), empty for counts and flags.
  public var unit: String
  public var values: [Double]

  public init(name: String, unit: String? = nil, values: [Double]) {
    self.name = name
    self.unit = unit ?? ECLabColumn.unit(ofName: name)
    self.values = values
  }

  /// EC-Lab's names put the unit after the first slash, except `ox/red`, a flag.
  public static func unit(ofName name: String) -> String {
    if name == "ox/red" { return "" }
    guard let slash = name.firstIndex(of: "/") else { return "" }
    return String(name[name.index(after: slash)...]).trimmingBlanks
  }
}

/// The data table of an EC-Lab file: named columns of equal length, in file order. The cycling
/// reader maps its columns (`time/s`, `Ewe/V`, `I/mA`, `(Q-Qo)/mA.h`, `cycle number`, `ox/red`,
/// `half cycle`, …) to its own model; the impedance reader takes `freq/Hz`, `Re(Z)/Ohm`,
/// `-Im(Z)/Ohm` (or `|Z|/Ohm` and `Phase(Z)/deg`) and splits cycles.
public struct ECLabTable: Sendable, Equatable {
  public var columns: [ECLabColumn]
  /// For text files, the 1-based file line of the first data row (row i is on line first + i);
  /// nil for binary files, whose rows are records.
  public var firstDataLine: Int?

  public init(columns: [ECLabColumn], firstDataLine: Int? = nil) {
    self.columns = columns
    self.firstDataLine = firstDataLine
  }

  public var rowCount: Int { columns.first?.values.count ?? 0 }
  public var columnNames: [String] { columns.map(\.name) }

  /// The first column with exactly this name.
  public func column(named name: String) -> ECLabColumn? {
    columns.first { $0.name == name }
  }

  /// The first column whose name is any of `names` (EC-Lab writes `I/mA` or `<I>/mA`,
  /// `Ewe/V` or `<Ewe>/V` depending on the technique).
  public func column(namedAnyOf names: [String]) -> ECLabColumn? {
    for name in names { if let column = column(named: name) { return column } }
    return nil
  }

  /// Where row `row` came from, for error messages.
  func location(ofRow row: Int) -> (line: Int?, text: String) {
    if let firstDataLine { return (firstDataLine + row, "line \(firstDataLine + row)") }
    return (nil, "record \(row + 1)")
  }
}

/// An EC-Lab file (`.mpt` text or `.mpr` binary): the technique, the header's facts and the
/// data table.
public struct BioLogicFile: Sendable, Equatable {
  /// The technique's full name (`Potentio Electrochemical Impedance Spectroscopy`), when known.
  public var technique: String?
  /// EC-Lab's numeric technique id from the `.mpr` settings module, when read from one.
  public var techniqueID: Int?
  /// Facts from the header (`Acquisition started on`, `Device`, `Electrode surface area`, …).
  public var metadata: [String: String]
  public var table: ECLabTable

  public init(technique: String?, techniqueID: Int? = nil, metadata: [String: String], table: ECLabTable) {
    self.technique = technique
    self.techniqueID = techniqueID
    self.metadata = metadata
    self.table = table
  }
}
