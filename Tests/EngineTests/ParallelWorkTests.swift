import XCTest
@testable import Engine

/// `ParallelWork` (issue 19 §2): the split covers every index once, and a Li model step on
/// several threads gives the single-thread numbers bit for bit.
final class ParallelWorkTests: XCTestCase {
  override func tearDown() {
    ParallelWork.threads = 1
    super.tearDown()
  }

  func testBoundsCoverTheRangeOnceInOrder() {
    for count in [0, 1, 7, 64, 1025] {
      for parts in 1...5 {
        let ranges = (0..<parts).map { ParallelWork.bounds($0, of: parts, count: count) }
        XCTAssertEqual(ranges.first?.lowerBound, 0)
        XCTAssertEqual(ranges.last?.upperBound, count)
        for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        // near-equal: lengths differ by at most one
        let lengths = ranges.map(\.count)
        XCTAssertLessThanOrEqual((lengths.max() ?? 0) - (lengths.min() ?? 0), 1)
      }
    }
  }

  func testChunksVisitEveryIndexOnceAndMaximumIsExact() {
    ParallelWork.threads = 3
    let count = 10_001
    let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { seen.deallocate() }
    seen.initialize(repeating: 0)
    ParallelWork.forEachChunk(count) { range in for k in range { seen[k] += 1 } }
    XCTAssertTrue(seen.allSatisfy { $0 == 1 })
    let values = (0..<count).map { Double(($0 * 7919) % 10_007) }
    let largest = ParallelWork.maximum(count) { range in range.map { values[$0] }.max() ?? -.infinity }
    XCTAssertEqual(largest, values.max())
  }

  private func run(threads: Int, steps: Int) throws -> LiModelState {
    ParallelWork.threads = threads
    var numerics = LiModelNumerics()
    numerics.nx = 64
    numerics.ny = 64
    numerics.lengthX = 3.2e-6
    numerics.lengthY = 3.2e-6
    var physics = LiModelPhysics()
    physics.electrodePotential = -0.2
    physics.upperDiffusivity = 0.5 * physics.diffusivity  // the layered (model 3) path too
    var nucleus = LiNucleus()
    nucleus.layerThickness = 0.2e-6
    nucleus.radius = 0.4e-6
    let model = try LiModel(physics: physics, numerics: numerics,
                            state: LiModel.initialState(physics: physics, numerics: numerics, nucleus: nucleus))
    for _ in 0..<steps { try model.step() }
    return model.state
  }

  func testModelStepsAreBitIdenticalOnOneTwoAndThreeThreads() throws {
    // small enough that the potential solve's passes split at 64² as well (4 rows a thread)
    let minimum = ParallelWork.minimumNodesPerChunk
    ParallelWork.minimumNodesPerChunk = 256
    defer { ParallelWork.minimumNodesPerChunk = minimum }
    let one = try run(threads: 1, steps: 12)
    for threads in [2, 3] {
      let other = try run(threads: threads, steps: 12)
      XCTAssertEqual(other.time.bitPattern, one.time.bitPattern, "\(threads) threads: time")
      XCTAssertEqual(other.xi.map(\.bitPattern), one.xi.map(\.bitPattern), "\(threads) threads: ξ")
      XCTAssertEqual(other.concentration.map(\.bitPattern), one.concentration.map(\.bitPattern), "\(threads) threads: c")
      XCTAssertEqual(other.potential.map(\.bitPattern), one.potential.map(\.bitPattern), "\(threads) threads: φ")
    }
    // the run did something: ξ moved
    XCTAssertGreaterThan(one.time, 0)
  }
}
