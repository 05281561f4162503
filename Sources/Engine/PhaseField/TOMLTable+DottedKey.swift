import Formats

extension TOMLTable {
  /// Sets `a.b.c` to `value`, creating missing tables; an intermediate key that holds a value
  /// (not a table) is an error.
  mutating func setting(dottedKey: String, to value: TOMLValue, line: Int) throws {
    let parts = dottedKey.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.contains(where: \.isEmpty) else { throw InputError("a key must not have an empty part") }
    // The TOML reader refuses tables nested deeper than 100; a swept key is held to the same
    // bound, as each part is one level of this recursion (a fuzzed key of 20 000 parts
    // overflowed the stack).
    guard parts.count <= 100 else { throw InputError("a key of \(parts.count) dotted parts; a config nests at most 100 deep") }
    try setting(parts[...], to: value, line: line)
  }

  private mutating func setting(_ parts: ArraySlice<String>, to value: TOMLValue, line: Int) throws {
    guard let first = parts.first else { return }
    if parts.count == 1 {
      set(first, value, line: line)
      return
    }
    var inner: TOMLTable
    switch self[first] {
    case .table(let t)?: inner = t
    case nil: inner = TOMLTable(fileName: fileName, line: line, path: qualified(first))
    case let other?: throw InputError("'\(qualified(first))' is \(other.typeName) in the base config, not a table")
    }
    try inner.setting(parts.dropFirst(), to: value, line: line)
    set(first, .table(inner), line: line)
  }
}
