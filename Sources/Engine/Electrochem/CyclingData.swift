import Formats

/// A cycling test in columns: one array per quantity, so ten million points take
/// 6 × 8 + 3 × 4 + 1 = 61 bytes each and every analysis walks contiguous memory.
/// Units: s, V, A (positive charges the working electrode), Ah, Wh. See `CyclingPoint` for what
/// each column means.
public struct CyclingData: Sendable, Equatable, CyclingPointSink {
  public var testTime: [Double] = []
  public var stepTime: [Double] = []
  public var voltage: [Double] = []
  public var current: [Double] = []
  public var capacity: [Double] = []
  public var energy: [Double] = []
  public var cycle: [Int32] = []
  public var stepIndex: [Int32] = []
  public var stepType: [StepType] = []
  public var halfCycle: [Int32] = []
  /// Which reader produced it ("maccor", "bdf", …), for the record.
  public var format: String = ""

  public init() {}

  public var count: Int { testTime.count }

  public mutating func reserveCapacity(_ n: Int) {
    testTime.reserveCapacity(n); stepTime.reserveCapacity(n); voltage.reserveCapacity(n)
    current.reserveCapacity(n); capacity.reserveCapacity(n); energy.reserveCapacity(n)
    cycle.reserveCapacity(n); stepIndex.reserveCapacity(n); stepType.reserveCapacity(n)
    halfCycle.reserveCapacity(n)
  }

  public mutating func consume(_ point: CyclingPoint) {
    testTime.append(point.testTime)
    stepTime.append(point.stepTime)
    voltage.append(point.voltage)
    current.append(point.current)
    capacity.append(point.capacity)
    energy.append(point.energy)
    cycle.append(point.cycle)
    stepIndex.append(point.stepIndex)
    stepType.append(point.stepType)
    halfCycle.append(point.halfCycle)
  }

  public func point(_ i: Int) -> CyclingPoint {
    CyclingPoint(
      testTime: testTime[i], stepTime: stepTime[i], voltage: voltage[i], current: current[i],
      capacity: capacity[i], energy: energy[i], cycle: cycle[i], stepIndex: stepIndex[i],
      stepType: stepType[i], halfCycle: halfCycle[i])
  }

  /// Derives the data model from rows (tests, generators, readers that hold rows anyway).
  public static func from(
    _ records: [CyclingRecord], restCurrentThreshold: Double = 1e-9, format: String = ""
  ) throws -> CyclingData {
    var data = CyclingData()
    data.format = format
    data.reserveCapacity(records.count)
    var processor = CyclingProcessor(sink: data, restCurrentThreshold: restCurrentThreshold)
    data = CyclingData()
    for (i, record) in records.enumerated() {
      do { try processor.consume(record) } catch let error as InputError {
        var located = error
        if located.line == nil { located.line = i + 1 }
        throw located
      }
    }
    var result = processor.sink
    result.format = format
    return result
  }

  /// Feeds every point to another sink (e.g. a summary accumulator).
  public func replay<S: CyclingPointSink>(into sink: inout S) {
    for i in 0..<count { sink.consume(point(i)) }
  }
}
