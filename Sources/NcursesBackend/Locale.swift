import CNcursesw
import Glibc

/// Makes the process locale UTF-8 before ncurses starts. Without it ncursesw drops every
/// non-ASCII cell (braille, box drawing) silently. Takes the user's locale when it is UTF-8 and
/// falls back to `C.UTF-8` when it is not (common over SSH, where LANG is often unset or "C").
/// Returns the codeset in effect afterwards.
@discardableResult
public func ensureUTF8Locale() -> String {
  setlocale(LC_ALL, "")
  if isUTF8(currentCodeset()) { return currentCodeset() }
  if setlocale(LC_ALL, "C.UTF-8") == nil {
    setlocale(LC_ALL, "C.utf8")
  }
  return currentCodeset()
}

func currentCodeset() -> String {
  guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "" }
  return String(cString: codeset)
}

func isUTF8(_ codeset: String) -> Bool {
  let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
  return normalized == "utf8"
}
