import Formats
import Foundation

/// Peak model files (TOML), read and written by the CLI and the Spectra pane:
///
///     [background]
///     method = "shirley"            # none, constant, linear, polynomial, shirley, active_shirley, tougaard, als, arpls, snip
///     step = "toward_higher_x"      # shirley, active_shirley, tougaard
///     degree = 1                    # polynomial
///     lambda = 1e5                  # als, arpls;  p = 0.01 (als);  half_width = 20 (snip)
///     b = 2866.0                    # tougaard: b, c, cprime, d
///
///     [[components]]
///     name = "p1"
///     shape = "voigt"               # a LineShape raw value or a model-syntax name
///
///     [[parameters]]
///     name = "p1.center"
///     value = 284.8
///     min = 283.0                   # optional bounds
///     fixed = false
///     tie = "offset"                # optional: offset | ratio | kalpha2, with `to` and `by`
///     to = "p2.center"
///     by = 5.7
///
/// Reading checks every key (unknown keys are errors at their line), every shape and every tie.
public enum PeakModelFile {
  public static func read(_ text: String, file: String) throws -> PeakModel {
    let root = try TOML.parse(text, fileName: file)
    if let e = root.unknownKeys(allowed: ["background", "components", "parameters"]).first { throw e }
    let bgTable = try root.table("background")
    if let e = bgTable.unknownKeys(allowed: ["method", "step", "degree", "lambda", "p", "half_width", "b", "c", "cprime", "d"]).first {
      throw e
    }
    let method = try bgTable.string("method")
    func step() throws -> BackgroundStep {
      let s = try bgTable.string("step")
      switch s {
      case "toward_higher_x": return .towardHigherX
      case "toward_lower_x": return .towardLowerX
      default: throw InputError("background step must be toward_higher_x or toward_lower_x, found \"\(s)\"", file: file, line: bgTable.line)
      }
    }
    let background: PeakBackground
    switch method {
    case "none": background = .none
    case "constant": background = .polynomial(degree: 0)
    case "linear": background = .polynomial(degree: 1)
    case "polynomial":
      let d = try bgTable.int("degree")
      guard (0...10).contains(d) else { throw InputError("polynomial degree must be 0…10, found \(d)", file: file, line: bgTable.line) }
      background = .polynomial(degree: d)
    case "shirley": background = .shirley(try step())
    case "active_shirley": background = .activeShirley(try step())
    case "tougaard":
      background = .tougaard(TougaardCrossSection(b: try bgTable.double("b"), c: try bgTable.double("c"),
                                                  cPrime: try bgTable.double("cprime"), d: try bgTable.double("d")), try step())
    case "als": background = .als(lambda: try bgTable.double("lambda"), p: try bgTable.double("p"))
    case "arpls": background = .arpls(lambda: try bgTable.double("lambda"))
    case "snip":
      let m = try bgTable.int("half_width")
      guard m >= 1 else { throw InputError("snip half_width must be ≥ 1", file: file, line: bgTable.line) }
      background = .snip(halfWidth: m)
    default:
      throw InputError("unknown background method \"\(method)\" (none, constant, linear, polynomial, shirley, active_shirley, tougaard, als, arpls, snip)",
                       file: file, line: bgTable.line(of: "method") ?? bgTable.line)
    }
    var model = PeakModel(background: background)
    for t in try root.tables("components") {
      if let e = t.unknownKeys(allowed: ["name", "shape"]).first { throw e }
      let name = try t.string("name"), shapeName = try t.string("shape")
      guard let (shape, _) = lineShape(named: shapeName) else {
        throw InputError("component \(name): unknown shape \"\(shapeName)\"", file: file, line: t.line(of: "shape") ?? t.line)
      }
      guard !name.isEmpty, !name.contains("."), !model.components.contains(where: { $0.name == name }) else {
        throw InputError("component name \"\(name)\" is empty, contains '.', or is used twice", file: file, line: t.line)
      }
      model.components.append(PeakComponent(name: name, shape: shape))
    }
    for t in try root.tables("parameters") {
      if let e = t.unknownKeys(allowed: ["name", "value", "min", "max", "fixed", "tie", "to", "by", "unit"]).first { throw e }
      var p = PeakParameter(try t.string("name"), value: try t.double("value"), min: try t.optionalDouble("min") ?? -.infinity,
                            max: try t.optionalDouble("max") ?? .infinity, fixed: try t.optionalBool("fixed") ?? false,
                            unit: try t.optionalString("unit") ?? "")
      if let kind = try t.optionalString("tie") {
        let to = try t.string("to"), by = try t.double("by")
        switch kind {
        case "offset": p.tie = .offset(to, by)
        case "ratio": p.tie = .ratio(to, by)
        case "kalpha2": p.tie = .kAlpha2(to, wavelengthRatio: by)
        default: throw InputError("tie must be offset, ratio or kalpha2, found \"\(kind)\"", file: file, line: t.line)
        }
      }
      model.parameters.append(p)
    }
    do {
      try model.validate()
    } catch let e as InputError {
      throw e.inFile(file)
    }
    return model
  }

  public static func write(_ model: PeakModel) -> String {
    var out = "# Glovebox peak model\n[background]\n"
    func step(_ s: BackgroundStep) -> String { "step = \"\(s == .towardHigherX ? "toward_higher_x" : "toward_lower_x")\"\n" }
    switch model.background {
    case .none: out += "method = \"none\"\n"
    case .polynomial(let d): out += "method = \"polynomial\"\ndegree = \(d)\n"
    case .shirley(let s): out += "method = \"shirley\"\n" + step(s)
    case .activeShirley(let s): out += "method = \"active_shirley\"\n" + step(s)
    case .tougaard(let cs, let s):
      out += "method = \"tougaard\"\n" + step(s) + "b = \(number(cs.b))\nc = \(number(cs.c))\ncprime = \(number(cs.cPrime))\nd = \(number(cs.d))\n"
    case .als(let l, let p): out += "method = \"als\"\nlambda = \(number(l))\np = \(number(p))\n"
    case .arpls(let l): out += "method = \"arpls\"\nlambda = \(number(l))\n"
    case .snip(let m): out += "method = \"snip\"\nhalf_width = \(m)\n"
    }
    for c in model.components {
      out += "\n[[components]]\nname = \"\(c.name)\"\nshape = \"\(c.shape.rawValue)\"\n"
    }
    for p in model.parameters {
      out += "\n[[parameters]]\nname = \"\(p.name)\"\nvalue = \(number(p.value))\n"
      if p.min.isFinite { out += "min = \(number(p.min))\n" }
      if p.max.isFinite { out += "max = \(number(p.max))\n" }
      if p.fixed { out += "fixed = true\n" }
      switch p.tie {
      case .offset(let to, let by)?: out += "tie = \"offset\"\nto = \"\(to)\"\nby = \(number(by))\n"
      case .ratio(let to, let by)?: out += "tie = \"ratio\"\nto = \"\(to)\"\nby = \(number(by))\n"
      case .kAlpha2(let to, let by)?: out += "tie = \"kalpha2\"\nto = \"\(to)\"\nby = \(number(by))\n"
      case nil: break
      }
    }
    return out
  }

  /// A TOML float that reads back to the same Double (Swift's shortest round-trip form).
  static func number(_ v: Double) -> String {
    let s = "\(v)"
    return s.contains(".") || s.contains("e") || s.contains("inf") || s.contains("nan") ? s : s + ".0"
  }
}
