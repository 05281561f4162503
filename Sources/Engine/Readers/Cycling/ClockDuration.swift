import Foundation

/// Reads a duration written as a clock: `hh:mm:ss(.fff)`, `mm:ss`, with an optional day prefix
/// `d-` or `d day(s), ` (Neware's exports). Returns seconds, or nil.
func parseClockDuration(_ text: String) -> Double? {
  var rest = Substring(text.trimmingCharacters(in: .whitespaces))
  var days = 0.0
  if let comma = rest.firstIndex(of: ","), rest[..<comma].contains("day") {
    guard let d = Double(rest[..<comma].filter { $0.isNumber }) else { return nil }
    days = d
    rest = rest[rest.index(after: comma)...].drop { $0 == " " }
  } else if let dash = rest.firstIndex(of: "-"), dash != rest.startIndex, rest.contains(":") {
    guard let d = Double(rest[..<dash]) else { return nil }
    days = d
    rest = rest[rest.index(after: dash)...]
  }
  let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
  guard parts.count >= 2 && parts.count <= 3 else { return nil }
  var seconds = 0.0
  for part in parts {
    guard let value = Double(part), value >= 0 else { return nil }
    seconds = seconds * 60 + value
  }
  return days * 86400 + seconds
}
