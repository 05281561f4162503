import Foundation

/// When a spectrum was measured, from what its file says, and numbers carried in file names
/// (`_T100C`, `_012min`): the x values of a series plotted against time or temperature.
public enum SpectrumAcquisitionTime {
  /// The metadata keys the readers keep a measurement time under, in the order they are tried:
  /// xylib's VAMAS block `date_time`, Bruker UXD `DATEMEASURED`, Rigaku RAS
  /// `MEAS_SCAN_START_TIME`, Horiba LabSpec `Date`/`Acquired`, and a plain `date`.
  public static let keys = ["date_time", "DATEMEASURED", "MEAS_SCAN_START_TIME", "Date", "Acquired", "date"]

  /// The date formats accepted, as instrument software writes them (UTC unless the text has a zone).
  static let formats = ["yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mm:ss",
                        "yyyy/MM/dd HH:mm:ss", "dd-MMM-yyyy HH:mm:ss", "dd.MM.yyyy HH:mm:ss", "MM/dd/yyyy HH:mm:ss"]

  /// The measurement time in a spectrum's metadata, or nil when none of `keys` holds a date in one
  /// of `formats` (then the caller says so; a time is never guessed).
  public static func date(in metadata: [String: String]) -> Date? {
    for key in keys {
      guard let raw = metadata[key] else { continue }
      let text = raw.trimmingCharacters(in: CharacterSet(charactersIn: " '\"\t"))
      if let date = parse(text) { return date }
    }
    return nil
  }

  static func parse(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    for format in formats {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }

  /// The number in a file name at the place `pattern` marks with `#`: "T#C" finds 100 in
  /// "LPSC_T100C.xy", "_#min" finds 12 in "run_012min.txt". Only the name after the last "/" is
  /// searched, the first match counts; nil when the pattern (which must hold one `#` and some
  /// text beside it) does not occur with a number at `#`.
  public static func number(in path: String, pattern: String) -> Double? {
    let parts = pattern.components(separatedBy: "#")
    guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var search = name.startIndex
    while search < name.endIndex {
      let start: String.Index
      if parts[0].isEmpty {
        start = search
      } else {
        guard let r = name.range(of: parts[0], range: search..<name.endIndex) else { return nil }
        start = r.upperBound
      }
      var end = start
      var digits = 0
      while end < name.endIndex, name[end].isASCII, name[end].isNumber || (name[end] == "." && digits > 0) || (name[end] == "-" && end == start) {
        if name[end].isNumber { digits += 1 }
        end = name.index(after: end)
      }
      // A trailing "." belongs to the extension ("_12min" never ends in "."; "_T100.xy" might).
      while end > start, name[name.index(before: end)] == "." { end = name.index(before: end) }
      if digits > 0, name[end...].hasPrefix(parts[1]), let value = Double(name[start..<end]) { return value }
      guard start < name.endIndex else { return nil }
      search = parts[0].isEmpty ? name.index(after: start) : start
    }
    return nil
  }
}
