import ArgumentParser
import Foundation

/// How soon the index notices a file created, modified and deleted: the median and the
/// largest delay, in milliseconds, from the write starting to the entry changing.
struct ChangeTiming: Encodable {
  var create_median: Double
  var create_max: Double
  var modify_median: Double
  var modify_max: Double
  var delete_median: Double
  var delete_max: Double

  static func measure(index: WorkspaceIndex, root: String, folder: String, count: Int) throws -> ChangeTiming {
    var create: [Double] = [], modify: [Double] = [], delete: [Double] = []
    for i in 0..<count {
      let path = folder + "/probe-\(i).csv"
      let url = URL(fileURLWithPath: index.absolutePath(path))
      create.append(try time(index, path, until: { $0 != nil }) { try Data(SyntheticWorkspace.impedanceText.utf8).write(to: url) })
      modify.append(try time(index, path, until: { $0?.stamp.size == Int64(SyntheticWorkspace.cyclingText.utf8.count) }) {
        try Data(SyntheticWorkspace.cyclingText.utf8).write(to: url)
      })
      delete.append(try time(index, path, until: { $0 == nil }) { try FileManager.default.removeItem(at: url) })
    }
    _ = index.drainChanges()
    return ChangeTiming(
      create_median: median(create), create_max: create.max() ?? 0, modify_median: median(modify), modify_max: modify.max() ?? 0,
      delete_median: median(delete), delete_max: delete.max() ?? 0)
  }

  private static func time(
    _ index: WorkspaceIndex, _ path: String, until done: (WorkspaceIndex.Entry?) -> Bool, change: () throws -> Void
  ) throws -> Double {
    let started = BenchIndex.now()
    try change()
    while !done(index.entry(path)) {
      guard BenchIndex.now() - started < 30 else { throw ValidationError("\(path): change not noticed within 30 s") }
      usleep(200)
    }
    return (BenchIndex.now() - started) * 1000
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
}
