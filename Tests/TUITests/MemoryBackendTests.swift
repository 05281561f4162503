import XCTest

@testable import TUI

final class MemoryBackendTests: XCTestCase {
  func testRecordsFramesAndOnlyTheChangedCells() {
    let backend = MemoryBackend(width: 4, height: 2)
    var frame = Buffer(width: 4, height: 2)
    frame.write("ab", x: 0, y: 0)
    backend.present(frame)
    // The first frame writes every cell.
    XCTAssertEqual(backend.frames.count, 1)
    XCTAssertEqual(backend.frames[0].changes.count, 8)
    backend.present(frame)
    XCTAssertEqual(backend.frames[1].changes.count, 0, "an identical frame changes nothing")
    frame.write("Z", x: 3, y: 1)
    backend.present(frame)
    XCTAssertEqual(backend.frames[2].changes, [CellChange(x: 3, y: 1, cell: Cell("Z"))])
    backend.invalidate()
    backend.present(frame)
    XCTAssertEqual(backend.frames[3].changes.count, 8, "after invalidate every cell is rewritten")
    XCTAssertEqual(backend.lastFrame?.lines, ["ab  ", "   Z"])
  }

  func testEventsComeOutInOrderAndResizeChangesTheSize() {
    let backend = MemoryBackend(width: 80, height: 24)
    backend.enqueue(.character("a"), .tab)
    backend.enqueueResize(width: 40, height: 12)
    XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: 100), .key(.character("a")))
    XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: nil), .key(.tab))
    XCTAssertEqual(backend.size.width, 80, "the size changes when the resize is read")
    XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: nil), .resize(width: 40, height: 12))
    XCTAssertEqual(backend.size.width, 40)
    XCTAssertEqual(backend.size.height, 12)
    XCTAssertNil(backend.nextEvent(timeoutMilliseconds: 5))
    XCTAssertEqual(backend.requestedTimeouts, [100, nil, nil, 5])
  }
}
