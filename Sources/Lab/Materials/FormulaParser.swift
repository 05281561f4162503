import Engine
import Formats

extension Formula {
  /// Parses a chemical formula: element symbols with optional (fractional) subscripts, nested
  /// `(...)` and `[...]` groups with multipliers, and adduct parts separated by `·`, `•`, `⋅` or
  /// `*` with an optional leading multiplier (`CuSO4·5H2O`, `LiOH*H2O`). Spaces between tokens
  /// are ignored. Errors are `InputError`s whose `column` is the 1-based character column in
  /// `text` and whose message says what was expected there.
  public static func parse(_ text: String) throws -> Formula {
    // Subscript digits (Li₂S) read as digits; one character each, so columns stay right.
    let subscripts: [Character: Character] = [
      "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
    ]
    var parser = FormulaParser(text.map { subscripts[$0] ?? $0 })
    let components = try parser.parseFormula()
    let formula = Formula(text: text.trimmedSpaces(), components: components)
    // Finite subscripts can still multiply to inf through nested groups (found by make fuzz:
    // a molar mass of inf was accepted); no formula's mass may be printed as a number then.
    guard formula.molarMass.isFinite else {
      throw InputError("the subscripts and multipliers are too large: the molar mass is not a finite number", column: 1)
    }
    return formula
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmedSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}

/// Recursive-descent parser over the characters of a formula.
///
///     formula   := segment (separator segment)*
///     segment   := number? sequence
///     sequence  := (item)+
///     item      := (element | "(" sequence ")" | "[" sequence "]") number?
///     element   := Uppercase lowercase{0,2}
///     number    := digits ("." digits)?  |  "." digits
struct FormulaParser {
  /// Brackets nest at most this deep: each level is one recursive call, and 100 000 `(` in a
  /// row overflowed the stack (a crash, not an error).
  static let maxDepth = 100
  private let chars: [Character]
  private var index = 0
  private var depth = 0
  private static let separators: Set<Character> = ["·", "•", "⋅", "*"]

  init(_ chars: [Character]) { self.chars = chars }

  private func error(_ message: String, at position: Int) -> InputError {
    InputError(message, column: position + 1)
  }

  private mutating func skipSpaces() {
    while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
  }

  private var current: Character? { index < chars.count ? chars[index] : nil }

  mutating func parseFormula() throws -> [FormulaComponent] {
    skipSpaces()
    guard current != nil else { throw error("expected a formula, found nothing", at: 0) }
    var components: [FormulaComponent] = []
    var separator: (Character, Int)?
    while true {
      skipSpaces()
      let start = index
      if current == nil || current.map({ Self.separators.contains($0) }) == true {
        if let (sep, position) = separator {
          throw error("expected a formula after `\(sep)` at column \(position + 1)", at: index)
        }
        throw error("expected a formula before `\(current.map(String.init) ?? "")`", at: index)
      }
      let multiplier = try parseNumber() ?? 1
      skipSpaces()
      let bodyStart = index
      let amounts = try parseSequence(closing: nil)
      let body = String(chars[bodyStart..<index]).trimmedSpaces()
      if amounts.isEmpty || index == start {
        throw error("expected an element symbol", at: index)
      }
      components.append(FormulaComponent(text: body, multiplier: multiplier, amounts: amounts))
      skipSpaces()
      guard let next = current else { break }
      if Self.separators.contains(next) {
        separator = (next, index)
        index += 1
        continue
      }
      if next == ")" || next == "]" {
        throw error("unbalanced parentheses: `\(next)` has no matching opening bracket", at: index)
      }
      throw error("unexpected `\(next)`: expected an element symbol, `(` or `·`", at: index)
    }
    return components
  }

  /// Parses items until a closing bracket, a separator or the end; returns the summed amounts.
  private mutating func parseSequence(closing: (Character, Int)?) throws -> [ElementAmount] {
    var order: [Element] = []
    var totals: [String: Double] = [:]
    func add(_ element: Element, _ count: Double) {
      if totals[element.symbol] == nil { order.append(element) }
      totals[element.symbol, default: 0] += count
    }
    while true {
      skipSpaces()
      guard let c = current else {
        if let (open, position) = closing {
          throw error(
            "unbalanced parentheses: `\(open)` at column \(position + 1) is never closed",
            at: position)
        }
        break
      }
      if c == ")" || c == "]" {
        guard let (open, position) = closing else { break }
        let expected: Character = open == "(" ? ")" : "]"
        if c != expected {
          throw error(
            "expected `\(expected)` to close `\(open)` at column \(position + 1), found `\(c)`",
            at: index)
        }
        break
      }
      if Self.separators.contains(c) {
        if let (open, position) = closing {
          throw error(
            "unbalanced parentheses: `\(open)` at column \(position + 1) is not closed before `\(c)`",
            at: index)
        }
        break
      }
      if c == "(" || c == "[" {
        let open = index
        index += 1
        skipSpaces()
        if let close = current, close == ")" || close == "]" {
          throw error("empty group `\(c)\(close)`: expected an element symbol inside", at: open)
        }
        guard depth < Self.maxDepth else {
          throw error("brackets nested deeper than \(Self.maxDepth) levels", at: open)
        }
        depth += 1
        let inner = try parseSequence(closing: (c, open))
        depth -= 1
        index += 1  // the closing bracket, checked by the inner call
        let multiplier = try parseNumber() ?? 1
        for amount in inner { add(amount.element, amount.count * multiplier) }
        continue
      }
      if c.isUppercase, c.isLetter {
        let start = index
        index += 1
        while let l = current, l.isLowercase, l.isLetter { index += 1 }
        let symbol = String(chars[start..<index])
        guard let element = PeriodicTable.element(symbol: symbol) else {
          throw error("unknown element `\(symbol)`", at: start)
        }
        let count = try parseNumber() ?? 1
        add(element, count)
        continue
      }
      if c.isNumber || c == "." {
        throw error("unexpected number: a subscript must follow an element or a group", at: index)
      }
      if c.isLowercase {
        throw error(
          "expected an element symbol starting with a capital letter, found `\(c)`", at: index)
      }
      throw error("unexpected `\(c)`: expected an element symbol, `(` or a subscript", at: index)
    }
    return order.map { ElementAmount(element: $0, count: totals[$0.symbol] ?? 0) }
  }

  /// Reads a positive decimal number at the cursor (after optional spaces), or returns nil when
  /// there is none.
  private mutating func parseNumber() throws -> Double? {
    let save = index
    skipSpaces()
    guard let c = current, c.isASCII, c.isNumber || c == "." else {
      index = save
      return nil
    }
    let start = index
    while let d = current, d.isASCII, d.isNumber || d == "." { index += 1 }
    let token = String(chars[start..<index])
    let dots = token.filter { $0 == "." }.count
    if dots > 1 {
      throw error("bad number `\(token)`: expected digits with at most one decimal point", at: start)
    }
    if token.hasSuffix(".") {
      throw error("bad number `\(token)`: expected digits after the decimal point", at: start)
    }
    guard let value = Double(token.hasPrefix(".") ? "0" + token : token) else {
      throw error("bad number `\(token)`", at: start)
    }
    if value <= 0 {
      throw error("bad number `\(token)`: a subscript or multiplier must be positive", at: start)
    }
    if !value.isFinite {
      throw error("bad number `\(token)`: too large for a subscript or multiplier", at: start)
    }
    return value
  }
}
