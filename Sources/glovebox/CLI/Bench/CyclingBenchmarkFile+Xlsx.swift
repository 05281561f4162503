extension CyclingBenchmarkFile {
  /// A LAND-style xlsx export: one sheet `Record` with the header `Index, TestTime/h, StepTime/h,
  /// Voltage/V, Current/mA, Capacity/mAh, Energy/mWh, State` (shared strings, as LAND writes
  /// them), numbers in `<v>` cells and the state `C_CC`/`D_CC` as a shared string; deflated.
  /// One sheet holds at most 1 048 575 data rows (Excel's limit), so `points` is capped there.
  static func writeXlsx(points requested: Int, pointsPerHalfCycle: Int, _ sink: @escaping ([UInt8]) throws -> Void) throws {
    let points = min(requested, 1_048_575)
    let names = ["Index", "TestTime/h", "StepTime/h", "Voltage/V", "Current/mA", "Capacity/mAh", "Energy/mWh", "State", "C_CC", "D_CC"]
    var zip = ZipWriter(sink)
    try zip.beginEntry("[Content_Types].xml")
    try zip.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
      + "</Types>").utf8))
    try zip.beginEntry("_rels/.rels")
    try zip.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
      + "</Relationships>").utf8))
    try zip.beginEntry("xl/workbook.xml")
    try zip.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      + "<sheets><sheet name=\"Record\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8))
    try zip.beginEntry("xl/_rels/workbook.xml.rels")
    try zip.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      + "</Relationships>").utf8))
    try zip.beginEntry("xl/sharedStrings.xml")
    try zip.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(names.count)\" uniqueCount=\"\(names.count)\">"
      + names.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8))
    try zip.beginEntry("xl/worksheets/sheet1.xml")
    var xml = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">").utf8)
    let letters = Array("ABCDEFGH".utf8)
    for (k, letter) in letters.enumerated() {
      xml += Array("<c r=\"".utf8) + [letter] + Array("1\" t=\"s\"><v>\(k)</v></c>".utf8)
    }
    xml += Array("</row>".utf8)
    var energy = 0
    for i in 0..<points {
      let p = Point(i, pointsPerHalfCycle: pointsPerHalfCycle)
      let row = i + 2
      energy = p.pointInHalfCycle == 1 ? 0 : energy
      energy += p.microvolts  // V × 1 mA × 1 s = V mW·s, summed in µV·mA·s = 10⁻⁶/3600 mWh
      xml += Array("<row r=\"".utf8)
      xml.appendFixed(row, decimals: 0)
      xml += Array("\">".utf8)
      func cell(_ column: Int, _ body: (inout [UInt8]) -> Void) {
        xml += Array("<c r=\"".utf8)
        xml.append(letters[column])
        xml.appendFixed(row, decimals: 0)
        xml += column == 7 ? Array("\" t=\"s\"><v>".utf8) : Array("\"><v>".utf8)
        body(&xml)
        xml += Array("</v></c>".utf8)
      }
      cell(0) { $0.appendFixed(i + 1, decimals: 0) }
      cell(1) { $0.appendFixed((p.seconds * 1_000_000_000 + 1800) / 3600, decimals: 9) }
      cell(2) { $0.appendFixed((p.pointInHalfCycle * 1_000_000_000 + 1800) / 3600, decimals: 9) }
      cell(3) { $0.appendFixed(p.microvolts, decimals: 6) }
      cell(4) { $0 += Array((p.charging ? "1" : "-1").utf8) }
      cell(5) { $0.appendFixed((p.pointInHalfCycle * 1_000_000_000 + 1800) / 3600, decimals: 9) }
      cell(6) { $0.appendFixed((energy * 1000 + 1800) / 3600, decimals: 9) }
      cell(7) { $0 += Array((p.charging ? "8" : "9").utf8) }
      xml += Array("</row>".utf8)
      if xml.count >= 1 << 20 {
        try zip.write(xml)
        xml.removeAll(keepingCapacity: true)
      }
    }
    xml += Array("</sheetData></worksheet>".utf8)
    try zip.write(xml)
    try zip.finish()
  }
}
