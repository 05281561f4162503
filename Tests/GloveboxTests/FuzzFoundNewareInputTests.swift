import Engine
import Formats
import XCTest

@testable import glovebox

/// A Neware record whose cycle counter is near UInt32.max (found by `make fuzz`, family cycler):
/// the reader trapped adding 1 to it.
final class FuzzFoundNewareInputTests: XCTestCase {
  func testAnOutOfRangeNewareCycleNumberIsAnErrorAtItsRecord() throws {
    var bytes: [UInt8] = []
    try CyclingBenchmarkFile.writeNDA(points: 12, pointsPerHalfCycle: 3) { bytes += $0 }
    // The synthetic file: 1024 header bytes, then 86-byte records; two half-cycles of three
    // points make a cycle, stored from 0 and read from 1.
    let sound = try CyclingFile.read(bytes: bytes, name: "n.nda")
    XCTAssertEqual(sound.cycle, [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    // The third record (byte 1024 + 2·86 = 1196): cycle field (offset 6) set to 0xFFFFFFFF.
    for k in 0..<4 { bytes[1196 + 6 + k] = 0xFF }
    XCTAssertThrowsError(try CyclingFile.read(bytes: bytes, name: "n.nda")) { error in
      let input = error as? InputError
      XCTAssertEqual(input?.file, "n.nda")
      XCTAssertTrue(input?.message.contains("cycle number 4294967295 in the record at byte 1196") ?? false, "\(error)")
    }
  }
}
