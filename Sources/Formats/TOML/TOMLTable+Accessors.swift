/// Typed access with errors that say what was expected, where. A missing required key is reported
/// at the table's header; a wrong type at the key's own line.
extension TOMLTable {
  private func value(_ key: String, required: Bool) throws -> TOMLValue? {
    if let v = self[key] { return v }
    if required { throw error("missing key '\(qualified(key))'", key: nil) }
    return nil
  }

  private func mismatch(_ key: String, expected: String, found: TOMLValue) -> InputError {
    error("'\(qualified(key))' must be \(expected), found \(found.typeName)", key: key)
  }

  public func optionalString(_ key: String) throws -> String? {
    guard let v = try value(key, required: false) else { return nil }
    guard case .string(let s) = v else { throw mismatch(key, expected: "a string", found: v) }
    return s
  }

  public func string(_ key: String) throws -> String {
    guard let s = try optionalString(key) else { throw error("missing key '\(qualified(key))'") }
    return s
  }

  /// A number; integers are accepted where a float is expected (`hold = 6` means 6.0).
  public func optionalDouble(_ key: String) throws -> Double? {
    guard let v = try value(key, required: false) else { return nil }
    guard let d = v.doubleValue else { throw mismatch(key, expected: "a number", found: v) }
    // TOML allows inf and nan, but no quantity of a recipe, protocol, config or theme is one:
    // accepted, they surface later as a mass or a time step of "nan".
    guard d.isFinite else {
      throw error("'\(qualified(key))' must be a finite number, found \(d)", key: key)
    }
    return d
  }

  public func double(_ key: String) throws -> Double {
    guard let d = try optionalDouble(key) else { throw error("missing key '\(qualified(key))'") }
    return d
  }

  public func optionalInt(_ key: String) throws -> Int? {
    guard let v = try value(key, required: false) else { return nil }
    guard case .integer(let i) = v else { throw mismatch(key, expected: "an integer", found: v) }
    return i
  }

  public func int(_ key: String) throws -> Int {
    guard let i = try optionalInt(key) else { throw error("missing key '\(qualified(key))'") }
    return i
  }

  public func optionalBool(_ key: String) throws -> Bool? {
    guard let v = try value(key, required: false) else { return nil }
    guard case .boolean(let b) = v else { throw mismatch(key, expected: "true or false", found: v) }
    return b
  }

  public func bool(_ key: String) throws -> Bool {
    guard let b = try optionalBool(key) else { throw error("missing key '\(qualified(key))'") }
    return b
  }

  public func optionalTable(_ key: String) throws -> TOMLTable? {
    guard let v = try value(key, required: false) else { return nil }
    guard case .table(let t) = v else { throw mismatch(key, expected: "a table", found: v) }
    return t
  }

  public func table(_ key: String) throws -> TOMLTable {
    guard let t = try optionalTable(key) else { throw error("missing table [\(qualified(key))]") }
    return t
  }

  public func optionalArray(_ key: String) throws -> [TOMLValue]? {
    guard let v = try value(key, required: false) else { return nil }
    guard case .array(let a) = v else { throw mismatch(key, expected: "an array", found: v) }
    return a
  }

  public func array(_ key: String) throws -> [TOMLValue] {
    guard let a = try optionalArray(key) else { throw error("missing key '\(qualified(key))'") }
    return a
  }

  /// An array of tables (`[[step]]` sections or an array of inline tables); absent means empty.
  public func tables(_ key: String) throws -> [TOMLTable] {
    guard let items = try optionalArray(key) else { return [] }
    return try items.map { item in
      guard case .table(let t) = item else { throw mismatch(key, expected: "an array of tables", found: item) }
      return t
    }
  }

  /// An array of numbers (integers accepted).
  public func doubles(_ key: String) throws -> [Double]? {
    guard let items = try optionalArray(key) else { return nil }
    return try items.map { item in
      guard let d = item.doubleValue else { throw mismatch(key, expected: "an array of numbers", found: item) }
      return d
    }
  }

  /// An array of strings.
  public func strings(_ key: String) throws -> [String]? {
    guard let items = try optionalArray(key) else { return nil }
    return try items.map { item in
      guard case .string(let s) = item else { throw mismatch(key, expected: "an array of strings", found: item) }
      return s
    }
  }

  /// Keys this table has that the reader does not know, each as an error at its line — callers
  /// decide whether these are fatal or warnings. A typo must never be silently ignored.
  public func unknownKeys(allowed: Set<String>) -> [InputError] {
    entries.filter { !allowed.contains($0.key) }.map {
      InputError("unknown key '\(qualified($0.key))' (expected one of: \(allowed.sorted().joined(separator: ", ")))", file: fileName, line: $0.line)
    }
  }
}
