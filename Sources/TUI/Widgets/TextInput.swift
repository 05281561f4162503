/// A one-line editor that behaves like a shell prompt: Left/Right, Home/End and Ctrl-A/Ctrl-E
/// move; Backspace/Delete remove a character; Ctrl-U clears the line, Ctrl-K kills to its end and
/// Ctrl-W deletes the word before the cursor; Enter submits and Esc cancels. In numeric mode the
/// text must read as a number with an optional exponent and unit (`2g`, `300 MPa`, `1.5e-3`);
/// a bad entry is refused with a message, never a crash.
public struct TextInput: Widget, Hashable, Sendable {
  /// What a key did to the input.
  public enum Outcome: Hashable, Sendable {
    case edited
    case moved
    case submitted(String)
    /// Enter on numeric text that does not parse; the message says what was expected.
    case rejected(String)
    case cancelled
    /// A key the input does not handle (the caller may use it).
    case ignored
  }

  public private(set) var characters: [Character]
  /// Insertion point, 0…characters.count.
  public private(set) var cursor: Int
  public var prompt: String
  /// When set, the input only accepts what `NumericEntry` parses in this unit.
  public var numericUnit: NumericEntry.Unit?

  public init(text: String = "", prompt: String = "", numericUnit: NumericEntry.Unit? = nil) {
    self.characters = Array(text)
    self.cursor = characters.count
    self.prompt = prompt
    self.numericUnit = numericUnit
  }

  public var text: String { String(characters) }

  /// The parsed value in numeric mode (nil in text mode).
  public var numericValue: Result<Double, NumericEntry.Failure>? {
    numericUnit.map { NumericEntry.parse(text, unit: $0) }
  }

  public mutating func setText(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .character(let c):
      characters.insert(c, at: cursor)
      cursor += 1
      return .edited
    case .left:
      cursor = max(0, cursor - 1)
      return .moved
    case .right:
      cursor = min(characters.count, cursor + 1)
      return .moved
    case .home, .ctrl("a"):
      cursor = 0
      return .moved
    case .end, .ctrl("e"):
      cursor = characters.count
      return .moved
    case .backspace, .ctrl("h"):
      guard cursor > 0 else { return .moved }
      characters.remove(at: cursor - 1)
      cursor -= 1
      return .edited
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return .moved }
      characters.remove(at: cursor)
      return .edited
    case .ctrl("u"):
      characters.removeAll()
      cursor = 0
      return .edited
    case .ctrl("k"):
      characters.removeSubrange(cursor...)
      return .edited
    case .ctrl("w"):
      var start = cursor
      while start > 0 && characters[start - 1] == " " { start -= 1 }
      while start > 0 && characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
      return .edited
    case .enter:
      if let numericUnit, case .failure(let failure) = NumericEntry.parse(text, unit: numericUnit) {
        return .rejected(failure.message)
      }
      return .submitted(text)
    case .escape:
      return .cancelled
    default:
      return .ignored
    }
  }

  /// Draws the prompt and the text on the first row of `area`, scrolled so the cursor shows; the
  /// cursor cell is reversed. Numeric text that does not parse is drawn in the error colour.
  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let base = theme.textStyle
    buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: base))
    let x = buffer.write(prompt, x: area.x, y: area.y, style: base, maxWidth: area.width)
    let room = area.right - x
    guard room > 0 else { return }
    var textStyle = base
    if case .failure = numericValue { textStyle = base.with(foreground: theme.error) }
    // Keep the cursor inside the visible window (it may sit one past the last character).
    let first = max(0, cursor - room + 1)
    for column in 0..<room {
      let index = first + column
      let symbol: Character = index < characters.count ? characters[index] : " "
      let style = index == cursor ? textStyle.adding(.reverse) : textStyle
      if index > characters.count { break }
      buffer.set(x: x + column, y: area.y, symbol: symbol, style: style)
    }
  }
}
