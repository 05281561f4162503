import Formats
import Foundation

/// JCAMP-DX 4.24/5 (McDonald & Wilks, Appl. Spectrosc. 42 (1988) 151): labelled records
/// `##LABEL=value`, data in `##XYDATA=(X++(Y..Y))` — AFFN numbers or the compressed ASDF forms
/// (SQZ `@A–I a–i`, DIF `% J–R j–r`, DUP `S–Z s`, with the DIF Y-check: a line that ends in DIF
/// form repeats its last ordinate as the next line's first, which is checked and dropped) — or
/// `##XYPOINTS=(XY..XY)` pairs. x = FIRSTX + i·(LASTX − FIRSTX)/(NPOINTS − 1) for XYDATA (each
/// line's abscissa × XFACTOR is checked against it to half a step), y = ordinate × YFACTOR.
/// NPOINTS is checked. Every block with data (`##TITLE` … `##END`) is a spectrum.
/// The axis from `##XUNITS` and `##DATA TYPE`: 1/CM with a Raman data type → Raman shift;
/// DEGREES/2THETA → 2θ; EV → binding or kinetic energy as the data type or title says.
public enum JCAMPReader {
  public static func canRead(_ data: Data) -> Bool {
    guard let head = String(data: data.prefix(400), encoding: .isoLatin1) else { return false }
    return head.contains("##TITLE") || head.contains("##JCAMP")
  }

  struct Block {
    var labels: [String: String] = [:]
    var labelLine: [String: Int] = [:]
    var ordinates: [Double] = []
    var lineAbscissae: [(line: Int, x: Double, index: Int)] = []
    var points: [(Double, Double)] = []
    var form: String?
    var startLine = 0
  }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let text = try SpectrumTextLines(data: data, file: file)
    var spectra: [Spectrum] = []
    var stack: [Block] = []
    var current: Block? = nil
    var previousEndedInDIF = false
    var inData = false
    for (k, raw) in text.lines.enumerated() {
      var line = Substring(raw)
      if let comment = line.range(of: "$$") { line = line[..<comment.lowerBound] }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("##") {
        guard let eq = trimmed.firstIndex(of: "=") else { throw text.error("expected ##LABEL=value", line: k + 1) }
        let label = normalise(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<eq]))
        let value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        inData = false
        if label == "TITLE" {
          if let open = current { stack.append(open) }
          current = Block()
          current?.startLine = k + 1
        }
        guard current != nil else { throw text.error("expected ##TITLE= before ##\(label)", line: k + 1) }
        if label == "END" {
          if let block = current, block.form != nil {
            spectra.append(try spectrum(block, text: text, index: spectra.count))
          }
          current = stack.popLast()
          continue
        }
        current?.labels[label] = value
        current?.labelLine[label] = k + 1
        if label == "XYDATA" || label == "XYPOINTS" || label == "PEAKTABLE" {
          let form = value.replacingOccurrences(of: " ", with: "").uppercased()
          guard form == "(X++(Y..Y))" || form == "(XY..XY)" else {
            throw text.error("unsupported data form \(value) (expected (X++(Y..Y)) or (XY..XY))", line: k + 1)
          }
          current?.form = form
          previousEndedInDIF = false
          inData = true
        } else {
          inData = false
        }
        continue
      }
      guard inData, var block = current, let form = block.form else {
        throw text.error("data line outside a ##XYDATA or ##XYPOINTS record", line: k + 1)
      }
      if form == "(X++(Y..Y))" {
        let decoded = try decodeASDF(trimmed, line: k + 1, text: text)
        guard let x = decoded.values.first else { continue }
        var ys = Array(decoded.values.dropFirst())
        var firstIndex = block.ordinates.count
        if previousEndedInDIF, !ys.isEmpty {
          guard let last = block.ordinates.last, abs(ys[0] - last) <= 1e-9 * max(abs(last), 1) else {
            throw text.error("DIF Y-check failed: line starts with \(ys[0]), the previous line ended with \(block.ordinates.last ?? .nan)",
                             line: k + 1)
          }
          ys.removeFirst()
          firstIndex -= 1
        }
        block.lineAbscissae.append((k + 1, x, firstIndex))
        block.ordinates += ys
        previousEndedInDIF = decoded.endsInDIF
      } else {
        let tokens = trimmed.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" })
        for token in tokens {
          let pair = token.split(separator: ",")
          guard pair.count == 2, let x = parseSpectrumNumber(pair[0], commaDecimal: false),
                let y = parseSpectrumNumber(pair[1], commaDecimal: false) else {
            throw text.error("expected x,y pairs, found \"\(token.prefix(30))\"", line: k + 1)
          }
          block.points.append((x, y))
        }
      }
      current = block
    }
    if current != nil { throw InputError("the file ends without ##END=", file: file, line: text.lines.count) }
    guard !spectra.isEmpty else { throw InputError("no ##XYDATA or ##XYPOINTS data", file: file) }
    return spectra
  }

  static func normalise(_ label: String) -> String {
    label.uppercased().filter { !" -/_".contains($0) }
  }

  /// Values of one XYDATA line (the abscissa first), with DUP expanded and DIF accumulated.
  static func decodeASDF(_ line: String, line number: Int, text: SpectrumTextLines) throws -> (values: [Double], endsInDIF: Bool) {
    enum Kind { case absolute, difference }
    var values: [Double] = []
    var lastKind: Kind = .absolute
    var lastDifference = 0.0
    func flush(_ token: (kind: Kind, text: String)?) throws {
      guard let token else { return }
      guard let v = Double(token.text), v.isFinite else {
        throw text.error("malformed number \"\(token.text)\"", line: number)
      }
      if token.kind == .difference {
        guard let previous = values.last else { throw text.error("a DIF value with nothing before it", line: number) }
        values.append(previous + v)
        lastDifference = v
      } else {
        values.append(v)
      }
      lastKind = token.kind
    }
    var pending: (kind: Kind, text: String)? = nil
    var duplicate: String? = nil
    func applyDuplicate() throws {
      guard let d = duplicate else { return }
      duplicate = nil
      guard let count = Int(d), count >= 1, count < 10_000_000 else { throw text.error("malformed DUP count \(d)", line: number) }
      guard let last = values.last else { throw text.error("a DUP count with nothing before it", line: number) }
      for _ in 1..<count { values.append(lastKind == .difference ? (values.last ?? last) + lastDifference : last) }
    }
    for ch in line {
      let sqz = "@ABCDEFGHI", sqzNeg = "abcdefghi", dif = "%JKLMNOPQR", difNeg = "jklmnopqr", dup = "STUVWXYZs"
      if let i = sqz.firstIndex(of: ch) {
        try flush(pending); try applyDuplicate()
        pending = (.absolute, String(sqz.distance(from: sqz.startIndex, to: i)))
      } else if let i = sqzNeg.firstIndex(of: ch) {
        try flush(pending); try applyDuplicate()
        pending = (.absolute, "-" + String(sqzNeg.distance(from: sqzNeg.startIndex, to: i) + 1))
      } else if let i = dif.firstIndex(of: ch) {
        try flush(pending); try applyDuplicate()
        pending = (.difference, String(dif.distance(from: dif.startIndex, to: i)))
      } else if let i = difNeg.firstIndex(of: ch) {
        try flush(pending); try applyDuplicate()
        pending = (.difference, "-" + String(difNeg.distance(from: difNeg.startIndex, to: i) + 1))
      } else if let i = dup.firstIndex(of: ch) {
        try flush(pending); pending = nil; try applyDuplicate()
        duplicate = String(dup.distance(from: dup.startIndex, to: i) + 1)
      } else if ch.isNumber || ch == "." || ((ch == "e" || ch == "E") && pending != nil && duplicate == nil) {
        if duplicate != nil { duplicate! += String(ch) } else if pending != nil { pending!.text += String(ch) } else { pending = (.absolute, String(ch)) }
      } else if ch == "+" || ch == "-" {
        if let p = pending, p.text.last == "e" || p.text.last == "E" { pending!.text += String(ch); continue }
        try flush(pending); try applyDuplicate()
        pending = (.absolute, ch == "-" ? "-" : "")
      } else if ch == " " || ch == "," || ch == "\t" {
        try flush(pending); pending = nil; try applyDuplicate()
      } else if ch == "?" {
        throw text.error("missing value \"?\" in the data (not supported)", line: number)
      } else {
        throw text.error("unexpected character \"\(ch)\" in ASDF data", line: number)
      }
    }
    try flush(pending)
    try applyDuplicate()
    return (values, lastKind == .difference && values.count > 1)
  }

  /// The spectrum of a finished block: axis, scaled ordinates, abscissae checked.
  static func spectrum(_ b: Block, text: SpectrumTextLines, index: Int) throws -> Spectrum {
    func number(_ label: String) throws -> Double? {
      guard let raw = b.labels[label] else { return nil }
      guard let v = parseSpectrumNumber(Substring(raw), commaDecimal: false) else {
        throw text.error("##\(label)= expected a number, found \"\(raw.prefix(30))\"", line: b.labelLine[label] ?? b.startLine)
      }
      return v
    }
    let title = b.labels["TITLE"] ?? "block \(index + 1)"
    let dataType = (b.labels["DATATYPE"] ?? "").uppercased()
    let xUnits = (b.labels["XUNITS"] ?? "").uppercased().filter { $0 != " " }
    let context = (dataType + " " + title).uppercased()
    let axis: SpectrumAxis
    if xUnits == "1/CM" || xUnits == "CM-1" || xUnits == "CM^-1" {
      guard context.contains("RAMAN") else {
        throw text.error("x in 1/CM but DATA TYPE \"\(dataType)\" is not a Raman spectrum", line: b.startLine)
      }
      axis = .ramanShift
    } else if xUnits.contains("DEGREE") || xUnits.contains("2THETA") || xUnits.contains("2-THETA") {
      axis = .twoTheta(wavelength: try number("$WAVELENGTH") ?? nil)
    } else if xUnits == "EV" {
      if context.contains("BINDING") { axis = .bindingEnergy }
      else if context.contains("KINETIC") { axis = .kineticEnergy }
      else { throw text.error("x in eV, but neither DATA TYPE nor TITLE says binding or kinetic energy", line: b.startLine) }
    } else {
      throw text.error("##XUNITS=\(b.labels["XUNITS"] ?? "(missing)") is not a Raman shift, 2θ or energy axis", line: b.labelLine["XUNITS"] ?? b.startLine)
    }
    let xFactor = try number("XFACTOR") ?? 1
    let yFactor = try number("YFACTOR") ?? 1
    var xs: [Double] = [], ys: [Double] = []
    if b.form == "(XY..XY)" {
      xs = b.points.map { $0.0 * xFactor }
      ys = b.points.map { $0.1 * yFactor }
    } else {
      guard let first = try number("FIRSTX"), let last = try number("LASTX") else {
        throw text.error("##XYDATA needs ##FIRSTX and ##LASTX", line: b.startLine)
      }
      let n = b.ordinates.count
      guard n >= 2 else { throw text.error("\(n) ordinate(s) in ##XYDATA", line: b.startLine) }
      let step = (last - first) / Double(n - 1)
      xs = (0..<n).map { first + Double($0) * step }
      ys = b.ordinates.map { $0 * yFactor }
      for check in b.lineAbscissae where check.index < n {
        guard abs(check.x * xFactor - xs[check.index]) <= 0.5 * abs(step) + 1e-9 * abs(first) else {
          throw text.error("line abscissa \(check.x * xFactor) does not match point \(check.index + 1) at \(xs[check.index])", line: check.line)
        }
      }
    }
    if let declared = try number("NPOINTS") {
      guard declared == Double(xs.count) else {
        throw text.error("##NPOINTS=\(b.labels["NPOINTS"] ?? "") but the data hold \(xs.count) points", line: b.labelLine["NPOINTS"] ?? b.startLine)
      }
    }
    guard xs.count >= 2 else { throw text.error("fewer than 2 points", line: b.startLine) }
    return Spectrum(name: title, axis: axis, x: xs, y: ys, yUnit: b.labels["YUNITS"],
                    metadata: ["format": "JCAMP-DX", "data_type": b.labels["DATATYPE"] ?? ""])
  }
}
