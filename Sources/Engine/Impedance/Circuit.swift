import Foundation

/// One element of a circuit string, e.g. `CPE1`: its kind, its label and where its parameters
/// start in the circuit's parameter vector.
public struct CircuitElement: Equatable, Sendable {
  public var kind: CircuitElementKind
  /// The label as written (`CPE1`, `R0`).
  public var label: String
  public var parameterOffset: Int

  /// impedance.py's names: a one-parameter element uses its label (`R0`), others add `_k`.
  public var parameterNames: [String] {
    kind.parameterCount == 1 ? [label] : (0..<kind.parameterCount).map { "\(label)_\($0)" }
  }
}

/// The structure of a circuit: elements joined in series or in parallel. Each node knows the
/// contiguous range of parameters it owns (elements are numbered in reading order), which is what
/// lets the gradient pass run without allocating.
public indirect enum CircuitNode: Equatable, Sendable {
  case element(CircuitElement)
  case series([CircuitNode], Range<Int>)
  case parallel([CircuitNode], Range<Int>)

  public var parameterRange: Range<Int> {
    switch self {
    case let .element(e): return e.parameterOffset..<(e.parameterOffset + e.kind.parameterCount)
    case let .series(_, r), let .parallel(_, r): return r
    }
  }
}

/// An equivalent circuit parsed from impedance.py's syntax: `-` joins in series, `p(a,b,…)` in
/// parallel, nesting allowed (`R0-p(R1,CPE1)-p(R2-Wo1,C2)`).
public struct Circuit: Equatable, Sendable, CustomStringConvertible {
  public let root: CircuitNode
  public let elements: [CircuitElement]
  /// The string it was parsed from, without whitespace.
  public let description: String

  public init(_ text: String) throws {
    var parser = CircuitParser(text)
    let parsed = try parser.parse()
    root = parsed.root
    elements = parsed.elements
    description = text.filter { !$0.isWhitespace }
  }

  public var parameterCount: Int { elements.reduce(0) { $0 + $1.kind.parameterCount } }
  public var parameterNames: [String] { elements.flatMap(\.parameterNames) }
  public var parameterUnits: [String] { elements.flatMap(\.kind.units) }

  /// Parameters with the circuit's names, units and physical bounds: exponents in [0, 1], every
  /// other parameter positive and fitted on a log scale.
  public func parameters(values: [Double]) -> Parameters {
    precondition(values.count == parameterCount, "expected \(parameterCount) values")
    var items: [Parameter] = []
    for e in elements {
      for (k, name) in e.parameterNames.enumerated() {
        let v = values[e.parameterOffset + k]
        if e.kind.isExponent(k) {
          items.append(Parameter(name, value: v, min: 0, max: 1, unit: e.kind.units[k]))
        } else {
          items.append(Parameter(name, value: v, min: 0, unit: e.kind.units[k], logarithmic: true))
        }
      }
    }
    return Parameters(items)
  }

  /// Z(f) of the circuit for parameter vector p (order of `parameterNames`), f in Hz.
  public func impedance(_ p: [Double], frequency f: Double) -> ComplexNumber {
    Self.evaluate(root, 2 * Double.pi * f, p, nil)
  }

  public func impedance(_ p: [Double], frequencies: [Double]) -> [ComplexNumber] {
    frequencies.map { impedance(p, frequency: $0) }
  }

  /// Z(f) and ∂Z/∂pₖ for every parameter, by the chain rule through the circuit: a series sum
  /// passes each branch's derivatives through unchanged; a parallel combination
  /// Z = (Σ Zᵢ⁻¹)⁻¹ scales branch i's derivatives by (Z/Zᵢ)².
  public func impedance(_ p: [Double], frequency f: Double, gradient: inout [ComplexNumber]) -> ComplexNumber {
    precondition(gradient.count >= parameterCount)
    return gradient.withUnsafeMutableBufferPointer { buf in
      Self.evaluate(root, 2 * Double.pi * f, p, buf.baseAddress)
    }
  }

  static func evaluate(_ node: CircuitNode, _ w: Double, _ p: [Double],
                       _ g: UnsafeMutablePointer<ComplexNumber>?) -> ComplexNumber {
    switch node {
    case let .element(e):
      let r = e.parameterOffset..<(e.parameterOffset + e.kind.parameterCount)
      return e.kind.impedance(omega: w, p[r], gradient: g.map { $0 + e.parameterOffset })
    case let .series(children, _):
      var z = ComplexNumber.zero
      for c in children { z += evaluate(c, w, p, g) }
      return z
    case let .parallel(children, _):
      return withUnsafeTemporaryAllocation(of: ComplexNumber.self, capacity: children.count) { branch in
        var admittance = ComplexNumber.zero
        for (i, c) in children.enumerated() {
          let zi = evaluate(c, w, p, g)
          branch[i] = zi
          admittance += 1 / zi
        }
        let z = 1 / admittance
        if let g {
          for (i, c) in children.enumerated() {
            let ratio = z / branch[i]
            let factor = ratio * ratio
            for k in c.parameterRange { g[k] = g[k] * factor }
          }
        }
        return z
      }
    }
  }
}
