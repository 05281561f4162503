/// One step of an assembly protocol.
public enum AssemblyStepKind: Sendable, Hashable {
  case layer(LayerSpec)
  case press(Pressing)
  /// Anything else (sputter Au, sinter, seal the cell), optionally timed.
  case action(text: String, hours: Double?)
}

public struct AssemblyStep: Sendable, Hashable {
  public var kind: AssemblyStepKind
  public var line: Int?

  public init(_ kind: AssemblyStepKind, line: Int? = nil) {
    self.kind = kind
    self.line = line
  }
}
