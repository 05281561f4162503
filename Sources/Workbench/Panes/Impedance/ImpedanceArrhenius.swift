import Engine
import Foundation

/// Where a spectrum's pellet geometry comes from: a protocol naming the file, or the value the
/// user typed. Without one, no σ is computed.
public struct ImpedanceGeometrySource: Equatable, Sendable {
  public var geometry: PelletGeometry
  /// "protocol A3, LPSC pellet: 680 µm, ⌀ 10 mm" or "entered".
  public var source: String

  public init(geometry: PelletGeometry, source: String) {
    self.geometry = geometry
    self.source = source
  }
}

/// The Arrhenius view's data: one point per fitted spectrum whose temperature is known, with the
/// resistance read from the spectrum's `FitReport` (what the export writes; the sum of the
/// named parameters, e.g. R0 + R1 for the total), and the study's straight line of ln(σT)
/// against 1000/T (`ArrheniusFit`). σ = (L/A)/R needs each point's geometry
/// (`ImpedanceGeometrySource`); when one is missing there is no σ at all, only Ea, which does
/// not depend on L/A: ln(σT) = ln(L/A) + ln(T/R), so the slope of ln(T/R) is the same.
/// Light enough to build on the UI thread (a line through a dozen points).
public struct ImpedanceArrheniusSeries: Sendable {
  public var parameter: String
  public var labels: [String] = []
  public var temperaturesK: [Double] = []
  public var resistances: [Double] = []
  /// σ (S/cm) of every point, or nil when any point lacks a geometry.
  public var conductivities: [Double]?
  /// The distinct geometry sources of the points (one line each on screen).
  public var geometrySources: [String] = []
  /// The points without a geometry.
  public var missingGeometry: [String] = []
  /// The fit of ln(σT) (with σ) or of ln(T/R) (without: only the slope and Ea mean anything).
  public var fit: ArrheniusFit?
  public var problem: String?

  public static func make(
    entries: [LoadedImpedanceSpectrum], parameters: [String], geometry: (LoadedImpedanceSpectrum) -> ImpedanceGeometrySource?
  ) -> ImpedanceArrheniusSeries {
    var series = ImpedanceArrheniusSeries(parameter: parameters.joined(separator: " + "))
    var sigma: [Double] = []
    for entry in entries {
      guard let fit = entry.fit, let t = temperatureK(path: entry.path, metadata: entry.spectrum.metadata) else { continue }
      let values = parameters.map { fit.report.value(of: $0) }
      guard values.allSatisfy({ $0 != nil }) else { continue }
      let r = values.compactMap { $0 }.reduce(0, +)
      guard r > 0, r.isFinite else { continue }
      series.labels.append(entry.path)
      series.temperaturesK.append(t)
      series.resistances.append(r)
      if let g = geometry(entry) {
        sigma.append(g.geometry.conductivity(resistanceOhm: r))
        if !series.geometrySources.contains(g.source) { series.geometrySources.append(g.source) }
      } else {
        series.missingGeometry.append(entry.path)
      }
    }
    if series.missingGeometry.isEmpty { series.conductivities = sigma }
    do {
      series.fit = try ArrheniusFit(
        temperaturesK: series.temperaturesK, conductivitiesSPerCm: series.conductivities ?? series.resistances.map { 1 / $0 })
    } catch {
      series.problem = "needs spectra fitted with \(series.parameter) at two or more temperatures "
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
