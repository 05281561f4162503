import Formats
import Foundation

extension NotebookRecord {
  /// Whether `path` (workspace-relative) is one of the data files this record names.
  public func names(dataFile path: String) -> Bool {
    dataFiles.contains { CellProtocol.glob($0, matches: path) }
  }

  /// "notebook 2026-11-24T23:05:00Z, cell LPSC-P3" (the cell part only when recorded).
  public var sourceLabel: String {
    "notebook \(time)" + (cell.map { ", cell \($0)" } ?? "")
  }

  /// The pellet geometry this record measured, for σ = L/(R·A) with A = π(⌀/2)²: L/A in cm⁻¹
  /// from `thickness_um` (µm → cm: ×10⁻⁴) and `diameter_mm` (mm → cm: ×10⁻¹). A record that
  /// names data files without both numbers gives none: the error says which is missing.
  public func pelletGeometry() throws -> ProtocolPelletGeometry {
    let missing = [("thickness_um", thicknessMicrometres), ("diameter_mm", diameterMillimetres)].filter { $0.1 == nil }.map(\.0)
    guard let thickness = thicknessMicrometres, let diameter = diameterMillimetres else {
      throw InputError("\(sourceLabel) names the data file but gives no \(missing.joined(separator: " or "))", file: RunNotebook.fileName)
    }
    let radiusCm = diameter / 20
    let area = Double.pi * radiusCm * radiusCm
    return ProtocolPelletGeometry(
      cellConstantPerCm: thickness * 1e-4 / area, thicknessMicrometres: thickness, areaCm2: area,
      source: String(format: "%@: L = %.4g µm, ⌀ %.4g mm", sourceLabel, thickness, diameter))
  }
}

extension RunNotebook {
  /// The records that stand: each record withdrawing a step (`withdraws_step`) removes the
  /// latest earlier record of that protocol, cell and step. The correction itself stays in the
  /// notebook file (nothing is erased) but is not a standing step.
  public static func standing(_ records: [NotebookRecord]) -> [NotebookRecord] {
    var out: [NotebookRecord] = []
    for record in records {
      if let step = record.withdrawsStep {
        if let k = out.lastIndex(where: { $0.protocolID == record.protocolID && $0.cell == record.cell && $0.step == step && $0.withdrawsStep == nil }) {
          out.remove(at: k)
        }
        continue
      }
      out.append(record)
    }
    return out
  }

  /// The latest standing record naming `path` among its data files (a later measurement of the
  /// same file supersedes an earlier one), or nil.
  public static func record(naming path: String, in records: [NotebookRecord]) -> NotebookRecord? {
    standing(records).last { $0.names(dataFile: path) }
  }
}
