import Engine
import Foundation
import TUI

/// What `e` writes into `<workspace>/fits/spectra/` for the selected spectrum's fit:
/// - `<stem>.model.toml`: the model the fit started from (`PeakModelFile.write`), so
///   `glovebox spectrum fit FILE --model <stem>.model.toml --range LO:HI` repeats the fit;
/// - `<stem>.fitted.toml`: the fitted model;
/// - `<stem>.fit.csv`: one row per component (centre, FWHM, height, area, % area, each with its
///   standard error; an error that is not finite is an empty field), χ² and R² on every row;
/// - `<stem>.fit.json`: the same numbers (null where not finite) and the fit's `FitReport`.
public enum SpectraExport {
  static func stem(_ entry: SpectraEntry) -> String {
    let base = ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
    return entry.index > 0 ? "\(base)-\(entry.index + 1)" : base
  }

  static func field(_ v: Double) -> String { v.isFinite ? String(v) : "" }

  public static func csv(_ entry: SpectraEntry, _ fit: SpectraFitOutcome) -> String {
    let r = fit.result
    var lines = ["file,spectrum,range_lo,range_hi,component,shape,center,center_err,fwhm,fwhm_err,height,height_err,area,area_err,area_percent,area_percent_err,chi2,r2"]
    let range = [fit.request.range.map { String($0.lowerBound) } ?? "", fit.request.range.map { String($0.upperBound) } ?? ""]
    for c in r.components {
      let values = [c.center, c.fwhm, c.height, c.area, c.areaPercent].flatMap { [field($0.value), field($0.error)] }
      lines.append(([ImpedanceExport.quoted(entry.path), String(entry.index + 1)] + range + [c.name, c.shape.rawValue] + values
                    + [field(r.chiSquare), field(r.rSquared)]).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  struct Number: Encodable {
    var value: Double?
    var error: Double?
    init(_ e: Estimate) {
      value = e.value.isFinite ? e.value : nil
      error = e.error.isFinite ? e.error : nil
    }
  }

  struct Component: Encodable {
    var name: String
    var shape: String
    var center: Number, fwhm: Number, height: Number, area: Number, area_percent: Number
  }

  struct Document: Encodable {
    var file: String
    var spectrum: Int
    var technique: String
    var x_unit: String
    var range: [Double]?
    var success: Bool
    var background: String
    var chi2: Double?
    var reduced_chi2: Double?
    var r2: Double?
    var components: [Component]
    var report: FitReport
  }

  public static func json(_ entry: SpectraEntry, _ fit: SpectraFitOutcome) throws -> String {
    let r = fit.result
    func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
    let document = Document(
      file: entry.path, spectrum: entry.index + 1, technique: entry.spectrum.technique.rawValue, x_unit: entry.spectrum.axis.unit,
      range: fit.request.range.map { [$0.lowerBound, $0.upperBound] }, success: r.success, background: r.model.background.name,
      chi2: finite(r.chiSquare), reduced_chi2: finite(r.reducedChiSquare), r2: finite(r.rSquared),
      components: r.components.map {
        Component(name: $0.name, shape: $0.shape.rawValue, center: Number($0.center), fwhm: Number($0.fwhm),
                  height: Number($0.height), area: Number($0.area), area_percent: Number($0.areaPercent))
      },
      report: r.report)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  public static func files(_ entry: SpectraEntry, _ fit: SpectraFitOutcome) throws -> [FileWrite] {
    let base = "fits/spectra/\(stem(entry))"
    return [
      FileWrite(path: base + ".model.toml", contents: Data(PeakModelFile.write(fit.request.model).utf8)),
      FileWrite(path: base + ".fitted.toml", contents: Data(PeakModelFile.write(fit.result.model).utf8)),
      FileWrite(path: base + ".fit.csv", contents: Data(csv(entry, fit).utf8)),
      FileWrite(path: base + ".fit.json", contents: Data(try json(entry, fit).utf8)),
    ]
  }
}

extension SpectraPane {
  mutating func export() -> [Effect] {
    guard let entry = current, let fit = entry.fit else { return [.status(.error("nothing to export: fit this spectrum first (f)"))] }
    do {
      return [.writeFiles(try SpectraExport.files(entry, fit), pane: id)]
    } catch {
      return [.status(.error("export: \(error)"))]
    }
  }
}
