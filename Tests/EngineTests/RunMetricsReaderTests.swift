import Foundation
import XCTest
@testable import Engine
import Formats

final class RunMetricsReaderTests: XCTestCase {
  func testHalfWrittenRowWaitsForItsNewline() {
    var reader = RunMetricsReader()
    let file = "step,time_s,max_von_mises_MPa\n0,0.0,\n1,0.5,12.5\n2,1.0"
    let first = reader.read(appended: Data(file.utf8))
    XCTAssertEqual(reader.columns, ["step", "time_s", "max_von_mises_MPa"])
    XCTAssertEqual(first.rows, [.init(line: 2, values: [0, 0, nil]), .init(line: 3, values: [1, 0.5, 12.5])])
    XCTAssertNil(first.error)
    // Consumed: the header (30 bytes), "0,0.0,\n" (7) and "1,0.5,12.5\n" (11); "2,1.0" waits.
    XCTAssertEqual(reader.offset, 30 + 7 + 11)
    XCTAssertEqual(reader.column("time_s"), 1)
    // The writer finishes the row and appends another; the caller rereads from `offset`.
    let grown = file + ",\n3,1.5,7\n"
    let second = reader.read(appended: Data(grown.utf8.dropFirst(reader.offset)))
    XCTAssertEqual(second.rows, [.init(line: 4, values: [2, 1.0, nil]), .init(line: 5, values: [3, 1.5, 7])])
    XCTAssertEqual(reader.offset, grown.utf8.count)
    // Nothing new: nothing returned, offset unchanged.
    XCTAssertEqual(reader.read(appended: Data()).rows, [])
    XCTAssertEqual(reader.offset, grown.utf8.count)
  }

  func testHeaderAloneAndAByteAtATime() {
    var reader = RunMetricsReader()
    let file = Array("a,b\r\n1,2\r\n".utf8)
    var rows: [RunMetricsReader.Row] = []
    for end in 1...file.count {
      rows += reader.read(appended: Data(file[reader.offset..<end])).rows
    }
    XCTAssertEqual(reader.columns, ["a", "b"])
    XCTAssertEqual(rows, [.init(line: 2, values: [1, 2])])
    XCTAssertEqual(reader.offset, file.count)
  }

  func testMalformedRowsNameLineAndColumn() {
    var reader = RunMetricsReader(fileName: "runs/m1/metrics.csv")
    let update = reader.read(appended: Data("step,time_s\n0,0\n1,zero\n2,1\n".utf8))
    XCTAssertEqual(update.rows.map(\.line), [2])
    XCTAssertEqual(update.error, InputError("expected a number or an empty cell in column 'time_s', found 'zero'",
                                            file: "runs/m1/metrics.csv", line: 3, column: 3))
    // The bad line is not consumed: offset stays at its start (12 + 4 bytes).
    XCTAssertEqual(reader.offset, 16)
    var short = RunMetricsReader()
    XCTAssertEqual(short.read(appended: Data("a,b,c\n1,2\n".utf8)).error?.line, 2)
    var blank = RunMetricsReader()
    XCTAssertEqual(blank.read(appended: Data("a,,c\n".utf8)).error?.column, 3)
  }

  func testTheRunnersOwnRowsRead() throws {
    // A row as the runner writes it (RunMetricsRow.csvLine), with the von Mises cell empty.
    var reader = RunMetricsReader()
    let header = RunMetricsRow.header
    let row = "5,0.25,0.001,0.02,1.1,3.2,61.2,1.5e-3,,4,1e-7,0.0,1.0,nan"
    let update = reader.read(appended: Data((header + "\n" + row + "\n").utf8))
    XCTAssertNil(update.error)
    XCTAssertEqual(reader.columns.count, 14)
    let values = try XCTUnwrap(update.rows.first?.values)
    XCTAssertEqual(values[try XCTUnwrap(reader.column("tip_height_um"))], 1.1)
    XCTAssertNil(values[try XCTUnwrap(reader.column("max_von_mises_MPa"))] ?? nil)
    XCTAssertTrue(values[13]?.isNaN ?? false, "nan stays nan (not an empty cell)")
  }
}
