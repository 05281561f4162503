import Formats
import TUI

extension FuzzFamily {
  /// Colour themes (`ThemeFile.parse` over Formats' TOML). Diagnostics and the syntax error
  /// must carry the file.
  public static let theme = FuzzFamily(
    name: "theme",
    seeds: ["Themes"],
    extensions: ["toml"],
    fileName: { _ in "fuzz-theme.toml" },
    judge: { bytes, fileName in
      do {
        let (_, diagnostics) = try ThemeFile.parse(String(fuzzBytes: bytes), fileName: fileName)
        if let stray = diagnostics.first(where: { $0.file != fileName }) {
          return .flaw("a diagnostic does not name \(fileName): \(stray)")
        }
        return .accepted
      } catch let error as InputError {
        return error.file == fileName ? .rejected : .flaw("the error does not name \(fileName): \(error)")
      } catch {
        return .flaw("not an InputError: \(type(of: error)): \(error)")
      }
    })
}
