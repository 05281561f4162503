/// Building the table tree along key paths, with TOML's rules on what may be defined twice.
extension TOMLParser {
  func display(_ path: [String]) -> String { path.joined(separator: ".") }

  /// Runs `body` on the table at `path` below `table`, creating implicit tables on the way.
  /// An array of tables along the path means its last element.
  func modify(
    _ table: inout TOMLTable, path: ArraySlice<String>, walked: [String], line: Int,
    _ body: (inout TOMLTable) throws -> Void
  ) throws {
    guard let key = path.first else {
      try body(&table)
      return
    }
    let here = walked + [key]
    if closedPaths.contains(here) { throw fail("'\(display(here))' is an inline value and cannot be extended") }
    switch table[key] {
    case .none:
      var child = TOMLTable(fileName: fileName, line: line, path: display(here))
      try modify(&child, path: path.dropFirst(), walked: here, line: line, body)
      table.set(key, .table(child), line: line)
    case .table(var child):
      try modify(&child, path: path.dropFirst(), walked: here, line: line, body)
      table.set(key, .table(child), line: table.line(of: key) ?? line)
    case .array(var items):
      guard tableArrays.contains(here), case .table(var last)? = items.last else {
        throw fail("'\(display(here))' is already an array value, not a table")
      }
      try modify(&last, path: path.dropFirst(), walked: here, line: line, body)
      items[items.count - 1] = .table(last)
      table.set(key, .array(items), line: table.line(of: key) ?? line)
    case .some(let other):
      throw fail("'\(display(here))' is already defined as \(other.typeName), not a table")
    }
  }

  mutating func openTable(_ path: [String], line: Int) throws {
    if explicitTables.contains(path) { throw fail("table [\(display(path))] is defined twice") }
    if dottedTables.contains(path) { throw fail("table [\(display(path))] was already defined by dotted keys") }
    if tableArrays.contains(path) { throw fail("[\(display(path))] is an array of tables; use [[\(display(path))]]") }
    if closedPaths.contains(path) { throw fail("'\(display(path))' is an inline value and cannot be reopened as a table") }
    explicitTables.insert(path)
    let parent = path.dropLast()
    guard let last = path.last else { throw fail("expected a table name") }
    let name = display(path)
    let file = fileName
    try modify(&root, path: parent[...], walked: [], line: line) { table in
      switch table[last] {
      case .none:
        table.set(last, .table(TOMLTable(fileName: file, line: line, path: name)), line: line)
      case .table(var existing):
        // A table first created implicitly by a deeper header takes this header's line.
        existing.line = line
        table.set(last, .table(existing), line: line)
      case .some(let other):
        throw InputError("'\(name)' is already defined as \(other.typeName)", file: file, line: line)
      }
    }
  }

  mutating func appendTableArrayElement(_ path: [String], line: Int) throws {
    guard let last = path.last else { throw fail("expected a table name") }
    let parent = path.dropLast()
    let isArray = tableArrays.contains(path)
    if !isArray && explicitTables.contains(path) { throw fail("[\(display(path))] is a table; it cannot become an array of tables") }
    let name = display(path)
    let file = fileName
    try modify(&root, path: parent[...], walked: [], line: line) { table in
      let element = TOMLValue.table(TOMLTable(fileName: file, line: line, path: name))
      switch table[last] {
      case .none:
        table.set(last, .array([element]), line: line)
      case .array(var items) where isArray:
        items.append(element)
        table.set(last, .array(items), line: table.line(of: last) ?? line)
      case .some(let other):
        throw InputError("'\(name)' is already defined as \(other.typeName)", file: file, line: line)
      }
    }
    tableArrays.insert(path)
    // Sub-tables of the previous element may be defined again inside the new element.
    explicitTables = explicitTables.filter { !($0.count > path.count && Array($0.prefix(path.count)) == path) }
    dottedTables = dottedTables.filter { !($0.count > path.count && Array($0.prefix(path.count)) == path) }
    closedPaths = closedPaths.filter { !($0.count > path.count && Array($0.prefix(path.count)) == path) }
  }

  /// Inserts a key/value; `tablePrefix` components of `path` are the current table, the rest are
  /// the (possibly dotted) key.
  mutating func insert(
    _ value: TOMLValue, at path: [String], tablePrefix: Int, line: Int, column: Int, valueColumn: Int
  ) throws {
    guard let last = path.last else { throw fail("expected a key") }
    for depth in (tablePrefix + 1)..<path.count {
      let intermediate = Array(path.prefix(depth))
      if explicitTables.contains(intermediate) && depth > tablePrefix {
        throw InputError("dotted key cannot extend table [\(display(intermediate))] defined elsewhere", file: fileName, line: line, column: column)
      }
      dottedTables.insert(intermediate)
    }
    let name = display(path)
    let file = fileName
    try modify(&root, path: path.dropLast()[...], walked: [], line: line) { table in
      if table.contains(last) {
        throw InputError("duplicate key '\(name)' (first defined on line \(table.line(of: last) ?? 0))", file: file, line: line, column: column)
      }
      table.set(last, value, line: line, column: column, valueColumn: valueColumn)
    }
    switch value {
    case .table, .array: closedPaths.insert(path)
    default: break
    }
  }
}
