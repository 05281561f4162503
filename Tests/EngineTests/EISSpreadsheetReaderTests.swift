import Formats
import Foundation
import XCTest

@testable import Engine

/// Impedance spectra in xlsx, ods and fods sheets written here; the reference spectrum and its
/// hand formula are `EISStructuredFormatsTests`'.
final class EISSpreadsheetReaderTests: XCTestCase {
  typealias Reference = EISStructuredFormatsTests

  /// A minimal xlsx: a notes sheet without an impedance header, then the data sheet with inline
  /// strings for its header; `badCell` replaces Z' of the second data row.
  static func xlsx(badCell: String? = nil) -> Data {
    let workbook = """
      <workbook xmlns:r="r"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="EIS 25C" sheetId="2" r:id="rId2"/></sheets></workbook>
      """
    let rels = """
      <Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>
      """
    let notes = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>pellet 3</t></is></c></row></sheetData></worksheet>"#
    var rows = #"<row r="2"><c r="A2" t="inlineStr"><is><t>Frequency (Hz)</t></is></c><c r="B2" t="inlineStr"><is><t>Z' (Ω)</t></is></c><c r="C2" t="inlineStr"><is><t>-Z'' (Ω)</t></is></c></row>"#
    for (k, f) in Reference.frequencies.enumerated() {
      let r = k + 3
      // The second row's Z' is text with a decimal comma, as a European export leaves it.
      let re = k == 1
        ? #"<c r="B\#(r)" t="inlineStr"><is><t>\#(badCell ?? String(Reference.z(f).re).replacingOccurrences(of: ".", with: ","))</t></is></c>"#
        : #"<c r="B\#(r)"><v>\#(Reference.z(f).re)</v></c>"#
      rows += #"<row r="\#(r)"><c r="A\#(r)"><v>\#(f)</v></c>\#(re)<c r="C\#(r)"><v>\#(-Reference.z(f).im)</v></c></row>"#
    }
    let sheet = "<worksheet><sheetData>\(rows)</sheetData></worksheet>"
    return RigakuRASXReaderTests.storedZip([
      ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
      ("xl/worksheets/sheet1.xml", notes), ("xl/worksheets/sheet2.xml", sheet),
    ])
  }

  /// OpenDocument content: a padding run of empty rows and repeated empty cells (as LibreOffice
  /// writes them), the header in row 2, the data from row 3, |Z| and −phase columns.
  static func openDocumentContent(repeatRows: String = "1", extraCell: String = "") -> String {
    var rows = #"<table:table-row table:number-rows-repeated="\#(repeatRows)"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
    rows += "<table:table-row>"
    for name in ["freq", "|Z|", "-phase"] {
      rows += #"<table:table-cell office:value-type="string"><text:p>\#(name)</text:p></table:table-cell>"#
    }
    rows += "</table:table-row>"
    for f in Reference.frequencies {
      let z = Reference.z(f)
      let modulus = (z.re * z.re + z.im * z.im).squareRoot()
      let negativePhase = -atan2(z.im, z.re) * 180 / Double.pi
      rows += "<table:table-row>"
      for value in [f, modulus, negativePhase] {
        rows += #"<table:table-cell office:value-type="float" office:value="\#(value)"><text:p>\#(String(format: "%.2f", value))</text:p></table:table-cell>"#
      }
      rows += extraCell + #"<table:table-cell table:number-columns-repeated="16000"/></table:table-row>"#
    }
    rows += #"<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>"#
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="o" xmlns:table="t" xmlns:text="x" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
      <office:body><office:spreadsheet>
      <table:table table:name="Sheet1">\(rows)</table:table>
      </office:spreadsheet></office:body></office:document>
      """
  }

  func testXlsxSheetWithHeaderIsRead() throws {
    let spectra = try ImpedanceReader.read(data: Self.xlsx(), fileName: "run")
    XCTAssertEqual(spectra.count, 1, "the notes sheet is passed over")
    XCTAssertEqual(spectra[0].metadata["sheet"], "EIS 25C")
    XCTAssertEqual(spectra[0].metadata["format"], "xlsx")
    Reference.assertReference(spectra[0])
  }

  func testXlsxBadCellNamesSheetRowAndColumn() throws {
    let error = try XCTUnwrap(Reference.readError(Self.xlsx(badCell: "n/a"), "bad.xlsx"))
    XCTAssertEqual(error.line, 4)
    XCTAssertEqual(error.column, 2)
    XCTAssertTrue(error.message.contains("sheet `EIS 25C`, row 4, column B"), error.message)
    XCTAssertTrue(error.message.contains("'n/a'"), error.message)
  }

  func testOdsAndFodsWithPolarColumns() throws {
    let content = Self.openDocumentContent()
    let ods = RigakuRASXReaderTests.storedZip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content)])
    for (data, format) in [(ods, "ods"), (Data(content.utf8), "fods")] {
      let spectra = try ImpedanceReader.read(data: data, fileName: "pellet")
      XCTAssertEqual(spectra.first?.metadata["format"], format)
      // Polar to Cartesian: Z' = |Z| cos φ, Z'' = |Z| sin φ with φ = −(−phase).
      Reference.assertReference(try XCTUnwrap(spectra.first))
    }
  }

  func testOpenDocumentMalformed() throws {
    let tooMany = Self.openDocumentContent(repeatRows: "99999999")
    let repeatError = try XCTUnwrap(Reference.readError(Data(tooMany.utf8), "big.fods"))
    XCTAssertTrue(repeatError.message.contains("number-rows-repeated"), repeatError.message)
    XCTAssertTrue(repeatError.message.contains("byte offset"), repeatError.message)
    let wide = Self.openDocumentContent(extraCell: #"<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>"#)
    let wideError = try XCTUnwrap(Reference.readError(Data(wide.utf8), "wide.fods"))
    XCTAssertTrue(wideError.message.contains("columns"), wideError.message)
    let cut = String(Self.openDocumentContent().prefix(900))
    let cutError = try XCTUnwrap(Reference.readError(Data(cut.utf8), "cut.fods"))
    XCTAssertEqual(cutError.file, "cut.fods")
    XCTAssertTrue(cutError.message.contains("end of the file"), cutError.message)
    let noContent = RigakuRASXReaderTests.storedZip([("mimetype", "x"), ("content.xml.bak", "")])
    XCTAssertNotNil(Reference.readError(noContent, "empty.ods"))
  }
}
