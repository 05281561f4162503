import Engine
import Foundation

/// The Arrhenius view's data: one point per fitted spectrum whose temperature is known, σ from
/// the fitted resistance (read from the spectrum's `FitReport`, what the export writes) and the pellet's cell constant (σ = (L/A)/R, `PelletGeometry`), and the
/// study's fit of ln(σT) against 1000/T (`ArrheniusFit`). Light enough to build on the UI thread
/// (a line through a dozen points).
public struct ImpedanceArrheniusSeries: Sendable {
  public var parameter: String
  public var labels: [String] = []
  public var temperaturesK: [Double] = []
  public var resistances: [Double] = []
  public var conductivities: [Double] = []
  public var fit: ArrheniusFit?
  public var problem: String?

  public static func make(entries: [ImpedanceEntry], parameter: String, cellConstantPerCm: Double) -> ImpedanceArrheniusSeries {
    var series = ImpedanceArrheniusSeries(parameter: parameter)
    guard let geometry = try? PelletGeometry(cellConstantPerCm: cellConstantPerCm) else {
      series.problem = "the cell constant L/A must be positive"
      return series
    }
    for entry in entries {
      guard let fit = entry.fit, let r = fit.report.value(of: parameter), r > 0,
        let t = temperatureK(path: entry.path, metadata: entry.spectrum.metadata)
      else { continue }
      series.labels.append(entry.path)
      series.temperaturesK.append(t)
      series.resistances.append(r)
      series.conductivities.append(geometry.conductivity(resistanceOhm: r))
    }
    do {
      series.fit = try ArrheniusFit(temperaturesK: series.temperaturesK, conductivitiesSPerCm: series.conductivities)
    } catch {
      series.problem = "needs spectra fitted with \(parameter) at two or more temperatures "
        + "(read from file names such as pellet_25C.csv or 298K, or a temperature in the file); \(series.temperaturesK.count) found"
    }
    return series
  }

  /// The measurement temperature: a `temperature` entry of the file's metadata, else the file
  /// name (`LPSC_70C.csv`, `pellet-25degC.z`, `T343.15K.txt`; a dash is a separator, not a sign). Celsius unless marked K.
  public static func temperatureK(path: String, metadata: [String: String]) -> Double? {
    for (key, value) in metadata where key.lowercased().contains("temp") {
      let number = value.trimmingCharacters(in: .whitespaces).split(separator: " ").first.flatMap { Double($0) }
      if let number { return key.contains("K") || value.hasSuffix("K") ? number : number + 273.15 }
    }
    let name = (path as NSString).lastPathComponent
    guard let regex = try? NSRegularExpression(pattern: "(?<![0-9.])([0-9]+(?:\\.[0-9]+)?)\\s*(?:°|deg)?\\s*([CK])(?![A-Za-z])") else { return nil }
    let range = NSRange(name.startIndex..., in: name)
    guard let match = regex.matches(in: name, range: range).last,
      let numberRange = Range(match.range(at: 1), in: name), let unitRange = Range(match.range(at: 2), in: name),
      let value = Double(name[numberRange])
    else { return nil }
    return name[unitRange] == "K" ? value : value + 273.15
  }
}
