import Foundation

/// The process's resident set size, from `/proc/self/statm` (pages × page size).
enum ResidentMemory {
  static func bytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]), pages >= 0 else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
