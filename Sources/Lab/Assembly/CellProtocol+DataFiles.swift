import Engine
import Formats
import Foundation

/// The geometry of a cell's electrolyte as its protocol gives it, for σ = (L/A)/R.
public struct ProtocolPelletGeometry: Equatable, Sendable {
  /// L/A, cm⁻¹.
  public var cellConstantPerCm: Double
  public var thicknessMicrometres: Double
  public var areaCm2: Double
  /// Where the numbers come from, for the screen: "protocol A3, layer LPSC pellet: 1830 µm
  /// (from 200 mg at 1.64 g/cm³ × 0.85), ⌀ 10 mm".
  public var source: String
}

extension CellProtocol {
  /// Whether `path` (workspace-relative) is one of this protocol's `data_files`.
  public func names(dataFile path: String) -> Bool {
    dataFiles.contains { Self.glob($0, matches: path) }
  }

  /// The electrolyte's cell constant L/A from the protocol's derived numbers: the one layer of
  /// role `electrolyte` (thickness given, or derived from its mass as t = m / (A·ρ·φ), the
  /// report's rule), over its area. A stack with no electrolyte layer, several electrolyte or
  /// interlayer layers (σ of one material needs one layer between the electrodes), or no
  /// known thickness is an error saying so; no number is assumed.
  public func pelletGeometry(report: ProtocolReport) throws -> ProtocolPelletGeometry {
    let conducting = report.layers.filter { $0.role == .electrolyte || $0.role == .interlayer }
    guard let layer = conducting.first, conducting.count == 1 else {
      throw InputError(
        conducting.isEmpty
          ? "protocol \(id) has no electrolyte layer"
          : "protocol \(id) stacks \(conducting.count) electrolyte/interlayer layers; σ of one material needs one",
        file: file)
    }
    guard let thickness = layer.thicknessMicrometres, thickness > 0, layer.areaCm2 > 0 else {
      throw InputError("protocol \(id): the thickness of \(layer.name) is not known", file: file)
    }
    let origin: String
    if layer.derivedFrom == "mass", let mass = layer.massMilligrams, let density = layer.density {
      origin = String(format: " (from %.4g mg at %.3g g/cm³ × %.2g)", mass, density.gramsPerCm3, density.relativeDensity)
    } else {
      origin = ""
    }
    let source = String(format: "protocol %@, %@: %.4g µm%@, ⌀ %.4g mm", id, layer.name, thickness, origin, layer.diameterMillimetres)
    return ProtocolPelletGeometry(
      cellConstantPerCm: thickness * 1e-4 / layer.areaCm2, thicknessMicrometres: thickness, areaCm2: layer.areaCm2,
      source: source)
  }

  /// A path pattern against a path, component by component: `*` matches any run of characters
  /// and `?` one character, neither across a `/`.
  public static func glob(_ pattern: String, matches path: String) -> Bool {
    let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: true)
    let pathParts = path.split(separator: "/", omittingEmptySubsequences: true)
    guard patternParts.count == pathParts.count else { return false }
    return zip(patternParts, pathParts).allSatisfy { component(Array($0), matches: Array($1)) }
  }

  private static func component(_ pattern: [Character], matches name: [Character]) -> Bool {
    // Iterative wildcard matching with one backtrack point (the last `*`).
    var p = 0, n = 0
    var star: Int?, resume = 0
    while n < name.count {
      if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
        p += 1
        n += 1
      } else if p < pattern.count, pattern[p] == "*" {
        star = p
        resume = n
        p += 1
      } else if let s = star {
        p = s + 1
        resume += 1
        n = resume
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}
