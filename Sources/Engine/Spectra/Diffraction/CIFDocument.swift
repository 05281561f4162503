import Formats
/// A CIF 1.1 file as data blocks of tagged values, each value with the line it came from.
///
/// Only the syntax is interpreted here (tags, loops, quoted strings, semicolon text fields,
/// comments); what the tags mean is `CrystalStructure+CIF`'s business. Tags are compared
/// case-insensitively, as the CIF 1.1 specification requires, and stored lower-cased.
public struct CIFDocument: Sendable {
  /// One value as written: its text (quotes removed) and its 1-based line.
  public struct Value: Sendable, Equatable {
    public var text: String
    public var line: Int
    /// True for an unquoted `?` (unknown) or `.` (inapplicable): no value was given.
    public var isMissing: Bool
  }

  /// A loop: its tags (lower-cased) and rows of values in tag order.
  public struct Loop: Sendable {
    public var tags: [String]
    public var rows: [[Value]]
    public var line: Int

    public func column(_ tag: String) -> Int? { tags.firstIndex(of: tag) }
  }

  /// A `data_` block: single tag-value pairs and loops.
  public struct Block: Sendable {
    public var name: String
    public var line: Int
    public var items: [String: Value] = [:]
    public var loops: [Loop] = []

    /// The loop holding `tag`, if any.
    public func loop(containing tag: String) -> Loop? { loops.first { $0.tags.contains(tag) } }

    /// Whether `tag` occurs in the block, as a single item or in a loop.
    public func has(_ tag: String) -> Bool { items[tag] != nil || loop(containing: tag) != nil }
  }

  public var blocks: [Block]

  /// Largest input accepted (bytes): a CIF of a crystal structure is kilobytes; this bounds the
  /// work a hostile or mistaken input (a whole database dump, a binary) can cause.
  public static let maximumBytes = 64 << 20
  /// Most values in one loop; each value costs a few dozen bytes, so this bounds memory.
  public static let maximumLoopValues = 4_000_000

  /// Parses CIF text. Errors carry the 1-based line and say what was expected.
  public init(text: String) throws(InputError) {
    guard text.utf8.count <= Self.maximumBytes else {
      throw InputError("a CIF of at most \(Self.maximumBytes >> 20) MiB (this one has \(text.utf8.count) bytes)")
    }
    var tokens = CIFTokenizer(text: text)
    var blocks: [Block] = []
    var pending: CIFTokenizer.Token? = nil

    func next() throws(InputError) -> CIFTokenizer.Token? {
      if let token = pending { pending = nil; return token }
      return try tokens.next()
    }

    while let token = try next() {
      switch token.kind {
      case .dataHeader(let name):
        blocks.append(Block(name: name, line: token.line))
      case .tag(let tag):
        guard !blocks.isEmpty else {
          throw InputError("a data_ block header before the first tag '\(tag)'", line: token.line)
        }
        guard let valueToken = try next(), case .value(let value) = valueToken.kind else {
          throw InputError("a value after the tag '\(tag)'", line: token.line)
        }
        if blocks[blocks.count - 1].items[tag] != nil || blocks[blocks.count - 1].loop(containing: tag) != nil {
          throw InputError("each tag once per data block ('\(tag)' is repeated)", line: token.line)
        }
        blocks[blocks.count - 1].items[tag] = value
      case .loop:
        guard !blocks.isEmpty else { throw InputError("a data_ block header before loop_", line: token.line) }
        var tags: [String] = []
        var values: [Value] = []
        var lastLine = token.line
        while let t = try next() {
          if case .tag(let tag) = t.kind, values.isEmpty {
            if tags.contains(tag) || blocks[blocks.count - 1].has(tag) {
              throw InputError("each tag once per data block ('\(tag)' is repeated)", line: t.line)
            }
            tags.append(tag)
          } else if case .value(let value) = t.kind {
            guard !tags.isEmpty else { throw InputError("tags after loop_, before its values", line: t.line) }
            guard values.count < Self.maximumLoopValues else {
              throw InputError("at most \(Self.maximumLoopValues) values in one loop", line: t.line)
            }
            values.append(value)
            lastLine = t.line
          } else {
            pending = t
            break
          }
        }
        guard !tags.isEmpty else { throw InputError("at least one tag after loop_", line: token.line) }
        guard !values.isEmpty else { throw InputError("values after the loop's tags", line: token.line) }
        guard values.count % tags.count == 0 else {
          throw InputError("""
            a multiple of \(tags.count) values in the loop of '\(tags[0])' (one per tag per row); \
            found \(values.count), so a row is incomplete
            """, line: lastLine)
        }
        var rows: [[Value]] = []
        rows.reserveCapacity(values.count / tags.count)
        var start = 0
        while start < values.count {
          rows.append(Array(values[start..<(start + tags.count)]))
          start += tags.count
        }
        blocks[blocks.count - 1].loops.append(Loop(tags: tags, rows: rows, line: token.line))
      case .value(let value):
        throw InputError("a tag before the value '\(value.text.prefix(40))'", line: token.line)
      case .reserved(let word):
        throw InputError("CIF 1.1 data (the reserved word '\(word)' — save frames, global_ and stop_ are not supported)",
                         line: token.line)
      }
    }
    guard !blocks.isEmpty else { throw InputError("a CIF with at least one data_ block") }
    self.blocks = blocks
  }
}
