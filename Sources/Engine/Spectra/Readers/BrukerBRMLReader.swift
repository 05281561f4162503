import Formats
import Foundation

/// Bruker DIFFRAC `.brml`: a zip archive (Formats' `ZipArchive`) whose `Experiment<i>/RawData<j>.xml`
/// entries each hold one scan:
///   <DataRoutes><DataRoute RouteFlag="Measured"> … <Datum>c0,c1,c2,…</Datum> (one per point) …
///     <DataViews> <RawDataView xsi:type="FixedRawDataView" Start=… LogicName="MeasuredTime"/> …
///       <RawDataView xsi:type="VaryingRawDataView" Start="s" Length="n"> with <FieldDefinitions
///         AxisId="TwoTheta"/>, <FieldDefinitions AxisId="Theta"/> … naming columns s, s+1, … in order
///       <RawDataView xsi:type="RecordedRawDataView" Start="k" Length="1"> — the counts.
/// Columns are located from the DataViews, never assumed (layouts differ between files). The
/// stored intensity already includes any absorber factor, so it is taken as written. A route
/// without a 2θ axis, a recorded view wider than one channel (a detector frame, not a profile),
/// several routes none of them marked Measured, or rows narrower than the views say are errors
/// naming the entry. The file states no wavelength in the part read here, so the axis is 2θ with
/// the wavelength unknown (nil), never a guessed anode.
public enum BrukerBRMLReader {
  public static func canRead(_ data: Data, file: String) -> Bool {
    data.starts(with: [0x50, 0x4B, 0x03, 0x04]) && (file as NSString).pathExtension.lowercased() == "brml"
  }

  public static func read(_ data: Data, file: String) throws -> [Spectrum] {
    let archive: ZipArchive
    do { archive = try ZipArchive([UInt8](data)) } catch let e as InputError {
      throw InputError("not a readable .brml zip archive: \(e.message)", file: file)
    }
    let scans = archive.entries.map(\.name).filter { name in
      let parts = name.split(separator: "/")
      return parts.count == 2 && parts[0].hasPrefix("Experiment") && parts[1].hasPrefix("RawData") && parts[1].hasSuffix(".xml")
    }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    guard !scans.isEmpty else { throw InputError("a .brml archive without any Experiment*/RawData*.xml entry", file: file) }
    return try scans.map { name in
      guard let entry = archive.entry(named: name), let xml = String(bytes: try archive.contents(of: entry), encoding: .utf8) else {
        throw InputError("\(name) is not UTF-8 text", file: file)
      }
      return try scan(xml, entry: name, file: file)
    }
  }

  static func scan(_ xml: String, entry: String, file: String) throws -> Spectrum {
    let routes = elements("DataRoute", in: xml)
    guard !routes.isEmpty else { throw InputError("\(entry) has no <DataRoute>", file: file) }
    let measured = routes.filter { attribute("RouteFlag", in: $0.tag) == "Measured" }
    guard let route = measured.count == 1 ? measured[0] : (routes.count == 1 ? routes[0] : nil) else {
      throw InputError("\(entry) has \(routes.count) data routes and not exactly one marked Measured", file: file)
    }
    var twoTheta: Int?, counts: Int?
    for view in elements("RawDataView", in: route.body) {
      guard let startText = attribute("Start", in: view.tag), let start = Int(startText), (0...10_000).contains(start),
            let lengthText = attribute("Length", in: view.tag), let length = Int(lengthText), (1...100_000).contains(length) else {
        throw InputError("\(entry): a <RawDataView> without a usable Start and Length", file: file)
      }
      let kind = attribute("xsi:type", in: view.tag) ?? attribute("type", in: view.tag) ?? ""
      if kind.hasSuffix("VaryingRawDataView") {
        let axes = elements("FieldDefinitions", in: view.body).map { attribute("AxisId", in: $0.tag) ?? attribute("FieldName", in: $0.tag) ?? "" }
        if twoTheta == nil, let i = axes.firstIndex(where: { $0.lowercased() == "twotheta" }) { twoTheta = start + i }
      } else if kind.hasSuffix("RecordedRawDataView") {
        guard length == 1 else {
          throw InputError("\(entry) records \(length) channels per point: a detector frame, not a profile", file: file)
        }
        if counts == nil { counts = start }
      }
    }
    guard let twoTheta else { throw InputError("\(entry): no DataView names a TwoTheta axis; not a 2θ scan", file: file) }
    guard let counts else { throw InputError("\(entry): no RecordedRawDataView, so no column holds the counts", file: file) }
    var xs: [Double] = [], ys: [Double] = []
    for (n, datum) in elements("Datum", in: route.body).enumerated() {
      let fields = datum.body.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count > max(twoTheta, counts) else {
        throw InputError("\(entry): <Datum> \(n + 1) has \(fields.count) columns; the DataViews need \(max(twoTheta, counts) + 1)", file: file)
      }
      guard let x = parseSpectrumNumber(fields[twoTheta], commaDecimal: false), let y = parseSpectrumNumber(fields[counts], commaDecimal: false) else {
        throw InputError("\(entry): <Datum> \(n + 1) is not a row of numbers: \"\(datum.body.prefix(60))\"", file: file)
      }
      xs.append(x); ys.append(y)
    }
    guard xs.count >= 2 else { throw InputError("\(entry) has \(xs.count) point(s)", file: file) }
    return Spectrum(name: entry, axis: .twoTheta(wavelength: nil), x: xs, y: ys, yUnit: "counts",
                    metadata: ["format": "Bruker brml", "entry": entry])
  }

  /// Every `<name …>body</name>` or `<name …/>` element (not nested in itself), with its opening tag.
  static func elements(_ name: String, in xml: String) -> [(tag: String, body: String)] {
    var out: [(String, String)] = []
    var cursor = xml.startIndex
    while let open = xml.range(of: "<\(name)", range: cursor..<xml.endIndex) {
      guard open.upperBound < xml.endIndex, " \t\r\n>/".contains(xml[open.upperBound]),
            let tagEnd = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else {
        cursor = open.upperBound
        continue
      }
      let tag = String(xml[open.lowerBound..<tagEnd.upperBound])
      if tag.hasSuffix("/>") {
        out.append((tag, ""))
        cursor = tagEnd.upperBound
        continue
      }
      guard let close = xml.range(of: "</\(name)>", range: tagEnd.upperBound..<xml.endIndex) else { break }
      out.append((tag, String(xml[tagEnd.upperBound..<close.lowerBound])))
      cursor = close.upperBound
    }
    return out
  }

  /// The value of `name="…"` in an opening tag.
  static func attribute(_ name: String, in tag: String) -> String? {
    guard let r = tag.range(of: " \(name)=\"") ?? tag.range(of: "\t\(name)=\"") ?? tag.range(of: "\n\(name)=\""),
          let end = tag.range(of: "\"", range: r.upperBound..<tag.endIndex) else { return nil }
    return String(tag[r.upperBound..<end.lowerBound])
  }
}
