import Foundation
import TUI

/// How the colour depth is chosen, in order of precedence: an explicit request (`--colors`,
/// `GLOVEBOX_COLORS`, config `colors`, parsed by the app), then `COLORTERM=truecolor|24bit`, then terminfo's
/// `colors`. Pure, so the precedence is tested without a terminal.
public enum ColorDepthDetection {
  /// The depth a terminal with `terminfoColors` colours can show, given COLORTERM and an
  /// optional explicit request. A request is honoured even above terminfo's count (the
  /// terminal type is then switched to a direct-colour entry when one exists, see
  /// `directColorTerminalType`).
  public static func depth(terminfoColors: Int, colorterm: String?, requested: ColorDepth?) -> ColorDepth {
    if let requested { return requested }
    if let colorterm, ["truecolor", "24bit"].contains(colorterm.lowercased()) { return .trueColor }
    if terminfoColors >= 0x100_0000 { return .trueColor }
    if terminfoColors >= 256 { return .palette256 }
    if terminfoColors >= 16 { return .sixteen }
    return .eight
  }

  /// The direct-colour variant of a terminal type (`xterm-256color` → `xterm-direct`), if its
  /// terminfo entry is installed. ncurses sends 24-bit colour only through such an entry, where
  /// a colour number is 0xRRGGBB.
  public static func directColorTerminalType(for term: String, environment: [String: String]) -> String? {
    if term.hasSuffix("-direct") { return term }
    let base = term.components(separatedBy: "-").first ?? term
    let candidate = base + "-direct"
    return terminfoEntryExists(candidate, environment: environment) ? candidate : nil
  }

  static func terminfoEntryExists(_ name: String, environment: [String: String]) -> Bool {
    guard let first = name.first else { return false }
    var directories: [String] = []
    if let custom = environment["TERMINFO"] { directories.append(custom) }
    if let home = environment["HOME"] { directories.append(home + "/.terminfo") }
    directories += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
    let hex = String(first.asciiValue ?? 0, radix: 16)
    return directories.contains { directory in
      FileManager.default.fileExists(atPath: "\(directory)/\(first)/\(name)")
        || FileManager.default.fileExists(atPath: "\(directory)/\(hex)/\(name)")
    }
  }
}
