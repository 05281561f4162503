import Formats

/// Recursive-descent parser for circuit strings:
///   circuit  := series
///   series   := term ('-' term)*
///   term     := 'p' '(' series (',' series)+ ')' | element
///   element  := prefix index      prefix ∈ R C L CPE La W Wo Ws G Zarc ZARC K, index = digits
/// Whitespace is ignored. Errors carry the 1-based column and say what was expected.
/// Parallel groups nest at most `maxDepth` deep: the parser recurses once per level, and a
/// string of 100 000 `p(` overflowed the stack (a crash, not an error).
struct CircuitParser {
  static let maxDepth = 100
  let chars: [Character]
  var position = 0
  var depth = 0
  var elements: [CircuitElement] = []
  var parameterCount = 0

  init(_ text: String) { chars = Array(text) }

  mutating func parse() throws -> (root: CircuitNode, elements: [CircuitElement]) {
    skipSpace()
    if position >= chars.count { throw InputError("expected a circuit such as R0-p(R1,C1), got an empty string", column: 1) }
    let root = try series()
    skipSpace()
    if position < chars.count {
      throw InputError("expected '-' or the end of the circuit, found '\(chars[position])'", column: position + 1)
    }
    return (root, elements)
  }

  mutating func skipSpace() {
    while position < chars.count && chars[position].isWhitespace { position += 1 }
  }

  mutating func series() throws -> CircuitNode {
    let start = parameterCount
    var terms = [try term()]
    skipSpace()
    while position < chars.count && chars[position] == "-" {
      position += 1
      skipSpace()
      terms.append(try term())
      skipSpace()
    }
    return terms.count == 1 ? terms[0] : .series(terms, start..<parameterCount)
  }

  mutating func term() throws -> CircuitNode {
    skipSpace()
    guard position < chars.count else {
      throw InputError("expected an element (R, C, L, CPE, La, W, Wo, Ws, G, Zarc, K) or p(...), found the end of the circuit", column: position + 1)
    }
    let startColumn = position + 1
    var prefix = ""
    while position < chars.count && chars[position].isLetter && chars[position].isASCII {
      prefix.append(chars[position])
      position += 1
    }
    if prefix.isEmpty {
      throw InputError("expected an element (R, C, L, CPE, La, W, Wo, Ws, G, Zarc, K) or p(...), found '\(chars[position])'", column: startColumn)
    }
    if prefix == "p" {
      skipSpace()
      if position < chars.count && chars[position] == "(" { return try parallel(openColumn: position + 1) }
      throw InputError("expected '(' after 'p' to start a parallel group", column: position + 1)
    }
    guard let kind = CircuitElementKind(prefix: prefix) else {
      throw InputError("unknown element '\(prefix)'; expected one of R, C, L, CPE, La, W, Wo, Ws, G, Zarc, K", column: startColumn)
    }
    var index = ""
    while position < chars.count && chars[position].isASCII && chars[position].isNumber {
      index.append(chars[position])
      position += 1
    }
    if index.isEmpty {
      throw InputError("expected an index after '\(prefix)' (e.g. \(prefix)0)", column: position + 1)
    }
    let label = prefix + index
    if elements.contains(where: { $0.label == label }) {
      throw InputError("element '\(label)' appears twice; each element needs its own index", column: startColumn)
    }
    let element = CircuitElement(kind: kind, label: label, parameterOffset: parameterCount)
    parameterCount += kind.parameterCount
    elements.append(element)
    return .element(element)
  }

  mutating func parallel(openColumn: Int) throws -> CircuitNode {
    guard depth < Self.maxDepth else {
      throw InputError("parallel groups nested deeper than \(Self.maxDepth) levels", column: openColumn)
    }
    depth += 1
    defer { depth -= 1 }
    let start = parameterCount
    position += 1  // '('
    var branches = [try series()]
    skipSpace()
    while position < chars.count && chars[position] == "," {
      position += 1
      branches.append(try series())
      skipSpace()
    }
    guard position < chars.count else {
      throw InputError("expected ')' to close the parallel group opened at column \(openColumn)", column: position + 1)
    }
    guard chars[position] == ")" else {
      throw InputError("expected ',' or ')' in the parallel group, found '\(chars[position])'", column: position + 1)
    }
    if branches.count < 2 {
      throw InputError("expected at least two branches in p(...), separated by ','", column: position + 1)
    }
    position += 1
    return .parallel(branches, start..<parameterCount)
  }
}
